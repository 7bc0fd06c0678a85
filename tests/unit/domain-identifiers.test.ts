import { describe, expect, test } from "vitest";
import {
  Money,
  clampContributionBase,
  formatMoney,
  generateCreditCode,
  generateIdNumber,
  idCheckCharacter,
  validateCreditCode,
  validateIdNumber,
} from "@/lib/domain";

describe("base clamp (RULES.md §7 E8)", () => {
  test.each([
    ["E8 below the floor", "3000", "8000", ["4800.00", "384.00", "768.00", "960.00", "384.00"]],
    ["E8 inside", "8000", "8000", ["8000.00", "640.00", "1280.00", "1600.00", "640.00"]],
    ["E8 above the cap", "30000", "8000", ["24000.00", "1920.00", "3840.00", "4800.00", "1920.00"]],
    ["exactly the floor", "4800", "8000", ["4800.00", "384.00", "768.00", "960.00", "384.00"]],
    ["limits rounded to the fen", "1", "7333.33", ["4400.00", "352.00", "704.00", "880.00", "352.00"]],
    ["amounts each rounded half-up", "6666.66", "8000", ["6666.66", "533.33", "1066.67", "1333.33", "533.33"]],
  ])("%s", (_label, wage, average, expected) => {
    const r = clampContributionBase(new Money(wage), new Money(average));
    expect([r.base, r.individual, r.employer, r.flexible, r.flexibleToAccount].map(formatMoney)).toEqual(expected);
  });
});

describe("resident ID number (GB 11643, RULES.md §6.1)", () => {
  test.each([
    ["V1 X check character", "11010519491231002X", { valid: true, birthDate: "1949-12-31", sex: "F" }],
    ["V1 with a lowercase x", "11010519491231002x", { valid: true, birthDate: "1949-12-31", sex: "F" }],
    ["V2", "440524188001010014", { valid: true, birthDate: "1880-01-01", sex: "M" }],
    ["V3 wrong check character", "110105194912310021", { valid: false, reason: "checksum" }],
    ["V4", "440305199003071236", { valid: true, birthDate: "1990-03-07", sex: "M" }],
    ["V5 30 February", "110105194902301234", { valid: false, reason: "date" }],
    ["15 digits (old format)", "110105491231002", { valid: false, reason: "format" }],
    ["letter inside", "11010519491231A02X", { valid: false, reason: "format" }],
    ["spaces", " 11010519491231002X", { valid: false, reason: "format" }],
    ["empty", "", { valid: false, reason: "format" }],
  ])("%s", (_label, value, expected) => {
    expect(validateIdNumber(value)).toMatchObject(expected);
  });

  test("a birth date after today is a date error when today is given", () => {
    const future = generateIdNumber({ birthDate: "2030-05-01", sex: "F" });
    expect(validateIdNumber(future).valid).toBe(true);
    expect(validateIdNumber(future, { today: "2026-01-01" })).toEqual({ valid: false, reason: "date" });
  });

  test.each([
    ["M", "1990-03-07", 123],
    ["F", "1985-06-12", 22],
    ["F", "2000-02-29", 999],
    ["M", "1960-12-31", 0],
  ] as const)("generateIdNumber %s %s", (sex, birthDate, sequence) => {
    const id = generateIdNumber({ sex, birthDate, sequence, addressCode: "430102" });
    expect(validateIdNumber(id)).toMatchObject({ valid: true, sex, birthDate, addressCode: "430102" });
  });

  test("the check character table 10X98765432", () => {
    expect(idCheckCharacter("11010519491231002")).toBe("X");
    expect(idCheckCharacter("44052418800101001")).toBe("4");
  });
});

describe("unified social credit code (GB 32100 + GB 11714, RULES.md §6.2)", () => {
  test.each([
    ["V6", "91350100M000100Y43", { valid: true, organizationCode: "M000100Y4" }],
    ["V7", "91350100M000100Y42", { valid: false, reason: "checksum", overridable: true }],
    ["V8", "91440300MA5FXY125P", { valid: true, organizationCode: "MA5FXY125" }],
    ["Fujian pilot code fails but may be overridden", "91350100M0001TGQXM", { valid: false, overridable: true }],
    ["I is not in the character set", "91350100I000100Y43", { valid: false, reason: "format" }],
    ["17 characters", "91350100M000100Y4", { valid: false, reason: "format" }],
  ])("%s", (_label, value, expected) => {
    expect(validateCreditCode(value)).toMatchObject(expected);
  });

  test("a wrong embedded organisation check character is its own reason", () => {
    const code = generateCreditCode("91350100M000100Y5"); // org check should be 4
    expect(validateCreditCode(code)).toEqual({ valid: false, reason: "org-code", overridable: true });
  });

  test("generateCreditCode from 16 characters adds both check characters", () => {
    expect(generateCreditCode("91350100M000100Y")).toBe("91350100M000100Y43");
    expect(generateCreditCode("91440300MA5FXY12")).toBe("91440300MA5FXY125P");
  });
});

import { afterEach, describe, expect, test, vi } from "vitest";
import { idNumberSchema } from "@/lib/cases/schemas";
import {
  Money,
  clampContributionBase,
  formatMoney,
  generateCreditCode,
  generateIdNumber,
  idCheckCharacter,
  shanghaiDate,
  validateCreditCode,
  validateIdNumber,
} from "@/lib/domain";

describe("base clamp (docs/rules.md §7 E8)", () => {
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

describe("resident ID number (GB 11643, docs/rules.md §6.1)", () => {
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

  test("a birth date after the given today is a date error; born on that day is valid (issue 13)", () => {
    const bornIn2030 = generateIdNumber({ birthDate: "2030-05-01", sex: "M", sequence: 13 });
    expect(validateIdNumber(bornIn2030, { today: "2026-12-04" })).toEqual({ valid: false, reason: "date" });
    const bornToday = generateIdNumber({ birthDate: "2026-12-04", sex: "F", sequence: 8 });
    expect(validateIdNumber(bornToday, { today: "2026-12-04" })).toMatchObject({ valid: true, birthDate: "2026-12-04" });
    expect(validateIdNumber(bornToday, { today: "2026-12-03" })).toEqual({ valid: false, reason: "date" });
    // The checksum is still checked first: a typo in a future number reads "checksum".
    const typo = `${bornIn2030.slice(0, 17)}${bornIn2030.endsWith("0") ? "1" : "0"}`;
    expect(validateIdNumber(typo, { today: "2026-12-04" })).toEqual({ valid: false, reason: "checksum" });
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

describe("unified social credit code (GB 32100 + GB 11714, docs/rules.md §6.2)", () => {
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

  // The GB 11714 check is the optional second validation (docs/rules.md §6.2; decision 0012): a
  // code whose GB 32100 check character is right is valid, and a wrong embedded check is a warning.
  test("a wrong embedded organisation check character is a warning on a valid code, not a refusal", () => {
    const code = generateCreditCode("91350100M000100Y5"); // org check should be 4
    expect(validateCreditCode(code)).toEqual({
      valid: true, value: code, divisionCode: "350100", organizationCode: "M000100Y5", warnings: ["org-code-check"],
    });
  });

  test("a code whose both check characters are right has no warning", () => {
    expect(validateCreditCode("91440300MA5FXY125P")).toMatchObject({ valid: true, warnings: [] });
  });

  test("a wrong main check character is still invalid, whatever the embedded check says", () => {
    const good = generateCreditCode("91350100M000100Y5"); // embedded check wrong, main right
    const wrongMain = `${good.slice(0, 17)}${good[17] === "0" ? "1" : "0"}`;
    expect(validateCreditCode(wrongMain)).toEqual({ valid: false, reason: "checksum", overridable: true });
  });

  test("generateCreditCode from 16 characters adds both check characters", () => {
    expect(generateCreditCode("91350100M000100Y")).toBe("91350100M000100Y43");
    expect(generateCreditCode("91440300MA5FXY12")).toBe("91440300MA5FXY125P");
  });
});

describe("today in Asia/Shanghai, and intake's ID field (docs/rules.md §6.1, issue 13)", () => {
  afterEach(() => void vi.useRealTimers());

  test("shanghaiDate: 16:00 UTC is already the next day in Beijing", () => {
    expect(shanghaiDate(new Date("2026-12-04T15:59:59.999Z"))).toBe("2026-12-04");
    expect(shanghaiDate(new Date("2026-12-04T16:00:00.000Z"))).toBe("2026-12-05");
    expect(shanghaiDate(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01");
  });

  test("the intake schema refuses a birth date after today in Shanghai, with its own message", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const bornOn5Dec = generateIdNumber({ birthDate: "2026-12-05", sex: "M", sequence: 21 });
    vi.setSystemTime(new Date("2026-12-04T15:59:59.000Z")); // 23:59:59 on 4 December in Beijing
    const before = idNumberSchema.safeParse(bornOn5Dec);
    expect(before.success).toBe(false);
    expect(before.error?.issues.map((i) => i.message)).toEqual(["validation.idNumberDate"]);
    vi.setSystemTime(new Date("2026-12-04T16:00:00.000Z")); // midnight: 5 December in Beijing
    expect(idNumberSchema.safeParse(bornOn5Dec)).toEqual({ success: true, data: bornOn5Dec });
  });

  test("the intake schema keeps the checksum message for a typo", () => {
    const typo = "110105194912310021";
    expect(idNumberSchema.safeParse(typo).error?.issues.map((i) => i.message)).toEqual(["validation.idNumber"]);
    expect(idNumberSchema.safeParse("2030").error?.issues.map((i) => i.message)).toEqual(["validation.idNumber"]);
  });
});

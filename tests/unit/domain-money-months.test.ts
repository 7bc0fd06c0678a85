import { describe, expect, test } from "vitest";
import {
  CalcInputError,
  DecimalParseError,
  Money,
  SHANGHAI_JIAO_UP,
  addMonths,
  expandHistory,
  formatMoney,
  isDecimalString,
  monthsInclusive,
  parseDecimal,
  round2,
  roundMoney,
  tryParseMonth,
  type HistoryRow,
} from "@/lib/domain";

describe("round2", () => {
  test.each([
    ["half-up rounds a true half up", "17.875", undefined, "17.88"],
    ["half-up below the half", "237.432", undefined, "237.43"],
    ["half-up negative half goes away from zero", "-0.005", undefined, "-0.01"],
    ["half-even keeps an even digit", "19.305", "half-even", "19.30"],
    ["half-even moves an odd digit", "19.315", "half-even", "19.32"],
    ["down truncates", "1.999", "down", "1.99"],
    ["up raises any fraction", "1.001", "up", "1.01"],
  ] as const)("%s: %s", (_label, value, mode, expected) => {
    expect(round2(value, mode).toFixed(2)).toBe(expected);
  });

  test("Shanghai 见分进角 rounds any fen up to the next jiao", () => {
    expect(formatMoney(roundMoney("237.432", SHANGHAI_JIAO_UP))).toBe("237.50");
    expect(formatMoney(roundMoney("237.40", SHANGHAI_JIAO_UP))).toBe("237.40");
  });
});

describe("decimal strings", () => {
  test.each([
    ["integer", "6000", true],
    ["rate", "0.0761", true],
    ["negative", "-12.5", true],
    ["exponent", "1e5", false],
    ["leading space", " 6000", false],
    ["plus sign", "+5", false],
    ["bare point", ".5", false],
    ["trailing point", "5.", false],
    ["hex", "0x10", false],
    ["empty", "", false],
    ["Infinity", "Infinity", false],
  ] as const)("%s %j → %s", (_label, value, ok) => {
    expect(isDecimalString(value)).toBe(ok);
  });

  test("parseDecimal refuses a JS number", () => {
    expect(() => parseDecimal(0.08)).toThrow(DecimalParseError);
    expect(parseDecimal("0.08").equals(new Money("0.08"))).toBe(true);
  });

  test.each([
    ["zero", "0", "0.00"],
    ["negative zero prints without a sign", "-0.001", "0.00"],
    ["two decimals always", "5", "5.00"],
    ["rounds half-up", "2.675", "2.68"],
  ])("formatMoney %s", (_label, value, expected) => {
    expect(formatMoney(value)).toBe(expected);
  });
});

describe("months", () => {
  test.each([
    ["same month", "2024-06", "2024-06", 1],
    ["a year", "2019-01", "2019-12", 12],
    ["across years", "2021-04", "2024-07", 40],
    ["reversed is empty", "2024-07", "2024-06", 0],
  ])("monthsInclusive %s", (_label, from, to, expected) => {
    expect(monthsInclusive(from, to)).toBe(expected);
  });

  test.each([["2024-13"], ["2024-00"], ["24-01"], ["2024-1"], ["2024/01"]])("%s is not a month", (value) => {
    expect(tryParseMonth(value)).toBeNull();
  });

  test("addMonths crosses years both ways", () => {
    expect(addMonths("2024-12", 1)).toBe("2025-01");
    expect(addMonths("2024-01", -1)).toBe("2023-12");
  });

  const row = (from: string, to: string, base = "1000"): HistoryRow => ({ from, to, monthlyBase: new Money(base) });

  test("a row spanning years expands into its months in order", () => {
    const months = expandHistory([row("2023-11", "2024-02")]);
    expect(months.map((m) => [m.year, m.month])).toEqual([
      [2023, 11],
      [2023, 12],
      [2024, 1],
      [2024, 2],
    ]);
  });

  test("overlapping rows are refused with the first shared month", () => {
    try {
      expandHistory([row("2024-01", "2024-06"), row("2024-06", "2024-08")]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CalcInputError);
      expect((error as CalcInputError).messageKey).toBe("validation.historyOverlap");
      expect((error as CalcInputError).params).toEqual({ month: "2024-06" });
    }
  });

  test("a row ending before it starts is refused", () => {
    expect(() => expandHistory([row("2024-06", "2024-01")])).toThrow(CalcInputError);
  });
});

import { describe, expect, test } from "vitest";
import {
  MissingRateError,
  Money,
  SHANGHAI_JIAO_UP,
  computePersonalAccount,
  formatMoney,
  type HistoryRow,
  type PersonalAccountInput,
} from "@/lib/domain";

const d = (v: string) => new Money(v);
const row = (from: string, to: string, base: string, accountRate?: string): HistoryRow => ({
  from,
  to,
  monthlyBase: d(base),
  accountRate: accountRate ? d(accountRate) : undefined,
});
const rates = (table: Record<number, string>) => new Map(Object.entries(table).map(([y, r]) => [Number(y), d(r)]));
const NATIONAL = rates({ 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397", 2024: "0.0262" });

function run(input: Partial<PersonalAccountInput> & Pick<PersonalAccountInput, "history" | "throughYear">) {
  const result = computePersonalAccount({ rates: NATIONAL, ...input });
  return {
    closing: formatMoney(result.closingBalance),
    years: result.years.map((y) => [y.year, formatMoney(y.principal), formatMoney(y.interest), formatMoney(y.closingBalance)]),
    result,
  };
}

const E1 = [
  row("2019-01", "2019-12", "6000"),
  row("2020-01", "2020-12", "6300"),
  row("2021-01", "2021-12", "6600"),
  row("2022-01", "2022-12", "7000"),
  row("2023-01", "2023-12", "7200"),
];

describe("personal account, month-product method (docs/rules.md §5.4)", () => {
  test("E1: 36361.58, not the year method's 36361.22", () => {
    const { closing, result } = run({ history: E1, throughYear: 2023 });
    expect(closing).toBe("36361.58");
    expect(closing).not.toBe("36361.22");
    const y2020 = result.years[1];
    expect(y2020.priorBalanceInterest.toDecimalPlaces(6).toFixed()).toBe("362.244772");
    expect(y2020.currentYearInterest.toFixed()).toBe("197.8704");
    expect(y2020.monthProduct.toFixed()).toBe("39312");
  });

  test.each([
    [
      "E5 in the transfer-in province: 2023 end 14838.49, 2024 interest 467.79, end 20874.28",
      {
        history: [row("2021-04", "2021-12", "5000"), row("2022-01", "2022-12", "5200"), row("2023-01", "2023-12", "5500"), row("2024-01", "2024-12", "5800")],
        throughYear: 2024,
      },
      [
        [2021, "3600.00", "100.35", "3700.35"],
        [2022, "4992.00", "391.95", "9084.30"],
        [2023, "5280.00", "474.19", "14838.49"],
        [2024, "5568.00", "467.79", "20874.28"],
      ],
    ],
    [
      "D5 cleared record January–June 2022: storage 3019.54, then 2023 interest on it",
      { history: [row("2022-01", "2022-06", "6000")], throughYear: 2023 },
      [
        [2022, "2880.00", "139.54", "3019.54"],
        [2023, "0.00", "119.88", "3139.42"],
      ],
    ],
    [
      "a gap year earns interest on its opening balance",
      { history: [row("2019-01", "2019-12", "6000"), row("2021-01", "2021-12", "6600")], throughYear: 2021 },
      [
        [2019, "5760.00", "237.43", "5997.43"],
        [2020, "0.00", "362.24", "6359.67"],
        [2021, "6336.00", "655.06", "13350.73"],
      ],
    ],
    [
      "a base change inside a year: each month at its own base",
      { history: [row("2022-01", "2022-06", "5000"), row("2022-07", "2022-12", "6000")], throughYear: 2022 },
      [[2022, "5280.00", "167.69", "5447.69"]],
    ],
    [
      "an opening balance with no contributions",
      { history: [], openingBalance: d("10000"), fromYear: 2023, throughYear: 2024 },
      [
        [2023, "0.00", "397.00", "10397.00"],
        [2024, "0.00", "272.40", "10669.40"],
      ],
    ],
    [
      "11% rows for 2005, 8% from 2006 (a true half-fen rounds up)",
      {
        history: [row("2005-01", "2005-12", "1200", "0.11"), row("2006-01", "2006-12", "1300")],
        rates: rates({ 2005: "0.0225", 2006: "0.025" }),
        throughYear: 2006,
      },
      [
        [2005, "1584.00", "19.31", "1603.31"],
        [2006, "1248.00", "56.98", "2908.29"],
      ],
    ],
  ] as const)("%s", (_label, input, expected) => {
    expect(run(input as Parameters<typeof run>[0]).years).toEqual(expected);
  });

  test("the rounding policy is a parameter: half-even and Shanghai jiao-up", () => {
    const history = [row("2005-01", "2005-12", "1200", "0.11")];
    const r2005 = rates({ 2005: "0.0225" });
    const halfEven = computePersonalAccount({ history, rates: r2005, throughYear: 2005, interestRounding: { places: 2, mode: "half-even" } });
    expect(formatMoney(halfEven.years[0].interest)).toBe("19.30");
    const shanghai = computePersonalAccount({ history: E1.slice(0, 1), rates: NATIONAL, throughYear: 2019, interestRounding: SHANGHAI_JIAO_UP });
    expect(formatMoney(shanghai.years[0].interest)).toBe("237.50");
  });

  test("a partial last year cuts at month m: E4's 2024 with m = 3", () => {
    const history = [row("2021-01", "2021-12", "5000"), row("2022-01", "2022-12", "5200"), row("2023-01", "2023-12", "5400"), row("2024-01", "2024-03", "5600")];
    const { years } = run({ history, throughYear: 2024, lastYearMonths: 3 });
    expect(years).toEqual([
      [2021, "4800.00", "173.94", "4973.94"],
      [2022, "4992.00", "469.89", "10435.83"],
      [2023, "5184.00", "525.78", "16145.61"],
      [2024, "1344.00", "111.62", "17601.23"],
    ]);
  });

  test("months after the last year are listed, not credited", () => {
    const { result } = run({ history: [row("2023-11", "2024-02", "5000")], throughYear: 2023 });
    expect(result.excludedMonths).toEqual(["2024-01", "2024-02"]);
    expect(formatMoney(result.years[0].principal)).toBe("800.00");
  });

  test("a needed year without a rate throws MissingRateError naming the year", () => {
    expect(() => run({ history: E1, rates: rates({ 2019: "0.0761" }), throughYear: 2023 })).toThrow(MissingRateError);
    try {
      run({ history: E1, rates: rates({ 2019: "0.0761" }), throughYear: 2023 });
    } catch (error) {
      expect((error as MissingRateError).year).toBe(2020);
    }
  });

  test("a year with nothing to credit needs no rate", () => {
    const { closing } = run({ history: [], fromYear: 2010, throughYear: 2012, rates: new Map() });
    expect(closing).toBe("0.00");
  });

  test("the receipt lists every year with rate, months and both interest parts", () => {
    const { result } = run({ history: E1, throughYear: 2023 });
    expect(result.years.map((y) => y.interestMonths)).toEqual([12, 12, 12, 12, 12]);
    expect(result.years.map((y) => y.rate.toFixed())).toEqual(["0.0761", "0.0604", "0.0669", "0.0612", "0.0397"]);
  });
});

import { describe, expect, test } from "vitest";
import {
  CalcInputError,
  Money,
  calculatePooledTransfer,
  calculateTransferFunds,
  determineAccountType,
  determineBenefitPlace,
  formatMoney,
  normalizeProvince,
  type HistoryRow,
  type Stint,
  type TemporaryAccountInput,
} from "@/lib/domain";

const d = (v: string) => new Money(v);
const row = (from: string, to: string, base: string, accountRate?: string): HistoryRow => ({
  from,
  to,
  monthlyBase: d(base),
  accountRate: accountRate ? d(accountRate) : undefined,
});
const rates = (table: Record<number, string>) => new Map(Object.entries(table).map(([y, r]) => [Number(y), d(r)]));
const E5 = [row("2021-04", "2021-12", "5000"), row("2022-01", "2022-12", "5200"), row("2023-01", "2023-12", "5500"), row("2024-01", "2024-07", "5800")];
const E7 = [row("2022-01", "2023-12", "6000")];

describe("pooled fund (docs/rules.md §4.4)", () => {
  test.each([
    ["E5 partial years by months", { history: E5 }, "25680.00", "standard"],
    ["E6 pre-1998 excluded", { history: [row("1996-07", "1996-12", "800"), row("1997-01", "1997-12", "900"), row("1998-01", "1998-12", "1000"), row("1999-01", "1999-12", "1100")] }, "3024.00", "standard"],
    ["a row across 1998 counts from January 1998", { history: [row("1997-07", "1998-06", "1000")] }, "720.00", "standard"],
    ["E7 temporary, employer 16%", { history: E7, temporaryAccount: true, employerRate: d("0.16") }, "23040.00", "temporary-employer-rate"],
    ["E7 temporary, employer 14%", { history: E7, temporaryAccount: true, employerRate: d("0.14") }, "20160.00", "temporary-employer-rate"],
    ["E7 temporary, employer exactly 12%", { history: E7, temporaryAccount: true, employerRate: d("0.12") }, "17280.00", "temporary-floor"],
    ["E7 temporary, employer 10% → floor 12%", { history: E7, temporaryAccount: true, employerRate: d("0.10") }, "17280.00", "temporary-floor"],
    ["E7 flexible on a temporary account → 12%", { history: E7, temporaryAccount: true, flexible: true, employerRate: d("0.20") }, "17280.00", "flexible"],
    ["flexible on a general account → 12% whatever the transfer rate", { history: E7, flexible: true, transferRate: d("0.16") }, "17280.00", "flexible"],
  ] as const)("%s → %s", (_label, input, expected, basis) => {
    const r = calculatePooledTransfer(input);
    expect(formatMoney(r.pooledFund)).toBe(expected);
    expect(r.basis).toBe(basis);
  });

  test("the fund is rounded once on the total, the year rows only for display", () => {
    const r = calculatePooledTransfer({ history: [row("2022-01", "2022-01", "1000.04"), row("2023-01", "2023-01", "1000.04")] });
    expect(r.years.map((y) => formatMoney(y.pooled))).toEqual(["120.00", "120.00"]);
    expect(formatMoney(r.pooledFund)).toBe("240.01");
  });

  test("a temporary account of an employee needs the employer rate", () => {
    expect(() => calculatePooledTransfer({ history: E7, temporaryAccount: true })).toThrow(CalcInputError);
  });
});

describe("transfer funds: the information table (docs/rules.md §4.2, §4.4)", () => {
  const ratesE5 = rates({ 2021: "0.0669", 2022: "0.0612", 2023: "0.0397" });
  const money = (r: ReturnType<typeof calculateTransferFunds>) =>
    [r.f1, r.f2, r.f3, r.f4, r.f5, r.f6].map(formatMoney);

  test("E5 August 2024", () => {
    const r = calculateTransferFunds({ history: E5, rates: ratesE5, transferMonth: "2024-08" });
    expect(money(r)).toEqual(["0.00", "14838.49", "3248.00", "18086.49", "25680.00", "43766.49"]);
    expect(r.provisional).toBe(false);
    expect(
      r.rows.map((x) => [x.year, x.from, x.to, x.months, formatMoney(x.principal), x.interest && formatMoney(x.interest), formatMoney(x.closingBalance), formatMoney(x.pooled)]),
    ).toEqual([
      [2021, "2021-04", "2021-12", 9, "3600.00", "100.35", "3700.35", "5400.00"],
      [2022, "2022-01", "2022-12", 12, "4992.00", "391.95", "9084.30", "7488.00"],
      [2023, "2023-01", "2023-12", 12, "5280.00", "474.19", "14838.49", "7920.00"],
      [2024, "2024-01", "2024-07", 7, "3248.00", null, "18086.49", "4872.00"],
    ]);
  });

  test("months from the transfer month on stay out of every field", () => {
    const later = [...E5.slice(0, 3), row("2024-01", "2024-12", "5800")];
    const r = calculateTransferFunds({ history: later, rates: ratesE5, transferMonth: "2024-08" });
    expect(money(r)).toEqual(["0.00", "14838.49", "3248.00", "18086.49", "25680.00", "43766.49"]);
  });

  test("pre-1998 balance is field (1); pre-1998 months are not counted again", () => {
    const history = [row("1996-01", "1997-12", "500"), row("1998-01", "1998-12", "600", "0.11")];
    const r = calculateTransferFunds({
      history,
      rates: rates({ 1998: "0.05" }),
      transferMonth: "1999-03",
      pre1998IndividualBalance: d("1234.565"),
    });
    // 1998: 66.00 × 12 = 792.00; interest round2(66 × 78 × 0.05 / 12) = 21.45; pooled 12% × 7200
    expect(money(r)).toEqual(["1234.57", "813.45", "0.00", "2048.02", "864.00", "2912.02"]);
  });

  test("a missing rate for the year before the transfer may be provisional", () => {
    const r = calculateTransferFunds({
      history: E5,
      rates: rates({ 2021: "0.0669", 2022: "0.0612" }),
      provisionalRate: d("0.0397"),
      transferMonth: "2024-08",
    });
    expect(formatMoney(r.f2)).toBe("14838.49");
    expect(r.provisional).toBe(true);
  });

  test("a transfer in January moves no current-year principal", () => {
    const r = calculateTransferFunds({ history: E5.slice(0, 3), rates: ratesE5, transferMonth: "2024-01" });
    expect(formatMoney(r.f3)).toBe("0.00");
    expect(formatMoney(r.f2)).toBe("14838.49");
  });
});

describe("benefit place (docs/rules.md §4.6)", () => {
  const s = (province: string, months: number, extra: Partial<Stint> = {}): Stint => ({ province, months, ...extra });
  test.each([
    ["R1", "河南", [s("广东", 144), s("河南", 36)], "河南", 1],
    ["R2", "河南", [s("上海", 60), s("广东", 132)], "广东", 2],
    ["R3", "河南", [s("浙江", 120), s("广东", 96), s("江苏", 60)], "浙江", 3],
    ["R4", "河南", [s("北京", 72), s("上海", 84), s("广东", 108)], "河南", 4],
    ["R5 temporary stint excluded", "四川", [s("广东", 144), s("浙江", 96, { temporary: true })], "广东", 2],
    ["R6 cumulative, not consecutive", "安徽", [s("上海", 72), s("江苏", 48), s("上海", 60)], "上海", 2],
    ["R7 deemed months count where worked", "湖北", [s("辽宁", 36, { deemedMonths: 96 }), s("广东", 108)], "辽宁", 3],
    ["R8 most recent previous with 10 years", "湖南", [s("广东", 120), s("福建", 120), s("浙江", 60)], "福建", 3],
    ["R9 119 months are not 10 years", "河南", [s("河南", 150), s("广东", 119)], "河南", 3],
    ["a province visited twice counts by its latest stint", "湖南", [s("广东", 120), s("福建", 120), s("广东", 10), s("浙江", 60)], "广东", 3],
    ["only temporary stints: collected to hukou", "四川", [s("浙江", 200, { temporary: true })], "四川", 4],
    ["full and short province names are one place", "河南省", [s("广东", 144), s("河南", 36)], "河南省", 1],
    ["temporary months never make a province reach 10 years", "河南", [s("广东", 100), s("广东", 40, { temporary: true }), s("江苏", 20)], "河南", 4],
  ] as const)("%s", (_label, hukou, stints, place, rule) => {
    const r = determineBenefitPlace(hukou, stints);
    expect([r.place, r.rule]).toEqual([place, rule]);
  });

  test.each([
    ["广西壮族自治区", "广西"],
    ["新疆维吾尔自治区", "新疆"],
    ["内蒙古自治区", "内蒙古"],
    ["北京市", "北京"],
    ["上海", "上海"],
  ])("normalizeProvince %s → %s", (name, short) => {
    expect(normalizeProvince(name)).toBe(short);
  });
});

describe("temporary account (docs/rules.md §4.1)", () => {
  const base = { hukouProvince: "湖南", newProvince: "浙江" };
  test.each([
    ["T1 man of 50", { sex: "M", birthDate: "1972-03-15", hukouProvince: "四川", newProvince: "广东", enrolmentDate: "2022-05-01" }, "temporary", "age-threshold-reached"],
    ["T2 woman of 39", { sex: "F", birthDate: "1983-08-20", ...base, enrolmentDate: "2023-06-01" }, "general", "under-age-threshold"],
    ["T3 earlier general account", { sex: "F", birthDate: "1980-01-10", hukouProvince: "湖北", newProvince: "上海", enrolmentDate: "2022-03-01", priorGeneralAccountInNewProvince: true }, "general", "prior-general-account"],
    ["T4 approved transfer", { sex: "M", birthDate: "1970-02-01", hukouProvince: "河南", newProvince: "北京", enrolmentDate: "2021-07-01", approvedTransfer: true }, "general", "approved-transfer"],
    ["T5 back to the hukou province", { sex: "M", birthDate: "1968-09-09", hukouProvince: "江苏", newProvince: "江苏", enrolmentDate: "2023-09-01" }, "general", "hukou-province"],
    ["T6 40th birthday on the enrolment day", { sex: "F", birthDate: "1983-06-01", ...base, enrolmentDate: "2023-06-01" }, "temporary", "age-threshold-reached"],
    ["the day before the 40th birthday", { sex: "F", birthDate: "1983-06-02", ...base, enrolmentDate: "2023-06-01" }, "general", "under-age-threshold"],
    ["born 29 Feb: 40 on 29 Feb of a leap year", { sex: "F", birthDate: "1984-02-29", ...base, enrolmentDate: "2024-02-29" }, "temporary", "age-threshold-reached"],
    ["born 29 Feb: not yet 40 on 28 Feb", { sex: "F", birthDate: "1984-02-29", ...base, enrolmentDate: "2024-02-28" }, "general", "under-age-threshold"],
    ["born 29 Feb: 50 on 1 March of a common year", { sex: "M", birthDate: "1972-02-29", ...base, enrolmentDate: "2022-03-01" }, "temporary", "age-threshold-reached"],
    ["born 29 Feb: 49 on 28 Feb of a common year", { sex: "M", birthDate: "1972-02-29", ...base, enrolmentDate: "2022-02-28" }, "general", "under-age-threshold"],
    ["enrolled before 2010", { sex: "M", birthDate: "1950-01-01", ...base, enrolmentDate: "2009-12-31" }, "general", "before-2010"],
    ["a man of 45 is below his threshold", { sex: "M", birthDate: "1978-01-01", ...base, enrolmentDate: "2023-06-01" }, "general", "under-age-threshold"],
  ] as const)("%s", (_label, input, account, reason) => {
    const r = determineAccountType(input as TemporaryAccountInput);
    expect([r.account, r.reason]).toEqual([account, reason]);
  });

  test("an enrolment before birth is refused", () => {
    expect(() =>
      determineAccountType({ sex: "F", birthDate: "2000-01-01", ...base, enrolmentDate: "1999-01-01" }),
    ).toThrow(CalcInputError);
  });
});

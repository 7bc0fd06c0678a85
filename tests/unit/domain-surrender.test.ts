import { describe, expect, test } from "vitest";
import {
  MissingRateError,
  Money,
  PAYING_GROUNDS,
  assessSurrenderGround,
  calculatePensionerRemainder,
  calculateSurrender,
  formatMoney,
  requiredDocuments,
  type HistoryRow,
  type SurrenderInput,
} from "@/lib/domain";

const d = (v: string) => new Money(v);
const row = (from: string, to: string, base: string): HistoryRow => ({ from, to, monthlyBase: d(base) });
const rates = (table: Record<number, string>) => new Map(Object.entries(table).map(([y, r]) => [Number(y), d(r)]));
const ALL = { 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397", 2024: "0.0262" };
const WITHOUT_2024 = { 2019: "0.0761", 2020: "0.0604", 2021: "0.0669", 2022: "0.0612", 2023: "0.0397" };
const E2_HISTORY = [
  row("2019-01", "2019-12", "6000"),
  row("2020-01", "2020-12", "6300"),
  row("2021-01", "2021-12", "6600"),
  row("2022-01", "2022-12", "7000"),
  row("2023-01", "2023-12", "7200"),
  row("2024-01", "2024-05", "7500"),
];
const E4_HISTORY = [row("2021-01", "2021-12", "5000"), row("2022-01", "2022-12", "5200"), row("2023-01", "2023-12", "5400"), row("2024-01", "2024-03", "5600")];

function payout(input: Partial<SurrenderInput>) {
  const result = calculateSurrender({
    ground: "emigration-nationality-lost",
    history: E2_HISTORY,
    rates: rates(ALL),
    terminationMonth: "2024-06",
    ...input,
  });
  if (!result.eligible) throw new Error("expected a payout");
  return {
    payout: formatMoney(result.payout),
    prior: formatMoney(result.priorYearEndBalance),
    principal: formatMoney(result.currentYearPrincipal),
    interest: formatMoney(result.currentYearInterest),
    provisional: result.provisional,
    result,
  };
}

describe("surrender payout F-A1 (docs/rules.md §2.5)", () => {
  test.each([
    ["E2 emigration, June 2024, m = 5", {}, ["39778.18", "36361.58", "3000.00", "416.60", false]],
    [
      "E2 with the 2023 rate as provisional rate",
      { rates: rates(WITHOUT_2024), provisionalRate: d("0.0397") },
      ["39992.84", "36361.58", "3000.00", "631.26", true],
    ],
    [
      "E2 with a published rate: the provisional rate is not used",
      { provisionalRate: d("0.0397") },
      ["39778.18", "36361.58", "3000.00", "416.60", false],
    ],
    ["E4 death in April 2024", { ground: "death", history: E4_HISTORY, terminationMonth: "2024-04" }, ["17601.23", "16145.61", "1344.00", "111.62", false]],
    [
      "termination in January: m = 0, nothing accrues and no 2024 rate is needed",
      { history: E2_HISTORY.slice(0, 5), terminationMonth: "2024-01", rates: rates(WITHOUT_2024) },
      ["36361.58", "36361.58", "0.00", "0.00", false],
    ],
  ] as const)("%s", (_label, input, [p, prior, principal, interest, provisional]) => {
    const r = payout(input as Partial<SurrenderInput>);
    expect([r.payout, r.prior, r.principal, r.interest, r.provisional]).toEqual([p, prior, principal, interest, provisional]);
  });

  test("E4: the principal is exactly 40% of what a flexible worker paid; the rest is pooled", () => {
    const r = payout({ ground: "death", history: E4_HISTORY, terminationMonth: "2024-04" }).result;
    const principal = r.years.reduce((s, y) => s.plus(y.principal), d("0"));
    const paid = d("12000").plus("12480").plus("12960").plus("3360");
    expect(principal.dividedBy(paid).toFixed()).toBe("0.4");
    expect(r.paidTo).toBe("heirs");
  });

  test("the termination month and later months are not paid out", () => {
    const history = [...E2_HISTORY.slice(0, 5), row("2024-01", "2024-07", "7500")];
    const r = payout({ history });
    expect(r.payout).toBe("39778.18");
    expect(r.result.excludedMonths).toEqual(["2024-06", "2024-07"]);
  });

  test("no rate for the termination year and no provisional rate: MissingRateError", () => {
    expect(() => payout({ rates: rates(WITHOUT_2024) })).toThrow(MissingRateError);
  });

  test("an opening balance stands in for earlier history", () => {
    const r = payout({ history: [row("2024-01", "2024-05", "7500")], openingBalance: d("36361.58"), fromYear: 2024 });
    expect(r.payout).toBe("39778.18");
  });

  test("the receipt cites the ground's law and the month-product method", () => {
    const ids = payout({}).result.explanation.sources.map((s) => s.id);
    expect(ids).toEqual(expect.arrayContaining(["order13-art6", "labor-1997-116"]));
  });
});

describe("surrender grounds (docs/rules.md §2.1)", () => {
  test.each(PAYING_GROUNDS.map((g) => [g]))("%s pays", (ground) => {
    expect(assessSurrenderGround(ground).eligible).toBe(true);
  });

  test.each([
    ["emigration-nationality-kept", "nationality-kept"],
    ["settled-hk-macao-taiwan-nationality-kept", "nationality-kept"],
    ["resignation", "no-early-withdrawal"],
    ["unemployment", "no-early-withdrawal"],
    ["I want my money back", "not-a-national-ground"],
    ["__proto__", "not-a-national-ground"],
    ["constructor", "not-a-national-ground"],
  ])("%s does not pay (%s)", (ground, reason) => {
    const a = assessSurrenderGround(ground);
    expect(a.eligible).toBe(false);
    if (!a.eligible) {
      expect(a.reason).toBe(reason);
      expect(a.message.zh.length).toBeGreaterThan(0);
    }
  });

  test("an ineligible ground needs no rates at all", () => {
    const r = calculateSurrender({ ground: "resignation", history: E2_HISTORY, rates: new Map(), terminationMonth: "2024-06" });
    expect(r.eligible).toBe(false);
  });
});

describe("required documents (docs/rules.md §2.3)", () => {
  const kinds = (ground: string, situation = {}) =>
    requiredDocuments(ground, situation).filter((x) => x.required).map((x) => x.kind);

  test.each([
    ["death", ["application-form", "applicant-id", "bank-account", "death-proof", "heir-id", "relationship-proof"]],
    ["emigration-nationality-lost", ["application-form", "applicant-id", "bank-account", "nationality-loss-proof", "hukou-cancellation-proof", "consequences-acknowledgement"]],
    ["retirement-age-short-contributions", ["application-form", "applicant-id", "bank-account", "consequences-acknowledgement", "no-resident-transfer-statement"]],
    ["foreign-national-leaving", ["application-form", "applicant-id", "bank-account", "passport", "departure-proof"]],
    ["hk-macao-taiwan-leaving", ["application-form", "applicant-id", "bank-account", "hk-mo-tw-permit"]],
    ["resignation", []],
  ])("%s", (ground, expected) => {
    expect(kinds(ground)).toEqual(expected);
  });

  test("an agent and several heirs add their documents", () => {
    const required = kinds("death", { filedByAgent: true, severalHeirsOrDispute: true });
    expect(required).toEqual(expect.arrayContaining(["power-of-attorney", "agent-id", "inheritance-instrument"]));
  });
});

describe("pensioner remainder F-A2", () => {
  test.each([
    ["E3: 120000 / 139, 30 payments", "120000.00", 139, 30, ["863.31", "94100.70"]],
    ["no payments yet", "120000.00", 139, 0, ["863.31", "120000.00"]],
    ["payments beyond the account leave nothing", "1000.00", 139, 200, ["7.19", "0.00"]],
  ] as const)("%s", (_label, account, divisor, payments, [monthly, remaining]) => {
    const r = calculatePensionerRemainder({ accountAtRetirement: d(account), divisor, paymentsMade: payments });
    expect([formatMoney(r.monthlyAccountPension), formatMoney(r.remaining)]).toEqual([monthly, remaining]);
  });

  test("E3 split between three heirs leaves no cents", () => {
    const r = calculatePensionerRemainder({ accountAtRetirement: d("120000.00"), divisor: 139, paymentsMade: 30 });
    expect(r.remaining.dividedBy(3).toFixed(2)).toBe("31366.90");
  });
});

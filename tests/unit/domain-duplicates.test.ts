import { describe, expect, test } from "vitest";
import {
  CalcInputError,
  DUPLICATE_PRIORITY,
  Money,
  calculateResidentOverlap,
  decideRefund,
  detectOverlaps,
  findPriorityRule,
  formatMoney,
  planDuplicateRefund,
  type ContributionRecord,
  type PayerType,
  type RefundParty,
} from "@/lib/domain";

const d = (v: string) => new Money(v);
const party = (payerType: PayerType, base: string, rate: string): RefundParty => ({ payerType, monthlyBase: d(base), rate: d(rate) });

describe("duplicate priority table (docs/rules.md §3.2)", () => {
  test.each([
    ["D1 flexible vs employer", party("flexible", "5000", "0.20"), party("employer", "5000", "0.24"), 3, "a", "3000.00", "flexible-vs-employer"],
    ["D2 bank-withholding vs employer", party("bank-withholding", "6000", "0.08"), party("employer", "6000", "0.24"), 2, "b", "2880.00", "bank-withholding-vs-employer"],
    ["D3 institution vs flexible at the 60% floor", party("institution", "4800", "0.28"), party("flexible", "4800", "0.20"), 4, "b", "3840.00", "institution-vs-flexible"],
    ["zero overlap months refund nothing", party("flexible", "5000", "0.20"), party("employer", "5000", "0.24"), 0, "a", "0.00", "flexible-vs-employer"],
    ["each month rounded before multiplying", party("flexible", "3333.33", "0.20"), party("employer", "5000", "0.24"), 3, "a", "2000.01", "flexible-vs-employer"],
  ] as const)("%s", (_label, a, b, months, refund, amount, rule) => {
    const forward = decideRefund(a, b, months);
    expect([forward.refund, formatMoney(forward.amount), forward.rule?.id]).toEqual([refund, amount, rule]);
    const backward = decideRefund(b, a, months);
    expect([backward.refund, formatMoney(backward.amount), backward.rule?.id]).toEqual([refund === "a" ? "b" : "a", amount, rule]);
  });

  test("every row is data with a jurisdiction and a source; the seed rows are LOCAL", () => {
    for (const r of DUPLICATE_PRIORITY) {
      expect(["national", "LOCAL"]).toContain(r.jurisdiction);
      expect(r.source.length).toBeGreaterThan(0);
      expect(r.note.zh && r.note.en).toBeTruthy();
    }
    expect(findPriorityRule("employer", "flexible")?.jurisdiction).toBe("LOCAL");
  });

  test.each([
    ["two employers", "employer", "employer"],
    ["two flexible enrolments", "flexible", "flexible"],
    ["institution vs employer (no row)", "institution", "employer"],
  ] as const)("%s: no automatic answer without keep", (_label, x, y) => {
    const a = party(x, "5000", "0.24");
    const b = party(y, "6000", "0.24");
    expect(() => decideRefund(a, b, 2)).toThrow(CalcInputError);
    const kept = decideRefund(a, b, 2, "a");
    expect([kept.refund, formatMoney(kept.amount), kept.rule]).toEqual(["b", "2880.00", null]);
    expect(decideRefund(b, a, 2, "b").refund).toBe("a");
  });

  test("keep against the table is refused; keep that agrees is accepted", () => {
    const flex = party("flexible", "5000", "0.2");
    const emp = party("employer", "5000", "0.24");
    expect(() => decideRefund(flex, emp, 3, "a")).toThrow(CalcInputError);
    expect(decideRefund(flex, emp, 3, "b").refund).toBe("a");
  });
});

describe("refund plan of a case", () => {
  const rec = (id: string, payerType: PayerType, from: string, to: string, base: string, rate: string, extra: Partial<ContributionRecord> = {}): ContributionRecord => ({
    id,
    payerType,
    from,
    to,
    monthlyBase: d(base),
    rate: d(rate),
    ...extra,
  });
  const employer = rec("r1", "employer", "2023-01", "2024-06", "5000", "0.24");
  const flexible = rec("r2", "flexible", "2024-01", "2024-03", "5000", "0.20");

  test("demo P4: employer and flexible January–March 2024 → refund the flexible 3000.00", () => {
    expect(detectOverlaps([employer, flexible])).toEqual([{ a: "r1", b: "r2", months: ["2024-01", "2024-02", "2024-03"] }]);
    const plan = planDuplicateRefund([flexible, employer]);
    expect(plan.refunds.map((r) => [r.recordId, r.keptRecordId, r.payerType, r.months, formatMoney(r.amount)])).toEqual([
      ["r2", "r1", "flexible", 3, "3000.00"],
    ]);
    expect(formatMoney(plan.total)).toBe("3000.00");
  });

  test.each([
    ["a month already refunded is not refunded again", [employer, { ...flexible, refundedMonths: ["2024-02"] }], "2000.00", 2],
    ["a record refunded as a whole takes no part", [employer, { ...flexible, status: "refunded" as const }], "0.00", 0],
    ["records that do not overlap refund nothing", [employer, rec("r3", "flexible", "2024-07", "2024-09", "5000", "0.20")], "0.00", 0],
  ])("%s", (_label, records, total, months) => {
    const plan = planDuplicateRefund(records);
    expect(formatMoney(plan.total)).toBe(total);
    expect(plan.refunds.reduce((s, r) => s + r.months, 0)).toBe(months);
  });

  test("three records in the same months: each payment refunded at most once; open choices reported", () => {
    const e = rec("e", "employer", "2024-01", "2024-03", "5000", "0.24");
    const f = rec("f", "flexible", "2024-01", "2024-03", "5000", "0.20");
    const b = rec("b", "bank-withholding", "2024-01", "2024-03", "5000", "0.08");
    const open = planDuplicateRefund([e, f, b]);
    expect(open.refunds.map((r) => [r.recordId, formatMoney(r.amount)])).toEqual([["e", "3600.00"]]);
    expect(open.undecided.map((u) => [u.a, u.b, u.months.length])).toEqual([["b", "f", 3]]);
    const chosen = planDuplicateRefund([e, f, b], new Set(["b"]));
    expect(chosen.refunds.map((r) => [r.recordId, formatMoney(r.amount)])).toEqual([["e", "3600.00"], ["f", "3000.00"]]);
    expect(formatMoney(chosen.total)).toBe("6600.00");
    expect(chosen.undecided).toEqual([]);
  });

  test("the plan does not depend on the order of the records", () => {
    const e = rec("e", "employer", "2024-01", "2024-03", "5000", "0.24");
    const f = rec("f", "flexible", "2024-02", "2024-05", "5000", "0.20");
    const i = rec("i", "institution", "2024-03", "2024-06", "6000", "0.28");
    const a = planDuplicateRefund([e, f, i]);
    const b = planDuplicateRefund([i, f, e]);
    expect(b.refunds).toEqual(a.refunds);
    expect(formatMoney(a.total)).toBe("4000.00");
  });

  test("duplicate record ids are refused", () => {
    expect(() => planDuplicateRefund([employer, { ...flexible, id: "r1" }])).toThrow(CalcInputError);
  });
});

describe("employee vs resident pension in one year (人社部发〔2014〕17号 Art. 7)", () => {
  test.each([
    ["D4 six months", "1000", "100", "60", 6, "550.00", "60.00"],
    ["a full year", "1000", "100", "60", 12, "1100.00", "60.00"],
    ["no overlap", "1000", "100", "60", 0, "0.00", "60.00"],
    ["one month rounds half-up", "500", "0", "30", 1, "41.67", "30.00"],
  ] as const)("%s", (_label, individual, collective, government, months, refund, kept) => {
    const r = calculateResidentOverlap({
      annualIndividual: d(individual),
      annualCollective: d(collective),
      annualGovernment: d(government),
      overlapMonths: months,
    });
    expect([formatMoney(r.refund), formatMoney(r.governmentSubsidyKept)]).toEqual([refund, kept]);
  });
});

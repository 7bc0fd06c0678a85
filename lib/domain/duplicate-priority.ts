import { CalcInputError } from "./errors";
import { bi, explanation, line, type Bilingual, type Explanation } from "./explain";
import type { Jurisdiction, LegalSourceId } from "./legal-sources";
import { formatMoney, formatRate, round2, type Dec } from "./money";

/** Who paid a contribution record (docs/rules.md §3.1 kind 2). */
export const PAYER_TYPES = ["employer", "flexible", "bank-withholding", "institution"] as const;
export type PayerType = (typeof PAYER_TYPES)[number];

/**
 * One row of the duplicate-priority table (docs/rules.md §3.2): for two records of these payer types
 * covering the same months, which payer type is refunded. "choice" means no rule decides: the
 * person chooses, or the employer confirms the place of employment.
 */
export interface PriorityRule {
  id: string;
  payerTypeA: PayerType;
  payerTypeB: PayerType;
  refund: PayerType | "choice";
  jurisdiction: Extract<Jurisdiction, "national" | "LOCAL">;
  source: LegalSourceId;
  note: Bilingual;
  uncertain?: boolean;
}

export const DUPLICATE_PRIORITY: readonly PriorityRule[] = [
  {
    id: "flexible-vs-employer",
    payerTypeA: "flexible",
    payerTypeB: "employer",
    refund: "flexible",
    jurisdiction: "LOCAL",
    source: "seed-000-priority",
    note: bi("保留单位缴费记录，退还灵活就业缴费", "Keep the employer record; refund the flexible payment"),
  },
  {
    id: "bank-withholding-vs-employer",
    payerTypeA: "bank-withholding",
    payerTypeB: "employer",
    refund: "employer",
    jurisdiction: "LOCAL",
    source: "seed-000-priority",
    note: bi(
      "保留银行代扣记录，退还单位缴费（含代扣的个人部分，应转交职工）；请核对本地规定",
      "Keep the bank-withholding record; refund the employer payment (its withheld individual share goes back to the employee); check the local rule",
    ),
    uncertain: true,
  },
  {
    id: "institution-vs-flexible",
    payerTypeA: "institution",
    payerTypeB: "flexible",
    refund: "flexible",
    jurisdiction: "LOCAL",
    source: "seed-000-priority",
    note: bi("保留机关事业单位记录，退还灵活就业缴费", "Keep the public-institution record; refund the flexible payment"),
  },
  {
    id: "flexible-vs-flexible",
    payerTypeA: "flexible",
    payerTypeB: "flexible",
    refund: "choice",
    jurisdiction: "LOCAL",
    source: "local-duplicate-choice",
    note: bi("两地灵活就业重复参保：保留本人选择的一处", "Two flexible enrolments: keep the one the person chooses"),
  },
  {
    id: "employer-vs-employer",
    payerTypeA: "employer",
    payerTypeB: "employer",
    refund: "choice",
    jurisdiction: "LOCAL",
    source: "local-duplicate-choice",
    note: bi("两处单位重复参保：由用人单位确认就业地", "Two employers: the employer confirms the place of employment"),
  },
];

/** The rule for two payer types, whichever order they come in. */
export function findPriorityRule(x: PayerType, y: PayerType): PriorityRule | undefined {
  return DUPLICATE_PRIORITY.find(
    (r) => (r.payerTypeA === x && r.payerTypeB === y) || (r.payerTypeA === y && r.payerTypeB === x),
  );
}

export interface RefundParty {
  payerType: PayerType;
  monthlyBase: Dec;
  /** Total rate of the record (e.g. 0.20 flexible, 0.24 employer 16% + individual 8%). */
  rate: Dec;
}

export interface RefundDecision {
  refund: "a" | "b";
  refundedPayerType: PayerType;
  keptPayerType: PayerType;
  monthlyAmount: Dec;
  overlapMonths: number;
  amount: Dec;
  /** The table row applied, or null when the caller's `keep` decided. */
  rule: PriorityRule | null;
  explanation: Explanation;
}

/**
 * Which of two overlapping records is refunded, and how much:
 * amount = round2(monthlyBase × rate) × overlapMonths of the refunded record (docs/rules.md §3.4).
 * The answer depends only on the records, never on which one is called `a`. When the table has
 * no deciding row, `keep` must say which record stays; a `keep` against the table is refused.
 */
export function decideRefund(
  a: RefundParty,
  b: RefundParty,
  overlapMonths: number,
  keep?: "a" | "b",
): RefundDecision {
  const rule = findPriorityRule(a.payerType, b.payerType);
  let refund: "a" | "b";
  if (rule && rule.refund !== "choice" && a.payerType !== b.payerType) {
    refund = a.payerType === rule.refund ? "a" : "b";
    if (keep && keep === refund)
      throw new CalcInputError("validation.keepConflicts", ["keep"], { rule: rule.id });
  } else if (keep) {
    refund = keep === "a" ? "b" : "a";
  } else {
    throw new CalcInputError("validation.keepRequired", ["keep"], { payerType: a.payerType });
  }
  const refunded = refund === "a" ? a : b;
  const kept = refund === "a" ? b : a;
  const monthlyAmount = round2(refunded.monthlyBase.times(refunded.rate));
  const amount = monthlyAmount.times(overlapMonths);
  const applied = rule && rule.refund !== "choice" ? rule : null;
  return {
    refund,
    refundedPayerType: refunded.payerType,
    keptPayerType: kept.payerType,
    monthlyAmount,
    overlapMonths,
    amount,
    rule: applied,
    explanation: explanation({
      title: bi("重复缴费退费", "Duplicate contribution refund"),
      rule: applied
        ? applied.note
        : bi("按本人选择或单位确认保留一条记录，退还另一条", "The record kept was chosen by the person or confirmed by the employer"),
      sources: [applied?.source ?? rule?.source ?? "local-duplicate-choice"],
      inputs: {
        a: `${a.payerType} ${formatMoney(a.monthlyBase)} × ${formatRate(a.rate)}`,
        b: `${b.payerType} ${formatMoney(b.monthlyBase)} × ${formatRate(b.rate)}`,
        overlapMonths,
        keep: keep ?? null,
      },
      lines: [
        line(bi("退费", "Refund"), {
          refundedPayerType: refunded.payerType,
          monthlyAmount: formatMoney(monthlyAmount),
          overlapMonths,
          amount: formatMoney(amount),
        }),
      ],
      notes: applied?.uncertain
        ? [bi("该优先规则来源待核实（地方规则）", "This priority rule is unverified (local rule)")]
        : [],
    }),
  };
}

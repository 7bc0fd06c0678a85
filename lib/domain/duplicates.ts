import { CalcInputError } from "./errors";
import { bi, explanation, line, type Explanation } from "./explain";
import { ZERO, formatMoney, type Dec } from "./money";
import { formatMonth, parseMonth } from "./months";
import { decideRefund, type PayerType } from "./duplicate-priority";

export * from "./duplicate-priority";

/** A contribution record of one person, as the duplicate check sees it. */
export interface ContributionRecord {
  id: string;
  payerType: PayerType;
  from: string;
  to: string;
  monthlyBase: Dec;
  rate: Dec;
  /** A record refunded as a whole takes part in no further overlap. */
  status?: "active" | "refunded";
  /** Months of this record already refunded ("YYYY-MM"): those payments no longer exist. */
  refundedMonths?: readonly string[];
}

export interface OverlapPair {
  /** Record ids, `a` sorting before `b`. */
  a: string;
  b: string;
  months: string[];
}

function liveMonths(record: ContributionRecord, index: number): { from: number; to: number; refunded: Set<string> } {
  const from = parseMonth(record.from, ["records", index, "from"]);
  const to = parseMonth(record.to, ["records", index, "to"]);
  if (to < from) throw new CalcInputError("validation.monthOrder", ["records", index, "to"]);
  return { from, to, refunded: new Set(record.refundedMonths ?? []) };
}

function activeSorted(records: readonly ContributionRecord[]) {
  const ids = new Set<string>();
  records.forEach((r, i) => {
    if (ids.has(r.id)) throw new CalcInputError("validation.duplicateId", ["records", i, "id"]);
    ids.add(r.id);
  });
  return records
    .map((record, i) => ({ record, ...liveMonths(record, i) }))
    .filter((r) => r.record.status !== "refunded")
    .sort((x, y) => (x.record.id < y.record.id ? -1 : x.record.id > y.record.id ? 1 : 0));
}

/**
 * Which months overlap between which pairs of records (docs/rules.md §3.1). Months already refunded
 * on either record do not overlap any more.
 */
export function detectOverlaps(records: readonly ContributionRecord[]): OverlapPair[] {
  const active = activeSorted(records);
  const pairs: OverlapPair[] = [];
  for (let i = 0; i < active.length; i++) {
    for (let j = i + 1; j < active.length; j++) {
      const x = active[i];
      const y = active[j];
      const months: string[] = [];
      for (let m = Math.max(x.from, y.from); m <= Math.min(x.to, y.to); m++) {
        const month = formatMonth(m);
        if (!x.refunded.has(month) && !y.refunded.has(month)) months.push(month);
      }
      if (months.length) pairs.push({ a: x.record.id, b: y.record.id, months });
    }
  }
  return pairs;
}

function tryDecide(a: ContributionRecord, b: ContributionRecord, months: number, keep?: "a" | "b") {
  try {
    return decideRefund(a, b, months, keep);
  } catch (error) {
    if (error instanceof CalcInputError) return null;
    throw error;
  }
}

export interface PlannedRefund {
  recordId: string;
  keptRecordId: string;
  payerType: PayerType;
  months: number;
  monthList: string[];
  monthlyAmount: Dec;
  amount: Dec;
  /** The priority-table row applied, or null when the kept record was chosen. */
  ruleId: string | null;
}

export interface RefundPlan {
  refunds: PlannedRefund[];
  /** Overlaps no table row decides and no chosen record resolves. */
  undecided: OverlapPair[];
  total: Dec;
  explanation: Explanation;
}

/**
 * The refund plan of a duplicate-refund case: for each overlapping pair the refunded record, its
 * months and amount, and the total. A month refunded for one pair stops overlapping in the
 * others, so three records in one month refund at most what the rules say, never twice.
 * `keepRecordIds` are the records the person chose (or the employer confirmed) where the table
 * leaves the choice open.
 */
export function planDuplicateRefund(
  records: readonly ContributionRecord[],
  keepRecordIds: ReadonlySet<string> = new Set(),
): RefundPlan {
  const byId = new Map(records.map((r) => [r.id, r]));
  const gone = new Set<string>();
  const refunds: PlannedRefund[] = [];
  const undecided: OverlapPair[] = [];
  for (const pair of detectOverlaps(records)) {
    const months = pair.months.filter((m) => !gone.has(`${pair.a}|${m}`) && !gone.has(`${pair.b}|${m}`));
    if (!months.length) continue;
    const a = byId.get(pair.a)!;
    const b = byId.get(pair.b)!;
    const keep = keepRecordIds.has(a.id) ? "a" : keepRecordIds.has(b.id) ? "b" : undefined;
    // A chosen record only matters where the table leaves the choice open; the table wins.
    const decision = tryDecide(a, b, months.length) ?? tryDecide(a, b, months.length, keep);
    if (!decision) {
      undecided.push({ ...pair, months });
      continue;
    }
    const refunded = decision.refund === "a" ? a : b;
    const kept = decision.refund === "a" ? b : a;
    for (const m of months) gone.add(`${refunded.id}|${m}`);
    refunds.push({
      recordId: refunded.id,
      keptRecordId: kept.id,
      payerType: refunded.payerType,
      months: months.length,
      monthList: months,
      monthlyAmount: decision.monthlyAmount,
      amount: decision.amount,
      ruleId: decision.rule?.id ?? null,
    });
  }
  const total = refunds.reduce((sum, r) => sum.plus(r.amount), ZERO);
  return {
    refunds,
    undecided,
    total,
    explanation: explanation({
      title: bi("重复缴费退费计划", "Duplicate contribution refund plan"),
      rule: bi(
        "逐对比较重叠月份，按优先顺序表确定退费记录；退费额 = round2(月缴费基数 × 费率) × 重叠月数",
        "Each overlapping pair is decided by the priority table; refund = round2(monthly base × rate) × overlap months",
      ),
      sources: ["seed-000-priority", "local-duplicate-choice", "hrss-2010-70-item10"],
      inputs: { records: records.length, chosen: [...keepRecordIds] },
      lines: refunds.map((r) =>
        line(bi(`退还记录 ${r.recordId}`, `Refund record ${r.recordId}`), {
          payerType: r.payerType,
          keptRecordId: r.keptRecordId,
          months: r.months,
          first: r.monthList[0],
          last: r.monthList[r.monthList.length - 1],
          monthlyAmount: formatMoney(r.monthlyAmount),
          amount: formatMoney(r.amount),
        }),
      ),
      notes: undecided.length
        ? [bi("部分重叠需由本人选择或单位确认保留哪条记录", "Some overlaps need the person's choice or the employer's confirmation")]
        : [],
    }),
  };
}

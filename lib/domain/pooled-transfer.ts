import { CalcInputError } from "./errors";
import { bi, explanation, historyForReceipt, line, type Bilingual, type Explanation } from "./explain";
import { Money, ZERO, formatMoney, formatRate, round2, type Dec } from "./money";
import { expandHistory, monthOf, parseMonth, type HistoryRow } from "./months";

/** The pooled-fund transfer ratio (66号 Art. 4). */
export const POOLED_TRANSFER_RATE = new Money("0.12");
/** Pooled funds are transferred for contributions from January 1998 on (66号 Art. 4). */
export const FIRST_POOLED_MONTH = monthOf(1998, 1);

export type PooledRateBasis =
  | "standard"
  | "temporary-employer-rate"
  | "temporary-floor"
  | "flexible";

export interface PooledRateOptions {
  /** Ratio for a general account (default 0.12). */
  transferRate?: Dec;
  temporaryAccount?: boolean;
  /** The employer's actual pooled rate; needed for a temporary account of an employee. */
  employerRate?: Dec;
  flexible?: boolean;
}

/**
 * Which ratio moves the pooled fund (187号; docs/rules.md §4.4): a flexible worker always 12%; a
 * temporary account the employer's rate when above 12%, else 12%; otherwise the transfer rate.
 */
export function selectPooledRate(options: PooledRateOptions): { rate: Dec; basis: PooledRateBasis } {
  if (options.flexible) return { rate: POOLED_TRANSFER_RATE, basis: "flexible" };
  if (options.temporaryAccount) {
    if (!options.employerRate)
      throw new CalcInputError("validation.employerRateRequired", ["employerRate"]);
    return options.employerRate.greaterThan(POOLED_TRANSFER_RATE)
      ? { rate: options.employerRate, basis: "temporary-employer-rate" }
      : { rate: POOLED_TRANSFER_RATE, basis: "temporary-floor" };
  }
  return { rate: options.transferRate ?? POOLED_TRANSFER_RATE, basis: "standard" };
}

export interface PooledTransferInput extends PooledRateOptions {
  history: readonly HistoryRow[];
  /** "YYYY-MM": only months before it count (the transfer month, for the information table). */
  beforeMonth?: string;
}

export interface PooledYear {
  year: number;
  months: number;
  /** Σ monthly base × months of the year */
  contributionWage: Dec;
  /** The year's share, rounded for display; the fund itself is rounded once on the total. */
  pooled: Dec;
}

export interface PooledTransferResult {
  pooledFund: Dec;
  rate: Dec;
  basis: PooledRateBasis;
  contributionWage: Dec;
  years: PooledYear[];
  pre1998MonthsExcluded: number;
  laterMonthsExcluded: number;
  explanation: Explanation;
}

const basisText: Record<PooledRateBasis, Bilingual> = {
  standard: bi("一般账户：按12%转移统筹基金", "General account: 12% of the contribution wage"),
  "temporary-employer-rate": bi(
    "临时缴费账户：单位缴费比例高于12%，按实际比例",
    "Temporary account: employer rate above 12%, the actual rate applies",
  ),
  "temporary-floor": bi(
    "临时缴费账户：单位缴费比例不高于12%，按12%",
    "Temporary account: employer rate not above 12%, 12% applies",
  ),
  flexible: bi("灵活就业人员：一律按12%", "Flexible worker: always 12%"),
};

/**
 * Pooled fund (统筹基金转移额) = round2(rate × Σ monthly base × months) over months from
 * January 1998; partial years count by months; no interest (66号 Art. 4; 187号).
 */
export function calculatePooledTransfer(input: PooledTransferInput): PooledTransferResult {
  const { rate, basis } = selectPooledRate(input);
  const before = input.beforeMonth ? parseMonth(input.beforeMonth, ["transferMonth"]) : Infinity;
  const byYear = new Map<number, { months: number; wage: Dec }>();
  let pre1998 = 0;
  let later = 0;
  for (const m of expandHistory(input.history)) {
    if (m.index < FIRST_POOLED_MONTH) {
      pre1998 += 1;
      continue;
    }
    if (m.index >= before) {
      later += 1;
      continue;
    }
    const entry = byYear.get(m.year) ?? { months: 0, wage: ZERO };
    entry.months += 1;
    entry.wage = entry.wage.plus(m.monthlyBase);
    byYear.set(m.year, entry);
  }
  const years = [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({
      year,
      months: e.months,
      contributionWage: e.wage,
      pooled: round2(e.wage.times(rate)),
    }));
  const contributionWage = years.reduce((sum, y) => sum.plus(y.contributionWage), ZERO);
  const pooledFund = round2(contributionWage.times(rate));
  const notes: Bilingual[] = [bi("统筹基金不计利息", "The pooled fund carries no interest")];
  if (pre1998)
    notes.push(
      bi(`1998年以前的 ${pre1998} 个月不转移统筹基金`, `${pre1998} month(s) before 1998 are excluded`),
    );
  if (later)
    notes.push(
      bi(`转移当月及以后的 ${later} 个月未计入`, `${later} month(s) from the transfer month on are excluded`),
    );
  return {
    pooledFund,
    rate,
    basis,
    contributionWage,
    years,
    pre1998MonthsExcluded: pre1998,
    laterMonthsExcluded: later,
    explanation: explanation({
      title: bi("统筹基金转移额", "Pooled fund to transfer"),
      rule: bi(
        `统筹基金 = round2(${formatRate(rate)} × Σ 月缴费基数 × 缴费月数)，1998年1月起；${basisText[basis].zh}`,
        `Pooled fund = round2(${formatRate(rate)} × Σ monthly base × months) from January 1998; ${basisText[basis].en}`,
      ),
      sources: ["guoban-2009-66-art4", "hrss-2009-187"],
      inputs: {
        temporaryAccount: !!input.temporaryAccount,
        flexible: !!input.flexible,
        employerRate: input.employerRate ? formatRate(input.employerRate) : null,
        transferRate: input.transferRate ? formatRate(input.transferRate) : null,
        history: historyForReceipt(input.history),
      },
      lines: years.map((y) =>
        line(bi(`${y.year}年`, `Year ${y.year}`), {
          year: y.year,
          months: y.months,
          contributionWage: formatMoney(y.contributionWage),
          rate: formatRate(rate),
          pooled: formatMoney(y.pooled),
        }),
      ),
      notes,
    }),
  };
}

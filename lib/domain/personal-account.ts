import { CalcInputError, MissingRateError } from "./errors";
import { bi, explanation, historyForReceipt, line, type Explanation, type ExplanationLine } from "./explain";
import {
  HALF_UP_TO_FEN,
  Money,
  ZERO,
  formatMoney,
  formatRate,
  round2,
  roundMoney,
  type Dec,
  type RoundingMode,
  type RoundingPolicy,
} from "./money";
import { expandHistory, formatMonth, type HistoryRow } from "./months";

/** Crediting rate (记账利率) per calendar year, e.g. 2023 → 0.0397 (docs/rules.md §5.3). */
export type RateTable = ReadonlyMap<number, Dec>;

/** The statutory share of the base credited to the personal account (docs/rules.md §5.1). */
export const DEFAULT_ACCOUNT_RATE = new Money("0.08");
/** Account scale 1998–2005 (国发〔1997〕26号; transferred at 11% under 187号). */
export const ACCOUNT_RATE_1998_2005 = new Money("0.11");

/** 0.11 for months of 1998–2005, else 0.08: the scale 187号 uses for transferred accounts. */
export function statutoryAccountRate(year: number): Dec {
  return year >= 1998 && year <= 2005 ? ACCOUNT_RATE_1998_2005 : DEFAULT_ACCOUNT_RATE;
}

export interface MonthlyCredit {
  /** 1 … 12 */
  month: number;
  amount: Dec;
}

export interface AccountYear {
  year: number;
  openingBalance: Dec;
  /** Principal credited this year (months 1..m). */
  principal: Dec;
  contributionMonths: number;
  /** Months of the year that earn interest: 12 for a full year, m for a partial one. */
  interestMonths: number;
  rate: Dec;
  rateKind: "published" | "provisional" | "not-needed";
  /** Σ c_n × (m − n + 1) */
  monthProduct: Dec;
  /** B_prev × r × m / 12, unrounded */
  priorBalanceInterest: Dec;
  /** Σ c_n × (m − n + 1) × r / 12, unrounded */
  currentYearInterest: Dec;
  /** The year's interest, rounded once. */
  interest: Dec;
  closingBalance: Dec;
}

/**
 * One year of the month-product method (劳办发〔1997〕116号; docs/rules.md §5.4):
 * interest = round(B_prev × r × m/12 + Σ_{n≤m} c_n × (m − n + 1) × r/12), computed exactly and
 * rounded once. Credits of months after m are not part of this year's principal.
 */
export function accrueYear(args: {
  year: number;
  openingBalance: Dec;
  credits: readonly MonthlyCredit[];
  rate: Dec;
  rateKind?: AccountYear["rateKind"];
  interestMonths?: number;
  rounding?: RoundingPolicy;
}): AccountYear {
  const m = args.interestMonths ?? 12;
  const r = args.rate;
  let principal = ZERO;
  let monthProduct = ZERO;
  let contributionMonths = 0;
  for (const c of args.credits) {
    if (c.month > m) continue;
    principal = principal.plus(c.amount);
    monthProduct = monthProduct.plus(c.amount.times(m - c.month + 1));
    contributionMonths += 1;
  }
  const priorNumerator = args.openingBalance.times(r).times(m);
  const currentNumerator = monthProduct.times(r);
  // One division at the end keeps the sum exact whenever it terminates, so a true half-fen
  // rounds as the policy says.
  const interest = roundMoney(priorNumerator.plus(currentNumerator).dividedBy(12), args.rounding);
  return {
    year: args.year,
    openingBalance: args.openingBalance,
    principal,
    contributionMonths,
    interestMonths: m,
    rate: r,
    rateKind: args.rateKind ?? "published",
    monthProduct,
    priorBalanceInterest: priorNumerator.dividedBy(12),
    currentYearInterest: currentNumerator.dividedBy(12),
    interest,
    closingBalance: args.openingBalance.plus(principal).plus(interest),
  };
}

export interface PersonalAccountInput {
  history: readonly HistoryRow[];
  /** Default share credited for rows without their own accountRate (default 0.08). */
  accountRate?: Dec;
  rates: RateTable;
  /** Balance on 1 January of the first year computed (default 0). */
  openingBalance?: Dec;
  /** First year computed; defaults to the year of the first history month. */
  fromYear?: number;
  throughYear: number;
  /** Months of `throughYear` that count (default 12): a partial last year cut at month m. */
  lastYearMonths?: number;
  /** Used for the last year when `rates` has no rate for it; the year is then provisional. */
  provisionalRate?: Dec;
  interestRounding?: RoundingPolicy;
  contributionRounding?: RoundingMode;
}

export interface PersonalAccountResult {
  closingBalance: Dec;
  years: AccountYear[];
  /** History months not credited: after the last counted month. */
  excludedMonths: string[];
}

/** Each month's credit round2(base × accountRate), grouped by year (docs/rules.md §0 (a)). */
export function monthlyCreditsByYear(
  history: readonly HistoryRow[],
  accountRate: Dec = DEFAULT_ACCOUNT_RATE,
  rounding: RoundingMode = "half-up",
): Map<number, (MonthlyCredit & { index: number })[]> {
  const byYear = new Map<number, (MonthlyCredit & { index: number })[]>();
  for (const m of expandHistory(history)) {
    const amount = round2(m.monthlyBase.times(m.accountRate ?? accountRate), rounding);
    const list = byYear.get(m.year) ?? [];
    list.push({ month: m.month, amount, index: m.index });
    byYear.set(m.year, list);
  }
  return byYear;
}

/**
 * The personal account year by year with the month-product method: any history, base changes
 * inside a year, gaps (a year without contributions still earns interest on its opening
 * balance), per-row account rates, an opening balance, and a partial last year.
 * Throws `MissingRateError` for a year that needs a rate and has none.
 */
export function computePersonalAccount(input: PersonalAccountInput): PersonalAccountResult {
  const credits = monthlyCreditsByYear(input.history, input.accountRate, input.contributionRounding);
  const historyYears = [...credits.keys()].sort((a, b) => a - b);
  const { throughYear } = input;
  const startYear = input.fromYear ?? Math.min(historyYears[0] ?? throughYear, throughYear);
  if (startYear > throughYear) throw new CalcInputError("validation.yearOrder", ["fromYear"]);
  if (historyYears.length && historyYears[0] < startYear)
    throw new CalcInputError("validation.historyBeforeStart", ["fromYear"]);

  const lastMonths = input.lastYearMonths ?? 12;
  const excludedMonths: string[] = [];
  for (const [year, list] of credits) {
    for (const c of list) {
      if (year > throughYear || (year === throughYear && c.month > lastMonths))
        excludedMonths.push(formatMonth(c.index));
    }
  }

  const years: AccountYear[] = [];
  let balance = input.openingBalance ?? ZERO;
  for (let year = startYear; year <= throughYear; year++) {
    const isLast = year === throughYear;
    const m = isLast ? lastMonths : 12;
    const yearCredits = credits.get(year) ?? [];
    const needsRate = m > 0 && (!balance.isZero() || yearCredits.some((c) => c.month <= m));
    let rate = input.rates.get(year);
    let rateKind: AccountYear["rateKind"] = "published";
    if (!rate && isLast && input.provisionalRate) {
      rate = input.provisionalRate;
      rateKind = "provisional";
    }
    if (!rate) {
      if (needsRate) throw new MissingRateError(year);
      rate = ZERO;
      rateKind = "not-needed";
    }
    const accrued = accrueYear({
      year,
      openingBalance: balance,
      credits: yearCredits,
      rate,
      rateKind,
      interestMonths: m,
      rounding: input.interestRounding ?? HALF_UP_TO_FEN,
    });
    years.push(accrued);
    balance = accrued.closingBalance;
  }
  return { closingBalance: balance, years, excludedMonths: excludedMonths.sort() };
}

/** Unrounded amounts on a receipt: six decimals, as docs/rules.md §7 prints them. */
export function formatExact(value: Dec): string {
  return value.toDecimalPlaces(6).toFixed();
}

export function accountYearLines(years: readonly AccountYear[]): ExplanationLine[] {
  return years.map((y) =>
    line(bi(`${y.year}年`, `Year ${y.year}`), {
      year: y.year,
      openingBalance: formatMoney(y.openingBalance),
      principal: formatMoney(y.principal),
      contributionMonths: y.contributionMonths,
      interestMonths: y.interestMonths,
      rate: formatRate(y.rate),
      rateKind: y.rateKind,
      monthProduct: formatMoney(y.monthProduct),
      priorBalanceInterest: formatExact(y.priorBalanceInterest),
      currentYearInterest: formatExact(y.currentYearInterest),
      interest: formatMoney(y.interest),
      closingBalance: formatMoney(y.closingBalance),
    }),
  );
}

export const MONTH_PRODUCT_RULE = bi(
  "月积数法：每月记账额 = round2(缴费基数 × 记账比例)；当年利息 = round2(上年末余额 × r × m/12 + Σ c_n × (m − n + 1) × r/12)，每年只舍入一次",
  "Month-product method: monthly credit = round2(base × account rate); year interest = round2(B_prev × r × m/12 + Σ c_n × (m − n + 1) × r/12), rounded once a year",
);

export function explainPersonalAccount(
  input: PersonalAccountInput,
  result: PersonalAccountResult,
): Explanation {
  const notes = result.excludedMonths.length
    ? [
        bi(
          `${result.excludedMonths.length}个月的缴费晚于计算截止年份，未计入`,
          `${result.excludedMonths.length} month(s) after the last year computed were not credited`,
        ),
      ]
    : [];
  return explanation({
    title: bi("个人账户储存额（逐年）", "Personal account balance, year by year"),
    rule: MONTH_PRODUCT_RULE,
    sources: ["labor-1997-116", "sil-art14", "guofa-2005-38", "hrss-2017-31"],
    inputs: {
      accountRate: formatRate(input.accountRate ?? DEFAULT_ACCOUNT_RATE),
      openingBalance: formatMoney(input.openingBalance ?? ZERO),
      throughYear: input.throughYear,
      history: historyForReceipt(input.history),
    },
    lines: accountYearLines(result.years),
    notes,
  });
}

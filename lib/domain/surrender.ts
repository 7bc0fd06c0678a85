import { bi, explanation, historyForReceipt, line, type Bilingual, type Explanation } from "./explain";
import { formatMoney, formatRate, type Dec, type RoundingPolicy } from "./money";
import { monthNumber, parseMonth, yearOfMonth, type HistoryRow } from "./months";
import {
  DEFAULT_ACCOUNT_RATE,
  MONTH_PRODUCT_RULE,
  accountYearLines,
  computePersonalAccount,
  type AccountYear,
  type RateTable,
} from "./personal-account";
import { assessSurrenderGround, groundInfo, type PayingGround } from "./surrender-grounds";

export * from "./surrender-grounds";
export * from "./surrender-documents";

export interface SurrenderInput {
  ground: string;
  history: readonly HistoryRow[];
  accountRate?: Dec;
  rates: RateTable;
  /** "YYYY-MM"; this month earns no interest and its contributions are not paid out. */
  terminationMonth: string;
  /** Used when the termination year's rate is not yet published (docs/rules.md §5.3). */
  provisionalRate?: Dec;
  openingBalance?: Dec;
  fromYear?: number;
  interestRounding?: RoundingPolicy;
}

export interface SurrenderPayout {
  eligible: true;
  ground: PayingGround;
  paidTo: "heirs" | "insured-person";
  payout: Dec;
  /** B_{y−1}: the balance at 31 December before the termination year. */
  priorYearEndBalance: Dec;
  /** P_y: principal credited in the termination year before the termination month. */
  currentYearPrincipal: Dec;
  /** I_y: round2(B_{y−1}·r·m/12 + Σ c_n·(m−n+1)·r/12) with m = termination month − 1. */
  currentYearInterest: Dec;
  provisional: boolean;
  rate: Dec;
  interestMonths: number;
  years: AccountYear[];
  excludedMonths: string[];
  explanation: Explanation;
}

export interface SurrenderRefusal {
  eligible: false;
  ground: string;
  reason: string;
  message: Bilingual;
  explanation: Explanation;
}

export type SurrenderResult = SurrenderPayout | SurrenderRefusal;

/**
 * F-A1 (docs/rules.md §2.5): payout = B_{y−1} + P_y + I_y(partial). The termination month itself earns
 * nothing: m = its month number − 1 (CALC_API convention; LOCAL and UNCERTAIN in docs/rules.md).
 * Throws `MissingRateError` when a needed year has no rate and no provisional rate applies.
 */
export function calculateSurrender(input: SurrenderInput): SurrenderResult {
  const assessment = assessSurrenderGround(input.ground);
  if (!assessment.eligible) {
    return {
      eligible: false,
      ground: assessment.ground,
      reason: assessment.reason,
      message: assessment.message,
      explanation: explanation({
        title: bi("个人账户一次性支付：资格审查", "One-time payment of the personal account: eligibility"),
        rule: assessment.message,
        sources: assessment.sources,
        inputs: { ground: input.ground },
      }),
    };
  }
  const termination = parseMonth(input.terminationMonth, ["terminationMonth"]);
  const year = yearOfMonth(termination);
  const m = monthNumber(termination) - 1;
  const account = computePersonalAccount({
    history: input.history,
    accountRate: input.accountRate,
    rates: input.rates,
    openingBalance: input.openingBalance,
    fromYear: input.fromYear,
    throughYear: year,
    lastYearMonths: m,
    provisionalRate: input.provisionalRate,
    interestRounding: input.interestRounding,
  });
  const current = account.years[account.years.length - 1];
  const provisional = current.rateKind === "provisional";
  const info = groundInfo[assessment.ground];
  const notes: Bilingual[] = [
    bi(
      `终止当月（${input.terminationMonth}）不计息，当年计息月数 m = ${m}（地方做法，待确认）`,
      `The termination month (${input.terminationMonth}) earns nothing; m = ${m} (local practice, uncertain)`,
    ),
  ];
  if (provisional)
    notes.push(
      bi(
        `${year}年记账利率尚未公布，按临时利率 ${formatRate(current.rate)} 预计算，公布后需重算`,
        `The ${year} rate is not yet published; provisional rate ${formatRate(current.rate)} used — recompute when published`,
      ),
    );
  if (account.excludedMonths.length)
    notes.push(
      bi(
        `终止月及以后的 ${account.excludedMonths.length} 个月缴费未计入支付额`,
        `${account.excludedMonths.length} month(s) from the termination month on are not part of the payout`,
      ),
    );
  const result = {
    payout: current.closingBalance,
    priorYearEndBalance: current.openingBalance,
    currentYearPrincipal: current.principal,
    currentYearInterest: current.interest,
  };
  return {
    eligible: true,
    ground: assessment.ground,
    paidTo: info.paidTo,
    ...result,
    provisional,
    rate: current.rate,
    interestMonths: m,
    years: account.years,
    excludedMonths: account.excludedMonths,
    explanation: explanation({
      title: bi("个人账户一次性支付额", "One-time payment of the personal account"),
      rule: bi(
        `支付额 = 上年末储存额 + 当年本金 + 当年利息（${info.label.zh}）；${MONTH_PRODUCT_RULE.zh}`,
        `Payout = prior year-end balance + current-year principal + current-year interest (${info.label.en}); ${MONTH_PRODUCT_RULE.en}`,
      ),
      sources: [...info.sources, "labor-1997-116", "local-interest-period"],
      inputs: {
        ground: input.ground,
        terminationMonth: input.terminationMonth,
        accountRate: formatRate(input.accountRate ?? DEFAULT_ACCOUNT_RATE),
        provisionalRate: input.provisionalRate ? formatRate(input.provisionalRate) : null,
        history: historyForReceipt(input.history),
      },
      lines: [
        ...accountYearLines(account.years),
        line(bi("支付额", "Payout"), {
          priorYearEndBalance: formatMoney(result.priorYearEndBalance),
          currentYearPrincipal: formatMoney(result.currentYearPrincipal),
          currentYearInterest: formatMoney(result.currentYearInterest),
          payout: formatMoney(result.payout),
        }),
      ],
      notes,
    }),
  };
}

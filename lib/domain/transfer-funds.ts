import { bi, explanation, historyForReceipt, line, type Bilingual, type Explanation } from "./explain";
import { ZERO, formatMoney, formatRate, round2, type Dec, type RoundingPolicy } from "./money";
import {
  checkHistoryRanges,
  clipHistory,
  expandHistory,
  formatMonth,
  monthOf,
  parseMonth,
  yearOfMonth,
  type HistoryRow,
} from "./months";
import {
  DEFAULT_ACCOUNT_RATE,
  computePersonalAccount,
  formatExact,
  monthlyCreditsByYear,
  type AccountYear,
  type RateTable,
} from "./personal-account";
import { FIRST_POOLED_MONTH, calculatePooledTransfer, type PooledRateOptions } from "./pooled-transfer";

export interface TransferFundsInput extends PooledRateOptions {
  history: readonly HistoryRow[];
  accountRate?: Dec;
  rates: RateTable;
  /** "YYYY-MM": the month of the transfer; months from it on stay out. */
  transferMonth: string;
  /** (1): the individual's own pre-1998 storage amount, as the record holds it (default 0). */
  pre1998IndividualBalance?: Dec;
  /** Rate for the year before the transfer when not yet published (Gansu practice, UNCERTAIN). */
  provisionalRate?: Dec;
  interestRounding?: RoundingPolicy;
}

/** One year of the information table's detail (《基本养老保险关系转移接续信息表》). */
export interface InfoTableRow {
  year: number;
  from: string;
  to: string;
  months: number;
  monthlyBases: string[];
  accountRates: string[];
  principal: Dec;
  /** Null in the transfer year: its interest is credited by the transfer-in office. */
  interest: Dec | null;
  /** Balance at the year's end; in the transfer year the amount transferred, (2) + (3). */
  closingBalance: Dec;
  contributionWage: Dec;
  pooled: Dec;
}

export interface TransferFundsResult {
  f1: Dec;
  f2: Dec;
  f3: Dec;
  f4: Dec;
  f5: Dec;
  f6: Dec;
  provisional: boolean;
  rows: InfoTableRow[];
  explanation: Explanation;
}

/**
 * The fund block of the information table (66号 Art. 4; 187号; 116号; docs/rules.md §4.2, §4.4):
 * (1) pre-1998 individual storage; (2) the account from 1998 to the end of the year before the
 * transfer, with interest; (3) principal credited in the transfer year before the transfer
 * month, without interest; (4) = (1)+(2)+(3); (5) pooled fund; (6) = (4)+(5).
 */
export function calculateTransferFunds(input: TransferFundsInput): TransferFundsResult {
  checkHistoryRanges(input.history);
  const transfer = parseMonth(input.transferMonth, ["transferMonth"]);
  const year = yearOfMonth(transfer);
  const accountRate = input.accountRate ?? DEFAULT_ACCOUNT_RATE;
  const priorHistory = clipHistory(input.history, FIRST_POOLED_MONTH, monthOf(year - 1, 12));
  const account = priorHistory.length
    ? computePersonalAccount({
        history: priorHistory,
        accountRate,
        rates: input.rates,
        throughYear: year - 1,
        provisionalRate: input.provisionalRate,
        interestRounding: input.interestRounding,
      })
    : { closingBalance: ZERO, years: [] as AccountYear[], excludedMonths: [] };
  const currentHistory = clipHistory(input.history, Math.max(monthOf(year, 1), FIRST_POOLED_MONTH), transfer - 1);
  const currentCredits = monthlyCreditsByYear(currentHistory, accountRate).get(year) ?? [];

  const f1 = round2(input.pre1998IndividualBalance ?? ZERO);
  const f2 = account.closingBalance;
  const f3 = currentCredits.reduce((sum, c) => sum.plus(c.amount), ZERO);
  const f4 = f1.plus(f2).plus(f3);
  const pooled = calculatePooledTransfer({ ...input, beforeMonth: input.transferMonth });
  const f5 = pooled.pooledFund;
  const f6 = f4.plus(f5);
  const provisional = account.years.some((y) => y.rateKind === "provisional");

  const rows = buildRows(input.history, accountRate, account.years, year, transfer, f2, f3, pooled.years);
  const notes: Bilingual[] = [
    bi(
      "转出地计息至转移上年末；转移当年本金不计息，由转入地年终计息",
      "Interest is credited to the end of the year before the transfer; the transfer-year principal moves without interest",
    ),
  ];
  if (pooled.pre1998MonthsExcluded)
    notes.push(
      bi("1998年以前的个人缴费储存额取自第(1)项输入", "The pre-1998 individual storage amount is taken from input (1)"),
    );
  if (provisional)
    notes.push(bi(`${year - 1}年利率未公布，按临时利率计算`, `The ${year - 1} rate is provisional`));

  return {
    f1, f2, f3, f4, f5, f6,
    provisional,
    rows,
    explanation: explanation({
      title: bi("基本养老保险关系转移接续信息表：转移基金", "Transfer information table: funds"),
      rule: bi(
        "(4) = (1) + (2) + (3)；(6) = (4) + (5)；(2) 按月积数法计息至上年末，(3) 不计息，(5) = round2(12% × Σ 缴费工资)",
        "(4) = (1) + (2) + (3); (6) = (4) + (5); (2) with month-product interest to the prior year-end, (3) without interest, (5) = round2(12% × Σ contribution wage)",
      ),
      sources: ["guoban-2009-66-art4", "hrss-2009-187", "labor-1997-116"],
      inputs: {
        transferMonth: input.transferMonth,
        accountRate: formatRate(accountRate),
        pre1998IndividualBalance: formatMoney(f1),
        history: historyForReceipt(input.history),
      },
      lines: [
        ...account.years.map((y) =>
          line(bi(`${y.year}年`, `Year ${y.year}`), {
            year: y.year,
            principal: formatMoney(y.principal),
            rate: formatRate(y.rate),
            monthProduct: formatMoney(y.monthProduct),
            priorBalanceInterest: formatExact(y.priorBalanceInterest),
            currentYearInterest: formatExact(y.currentYearInterest),
            interest: formatMoney(y.interest),
            closingBalance: formatMoney(y.closingBalance),
          }),
        ),
        line(bi("转移基金", "Funds"), {
          f1: formatMoney(f1), f2: formatMoney(f2), f3: formatMoney(f3),
          f4: formatMoney(f4), f5: formatMoney(f5), f6: formatMoney(f6),
        }),
      ],
      notes: [...notes, ...pooled.explanation.notes],
    }),
  };
}

function buildRows(
  history: readonly HistoryRow[],
  accountRate: Dec,
  years: readonly AccountYear[],
  transferYear: number,
  transfer: number,
  f2: Dec,
  f3: Dec,
  pooledYears: readonly { year: number; contributionWage: Dec; pooled: Dec }[],
): InfoTableRow[] {
  const months = expandHistory(history).filter((m) => m.index >= FIRST_POOLED_MONTH && m.index < transfer);
  const byYear = new Map<number, typeof months>();
  for (const m of months) byYear.set(m.year, [...(byYear.get(m.year) ?? []), m]);
  const rowYears = [...new Set([...years.map((y) => y.year), ...byYear.keys()])].sort((a, b) => a - b);
  return rowYears.map((year) => {
    const list = byYear.get(year) ?? [];
    const acc = years.find((y) => y.year === year);
    const pooled = pooledYears.find((p) => p.year === year);
    const isTransferYear = year === transferYear;
    return {
      year,
      from: list.length ? formatMonth(list[0].index) : "",
      to: list.length ? formatMonth(list[list.length - 1].index) : "",
      months: list.length,
      monthlyBases: [...new Set(list.map((m) => m.monthlyBase.toFixed()))],
      accountRates: [...new Set(list.map((m) => (m.accountRate ?? accountRate).toFixed()))],
      principal: isTransferYear ? f3 : (acc?.principal ?? ZERO),
      interest: isTransferYear ? null : (acc?.interest ?? ZERO),
      closingBalance: isTransferYear ? f2.plus(f3) : (acc?.closingBalance ?? ZERO),
      contributionWage: pooled?.contributionWage ?? ZERO,
      pooled: pooled?.pooled ?? ZERO,
    };
  });
}

import type { Dec } from "./money";
import { CalcInputError } from "./errors";

/**
 * Calendar months as integers (`year × 12 + month − 1`), so that month arithmetic is plain
 * integer arithmetic and never touches a timezone.
 */
export type MonthIndex = number;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month index of a "YYYY-MM" string, or null when the string is not a month. */
export function tryParseMonth(value: string): MonthIndex | null {
  const match = MONTH_PATTERN.exec(value);
  if (!match) return null;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** The month index of a "YYYY-MM" string; throws a `CalcInputError` otherwise. */
export function parseMonth(value: string, path: (string | number)[] = []): MonthIndex {
  const index = tryParseMonth(value);
  if (index === null) throw new CalcInputError("validation.month", path);
  return index;
}

export function monthOf(year: number, month: number): MonthIndex {
  return year * 12 + month - 1;
}

export function formatMonth(index: MonthIndex): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

export function yearOfMonth(index: MonthIndex): number {
  return Math.floor(index / 12);
}

/** 1 for January … 12 for December. */
export function monthNumber(index: MonthIndex): number {
  return index - yearOfMonth(index) * 12 + 1;
}

/**
 * Months from `from` to `to`, both included: (b_year×12+b_month) − (a_year×12+a_month) + 1
 * (docs/rules.md §0). Zero when `to` is before `from`.
 */
export function monthsInclusive(from: string | MonthIndex, to: string | MonthIndex): number {
  const a = typeof from === "string" ? parseMonth(from) : from;
  const b = typeof to === "string" ? parseMonth(to) : to;
  return Math.max(0, b - a + 1);
}

export function addMonths(month: string, count: number): string {
  return formatMonth(parseMonth(month) + count);
}

/** A contribution history row: the months from..to inclusive at one monthly base. */
export interface HistoryRow {
  from: string;
  to: string;
  monthlyBase: Dec;
  /** Share of the base credited to the personal account (e.g. 0.11 for 1998–2005 rows). */
  accountRate?: Dec;
}

/** One month of contribution history after expansion. */
export interface ContributionMonth {
  index: MonthIndex;
  year: number;
  /** 1 … 12 */
  month: number;
  monthlyBase: Dec;
  accountRate?: Dec;
  /** Position of the history row this month came from. */
  row: number;
}

/**
 * Checks that every row has from ≤ to and that no two rows share a month; returns the rows'
 * month ranges sorted by start. Overlapping rows are two records for the same month, which is a
 * duplicate-contribution case (docs/rules.md §3), not something to add up silently.
 */
export function checkHistoryRanges(
  rows: readonly Pick<HistoryRow, "from" | "to">[],
  path: (string | number)[] = ["history"],
): { from: MonthIndex; to: MonthIndex; row: number }[] {
  const ranges = rows.map((r, i) => {
    const from = parseMonth(r.from, [...path, i, "from"]);
    const to = parseMonth(r.to, [...path, i, "to"]);
    if (to < from) throw new CalcInputError("validation.monthOrder", [...path, i, "to"]);
    return { from, to, row: i };
  });
  const sorted = [...ranges].sort((a, b) => a.from - b.from || a.row - b.row);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (cur.from <= prev.to) {
      throw new CalcInputError("validation.historyOverlap", [...path, cur.row, "from"], {
        month: formatMonth(cur.from),
      });
    }
  }
  return sorted;
}

/**
 * Expands history rows into single months in calendar order. Throws `CalcInputError` for a row
 * whose end is before its start or for rows that overlap.
 */
export function expandHistory(
  rows: readonly HistoryRow[],
  path: (string | number)[] = ["history"],
): ContributionMonth[] {
  const out: ContributionMonth[] = [];
  for (const range of checkHistoryRanges(rows, path)) {
    const row = rows[range.row];
    for (let index = range.from; index <= range.to; index++) {
      out.push({
        index,
        year: yearOfMonth(index),
        month: monthNumber(index),
        monthlyBase: row.monthlyBase,
        accountRate: row.accountRate,
        row: range.row,
      });
    }
  }
  return out;
}

/** Groups expanded months by calendar year. */
export function groupByYear<T extends { year: number }>(months: readonly T[]): Map<number, T[]> {
  const byYear = new Map<number, T[]>();
  for (const m of months) {
    const list = byYear.get(m.year);
    if (list) list.push(m);
    else byYear.set(m.year, [m]);
  }
  return byYear;
}

/**
 * The rows cut to the months [from, to] (month indexes, inclusive); rows wholly outside are
 * dropped. Used to split a history at 1998 or at a transfer month.
 */
export function clipHistory<T extends HistoryRow>(rows: readonly T[], from: MonthIndex, to: MonthIndex): T[] {
  const out: T[] = [];
  for (const row of rows) {
    const a = Math.max(parseMonth(row.from), from);
    const b = Math.min(parseMonth(row.to), to);
    if (a <= b) out.push({ ...row, from: formatMonth(a), to: formatMonth(b) });
  }
  return out;
}

import { addDays, dayOfWeek, toDayNumber } from "./dates";
import { CalcInputError } from "./errors";

/**
 * A working calendar: public holidays and make-up working days (调休), as "YYYY-MM-DD".
 * `coversYears` says which years the lists are complete for, if known.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  makeUpWorkdays: ReadonlySet<string>;
  coversYears?: readonly number[];
}

export function makeCalendar(
  holidays: Iterable<string>,
  makeUpWorkdays: Iterable<string> = [],
  coversYears?: readonly number[],
): WorkingCalendar {
  return { holidays: new Set(holidays), makeUpWorkdays: new Set(makeUpWorkdays), coversYears };
}

/** A make-up day always works; otherwise Monday–Friday unless it is a holiday. */
export function isWorkingDay(date: string, calendar: WorkingCalendar): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !calendar.holidays.has(date);
}

// A calendar can declare only finitely many holidays, so a search longer than this means the
// input is hostile, not that the due date is far away.
const MAX_SCAN_DAYS = 200_000;

/**
 * The date of the `days`-th working day after `start`; the start day itself is not counted
 * (66号 Art. 8 limits are in working days). Zero days gives `start`.
 */
export function addWorkingDays(start: string, days: number, calendar: WorkingCalendar): string {
  let date = start;
  let counted = 0;
  for (let scanned = 0; counted < days; scanned++) {
    if (scanned > MAX_SCAN_DAYS) throw new CalcInputError("validation.tooBig", ["days"]);
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted++;
  }
  return date;
}

/**
 * Working days in (from, to]: how many working days have passed from `from` to `to`, so that
 * `workingDaysBetween(s, addWorkingDays(s, n)) === n`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: string, to: string, calendar: WorkingCalendar): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  if (b < a) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  let date = from;
  for (let d = a; d < b; d++) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) count++;
  }
  return count;
}

export type DueStatus = "overdue" | "due-soon" | "on-time";

/**
 * Overdue once `today` is past the due date; due soon when at most `soonWithin` working days
 * remain (default 3), i.e. `workingDaysBetween(today, due) <= soonWithin`.
 */
export function dueStatus(
  due: string,
  today: string,
  calendar: WorkingCalendar,
  soonWithin = 3,
): DueStatus {
  return dueStatusOn(today, calendar, soonWithin)(due);
}

/**
 * `dueStatus` of many due dates on one day. The working days in (today, due] are at most
 * `soonWithin` exactly while `due` comes before the (soonWithin + 1)-th working day after today, so
 * that day is computed once instead of counting days for every row of a list (npm run bench).
 */
export function dueStatusOn(today: string, calendar: WorkingCalendar, soonWithin = 3): (due: string) => DueStatus {
  const t = toDayNumber(today);
  const soonBefore = toDayNumber(addWorkingDays(today, soonWithin + 1, calendar));
  return (due) => {
    const d = toDayNumber(due);
    return t > d ? "overdue" : d < soonBefore ? "due-soon" : "on-time";
  };
}

/** Years between two dates that the calendar does not declare itself complete for. */
export function uncoveredYears(calendar: WorkingCalendar, from: string, to: string): number[] {
  if (!calendar.coversYears) return [];
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  const out: number[] = [];
  for (let y = Math.min(first, last); y <= Math.max(first, last); y++)
    if (!calendar.coversYears.includes(y)) out.push(y);
  return out;
}

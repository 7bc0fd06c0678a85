import { addDays } from "./dates";
import { makeCalendar, type WorkingCalendar } from "./calendar";

/**
 * China's official public holidays and make-up working days (调休) as announced by the State
 * Council General Office for each year. The seed loads them into the database, where an admin
 * keeps later years; the calculation API uses them when a request brings no lists of its own.
 */
export interface HolidayYear {
  year: number;
  holidays: string[];
  makeUpWorkdays: string[];
  source: string;
}

function span(first: string, days: number): string[] {
  return Array.from({ length: days }, (_, i) => addDays(first, i));
}

export const CN_HOLIDAYS_2025: HolidayYear = {
  year: 2025,
  holidays: [
    "2025-01-01", // 元旦
    ...span("2025-01-28", 8), // 春节 1/28–2/4
    ...span("2025-04-04", 3), // 清明节
    ...span("2025-05-01", 5), // 劳动节
    ...span("2025-05-31", 3), // 端午节 5/31–6/2
    ...span("2025-10-01", 8), // 国庆节、中秋节 10/1–10/8
  ],
  makeUpWorkdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
  source: "国务院办公厅关于2025年部分节假日安排的通知",
};

export const CN_HOLIDAYS_2026: HolidayYear = {
  year: 2026,
  holidays: [
    ...span("2026-01-01", 3), // 元旦
    ...span("2026-02-15", 9), // 春节 2/15–2/23
    ...span("2026-04-04", 3), // 清明节
    ...span("2026-05-01", 5), // 劳动节
    ...span("2026-06-19", 3), // 端午节
    ...span("2026-09-25", 3), // 中秋节
    ...span("2026-10-01", 7), // 国庆节
  ],
  makeUpWorkdays: [
    "2026-01-04",
    "2026-02-14",
    "2026-02-28",
    "2026-05-09",
    "2026-09-20",
    "2026-10-10",
  ],
  source: "国务院办公厅关于2026年部分节假日安排的通知",
};

export const CN_HOLIDAY_YEARS: readonly HolidayYear[] = [CN_HOLIDAYS_2025, CN_HOLIDAYS_2026];

/** The built-in official calendar for 2025 and 2026. */
export function chinaOfficialCalendar(years: readonly HolidayYear[] = CN_HOLIDAY_YEARS): WorkingCalendar {
  return makeCalendar(
    years.flatMap((y) => y.holidays),
    years.flatMap((y) => y.makeUpWorkdays),
    years.map((y) => y.year),
  );
}

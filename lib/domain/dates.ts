/**
 * Calendar dates as "YYYY-MM-DD" strings. All arithmetic is on UTC day numbers, so the server's
 * timezone can never shift a date.
 */
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** The parts of a real calendar date, or null ("2024-02-30" is null). */
export function tryParseDate(value: string): YearMonthDay | null {
  const match = DATE_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidYmd(year, month, day) ? { year, month, day } : null;
}

export function isValidDate(value: string): boolean {
  return tryParseDate(value) !== null;
}

export function formatDate({ year, month, day }: YearMonthDay): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 (UTC). Throws for a string that is not a real date. */
export function toDayNumber(value: string): number {
  const parts = tryParseDate(value);
  if (!parts) throw new RangeError(`not a date: ${value}`);
  return Math.round(Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY);
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(value: string, days: number): string {
  return fromDayNumber(toDayNumber(value) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(value: string): number {
  return new Date(toDayNumber(value) * MS_PER_DAY).getUTCDay();
}

/**
 * Age in full years (周岁) on `date`: the age is reached on the birthday itself. Someone born on
 * 29 February reaches it on 1 March in a common year.
 */
export function ageOn(birthDate: string, date: string): number {
  const b = tryParseDate(birthDate);
  const d = tryParseDate(date);
  if (!b || !d) throw new RangeError("not a date");
  let age = d.year - b.year;
  const birthdayThisYear =
    b.month === 2 && b.day === 29 && !isLeapYear(d.year) ? { month: 3, day: 1 } : b;
  if (d.month < birthdayThisYear.month || (d.month === birthdayThisYear.month && d.day < birthdayThisYear.day))
    age -= 1;
  return age;
}

/**
 * The calendar date in Asia/Shanghai at an instant (offices work on Beijing time whatever the
 * server's zone; UTC+08:00, no daylight saving time). Pure: the caller passes the instant, so a
 * test fixes "today" by passing it (or by fixing the clock the caller reads).
 */
const shanghaiDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
export function shanghaiDate(now: Date): string {
  // One formatter per process: making one costs ~60 µs, more than formatting (npm run bench).
  return shanghaiDay.format(now);
}

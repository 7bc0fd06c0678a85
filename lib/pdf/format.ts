import { Money } from "@/lib/domain/money";

/**
 * Printed forms of times and amounts. Pure: the time zone is fixed (Asia/Shanghai, UTC+08:00,
 * no daylight saving time), never the machine's.
 */
export const PRINT_TIME_ZONE = "Asia/Shanghai";

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: PRINT_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** The wall-clock fields of an instant in Asia/Shanghai. */
export function shanghaiParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const map = Object.fromEntries(parts.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(map.year), month: Number(map.month), day: Number(map.day),
    hour: Number(map.hour), minute: Number(map.minute), second: Number(map.second),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "2026-05-01" in Asia/Shanghai. */
export function shanghaiDate(at: Date): string {
  const p = shanghaiParts(at);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-05-01 10:23:45" in Asia/Shanghai. */
export function shanghaiDateTime(at: Date): string {
  const p = shanghaiParts(at);
  return `${shanghaiDate(at)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "2026-05-01 10:23:45 (Asia/Shanghai, UTC+08:00)": the issue time as documents print it. */
export function formatIssuedAt(at: Date): string {
  return `${shanghaiDateTime(at)} (${PRINT_TIME_ZONE}, UTC+08:00)`;
}

/** "2026年5月1日": the date line of a letter. */
export function formatChineseDate(at: Date): string {
  const p = shanghaiParts(at);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** "39778.18" → "39,778.18": an amount with two decimals and thousands separators. */
export function formatAmount(value: string): string {
  const fixed = new Money(value).toFixed(2);
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const digits = sign ? int.slice(1) : int;
  return `${sign}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** "0.08" → "8%", "0.0761" → "7.61%". */
export function formatPercent(rate: string): string {
  return `${new Money(rate).times(100).toFixed()}%`;
}

/** "YYYY-MM" pairs as a period: "2019-01 – 2019-12". */
export function formatPeriod(from: string, to: string): string {
  return from === to ? from : `${from} – ${to}`;
}

/** 2005, 2006, 2007, 2009 → "2005–2007, 2009". */
export function formatYearRanges(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(i === j ? String(sorted[i]) : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return out.join(", ");
}

/** "ABCDEFGHJKMNPQRS" → "ABCD-EFGH-JKMN-PQRS" for reading aloud and typing. */
export function groupCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, "$1-");
}

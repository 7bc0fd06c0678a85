import { db, type Tx } from "@/lib/db/client";
import { makeCalendar, type WorkingCalendar } from "@/lib/domain/calendar";
import type { CaseType } from "@/lib/workflow";

/** Today's date in Asia/Shanghai: the pure helper lives with the other date functions. */
export { shanghaiDate } from "@/lib/domain/dates";

/** The office's calendar: national rows plus the office's own (an office row wins). */
export async function loadOfficeCalendar(tx: Tx, officeId: string): Promise<WorkingCalendar> {
  const rows = await tx.holiday.findMany({
    where: { OR: [{ officeId: null }, { officeId }] },
    select: { date: true, kind: true, officeId: true },
    orderBy: { officeId: { sort: "asc", nulls: "first" } },
  });
  const byDate = new Map<string, "HOLIDAY" | "WORKDAY">();
  for (const r of rows) byDate.set(r.date.toISOString().slice(0, 10), r.kind);
  const holidays = [...byDate].filter(([, k]) => k === "HOLIDAY").map(([d]) => d);
  const workdays = [...byDate].filter(([, k]) => k === "WORKDAY").map(([d]) => d);
  return makeCalendar(holidays, workdays);
}

const CALENDAR_TTL_MS = 60_000;
const calendars = new Map<string, { at: number; calendar: Promise<WorkingCalendar> }>();

/**
 * The office calendar for reading (lists, the inbox, the case page, the dashboard), kept a minute
 * per process: it changes once a year, when the State Council publishes the next year's holidays,
 * and was a query on every list page (npm run bench). Work that decides a due date (effects.ts)
 * reads it fresh; the admin's calendar edits forget it at once (forgetOfficeCalendars).
 */
export function cachedOfficeCalendar(officeId: string, now = Date.now()): Promise<WorkingCalendar> {
  const key = `${process.env.DATABASE_URL ?? ""}|${officeId}`;
  const hit = calendars.get(key);
  if (hit && now - hit.at < CALENDAR_TTL_MS) return hit.calendar;
  const entry = { at: now, calendar: loadOfficeCalendar(db, officeId) };
  calendars.set(key, entry);
  // A failed read is not remembered.
  entry.calendar.catch(() => calendars.get(key) === entry && calendars.delete(key));
  return entry.calendar;
}

/**
 * Drops every cached calendar of this process: the admin service calls it after changing the
 * holiday calendar, so that this process's lists see the change at once. Other processes keep
 * theirs until the minute is up.
 */
export function forgetOfficeCalendars(): void {
  calendars.clear();
}

/**
 * Working days allowed per leg. Transfers: 15 per leg (国办发〔2009〕66号 Art. 8). Surrender and
 * duplicate refunds have no national limit (docs/rules.md §2.4, §3.3: LOCAL); 20 is the default an
 * office may change with the setting `sla.<TYPE>`.
 */
export const defaultSlaDays: Record<CaseType, number> = {
  SURRENDER: 20,
  DUPLICATE_REFUND: 20,
  TRANSFER_IN: 15,
  TRANSFER_OUT: 15,
};

/** The Setting key of a type's working-day limit. */
export const slaSettingKey = (type: CaseType) => `sla.${type}`;

/** A stored working-day limit counts only as a positive whole number; anything else: none. */
export function slaDaysOf(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}

export async function slaDays(tx: Tx, officeId: string, type: CaseType): Promise<number> {
  const setting = await tx.setting.findFirst({
    where: { key: slaSettingKey(type), OR: [{ officeId }, { officeId: null }] },
    orderBy: { officeId: { sort: "asc", nulls: "last" } },
    select: { value: true },
  });
  return slaDaysOf(setting?.value) ?? defaultSlaDays[type];
}

/** An instant as ISO 8601 in Beijing time with its offset, e.g. 2026-11-21T09:30:00.000+08:00. */
export function isoShanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().replace("Z", "+08:00");
}

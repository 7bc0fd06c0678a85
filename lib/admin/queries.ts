import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/ids";
import { can } from "@/lib/auth/permissions";
import { defaultSlaDays, shanghaiDate, slaDaysOf, slaSettingKey } from "@/lib/cases/clock";
import { asResult, fail, type Actor } from "@/lib/service";
import { CALENDAR_YEARS, localSlaTypes, type LocalSlaType } from "./schemas";
import { officeBankAccount } from "./bank-account";

export interface OfficeRow {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  province: string;
  inDeployment: boolean;
  version: number;
  address: string;
  postcode: string;
  phone: string;
  bankName: string;
  bankCode: string;
  accountName: string;
  accountNumber: string;
  /** Decimal string with two places: money never travels to the browser as a number. */
  approvalLimit: string;
  userCount: number;
  bankOnFile: boolean;
  /** The office's own LOCAL working-day limits; null: the default applies. */
  sla: Record<LocalSlaType, number | null>;
}

export async function listOffices(): Promise<OfficeRow[]> {
  const [offices, settings] = await Promise.all([
    db.office.findMany({
      orderBy: { code: "asc" },
      select: {
        id: true, code: true, name: true, nameEn: true, province: true, inDeployment: true, version: true,
        address: true, postcode: true, phone: true, bankName: true, bankCode: true, accountName: true, accountNumber: true,
        approvalLimit: true, _count: { select: { users: true } },
      },
    }),
    db.setting.findMany({
      where: { officeId: { not: null }, key: { in: localSlaTypes.map(slaSettingKey) } },
      select: { officeId: true, key: true, value: true },
    }),
  ]);
  return offices.map(({ _count, approvalLimit, ...o }) => {
    const sla = Object.fromEntries(localSlaTypes.map((t) => [t, null])) as Record<LocalSlaType, number | null>;
    for (const s of settings)
      if (s.officeId === o.id) sla[s.key.slice(4) as LocalSlaType] = slaDaysOf(s.value);
    return { ...o, approvalLimit: approvalLimit.toFixed(2), userCount: _count.users, bankOnFile: officeBankAccount(o) !== null, sla };
  });
}

/**
 * The limit an office gets when it sets none: the deployment-wide setting (officeId null) if there
 * is one, else the built-in default of lib/cases/clock.ts — the same order `slaDays` reads.
 */
export async function defaultLocalSlaDays(): Promise<Record<LocalSlaType, number>> {
  const rows = await db.setting.findMany({
    where: { officeId: null, key: { in: localSlaTypes.map(slaSettingKey) } },
    select: { key: true, value: true },
  });
  const out = Object.fromEntries(localSlaTypes.map((t) => [t, defaultSlaDays[t]])) as Record<LocalSlaType, number>;
  for (const r of rows) out[r.key.slice(4) as LocalSlaType] = slaDaysOf(r.value) ?? out[r.key.slice(4) as LocalSlaType];
  return out;
}

/** The latest changes of office details, newest first (the append-only OfficeChange table). */
export function listOfficeChanges(limit = 20) {
  return db.officeChange.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true, at: true, actorName: true, version: true, before: true, after: true, reason: true,
      office: { select: { code: true, name: true, nameEn: true } },
    },
  });
}

export function listUsers() {
  return db.user.findMany({
    orderBy: [{ office: { code: "asc" } }, { username: "asc" }],
    select: {
      id: true, username: true, name: true, role: true, active: true, lockedUntil: true,
      office: { select: { code: true, name: true, nameEn: true } },
    },
  });
}

export interface HolidayRow {
  id: string;
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
  /** null: a national row. */
  officeId: string | null;
}

/** One year of the calendar: the national rows, and one office's own rows when an office is given. */
export async function listHolidays(year: number, officeId: string | null): Promise<HolidayRow[]> {
  const rows = await db.holiday.findMany({
    where: {
      date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) },
      OR: officeId ? [{ officeId: null }, { officeId }] : [{ officeId: null }],
    },
    orderBy: [{ date: "asc" }, { officeId: { sort: "asc", nulls: "first" } }],
    select: { id: true, date: true, kind: true, name: true, officeId: true },
  });
  return rows.map((r) => ({ ...r, date: r.date.toISOString().slice(0, 10) }));
}

/** The years the calendar has rows for, national and per office (an office's own rows only). */
export async function holidayYears(): Promise<Array<{ year: number; officeId: string | null; days: number }>> {
  const rows = await db.$queryRaw<Array<{ year: number; officeId: string | null; days: number }>>`
    SELECT EXTRACT(YEAR FROM "date")::int AS year, "officeId"::text AS "officeId", COUNT(*)::int AS days
    FROM "Holiday" GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`;
  return rows;
}

export interface CreditingRateRow {
  id: string;
  year: number;
  scope: string;
  /** Decimal string, e.g. "0.0262": rates never travel as numbers. */
  rate: string;
  provisional: boolean;
  source: string;
  version: number;
}

export async function listCreditingRates(): Promise<CreditingRateRow[]> {
  const rows = await db.creditingRate.findMany({
    orderBy: [{ year: "desc" }, { scope: "asc" }],
    select: { id: true, year: true, scope: true, rate: true, provisional: true, source: true, version: true },
  });
  return rows.map((r) => ({ ...r, rate: r.rate.toString() }));
}

/** The latest changes of the calendar and the rates, newest first (append-only ReferenceChange). */
export function listReferenceChanges(limit = 20) {
  return db.referenceChange.findMany({
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, actorName: true, table: true, action: true, subject: true, before: true, after: true, reason: true },
  });
}

/**
 * Everything the admin page shows, behind `admin:manage` (decision 0011: the service checks,
 * not the page). `?year=2026&office=<id>` choose the calendar shown; anything else falls back
 * to this year, national.
 */
export function adminOverview(actor: Actor, params: Record<string, string | string[] | undefined>) {
  return asResult(async () => {
    if (!can(actor, "admin:manage")) fail("forbidden", "errors.forbidden");
    const y = typeof params.year === "string" && /^\d{4}$/.test(params.year) ? Number(params.year) : NaN;
    const year = y >= CALENDAR_YEARS.min && y <= CALENDAR_YEARS.max ? y : Number(shanghaiDate(new Date()).slice(0, 4));
    const officeId = isUuid(params.office) ? params.office : null;
    const [offices, users, changes, slaDefaults, days, covered, rates, referenceChanges] = await Promise.all([
      listOffices(), listUsers(), listOfficeChanges(), defaultLocalSlaDays(),
      listHolidays(year, officeId), holidayYears(), listCreditingRates(), listReferenceChanges(),
    ]);
    return { year, officeId, offices, users, changes, slaDefaults, days, covered, rates, referenceChanges };
  });
}

/**
 * The supervisor's dashboard, office-scoped and aggregated in SQL: open cases by status and type,
 * overdue and due-soon (working days), completions per ISO week, amounts paid per month, SLA
 * compliance per leg, and open work per caseworker. Money leaves as decimal strings; only the
 * chart converts them to numbers for plotting.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db } from "@/lib/db/client";
import { tolerantRead } from "@/lib/db/sql";
import type { OfficeScoped } from "@/lib/db/scope";
import { addWorkingDays, type WorkingCalendar } from "@/lib/domain/calendar";
import { cachedOfficeCalendar, shanghaiDate, slaDays } from "@/lib/cases/clock";
import { replayLegOne } from "./sla";

const OPEN = Prisma.sql`c."status" NOT IN ('COMPLETED', 'REJECTED', 'WITHDRAWN')`;
/** Payments that leave the fund; TRANSFER_FUNDS_RECEIVED comes in. */
export const paidKinds = ["SURRENDER_PAYOUT", "DUPLICATE_REFUND", "TRANSFER_FUNDS_SENT"] as const;

export async function openByStatusAndType(officeId: string, reader: Db = db) {
  return reader.$queryRaw<Array<{ status: string; type: string; count: number }>>`
    SELECT c."status"::text AS status, c."type"::text AS type, count(*)::int AS count
    FROM "Case" c WHERE c."officeId" = ${officeId}::uuid AND ${OPEN}
    GROUP BY 1, 2 ORDER BY 1, 2`;
}

/** Overdue: due date before today; due soon: today up to 3 working days ahead (as the inbox). */
export async function dueByType(officeId: string, today: string, calendar: WorkingCalendar, reader: Db = db) {
  const soon = addWorkingDays(today, 3, calendar);
  return reader.$queryRaw<Array<{ type: string; overdue: number; dueSoon: number }>>`
    SELECT c."type"::text AS type,
      count(*) FILTER (WHERE c."dueDate" < ${today}::date)::int AS overdue,
      count(*) FILTER (WHERE c."dueDate" >= ${today}::date AND c."dueDate" <= ${soon}::date)::int AS "dueSoon"
    FROM "Case" c WHERE c."officeId" = ${officeId}::uuid AND ${OPEN} AND c."dueDate" IS NOT NULL
    GROUP BY 1 ORDER BY 1`;
}

/** Completed cases per ISO week (Beijing time), the last `weeks` weeks including this one. */
export async function throughputPerWeek(officeId: string, now: Date, weeks = 12, reader: Db = db) {
  return reader.$queryRaw<Array<{ week: string; completed: number }>>`
    WITH w AS (
      SELECT generate_series(
        date_trunc('week', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai') - make_interval(weeks => ${weeks - 1}::int),
        date_trunc('week', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai'),
        interval '1 week') AS start
    )
    SELECT to_char(w.start, 'IYYY-"W"IW') AS week, count(c.id)::int AS completed
    FROM w LEFT JOIN "Case" c ON c."officeId" = ${officeId}::uuid AND c."status" = 'COMPLETED'
      AND date_trunc('week', c."completedAt" AT TIME ZONE 'Asia/Shanghai') = w.start
    GROUP BY w.start ORDER BY w.start`;
}

/** Sum of payments per month (Beijing time) and kind, as decimal strings, the last `months` months. */
export async function paidPerMonth(officeId: string, now: Date, months = 12, reader: Db = db) {
  return reader.$queryRaw<Array<{ month: string; kind: string; amount: string }>>`
    WITH m AS (
      SELECT generate_series(
        date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai') - make_interval(months => ${months - 1}::int),
        date_trunc('month', ${now}::timestamptz AT TIME ZONE 'Asia/Shanghai'),
        interval '1 month') AS start
    ), k AS (SELECT unnest(${[...paidKinds]}::text[]) AS kind)
    SELECT to_char(m.start, 'YYYY-MM') AS month, k.kind, COALESCE(sum(p."amount"), 0)::numeric(14, 2)::text AS amount
    FROM m CROSS JOIN k LEFT JOIN "Payment" p ON p."officeId" = ${officeId}::uuid AND p."kind"::text = k.kind
      AND date_trunc('month', p."at" AT TIME ZONE 'Asia/Shanghai') = m.start
    GROUP BY m.start, k.kind ORDER BY m.start, k.kind`;
}

export interface LegCompliance {
  type: string;
  leg: number;
  total: number;
  within: number;
}

/**
 * SLA compliance per leg since `since`: a leg is on time when it ended on or before its due date.
 * Legs that end with the case's completion keep their due date on the row (surrender, refund,
 * transfer-out leg 2, transfer-in leg 3): counted in SQL. Leg 1 of a transfer-in ends with the
 * contact letter (approve), after which the row's due date is cleared: replayed from its events.
 */
export async function slaPerLeg(officeId: string, since: Date, calendar: WorkingCalendar, reader: Db = db): Promise<LegCompliance[]> {
  const rows = await reader.$queryRaw<LegCompliance[]>`
    SELECT c."type"::text AS type, c."slaLeg" AS leg, count(*)::int AS total,
      count(*) FILTER (WHERE (c."completedAt" AT TIME ZONE 'Asia/Shanghai')::date <= c."dueDate")::int AS within
    FROM "Case" c WHERE c."officeId" = ${officeId}::uuid AND c."status" = 'COMPLETED'
      AND c."completedAt" >= ${since}::timestamptz AND c."dueDate" IS NOT NULL
    GROUP BY 1, 2`;
  const events = await reader.$queryRaw<Array<{ caseId: string; action: string; at: Date }>>`
    SELECT e."caseId", e."action", e."at" FROM "CaseEvent" e
    WHERE e."officeId" = ${officeId}::uuid AND e."action" IN ('submit', 'return', 'resubmit', 'approve')
      AND e."caseId" IN (
        SELECT a."caseId" FROM "CaseEvent" a JOIN "Case" c ON c."id" = a."caseId"
        WHERE a."officeId" = ${officeId}::uuid AND a."action" = 'approve' AND c."type" = 'TRANSFER_IN' AND a."at" >= ${since}::timestamptz)
    ORDER BY e."caseId", e."seq"`;
  if (events.length) {
    const days = await slaDays(reader, officeId, "TRANSFER_IN");
    const byCase = new Map<string, typeof events>();
    for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    const leg1 = { type: "TRANSFER_IN", leg: 1, total: 0, within: 0 };
    for (const list of byCase.values()) {
      const onTime = replayLegOne(list, calendar, days);
      if (onTime === null) continue;
      leg1.total += 1;
      if (onTime) leg1.within += 1;
    }
    if (leg1.total) rows.push(leg1);
  }
  const order = ["SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN", "TRANSFER_OUT"];
  return rows.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.leg - b.leg);
}

/** Open cases and overdue ones per caseworker and supervisor of the office (zero included). */
export async function workloadPerCaseworker(officeId: string, today: string, reader: Db = db) {
  return reader.$queryRaw<Array<{ userId: string; name: string; role: string; open: number; overdue: number }>>`
    SELECT u."id" AS "userId", u."name", u."role"::text AS role, count(c."id")::int AS open,
      count(c."id") FILTER (WHERE c."dueDate" < ${today}::date)::int AS overdue
    FROM "User" u LEFT JOIN "Case" c ON c."assigneeId" = u."id" AND c."officeId" = u."officeId" AND ${OPEN}
    WHERE u."officeId" = ${officeId}::uuid AND u."active" AND u."role" IN ('caseworker', 'supervisor')
    GROUP BY u."id" ORDER BY open DESC, u."name", u."id"`;
}

export async function getDashboard(user: OfficeScoped, now = new Date()) {
  const today = shanghaiDate(now);
  const calendar = await cachedOfficeCalendar(user.officeId);
  const since = new Date(now.getTime() - 26 * 7 * 86_400_000);
  // A dashboard tolerates a little lag: the replica when there is one (decision 0020).
  const [open, due, throughput, paid, sla, workload] = await tolerantRead(({ db: reader }) => Promise.all([
    openByStatusAndType(user.officeId, reader),
    dueByType(user.officeId, today, calendar, reader),
    throughputPerWeek(user.officeId, now, 12, reader),
    paidPerMonth(user.officeId, now, 12, reader),
    slaPerLeg(user.officeId, since, calendar, reader),
    workloadPerCaseworker(user.officeId, today, reader),
  ]));
  return { today, since: shanghaiDate(since), open, due, throughput, paid, sla, workload };
}
export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

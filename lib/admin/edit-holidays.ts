import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { type Actor, asResult, fail, Failure, type Result } from "@/lib/service";
import { forgetOfficeCalendars } from "@/lib/cases/clock";
import { runInTransaction } from "@/lib/cases/transition-case";
import { zodFailure } from "@/lib/cases/validation";
import { addHolidaySchema, removeHolidaySchema, type AddHolidayInput } from "./schemas";
import { isUuid } from "@/lib/db/ids";

/** A calendar row as the change record keeps it. */
export interface HolidaySnapshot {
  date: string;
  kind: "HOLIDAY" | "WORKDAY";
  name: string;
  officeId: string | null;
}

const forbidden = () => ({ ok: false as const, error: new Failure("forbidden", "errors.forbidden") });
const subjectOf = (date: string, officeCode: string | null) => `${date} ${officeCode ?? "national"}`;

/**
 * An administrator adds a day to the national calendar (officeId null) or to one office's own
 * (decision 0010). One transaction: the row and an append-only ReferenceChange. The same date
 * twice for the same calendar is a conflict (checked first for a clear message; the unique
 * indexes settle a race). Due dates already set on cases do not move: they were fixed when the
 * clock started. This process forgets its cached calendars at once; others within a minute.
 */
export async function addHoliday(actor: Actor, input: unknown, now = new Date()): Promise<Result<{ id: string } & HolidaySnapshot>> {
  if (!can(actor, "admin:manage")) return forbidden();
  const parsed = addHolidaySchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const day = parsed.data;
  if (day.officeId !== null && !isUuid(day.officeId))
    return { ok: false, error: new Failure("bad_request", "errors.badRequest", {}, [{ path: "officeId", key: "errors.notFound" }]) };
  const result = await asResult(() => runInTransaction((tx) => insertHoliday(tx, actor, day, now)));
  if (result.ok) forgetOfficeCalendars();
  return result;
}

async function insertHoliday(tx: Tx, actor: Actor, day: AddHolidayInput, now: Date) {
  const office = day.officeId === null ? null : await tx.office.findUnique({ where: { id: day.officeId }, select: { id: true, code: true } });
  if (day.officeId !== null && !office) fail("bad_request", "errors.badRequest", {}, [{ path: "officeId", key: "errors.notFound" }]);
  const date = new Date(`${day.date}T00:00:00Z`);
  const existing = await tx.holiday.findFirst({ where: { date, officeId: day.officeId }, select: { id: true } });
  if (existing) fail("conflict", "admin.errors.holidayExists", { date: day.date }, [{ path: "date", key: "admin.errors.holidayExists", params: { date: day.date } }]);
  const row = await tx.holiday.create({ data: { date, kind: day.kind, name: day.name, officeId: day.officeId }, select: { id: true } });
  const after: HolidaySnapshot = { date: day.date, kind: day.kind, name: day.name, officeId: day.officeId };
  await tx.referenceChange.create({
    data: {
      actorId: actor.id, actorName: actor.name, at: now, table: "holiday", action: "add",
      subject: subjectOf(day.date, office?.code ?? null), officeId: day.officeId, after: { ...after }, reason: day.reason ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, ...after };
}

/**
 * An administrator removes a day of the calendar by its id. A day removed meanwhile (another
 * admin, another tab) is a conflict, and nothing is written.
 */
export async function removeHoliday(actor: Actor, holidayId: unknown, input: unknown, now = new Date()): Promise<Result<HolidaySnapshot>> {
  if (!can(actor, "admin:manage")) return forbidden();
  const parsed = removeHolidaySchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  if (!isUuid(holidayId)) return { ok: false, error: new Failure("not_found", "errors.notFound") };
  const result = await asResult(() =>
    runInTransaction(async (tx) => {
      const row = await tx.holiday.findUnique({
        where: { id: holidayId },
        select: { date: true, kind: true, name: true, officeId: true, office: { select: { code: true } } },
      });
      if (!row) fail("conflict", "admin.errors.holidayGone");
      // deleteMany, not delete: of two removals of the same day, the second finds 0 rows.
      const deleted = await tx.holiday.deleteMany({ where: { id: holidayId } });
      if (deleted.count !== 1) fail("conflict", "admin.errors.holidayGone");
      const date = row.date.toISOString().slice(0, 10);
      const before: HolidaySnapshot = { date, kind: row.kind, name: row.name, officeId: row.officeId };
      await tx.referenceChange.create({
        data: {
          actorId: actor.id, actorName: actor.name, at: now, table: "holiday", action: "remove",
          subject: subjectOf(date, row.office?.code ?? null), officeId: row.officeId, before: { ...before }, reason: parsed.data.reason ?? null,
        },
        select: { id: true },
      });
      return before;
    }),
  );
  if (result.ok) forgetOfficeCalendars();
  return result;
}

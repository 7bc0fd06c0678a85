import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/auth/permissions";
import { type Actor, asResult, fail, Failure, type Result } from "@/lib/service";
import { runInTransaction } from "@/lib/cases/transition-case";
import { zodFailure } from "@/lib/cases/validation";
import { addCreditingRateSchema, correctCreditingRateSchema } from "./schemas";
import { isUuid } from "@/lib/db/ids";

/** A rate row as the change record keeps it: the rate as a decimal string, never a number. */
export interface RateSnapshot {
  rate: string;
  provisional: boolean;
  source: string;
}

const forbidden = () => ({ ok: false as const, error: new Failure("forbidden", "errors.forbidden") });
const snapshot = (r: { rate: Prisma.Decimal; provisional: boolean; source: string }): RateSnapshot => ({
  rate: r.rate.toString(), provisional: r.provisional, source: r.source,
});

/**
 * An administrator adds a year's crediting rate (记账利率), national or — before 2016 — a
 * province's (decision 0010). Calculations made afterwards read it (lib/db/rates.ts reads the
 * table on every calculation); receipts already frozen on cases do not change. A year already in
 * the table for that scope is a conflict: correct it instead.
 */
export async function addCreditingRate(actor: Actor, input: unknown, now = new Date()): Promise<Result<{ id: string; year: number; scope: string; version: number } & RateSnapshot>> {
  if (!can(actor, "admin:manage")) return forbidden();
  const parsed = addCreditingRateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const v = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      const existing = await tx.creditingRate.findUnique({ where: { year_scope: { year: v.year, scope: v.scope } }, select: { id: true } });
      if (existing) fail("conflict", "admin.errors.rateExists", { year: v.year }, [{ path: "year", key: "admin.errors.rateExists", params: { year: v.year } }]);
      const row = await tx.creditingRate.create({
        data: { year: v.year, scope: v.scope, rate: new Prisma.Decimal(v.rate), provisional: v.provisional, source: v.source },
        select: { id: true, year: true, scope: true, rate: true, provisional: true, source: true, version: true },
      });
      const after = snapshot(row);
      await tx.referenceChange.create({
        data: {
          actorId: actor.id, actorName: actor.name, at: now, table: "creditingRate", action: "add",
          subject: `${v.year} ${v.scope}`, after: { ...after }, reason: v.reason ?? null,
        },
        select: { id: true },
      });
      return { id: row.id, year: row.year, scope: row.scope, version: row.version, ...after };
    }),
  );
}

/**
 * An administrator corrects a rate, marks it provisional or final, or changes its legal source;
 * a reason is required. Compare-and-set on the row's version: of two admins correcting the
 * version they both saw, one wins and the other is told to reload. A form that changes nothing
 * writes nothing.
 */
export async function correctCreditingRate(
  actor: Actor,
  rateId: unknown,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; version: number; changed: string[] }>> {
  if (!can(actor, "admin:manage")) return forbidden();
  const parsed = correctCreditingRateSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  if (!isUuid(rateId)) return { ok: false, error: new Failure("not_found", "errors.notFound") };
  const change = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      const row = await tx.creditingRate.findUnique({
        where: { id: rateId },
        select: { year: true, scope: true, rate: true, provisional: true, source: true, version: true },
      });
      if (!row) fail("not_found", "errors.notFound");
      if (row.version !== change.version) fail("conflict", "admin.errors.rateStale");
      const before: Partial<RateSnapshot> = {};
      const after: Partial<RateSnapshot> = {};
      const data: Prisma.CreditingRateUpdateManyMutationInput = {};
      if (change.rate !== undefined && !new Prisma.Decimal(change.rate).equals(row.rate)) {
        before.rate = row.rate.toString();
        after.rate = new Prisma.Decimal(change.rate).toString();
        data.rate = new Prisma.Decimal(change.rate);
      }
      if (change.provisional !== undefined && change.provisional !== row.provisional) {
        before.provisional = row.provisional;
        after.provisional = data.provisional = change.provisional;
      }
      if (change.source !== undefined && change.source !== row.source) {
        before.source = row.source;
        after.source = data.source = change.source;
      }
      if (Object.keys(after).length === 0) return { id: rateId, version: row.version, changed: [] };
      const updated = await tx.creditingRate.updateMany({ where: { id: rateId, version: change.version }, data: { ...data, version: { increment: 1 } } });
      if (updated.count !== 1) fail("conflict", "admin.errors.rateStale");
      await tx.referenceChange.create({
        data: {
          actorId: actor.id, actorName: actor.name, at: now, table: "creditingRate", action: "correct",
          subject: `${row.year} ${row.scope}`, before, after, reason: change.reason,
        },
        select: { id: true },
      });
      return { id: rateId, version: change.version + 1, changed: Object.keys(after) };
    }),
  );
}

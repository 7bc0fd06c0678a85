import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { join, q, raw, sqlOf, type SqlFragment } from "@/lib/db/sql";
import { runInTransaction } from "@/lib/service/transaction";
import { can } from "@/lib/auth/permissions";
import { findTransition, hasAction, roleMayPerform, type Action, type CaseStatus, type Transition } from "@/lib/workflow";
import { type Actor, asResult, fail, type Result } from "@/lib/service";
import { appendCaseEvent, type EventActor } from "./events";
import { fieldEffects, worldEffects, type CaseFields, type EffectContext } from "./effects";
import { assertNotAboutSelf, checkGuard } from "./guards";
import { loadCaseForSystem, loadCaseForWork } from "./load";
import { transitionSchema } from "./schemas";
import { linkedEffects } from "./transfers";
import { zodFailure } from "./validation";

/**
 * The only way a case changes state. In one transaction: load through the office scope (another
 * office's case is 404), check the version the user saw (stale → 409), that the action starts
 * from this status (409), role (403), separation of duties (403), guards (422), then
 * compare-and-set the status and version, write the effects and append the event to the chain.
 */
export async function transitionCase(
  actor: Actor,
  caseId: string,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; status: CaseStatus; version: number }>> {
  const parsed = transitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const { action, version, reason, data = {} } = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      const c = await loadCaseForWork(tx, actor, caseId);
      if (!c) fail("not_found", "errors.notFound");
      if (!can(actor, "case:work")) fail("forbidden", "errors.forbidden");
      if (!hasAction(c.type, action))
        fail("bad_request", "errors.badRequest", {}, [{ path: "action", key: "cases.errors.unknownAction", params: { action } }]);
      if (version !== c.version) fail("conflict", "errors.conflict");
      const t = findTransition(c.type, action as Action, c.status);
      if (!t) fail("conflict", "cases.errors.wrongState", { action, status: c.status });
      if (!roleMayPerform(t, actor.role)) fail("forbidden", "errors.forbidden");
      assertNotAboutSelf(actor, c);
      if (t.reason === "required" && !reason)
        fail("bad_request", "errors.badRequest", {}, [{ path: "reason", key: "cases.errors.reasonRequired" }]);
      for (const field of t.data ?? []) {
        if (!data[field]) fail("bad_request", "errors.badRequest", {}, [{ path: `data.${field}`, key: "validation.required" }]);
      }
      for (const guard of t.guards) await checkGuard(tx, guard, { actor, c, receivedAmount: data.receivedAmount });
      return applyTransition({ tx, actor, c, t, reason, data, now });
    }),
  );
}

/** Compare-and-set, effects, event: shared by user transitions and the linked leg's system ones. */
export async function applyTransition(ctx: EffectContext): Promise<{ id: string; status: CaseStatus; version: number }> {
  const { tx, c, t, now } = ctx;
  const fields = await fieldEffects(ctx);
  const updated = await sqlOf(tx).exec(q`
    UPDATE "Case" SET ${join([q`status = ${t.to}`, q`version = version + 1`, q`"updatedAt" = ${now}`, ...fieldSql(fields)], ", ")}
    WHERE id = ${c.id} AND version = ${c.version} AND status = ${c.status}`);
  // Another transaction changed the case between our read and our write: nothing is written.
  if (updated !== 1) fail("conflict", "errors.conflict");
  const eventData = await worldEffects(ctx);
  const actorRef: EventActor = { id: ctx.actor.id, name: ctx.actor.name };
  await appendCaseEvent(tx, {
    officeId: c.officeId, caseId: c.id, actor: actorRef, action: t.action, from: c.status, to: t.to,
    reason: ctx.reason ?? null, at: now,
    data: { version: c.version + 1, ...eventData, ...(fields.amount ? { amount: String(fields.amount) } : {}) },
  });
  await linkedEffects(ctx, applySystemTransition);
  return { id: c.id, status: t.to, version: c.version + 1 };
}

/** `column = value` for each field a transition sets; the column names are this table's own. */
const fieldColumns: Record<keyof CaseFields, string> = {
  dueDate: '"dueDate"', submittedById: '"submittedById"', slaRemainingDays: '"slaRemainingDays"', clockPausedAt: '"clockPausedAt"',
  slaLeg: '"slaLeg"', assigneeId: '"assigneeId"', calculation: "calculation", amount: "amount", recommendedById: '"recommendedById"',
  decidedAt: '"decidedAt"', approvedById: '"approvedById"', rejectReason: '"rejectReason"', completedAt: '"completedAt"',
};
function fieldSql(fields: CaseFields): SqlFragment[] {
  return (Object.keys(fields) as Array<keyof CaseFields>).map((key) => {
    const value = fields[key];
    // A date column takes the day; money goes as its decimal string, never a float.
    const bound = value === undefined || value === null ? null
      : key === "dueDate" ? (value as Date).toISOString().slice(0, 10)
      : key === "amount" ? (value as Prisma.Decimal).toFixed(2)
      : value;
    return q`${raw(fieldColumns[key])} = ${bound}`;
  });
}

/** A transition that only another transition's effect performs (the linked transfer leg). */
async function applySystemTransition(tx: Tx, caseId: string, action: Action, actor: Actor, now: Date, reason?: string) {
  const c = await loadCaseForSystem(tx, caseId);
  const t = findTransition(c.type, action, c.status);
  if (!t || t.roles !== "system") fail("conflict", "cases.errors.linkedWrongState", { caseNumber: c.caseNumber });
  return applyTransition({ tx, actor, c, t: t as Transition, reason, data: {}, now });
}

export type SystemTransition = typeof applySystemTransition;

export { runInTransaction } from "@/lib/service/transaction";

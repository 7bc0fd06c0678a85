import { Prisma } from "@/lib/generated/prisma/client";
import { join, q, raw, sqlOf, type SqlFragment } from "@/lib/db/sql";
import { runInTransaction } from "@/lib/service/transaction";
import { asResult, fail, zodFailure, type Result } from "@/lib/service/result";
import type { Actor } from "@/lib/service/actor";
import { can } from "@/lib/auth/permissions";
import { findTransition, guardRefusal, hasAction, isAboutSelf, linkedType, ownCaseRefusal, roleMayPerform, type CaseStatus } from "@/lib/workflow";
import { appendCaseEvent, type EventActor } from "./events";
import { fieldEffects, worldEffects, type CaseFields, type EffectContext } from "./effects";
import { caseFactsForWork, refuse, subjectOf } from "./facts";
import { loadCaseForSystem, loadCaseForWork } from "./load";
import { transitionSchema } from "./schemas";

/**
 * The only way a case changes state. In one transaction: load through the office scope (another
 * office's case is 404), check the version the user saw (stale → 409), that the action starts
 * from this status (409), role (403), the own-case rule (403), the row's guards on the case's
 * facts (lib/workflow/guards.ts: 403/409/422), then compare-and-set the status and version, write
 * the effects and append the event to the chain — and the same for each follow-up the row names
 * on the linked case (`then`), each with its own event, in the same transaction.
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
      const t = findTransition(c.type, action, c.status);
      if (!t) fail("conflict", "cases.errors.wrongState", { action, status: c.status });
      if (!roleMayPerform(t, actor.role)) fail("forbidden", "errors.forbidden");
      if (isAboutSelf(actor, subjectOf(c.person.idNumber, c.intake))) refuse(ownCaseRefusal);
      if (t.reason === "required" && !reason)
        fail("bad_request", "errors.badRequest", {}, [{ path: "reason", key: "cases.errors.reasonRequired" }]);
      for (const field of t.data ?? []) {
        if (!data[field]) fail("bad_request", "errors.badRequest", {}, [{ path: `data.${field}`, key: "validation.required" }]);
      }
      const facts = t.guards.length ? await caseFactsForWork(tx, c) : null;
      if (facts) refuse(guardRefusal(t, facts, actor, { receivedAmount: data.receivedAmount }));
      return runTransitions({ tx, actor, c, t, reason, data, now, facts });
    }),
  );
}

/**
 * The transition, then the follow-ups its row names on the linked case (system rows there), then
 * theirs, in order: each a compare-and-set with its effects and its own event. Returns the first.
 */
async function runTransitions(first: EffectContext): Promise<{ id: string; status: CaseStatus; version: number }> {
  const applied = await applyTransition(first);
  const queue = await followUpsOf(first, applied.linkedCaseId);
  for (let step = queue.shift(); step; step = queue.shift()) {
    const next = await applyTransition(step);
    queue.push(...(await followUpsOf(step, next.linkedCaseId)));
  }
  return { id: applied.id, status: applied.status, version: applied.version };
}

/** The steps a row's `then` causes on the linked case, checked like any transition of the table. */
async function followUpsOf(step: EffectContext, linkedCaseId: string | null): Promise<EffectContext[]> {
  const steps: EffectContext[] = [];
  for (const followUp of step.t.then ?? []) {
    // A TRANSFER_IN whose original office is outside the deployment has no linked leg here.
    if (!linkedCaseId) continue;
    const linked = await loadCaseForSystem(step.tx, linkedCaseId);
    const t = findTransition(linked.type, followUp.action, linked.status);
    if (!t || t.roles !== "system" || linked.type !== linkedType[step.c.type])
      fail("conflict", "cases.errors.linkedWrongState", { caseNumber: linked.caseNumber });
    const facts = t.guards.length ? await caseFactsForWork(step.tx, linked) : null;
    if (facts) refuse(guardRefusal(t, facts, step.actor));
    // The follow-up carries the cause's reason when its row takes one (a refusal's reason).
    steps.push({ tx: step.tx, actor: step.actor, c: linked, t, reason: t.reason ? step.reason : undefined, data: {}, now: step.now, facts });
  }
  return steps;
}

/** Compare-and-set, effects, event: one step of runTransitions. */
async function applyTransition(ctx: EffectContext): Promise<{ id: string; status: CaseStatus; version: number; linkedCaseId: string | null }> {
  const { tx, c, t, now } = ctx;
  const fields = await fieldEffects(ctx);
  const updated = await sqlOf(tx).exec(q`
    UPDATE "Case" SET ${join([q`status = ${t.to}`, q`version = version + 1`, q`"updatedAt" = ${now}`, ...fieldSql(fields)], ", ")}
    WHERE id = ${c.id} AND version = ${c.version} AND status = ${c.status}`);
  // Another transaction changed the case between our read and our write: nothing is written.
  if (updated !== 1) fail("conflict", "errors.conflict");
  const eventData = await worldEffects(ctx, fields);
  const actorRef: EventActor = { id: ctx.actor.id, name: ctx.actor.name };
  await appendCaseEvent(tx, {
    officeId: c.officeId, caseId: c.id, actor: actorRef, action: t.action, from: c.status, to: t.to,
    reason: ctx.reason ?? null, at: now,
    data: { version: c.version + 1, ...eventData, ...(fields.amount ? { amount: String(fields.amount) } : {}) },
  });
  return { id: c.id, status: t.to, version: c.version + 1, linkedCaseId: fields.linkedCaseId ?? c.linkedCaseId };
}

/** `column = value` for each field a transition sets; the column names are this table's own. */
const fieldColumns: Record<keyof CaseFields, string> = {
  dueDate: '"dueDate"', submittedById: '"submittedById"', slaRemainingDays: '"slaRemainingDays"', clockPausedAt: '"clockPausedAt"',
  slaLeg: '"slaLeg"', assigneeId: '"assigneeId"', calculation: "calculation", amount: "amount", recommendedById: '"recommendedById"',
  decidedAt: '"decidedAt"', approvedById: '"approvedById"', rejectReason: '"rejectReason"', completedAt: '"completedAt"',
  linkedCaseId: '"linkedCaseId"',
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

export { runInTransaction } from "@/lib/service/transaction";

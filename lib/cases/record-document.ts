import { can } from "@/lib/auth/permissions";
import { finalStatuses, isAboutSelf, ownCaseRefusal, type CaseStatus } from "@/lib/workflow";
import type { Actor } from "@/lib/service/actor";
import { asResult, fail, type Result } from "@/lib/service/result";
import { appendCaseEvent } from "./events";
import { refuse, subjectOf } from "./facts";
import { loadCaseForWork } from "./load";
import { recordDocumentSchema } from "./schemas";
import { runInTransaction } from "./transition-case";
import { zodFailure } from "./validation";

/**
 * Marks a checklist item received. A change of the case like any other: compare-and-set on the
 * version (the one the user saw, if given) and an event in the chain. Recording an item already
 * received changes nothing and writes nothing.
 */
export async function recordDocument(
  actor: Actor,
  caseId: string,
  input: unknown,
  options: { version?: number; now?: Date } = {},
): Promise<Result<{ kind: string; received: boolean; version: number }>> {
  const parsed = recordDocumentSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const now = options.now ?? new Date();
  return asResult(() =>
    runInTransaction(async (tx) => {
      const c = await loadCaseForWork(tx, actor, caseId);
      if (!c) fail("not_found", "errors.notFound");
      if (!can(actor, "case:work")) fail("forbidden", "errors.forbidden");
      // Receiving the papers of one's own case is acting on it (docs/rules.md §2.4), like a transition.
      if (isAboutSelf(actor, subjectOf(c.person.idNumber, c.intake))) refuse(ownCaseRefusal);
      if (options.version !== undefined && options.version !== c.version) fail("conflict", "errors.conflict");
      if (finalStatuses.has(c.status as CaseStatus)) fail("conflict", "cases.errors.decided");
      const item = await tx.caseDocument.findUnique({ where: { caseId_kind: { caseId: c.id, kind: parsed.data.kind } }, select: { id: true, receivedAt: true } });
      if (!item) fail("unprocessable", "cases.errors.notOnChecklist", { kind: parsed.data.kind });
      if (item.receivedAt) return { kind: parsed.data.kind, received: true, version: c.version };
      const bumped = await tx.case.updateMany({ where: { id: c.id, version: c.version }, data: { version: { increment: 1 }, updatedAt: now } });
      if (bumped.count !== 1) fail("conflict", "errors.conflict");
      await tx.caseDocument.update({ where: { id: item.id }, data: { receivedAt: now, receivedById: actor.id, note: parsed.data.note ?? null } });
      await appendCaseEvent(tx, {
        officeId: c.officeId, caseId: c.id, actor: { id: actor.id, name: actor.name }, action: "document",
        from: c.status, to: c.status, at: now,
        data: { version: c.version + 1, kind: parsed.data.kind, ...(parsed.data.note ? { note: parsed.data.note } : {}) },
      });
      return { kind: parsed.data.kind, received: true, version: c.version + 1 };
    }),
  );
}

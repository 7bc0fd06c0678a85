import type { Tx } from "@/lib/db/client";
import { Money } from "@/lib/domain/money";
import type { Guard } from "@/lib/workflow";
import { type Actor, fail } from "@/lib/service";
import type { CaseForWork } from "./load";

/**
 * Nobody acts on a case about themselves (DESIGN.md §1): the actor's own ID number is neither
 * the insured person's nor a payee's.
 */
export function assertNotAboutSelf(actor: Actor, c: CaseForWork): void {
  if (!actor.idNumber) return;
  const payees = ((c.intake as { payees?: Array<{ idNumber?: string }> })?.payees ?? []).map((p) => p.idNumber);
  if (c.person.idNumber === actor.idNumber || payees.includes(actor.idNumber)) fail("forbidden", "cases.errors.ownCase");
}

/** Whoever took in, submitted or recommended the case (from its history). */
async function involvedBeforeApproval(tx: Tx, c: CaseForWork): Promise<Set<string>> {
  const events = await tx.caseEvent.findMany({
    where: { caseId: c.id, action: { in: ["create", "submit", "resubmit", "recommend"] } },
    select: { actorId: true },
  });
  return new Set([c.createdById, ...events.map((e) => e.actorId).filter((id): id is string => !!id)]);
}

export async function checkGuard(
  tx: Tx,
  guard: Guard,
  ctx: { actor: Actor; c: CaseForWork; receivedAmount?: string },
): Promise<void> {
  const { actor, c } = ctx;
  switch (guard) {
    case "documentsComplete": {
      const missing = await tx.caseDocument.findMany({
        where: { caseId: c.id, required: true, receivedAt: null },
        select: { kind: true },
        orderBy: { kind: "asc" },
      });
      if (missing.length) fail("unprocessable", "cases.errors.missingDocuments", { kinds: missing.map((m) => m.kind).join(", ") });
      return;
    }
    case "assignedToActor":
      if (c.assigneeId !== actor.id) fail("forbidden", "cases.errors.notAssignee");
      return;
    case "fourEyes":
      if ((await involvedBeforeApproval(tx, c)).has(actor.id)) fail("forbidden", "cases.errors.fourEyes");
      return;
    case "approvalLimit":
      if (c.amount && new Money(c.amount.toString()).gt(c.office.approvalLimit.toString()) && actor.role !== "supervisor")
        fail("forbidden", "cases.errors.aboveLimit", { limit: c.office.approvalLimit.toFixed(2) });
      return;
    case "eligible":
      // Checked by the `calculate` effect, which knows the result (see effects.ts).
      return;
    case "fundsReconciled": {
      if (!c.linkedCaseId) fail("conflict", "cases.errors.fundsNotSent");
      const out = await tx.case.findUnique({ where: { id: c.linkedCaseId! }, select: { status: true, calculation: true } });
      const f6 = (out?.calculation as { fields?: { f6?: string } } | null)?.fields?.f6;
      if (!out || out.status !== "COMPLETED" || !f6) fail("conflict", "cases.errors.fundsNotSent");
      if (ctx.receivedAmount === undefined) fail("bad_request", "validation.required", {}, [{ path: "data.receivedAmount", key: "validation.required" }]);
      const difference = new Money(ctx.receivedAmount!).minus(f6!);
      if (!difference.isZero())
        fail("unprocessable", "cases.errors.reconciliation", { expected: f6!, received: new Money(ctx.receivedAmount!).toFixed(2), difference: difference.toFixed(2) });
      return;
    }
  }
}

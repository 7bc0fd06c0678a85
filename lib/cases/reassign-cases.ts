import { z } from "zod";
import { can } from "@/lib/auth/permissions";
import { isStorableText } from "@/lib/http/api";
import { finalStatuses, type CaseStatus } from "@/lib/workflow";
import { type Actor, asResult, fail, type Result } from "@/lib/service";
import { appendCaseEvent } from "./events";
import { runInTransaction } from "./transition-case";
import { zodFailure } from "./validation";

export const reassignSchema = z
  .object({
    caseIds: z.array(z.string().uuid({ message: "validation.invalid" })).min(1, { message: "validation.required" }).max(500, { message: "validation.tooBig" }),
    assigneeId: z.string().uuid({ message: "validation.invalid" }),
    reason: z.string().trim().min(1, { message: "cases.errors.reasonRequired" }).max(2000, { message: "validation.tooLong" }).refine(isStorableText, { message: "validation.invalid" }),
  })
  .strict();

/**
 * Supervisors reassign one case or many (for absence), with a reason: all or nothing, each case
 * compare-and-set on its version and recorded as an `reassign` event.
 */
export async function reassignCases(actor: Actor, input: unknown, now = new Date()): Promise<Result<{ count: number }>> {
  const parsed = reassignSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const { caseIds, assigneeId, reason } = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      if (!can(actor, "case:reassign")) fail("forbidden", "errors.forbidden");
      const assignee = await tx.user.findFirst({
        where: { id: assigneeId, officeId: actor.officeId, active: true, role: { in: ["caseworker", "supervisor"] } },
        select: { id: true, name: true },
      });
      if (!assignee) fail("unprocessable", "cases.errors.badAssignee");
      const cases = await tx.case.findMany({
        where: { id: { in: [...new Set(caseIds)] }, officeId: actor.officeId },
        select: { id: true, version: true, status: true, assigneeId: true, officeId: true },
        orderBy: { id: "asc" },
      });
      if (cases.length !== new Set(caseIds).size) fail("not_found", "errors.notFound");
      for (const c of cases) {
        if (finalStatuses.has(c.status as CaseStatus)) fail("conflict", "cases.errors.decided");
        const updated = await tx.case.updateMany({
          where: { id: c.id, version: c.version },
          data: { assigneeId: assignee.id, version: { increment: 1 }, updatedAt: now },
        });
        if (updated.count !== 1) fail("conflict", "errors.conflict");
        await appendCaseEvent(tx, {
          officeId: c.officeId, caseId: c.id, actor: { id: actor.id, name: actor.name }, action: "reassign",
          from: c.status as CaseStatus, to: c.status as CaseStatus, reason, at: now,
          data: { version: c.version + 1, from: c.assigneeId, to: assignee.id, toName: assignee.name },
        });
      }
      return { count: cases.length };
    }),
  );
}

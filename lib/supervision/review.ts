import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { type Actor, asResult, fail, type Result } from "@/lib/service";
import { runInTransaction } from "@/lib/cases/transition-case";
import { zodFailure } from "@/lib/cases/validation";
import { Money } from "@/lib/domain/money";
import type { CaseStatus } from "@/lib/workflow";
import { appendSupervisionEvents } from "./events";
import { recordReviewSchema } from "./schemas";
import { isUuid } from "@/lib/db/ids";

/** Workflow events whose actor has worked on the case (and so may not re-review it). */
const WORK_ACTIONS = ["create", "open", "submit", "resubmit", "claim", "recommend", "approve", "complete", "return", "reject", "document"];

/**
 * Whoever took in, submitted, reviewed, recommended, approved or completed a case cannot be its
 * blind reviewer: the re-review is a second pair of eyes, like four-eyes on approval.
 */
export async function workedOnCase(tx: Tx, caseId: string, userId: string): Promise<boolean> {
  const c = await tx.case.findUniqueOrThrow({
    where: { id: caseId },
    select: { createdById: true, submittedById: true, recommendedById: true, approvedById: true, assigneeId: true },
  });
  if (Object.values(c).includes(userId)) return true;
  return (await tx.caseEvent.count({ where: { caseId, actorId: userId, action: { in: WORK_ACTIONS } } })) > 0;
}

/** GRANT agrees with a completed case of the same amount; REJECT with a rejected case. */
export function reviewAgrees(
  review: { decision: "GRANT" | "REJECT"; amount?: string | null },
  original: { status: string; amount: string | null },
): boolean {
  if (review.decision === "REJECT") return original.status === "REJECTED";
  if (original.status !== "COMPLETED") return false;
  if (review.amount == null || original.amount == null) return review.amount == null && original.amount == null;
  return new Money(review.amount).eq(original.amount);
}

/**
 * The reviewer's own decision on a sampled case, recorded once, before the original decision is
 * shown (the read side, getSampleItem, hides it until then). Appends a `review` event.
 */
export async function recordReview(
  actor: Actor,
  itemId: string,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; agrees: boolean }>> {
  const parsed = recordReviewSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const review = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      if (!isUuid(itemId)) fail("not_found", "errors.notFound");
      const item = await tx.auditSampleItem.findFirst({
        where: { id: itemId, officeId: actor.officeId },
        select: { id: true, sampleId: true, reviewerId: true, reviewedAt: true, case: { select: { id: true, status: true, amount: true } } },
      });
      if (!item) fail("not_found", "errors.notFound");
      if (!can(actor, "audit:sample")) fail("forbidden", "errors.forbidden");
      if (item.reviewedAt) fail("conflict", "supervision.errors.alreadyReviewed");
      if (item.reviewerId && item.reviewerId !== actor.id) fail("forbidden", "supervision.errors.notReviewer");
      if (await workedOnCase(tx, item.case.id, actor.id)) fail("forbidden", "supervision.errors.involved");
      const amount = review.decision === "GRANT" && review.amount !== undefined ? new Money(review.amount).toFixed(2) : null;
      const agrees = reviewAgrees({ decision: review.decision, amount }, { status: item.case.status, amount: item.case.amount?.toFixed(2) ?? null });
      // Compare-and-set: two reviewers submitting at once — one review is recorded, never two.
      const updated = await tx.auditSampleItem.updateMany({
        where: { id: item.id, reviewedAt: null, OR: [{ reviewerId: null }, { reviewerId: actor.id }] },
        data: {
          reviewerId: actor.id, reviewDecision: review.decision, reviewAmount: amount === null ? null : new Prisma.Decimal(amount),
          reviewNote: review.note, reviewedAt: now, agrees,
        },
      });
      if (updated.count !== 1) fail("conflict", "supervision.errors.alreadyReviewed");
      await appendSupervisionEvents(tx, {
        officeId: actor.officeId, actor: { id: actor.id, name: actor.name }, at: now,
        events: [{
          caseId: item.case.id, status: item.case.status as CaseStatus, action: "review", reason: review.note,
          data: { sampleId: item.sampleId, itemId: item.id, decision: review.decision, ...(amount ? { amount } : {}), agrees },
        }],
      });
      return { id: item.id, agrees };
    }),
  );
}

/** The item as its sample page lists it: never the decision before the item is reviewed. */
export async function findSampleItem(officeId: string, itemId: string) {
  if (!isUuid(itemId)) return null;
  return db.auditSampleItem.findFirst({
    where: { id: itemId, officeId },
    select: {
      id: true, sampleId: true, caseId: true, reviewerId: true, reviewDecision: true, reviewAmount: true, reviewNote: true,
      reviewedAt: true, agrees: true,
      findings: { orderBy: { createdAt: "asc" }, select: { id: true, severity: true, text: true, correctionCaseId: true, createdById: true, createdAt: true } },
    },
  });
}

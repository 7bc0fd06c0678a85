import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { refuse, subjectOf } from "@/lib/cases/facts";
import { openCase } from "@/lib/cases/open-case";
import { intakeToStore, parseCaseData } from "@/lib/cases/case-data";
import type { Actor } from "@/lib/service/actor";
import { asResult, fail, zodFailure, type Result } from "@/lib/service/result";
import { runInTransaction } from "@/lib/service/transaction";
import { finalStatuses, isAboutSelf, ownCaseRefusal, type CaseStatus } from "@/lib/workflow";
import { appendSupervisionEvents } from "./events";
import { recordFindingSchema } from "./schemas";
import { isUuid } from "@/lib/db/ids";

interface Original {
  id: string;
  caseNumber: string;
  type: string;
  officeId: string;
  personId: string;
  intake: unknown;
  person: { idNumber: string };
}

/**
 * Opens the correction of a decided case: a new case of the same type, in DRAFT, for the same
 * person and application, whose `supersedesId` is the original. The original is never edited
 * (docs/rules.md §2.4); the correction goes through the whole workflow again, opened like an
 * intake (lib/cases/open-case.ts): numbered in the office's series, its checklist, a `create` event.
 */
async function openCorrectionCase(tx: Tx, actor: Actor, original: Original, findingId: string, now: Date) {
  const data = parseCaseData({ ...original, calculation: null });
  // A transfer-out is opened by the other office's contact letter, never taken in here.
  if (data.type === "TRANSFER_OUT") fail("unprocessable", "supervision.errors.noCorrectionForType");
  if (isAboutSelf(actor, subjectOf(original.person.idNumber, data.intake))) refuse(ownCaseRefusal);
  const open = await tx.case.findFirst({
    where: { personId: original.personId, type: data.type, status: { notIn: [...finalStatuses] } },
    select: { caseNumber: true },
  });
  if (open) fail("conflict", "cases.errors.alreadyOpen", { caseNumber: open.caseNumber });
  const office = await tx.office.findUniqueOrThrow({ where: { id: original.officeId }, select: { id: true, code: true } });
  const { type } = data;
  // The correction takes in the same application: the original's intake, checked again on write.
  const surrender = data.type === "SURRENDER" ? data.intake : null;
  const created = await openCase(tx, actor, {
    type, status: "DRAFT", office, personId: original.personId, intake: intakeToStore(type, data.intake),
    checklist: { ground: surrender?.ground, filedByAgent: surrender?.filedByAgent, severalHeirs: (surrender?.payees.length ?? 0) > 1 },
    columns: { supersedesId: original.id },
    event: { action: "create", data: { type, supersedes: original.caseNumber, supersedesId: original.id, findingId } },
  }, now);
  return { id: created.id, caseNumber: created.caseNumber };
}

/**
 * A finding on a reviewed sample item, recorded with a `finding` event on the original case.
 * With `openCorrection` (supervisors: they take in cases and audit) it also opens the
 * correction case, in the same transaction.
 */
export async function recordFinding(
  actor: Actor,
  itemId: string,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; correctionCase: { id: string; caseNumber: string } | null }>> {
  const parsed = recordFindingSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const { severity, text, openCorrection } = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      if (!isUuid(itemId)) fail("not_found", "errors.notFound");
      const item = await tx.auditSampleItem.findFirst({
        where: { id: itemId, officeId: actor.officeId },
        select: {
          id: true, sampleId: true, reviewedAt: true,
          case: { select: { id: true, caseNumber: true, type: true, status: true, officeId: true, personId: true, intake: true, person: { select: { idNumber: true } } } },
        },
      });
      if (!item) fail("not_found", "errors.notFound");
      if (!can(actor, "audit:sample")) fail("forbidden", "errors.forbidden");
      if (openCorrection && !can(actor, "case:create")) fail("forbidden", "supervision.errors.correctionForbidden");
      if (!item.reviewedAt) fail("conflict", "supervision.errors.notReviewed");
      const findingId = randomUUID();
      const correction = openCorrection ? await openCorrectionCase(tx, actor, item.case, findingId, now) : null;
      await tx.auditFinding.create({
        data: {
          id: findingId, officeId: actor.officeId, itemId: item.id, caseId: item.case.id, severity, text,
          correctionCaseId: correction?.id ?? null, createdById: actor.id, createdAt: now,
        },
      });
      await appendSupervisionEvents(tx, {
        officeId: actor.officeId, actor: { id: actor.id, name: actor.name }, at: now,
        events: [{
          caseId: item.case.id, status: item.case.status as CaseStatus, action: "finding", reason: text,
          data: {
            sampleId: item.sampleId, itemId: item.id, findingId, severity,
            ...(correction ? { correctionCaseId: correction.id, correctionCaseNumber: correction.caseNumber } : {}),
          },
        }],
      });
      return { id: findingId, correctionCase: correction };
    }),
  );
}

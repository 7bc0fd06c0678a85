import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { type Actor, asResult, fail, type Result } from "@/lib/service";
import { checklistFor } from "@/lib/cases/checklists";
import { shanghaiDate } from "@/lib/cases/clock";
import { appendCaseEvent } from "@/lib/cases/events";
import { nextCaseNumber } from "@/lib/cases/numbering";
import { runInTransaction } from "@/lib/cases/transition-case";
import { zodFailure } from "@/lib/cases/validation";
import { finalStatuses, type CaseStatus, type CaseType } from "@/lib/workflow";
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
 * (DESIGN.md §3.1); the correction goes through the whole workflow again. Same steps as intake
 * (lib/cases/create-case.ts): numbered in the office's series, its checklist, a `create` event.
 */
async function openCorrectionCase(tx: Tx, actor: Actor, original: Original, findingId: string, now: Date) {
  // A transfer-out is opened by the other office's contact letter, never taken in here.
  if (original.type === "TRANSFER_OUT") fail("unprocessable", "supervision.errors.noCorrectionForType");
  const payees = ((original.intake as { payees?: Array<{ idNumber?: string }> })?.payees ?? []).map((p) => p.idNumber);
  if (actor.idNumber && (original.person.idNumber === actor.idNumber || payees.includes(actor.idNumber))) fail("forbidden", "cases.errors.ownCase");
  const open = await tx.case.findFirst({
    where: { personId: original.personId, type: original.type as CaseType, status: { notIn: [...finalStatuses] } },
    select: { caseNumber: true },
  });
  if (open) fail("conflict", "cases.errors.alreadyOpen", { caseNumber: open.caseNumber });
  const office = await tx.office.findUniqueOrThrow({ where: { id: original.officeId }, select: { id: true, code: true } });
  const type = original.type as Exclude<CaseType, "TRANSFER_OUT">;
  const intake = (original.intake ?? {}) as { ground?: string; filedByAgent?: boolean; payees?: unknown[] };
  const created = await tx.case.create({
    data: {
      caseNumber: await nextCaseNumber(tx, office, type, Number(shanghaiDate(now).slice(0, 4))),
      type, status: "DRAFT", officeId: office.id, personId: original.personId, intake: intake as Prisma.InputJsonValue,
      createdById: actor.id, supersedesId: original.id, createdAt: now, updatedAt: now,
    },
    select: { id: true, caseNumber: true },
  });
  const crossOffice = (await tx.contributionRecord.count({ where: { personId: original.personId, officeId: { not: office.id } } })) > 0;
  await tx.caseDocument.createMany({
    data: checklistFor(type, {
      ground: intake.ground, filedByAgent: intake.filedByAgent, severalHeirs: (intake.payees?.length ?? 0) > 1, crossOffice,
    }).map((item) => ({ caseId: created.id, officeId: office.id, kind: item.kind, required: item.required })),
  });
  await appendCaseEvent(tx, {
    officeId: office.id, caseId: created.id, actor: { id: actor.id, name: actor.name }, action: "create", from: null, to: "DRAFT",
    at: now, data: { version: 1, type, supersedes: original.caseNumber, supersedesId: original.id, findingId },
  });
  return created;
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

/**
 * Opening a case: the one insert of a new case, for intake (create-case.ts), the transfer-out leg
 * a contact letter opens (transfers.ts) and a supervision finding's correction case
 * (lib/supervision/record-finding.ts). In the caller's transaction: numbered in the office's
 * series of its type, its checklist, and its first event appended to the office's hash chain.
 */
import type { JsonObject } from "@/lib/audit/canonical-json";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseType } from "@/lib/workflow";
import { checklistFor } from "./checklists";
import { shanghaiDate } from "./clock";
import { appendCaseEvent, type EventActor } from "./events";
import { nextCaseNumber } from "./numbering";

export interface OpenCaseSpec {
  /** Known beforehand when another case already points at it (the transfer-out leg). */
  id?: string;
  type: CaseType;
  status: "DRAFT" | "SUBMITTED";
  office: { id: string; code: string };
  personId: string;
  intake: Prisma.InputJsonValue;
  /** What the checklist depends on (docs/rules.md §2.3); `received`: its papers arrive with it. */
  checklist: { ground?: string; filedByAgent?: boolean; severalHeirs?: boolean; received?: boolean };
  /** Columns of a case opened past DRAFT or in a relation (submitted, linked, superseding). */
  columns?: Pick<Prisma.CaseUncheckedCreateInput, "submittedById" | "linkedCaseId" | "supersedesId" | "slaLeg" | "dueDate">;
  /** The first event: `create` (intake, correction) or `open` (by another office's letter). */
  event: { action: "create" | "open"; data: JsonObject };
}

export async function openCase(tx: Tx, actor: EventActor, spec: OpenCaseSpec, now: Date): Promise<{ id: string; caseNumber: string; version: number }> {
  const { office, type } = spec;
  const caseNumber = await nextCaseNumber(tx, office, type, Number(shanghaiDate(now).slice(0, 4)));
  const created = await tx.case.create({
    data: {
      ...(spec.id ? { id: spec.id } : {}),
      caseNumber, type, status: spec.status, officeId: office.id, personId: spec.personId, intake: spec.intake,
      createdById: actor.id, ...spec.columns, createdAt: now, updatedAt: now,
    },
    select: { id: true, caseNumber: true, version: true },
  });
  const { received, ...application } = spec.checklist;
  // Records in another office make that office's statement a required paper (docs/rules.md §3.3).
  const crossOffice = received
    ? false
    : (await tx.contributionRecord.count({ where: { personId: spec.personId, officeId: { not: office.id } } })) > 0;
  await tx.caseDocument.createMany({
    data: checklistFor(type, { ...application, crossOffice }).map((item) => ({
      caseId: created.id, officeId: office.id, kind: item.kind, required: item.required,
      ...(received ? { receivedAt: now, receivedById: actor.id } : {}),
    })),
  });
  await appendCaseEvent(tx, {
    officeId: office.id, caseId: created.id, actor: { id: actor.id, name: actor.name }, action: spec.event.action,
    from: null, to: spec.status, at: now, data: { version: 1, ...spec.event.data },
  });
  return created;
}

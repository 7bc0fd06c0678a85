import { can } from "@/lib/auth/permissions";
import { personVisibleTo } from "@/lib/db/scope";
import type { Actor } from "./actor";
import { duplicateRefundPlan, refundsSomething } from "./calculate";
import { checklistFor } from "./checklists";
import { shanghaiDate } from "./clock";
import { asResult, fail, type CaseResult } from "./errors";
import { appendCaseEvent } from "./events";
import { nextCaseNumber } from "./numbering";
import { createCaseSchema, type CreateCaseInput } from "./schemas";
import { runInTransaction } from "./transition-case";
import { zodFailure } from "./validation";

const openStatuses = ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "APPROVED", "AWAITING_FUNDS", "FUNDS_RECEIVED", "RETURNED"] as const;

/**
 * Intake: a new case in DRAFT for a person known to the actor's office, with its checklist and
 * a `create` event. Refused: a person not found here (404 on the field), a relationship that has
 * ended, a second open case of the same type for the person (409), a duplicate refund with no
 * overlapping month left to refund (422, the message `recommend` gives).
 */
export async function createCase(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<CaseResult<{ id: string; caseNumber: string; type: CreateCaseInput["type"]; status: "DRAFT"; version: number }>> {
  const parsed = createCaseSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const data = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      if (!can(actor, "case:create")) fail("forbidden", "errors.forbidden");
      const person = await tx.insuredPerson.findFirst({
        where: { AND: [personVisibleTo(actor), { idNumber: data.idNumber }] },
        select: { id: true, idNumber: true, relationshipStatus: true, officeId: true },
      });
      if (!person) fail("not_found", "cases.errors.personNotFound", {}, [{ path: "idNumber", key: "cases.errors.personNotFound" }]);
      if (actor.idNumber && (actor.idNumber === person!.idNumber || (data.type === "SURRENDER" && data.payees?.some((p) => p.idNumber === actor.idNumber))))
        fail("forbidden", "cases.errors.ownCase");
      if (person!.relationshipStatus === "TERMINATED") fail("unprocessable", "cases.errors.terminated");
      if (data.type === "SURRENDER" && person!.officeId !== actor.officeId) fail("unprocessable", "cases.errors.relationshipElsewhere");
      if (data.type === "TRANSFER_IN") {
        const office = await tx.office.findUnique({ where: { id: actor.officeId }, select: { code: true } });
        if (office!.code === data.fromOffice)
          fail("bad_request", "errors.badRequest", {}, [{ path: "fromOffice", key: "cases.errors.sameOffice" }]);
      }
      const open = await tx.case.findFirst({
        where: { personId: person!.id, type: data.type, status: { in: [...openStatuses] } },
        select: { caseNumber: true },
      });
      if (open) fail("conflict", "cases.errors.alreadyOpen", { caseNumber: open.caseNumber });
      // The overlapping, not yet refunded months are found at intake, by the plan `recommend`
      // freezes (docs/api.md §4.1): with none, nothing is taken in (issue 13).
      if (data.type === "DUPLICATE_REFUND" && !refundsSomething(await duplicateRefundPlan(tx, person!.id))) {
        const key = "cases.errors.notEligible.DUPLICATE_REFUND";
        fail("unprocessable", key, {}, [{ path: "idNumber", key }]);
      }

      const office = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { id: true, code: true } });
      const intake = await intakeOf(tx, data, person!.id, actor.officeId);
      const caseNumber = await nextCaseNumber(tx, office, data.type, Number(shanghaiDate(now).slice(0, 4)));
      const created = await tx.case.create({
        data: {
          caseNumber, type: data.type, status: "DRAFT", officeId: office.id, personId: person!.id, intake,
          createdById: actor.id, createdAt: now, updatedAt: now,
        },
        select: { id: true, caseNumber: true, version: true },
      });
      const crossOffice = (await tx.contributionRecord.count({ where: { personId: person!.id, officeId: { not: office.id } } })) > 0;
      await tx.caseDocument.createMany({
        data: checklistFor(data.type, {
          ground: data.type === "SURRENDER" ? data.ground : undefined,
          filedByAgent: data.type === "SURRENDER" ? data.filedByAgent : undefined,
          severalHeirs: data.type === "SURRENDER" ? (data.payees?.length ?? 0) > 1 : undefined,
          crossOffice,
        }).map((item) => ({ caseId: created.id, officeId: office.id, kind: item.kind, required: item.required })),
      });
      await appendCaseEvent(tx, {
        officeId: office.id, caseId: created.id, actor: { id: actor.id, name: actor.name }, action: "create",
        from: null, to: "DRAFT", at: now, data: { version: 1, type: data.type },
      });
      return { id: created.id, caseNumber: created.caseNumber, type: data.type, status: "DRAFT" as const, version: created.version };
    }),
  );
}

async function intakeOf(tx: Parameters<Parameters<typeof runInTransaction>[0]>[0], data: CreateCaseInput, personId: string, officeId: string) {
  switch (data.type) {
    case "SURRENDER":
      return { ground: data.ground, terminationMonth: data.terminationMonth, payees: data.payees ?? [], filedByAgent: !!data.filedByAgent };
    case "DUPLICATE_REFUND":
      return {};
    case "TRANSFER_IN": {
      // Default transfer month: the first month contributed at the new office.
      const first = await tx.contributionRecord.findFirst({ where: { personId, officeId }, orderBy: { fromMonth: "asc" }, select: { fromMonth: true } });
      return { fromOffice: data.fromOffice, transferMonth: data.transferMonth ?? first?.fromMonth ?? null };
    }
  }
}

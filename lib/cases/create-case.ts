import { can } from "@/lib/auth/permissions";
import { personVisibleTo } from "@/lib/db/scope";
import type { Actor } from "@/lib/service/actor";
import { asResult, fail, zodFailure, type Result } from "@/lib/service/result";
import { runInTransaction } from "@/lib/service/transaction";
import { isAboutSelf, ownCaseRefusal } from "@/lib/workflow";
import { refuse } from "./facts";
import { openCase } from "./open-case";
import { duplicateRefundPlan, refundsSomething } from "./calculate";
import { intakeToStore } from "./case-data";
import { createCaseSchema, type CreateCaseInput } from "./schemas";

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
): Promise<Result<{ id: string; caseNumber: string; type: CreateCaseInput["type"]; status: "DRAFT"; version: number }>> {
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
      const payees = data.type === "SURRENDER" ? (data.payees ?? []) : [];
      if (isAboutSelf(actor, { personIdNumber: person.idNumber, payeeIdNumbers: payees.map((p) => p.idNumber) })) refuse(ownCaseRefusal);
      if (person.relationshipStatus === "TERMINATED") fail("unprocessable", "cases.errors.terminated");
      if (data.type === "SURRENDER" && person.officeId !== actor.officeId) fail("unprocessable", "cases.errors.relationshipElsewhere");
      if (data.type === "TRANSFER_IN") {
        const office = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { code: true } });
        if (office.code === data.fromOffice)
          fail("bad_request", "errors.badRequest", {}, [{ path: "fromOffice", key: "cases.errors.sameOffice" }]);
      }
      const open = await tx.case.findFirst({
        where: { personId: person.id, type: data.type, status: { in: [...openStatuses] } },
        select: { caseNumber: true },
      });
      if (open) fail("conflict", "cases.errors.alreadyOpen", { caseNumber: open.caseNumber });
      // The overlapping, not yet refunded months are found at intake, by the plan `recommend`
      // freezes (docs/api.md §4.1): with none, nothing is taken in (issue 13).
      if (data.type === "DUPLICATE_REFUND" && !refundsSomething(await duplicateRefundPlan(tx, person.id))) {
        const key = "cases.errors.notEligible.DUPLICATE_REFUND";
        fail("unprocessable", key, {}, [{ path: "idNumber", key }]);
      }

      const office = await tx.office.findUniqueOrThrow({ where: { id: actor.officeId }, select: { id: true, code: true } });
      const intake = await intakeOf(tx, data, person.id, actor.officeId);
      const created = await openCase(tx, actor, {
        type: data.type, status: "DRAFT", office, personId: person.id, intake,
        checklist: data.type === "SURRENDER"
          ? { ground: data.ground, filedByAgent: data.filedByAgent, severalHeirs: (data.payees?.length ?? 0) > 1 }
          : {},
        event: { action: "create", data: { type: data.type } },
      }, now);
      return { id: created.id, caseNumber: created.caseNumber, type: data.type, status: "DRAFT" as const, version: created.version };
    }),
  );
}

/** The stored intake (lib/cases/case-data.ts), by type. */
async function intakeOf(tx: Parameters<Parameters<typeof runInTransaction>[0]>[0], data: CreateCaseInput, personId: string, officeId: string) {
  switch (data.type) {
    case "SURRENDER":
      return intakeToStore("SURRENDER", { ground: data.ground, terminationMonth: data.terminationMonth, payees: data.payees ?? [], filedByAgent: !!data.filedByAgent });
    case "DUPLICATE_REFUND":
      return intakeToStore("DUPLICATE_REFUND", {});
    case "TRANSFER_IN": {
      // Default transfer month: the first month contributed at the new office.
      const first = await tx.contributionRecord.findFirst({ where: { personId, officeId }, orderBy: { fromMonth: "asc" }, select: { fromMonth: true } });
      return intakeToStore("TRANSFER_IN", { fromOffice: data.fromOffice, transferMonth: data.transferMonth ?? first?.fromMonth ?? null });
    }
  }
}

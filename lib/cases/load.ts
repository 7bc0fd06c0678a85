import type { Tx } from "@/lib/db/client";
import { caseVisibleTo, type OfficeScoped } from "@/lib/db/scope";

export const caseForWorkSelect = {
  id: true, caseNumber: true, type: true, status: true, version: true, officeId: true, personId: true, intake: true,
  calculation: true, amount: true, assigneeId: true, createdById: true, linkedCaseId: true, dueDate: true,
  slaRemainingDays: true, slaLeg: true,
  person: { select: { idNumber: true, name: true, relationshipStatus: true } },
  office: { select: { id: true, code: true, approvalLimit: true } },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case of the user's office, for changing it; another office's case is simply not there. */
export async function loadCaseForWork(tx: Tx, user: OfficeScoped, id: string) {
  if (!UUID.test(id)) return null;
  return tx.case.findFirst({ where: { AND: [caseVisibleTo(user), { id }] }, select: caseForWorkSelect });
}
export type CaseForWork = NonNullable<Awaited<ReturnType<typeof loadCaseForWork>>>;

/**
 * The facts the workflow's guards read (lib/workflow/guards.ts), built once per case: from the
 * loaded case and one statement over its documents, its history and its linked leg when the
 * service changes it, from the case detail when the case page offers its buttons.
 */
import type { Tx } from "@/lib/db/client";
import { join, q, sqlOf } from "@/lib/db/sql";
import { fail } from "@/lib/service/result";
import { fourEyes, type CaseFacts, type CaseStatus, type CaseSubject, type Refusal } from "@/lib/workflow";
import type { CaseData } from "./case-data";
import type { CaseDetail } from "./case-detail";
import type { CaseForWork } from "./load";

/** Whom a case is about, from its person and its application's payees. */
export function subjectOf(personIdNumber: string, intake: CaseData["intake"]): CaseSubject {
  // Only a surrender names payees (lib/cases/case-data.ts).
  const payees = "payees" in intake ? intake.payees : [];
  return { personIdNumber, payeeIdNumbers: payees.map((p) => p.idNumber) };
}

/** The facts of a case being changed, in the service's transaction. */
export async function caseFactsForWork(tx: Tx, c: CaseForWork): Promise<CaseFacts> {
  const [r] = await sqlOf(tx).rows<{
    missingDocuments: string[];
    history: Array<{ actorId: string | null; action: string }>;
    linkedStatus: CaseStatus | null;
    linkedAmount: string | null;
  }>(q`
    SELECT ARRAY(SELECT d.kind::text FROM "CaseDocument" d WHERE d."caseId" = ${c.id} AND d.required AND d."receivedAt" IS NULL ORDER BY d.kind)
             AS "missingDocuments",
           COALESCE((SELECT json_agg(json_build_object('actorId', e."actorId", 'action', e.action)) FROM "CaseEvent" e
                     WHERE e."caseId" = ${c.id} AND e.action IN (${join(fourEyes.actions.map((a) => q`${a}`), ", ")})), '[]'::json) AS history,
           l.status::text AS "linkedStatus", l.amount::text AS "linkedAmount"
    FROM (SELECT 1) one LEFT JOIN "Case" l ON l.id = ${c.linkedCaseId}`);
  return {
    type: c.type, status: c.status, assigneeId: c.assigneeId,
    createdById: c.createdById, submittedById: c.submittedById, recommendedById: c.recommendedById,
    history: r.history,
    amount: c.amount === null ? null : c.amount.toFixed(2),
    approvalLimit: c.office.approvalLimit.toFixed(2),
    missingDocuments: r.missingDocuments,
    linked: r.linkedStatus ? { status: r.linkedStatus, amount: r.linkedAmount } : null,
  };
}

/** The same facts, from what the case page shows. */
export function caseFactsOfDetail(c: CaseDetail): CaseFacts {
  const linked = c.linkedCases[0];
  return {
    type: c.type, status: c.status, assigneeId: c.assignee?.id ?? null,
    createdById: c.involved.createdById, submittedById: c.involved.submittedById, recommendedById: c.involved.recommendedById,
    history: c.events.map((e) => ({ actorId: e.actorId, action: e.action })),
    amount: c.amount,
    approvalLimit: c.office.approvalLimit,
    missingDocuments: c.checklist.filter((d) => d.required && !d.received).map((d) => d.kind).sort(),
    linked: linked ? { status: linked.status as CaseStatus, amount: linked.amount } : null,
  };
}

/** A guard's refusal, thrown as the service's Failure (nothing is written). */
export function refuse(refusal: Refusal | null): void {
  if (refusal) fail(refusal.code, refusal.key, refusal.params, refusal.issues);
}

/**
 * The guards of the transition tables, as pure functions of a case's facts: the case service
 * (lib/cases/transition-case.ts), the buttons a user sees (lib/cases/available-actions.ts) and
 * the approval queue's test evaluate these same functions. Permissions are asked of the one
 * permission table (`can()`), never by role name. Rules: docs/rules.md §2.4, §4.3.
 */
import { can } from "@/lib/auth/permissions";
import { Money } from "@/lib/domain/money";
import type { CaseStatus, CaseType, Guard, Transition } from "./types";

/** What the guards know of a case: its stored row, its history and its linked case, no I/O. */
export interface CaseFacts {
  type: CaseType;
  status: CaseStatus;
  assigneeId: string | null;
  createdById: string;
  submittedById: string | null;
  recommendedById: string | null;
  /** Its events (at least those of `fourEyes.actions`): who did what. */
  history: ReadonlyArray<{ actorId: string | null; action: string }>;
  /** Decimal strings (money is never a JS number). */
  amount: string | null;
  approvalLimit: string;
  /** Kinds of the required checklist items not yet received, in kind order. */
  missingDocuments: readonly string[];
  /** The other transfer leg, if one is linked: its status and amount (f6 of its information table). */
  linked: { status: CaseStatus; amount: string | null } | null;
  /** Known once the `calculate` effect has computed the receipt; before that `eligible` passes. */
  eligibility?: { eligible: boolean; reason: string };
}

/** Who acts: the signed-in user (lib/service Actor has these fields). */
export interface GuardActor {
  id: string;
  role: string;
  idNumber?: string | null;
}

/** What the action brings besides its name (complete → receivedAmount). */
export interface GuardInput {
  receivedAmount?: string;
}

/** A guard's refusal: an error code of the REST API and a message key (translated at the edge). */
export interface Refusal {
  code: "forbidden" | "unprocessable" | "conflict" | "bad_request";
  key: string;
  params?: Record<string, string | number>;
  issues?: Array<{ path: string; key: string; params?: Record<string, string | number> }>;
}

/**
 * Four eyes (docs/rules.md §2.4): whoever took in, submitted, resubmitted or recommended a case
 * may not approve it. The case's own columns name the last of each; the history names every one
 * (a resubmit does not move submittedById). Read by the guard, the buttons and the approval
 * queue's SQL (lib/cases/queries.ts).
 */
export const fourEyes = {
  fields: ["createdById", "submittedById", "recommendedById"],
  actions: ["create", "submit", "resubmit", "recommend"],
} as const satisfies { fields: ReadonlyArray<keyof CaseFacts>; actions: readonly string[] };

/** Everyone four eyes keeps from approving this case. */
export function involvedInCase(facts: CaseFacts): Set<string> {
  const ids = fourEyes.fields.map((f) => facts[f]);
  for (const e of facts.history) if ((fourEyes.actions as readonly string[]).includes(e.action)) ids.push(e.actorId);
  return new Set(ids.filter((id): id is string => !!id));
}

/** Above the office's approval limit (docs/rules.md §2.4): only the holders of the permission approve. */
export function aboveApprovalLimit(facts: Pick<CaseFacts, "amount" | "approvalLimit">): boolean {
  return facts.amount !== null && new Money(facts.amount).gt(facts.approvalLimit);
}

export const guards: Record<Guard, (facts: CaseFacts, actor: GuardActor, input: GuardInput) => Refusal | null> = {
  documentsComplete: (facts) =>
    facts.missingDocuments.length
      ? { code: "unprocessable", key: "cases.errors.missingDocuments", params: { kinds: facts.missingDocuments.join(", ") } }
      : null,
  assignedToActor: (facts, actor) => (facts.assigneeId !== actor.id ? { code: "forbidden", key: "cases.errors.notAssignee" } : null),
  fourEyes: (facts, actor) => (involvedInCase(facts).has(actor.id) ? { code: "forbidden", key: "cases.errors.fourEyes" } : null),
  approvalLimit: (facts, actor) =>
    aboveApprovalLimit(facts) && !can(actor, "case:approve-above-limit")
      ? { code: "forbidden", key: "cases.errors.aboveLimit", params: { limit: new Money(facts.approvalLimit).toFixed(2) } }
      : null,
  eligible: (facts) =>
    facts.eligibility && !facts.eligibility.eligible
      ? { code: "unprocessable", key: `cases.errors.notEligible.${facts.type}`, params: { reason: facts.eligibility.reason } }
      : null,
  fundsReconciled: (facts, _actor, input): Refusal | null => {
    // The TRANSFER_OUT must have sent the funds of its information table (docs/rules.md §4.3).
    if (!facts.linked || facts.linked.status !== "COMPLETED" || !facts.linked.amount) return { code: "conflict", key: "cases.errors.fundsNotSent" };
    if (input.receivedAmount === undefined)
      return { code: "bad_request", key: "validation.required", issues: [{ path: "data.receivedAmount", key: "validation.required" }] };
    const expected = facts.linked.amount;
    const difference = new Money(input.receivedAmount).minus(expected);
    if (difference.isZero()) return null;
    return {
      code: "unprocessable", key: "cases.errors.reconciliation",
      params: { expected, received: new Money(input.receivedAmount).toFixed(2), difference: difference.toFixed(2) },
    };
  },
};

/** The first refusal among a transition's guards, in the table's order, or null. */
export function guardRefusal(t: Pick<Transition, "guards">, facts: CaseFacts, actor: GuardActor, input: GuardInput = {}): Refusal | null {
  for (const guard of t.guards) {
    const refusal = guards[guard](facts, actor, input);
    if (refusal) return refusal;
  }
  return null;
}

/**
 * Would the guards keep this actor from the transition whatever they bring or fix? A 403 refusal
 * (assignee, four eyes, limit) hides the button; a refusal about the case's data (documents,
 * reconciliation) leaves it, and the server explains it when pressed.
 */
export function guardsForbid(t: Pick<Transition, "guards">, facts: CaseFacts, actor: GuardActor): boolean {
  return t.guards.some((guard) => guards[guard](facts, actor, {})?.code === "forbidden");
}

/** Whom a case is about: the insured person and the payees of its application. */
export interface CaseSubject {
  personIdNumber: string;
  payeeIdNumbers: ReadonlyArray<string | undefined>;
}

/**
 * Nobody acts on a case about themselves (docs/rules.md §2.4): an actor whose ID number is the
 * person's or a payee's may not take it in, work it, receive its papers or open its correction.
 * The one statement of the rule: intake, transitions, documents, the case page and corrections read it.
 */
export function isAboutSelf(actor: { idNumber?: string | null }, subject: CaseSubject): boolean {
  if (!actor.idNumber) return false;
  return subject.personIdNumber === actor.idNumber || subject.payeeIdNumbers.includes(actor.idNumber);
}

export const ownCaseRefusal: Refusal = { code: "forbidden", key: "cases.errors.ownCase" };

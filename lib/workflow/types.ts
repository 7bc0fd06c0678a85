import type { Role } from "@/lib/auth/permissions";

export const caseTypes = ["SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN", "TRANSFER_OUT"] as const;
export type CaseType = (typeof caseTypes)[number];

export const caseStatuses = [
  "DRAFT",
  "SUBMITTED",
  "IN_REVIEW",
  "PENDING_APPROVAL",
  "APPROVED",
  "AWAITING_FUNDS",
  "FUNDS_RECEIVED",
  "COMPLETED",
  "RETURNED",
  "REJECTED",
  "WITHDRAWN",
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** States a case never leaves: decided cases are never edited (a correction is a new case). */
export const finalStatuses: ReadonlySet<CaseStatus> = new Set(["COMPLETED", "REJECTED", "WITHDRAWN"]);

export const actions = [
  "submit",
  "claim",
  "recommend",
  "approve",
  "complete",
  "return",
  "resubmit",
  "reject",
  "withdraw",
  "receiveFunds",
] as const;
export type Action = (typeof actions)[number];

/**
 * Guards are named checks of who may act and of the case's data, evaluated by lib/workflow/guards.ts
 * on the case's facts (lib/cases/facts.ts builds them from the stored case and its history):
 * - documentsComplete: every required checklist item has been received
 * - assignedToActor: the actor is the case's assignee (a claimed case is worked by its claimant)
 * - fourEyes: the actor neither took in, submitted nor recommended the case
 * - approvalLimit: above the office's approval limit only a holder of case:approve-above-limit approves
 * - eligible: the calculation found the case payable / transferable (else 422)
 * - fundsReconciled: the received amount equals f6 of the information table (else 422)
 */
export const guardNames = ["documentsComplete", "assignedToActor", "fourEyes", "approvalLimit", "eligible", "fundsReconciled"] as const;
export type Guard = (typeof guardNames)[number];

/**
 * Effects are what a transition writes besides the status, in the same transaction:
 * - startClock / pauseClock / resumeClock / nextLeg: the working-day due date (docs/rules.md §4.3)
 * - assign: the actor becomes the assignee
 * - calculate: freeze the calculation receipt on the case
 * - decide: stamp the decision (approver, time)
 * - openTransferOut: open the linked TRANSFER_OUT in the other office (lib/cases/open-case.ts)
 * - pay / refund / sendFunds / receiveFunds: one Payment row per case (unique), plus its consequences
 * - notifyLinked: move the linked transfer leg on, by the row's `then` follow-ups (funds sent →
 *   receiveFunds; refused → reject), each its own transition with its own event
 */
export type Effect =
  | "startClock"
  | "pauseClock"
  | "resumeClock"
  | "nextLeg"
  | "assign"
  | "calculate"
  | "decide"
  | "openTransferOut"
  | "pay"
  | "refund"
  | "sendFunds"
  | "receiveFunds"
  | "notifyLinked";

/** The letters a transition issues (signed documents, lib/cases/letters.ts prints them). */
export const letterKinds = ["PAYOUT_DECISION", "REFUND_DECISION", "CONTACT_LETTER", "INFO_TABLE", "REJECTION_NOTICE"] as const;
export type LetterKind = (typeof letterKinds)[number];

/** A transition another transition causes: `action` on the linked case (the other transfer leg). */
export interface FollowUp {
  on: "linked";
  action: Action;
}

export interface Transition {
  action: Action;
  from: readonly CaseStatus[];
  to: CaseStatus;
  /** Who may perform it. "system" transitions are only performed by another transition's effect. */
  roles: readonly Role[] | "system";
  guards: readonly Guard[];
  effects: readonly Effect[];
  /** return and reject need a written reason (DESIGN.md §3.1). */
  reason?: "required" | "optional";
  /** data fields the action needs, e.g. complete → paymentReference. */
  data?: readonly ("paymentReference" | "fundsReference" | "receivedAmount")[];
  /** The letter it issues, in the same transaction (docs/rules.md §2.4, §4.3). */
  letter?: LetterKind;
  /** What it causes on the linked case, run after it in the same transaction (system rows there). */
  then?: readonly FollowUp[];
}

export type TransitionTable = readonly Transition[];

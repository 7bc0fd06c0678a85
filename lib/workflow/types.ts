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
 * Guards are named checks the case service evaluates against the stored case (lib/cases):
 * - documentsComplete: every required checklist item has been received
 * - assignedToActor: the actor is the case's assignee (a claimed case is worked by its claimant)
 * - fourEyes: the actor neither took in, submitted nor recommended the case
 * - approvalLimit: above the office's approval limit only a supervisor approves
 * - eligible: the calculation found the case payable / transferable (else 422)
 * - fundsReconciled: the received amount equals f6 of the information table (else 422)
 */
export type Guard = "documentsComplete" | "assignedToActor" | "fourEyes" | "approvalLimit" | "eligible" | "fundsReconciled";

/**
 * Effects are what a transition writes besides the status, in the same transaction:
 * - startClock / pauseClock / resumeClock / nextLeg: the working-day due date (RULES.md §4.3)
 * - assign: the actor becomes the assignee
 * - calculate: freeze the calculation receipt on the case
 * - decide: stamp the decision (approver, time)
 * - openTransferOut: issue the contact letter and open the linked TRANSFER_OUT in the other office
 * - pay / refund / sendFunds / receiveFunds: one Payment row per case (unique), plus its consequences
 * - notifyLinked: move the linked transfer leg on (funds sent → FUNDS_RECEIVED; refused → REJECTED)
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
}

export type TransitionTable = readonly Transition[];

/**
 * The whole life of a case, one table per type. The buttons a user sees, the server's checks,
 * the permission-matrix tests and the state diagram on the help page all read these tables.
 */
import type { CaseType, Transition, TransitionTable } from "./types";

const staff = ["caseworker", "supervisor"] as const;

const intake = [
  { action: "submit", from: ["DRAFT"], to: "SUBMITTED", roles: staff, guards: ["documentsComplete"], effects: ["startClock"] },
  { action: "claim", from: ["SUBMITTED"], to: "IN_REVIEW", roles: staff, guards: [], effects: ["assign"] },
] as const satisfies Transition[];

const review = (eligibility: boolean) =>
  [
    {
      action: "recommend", from: ["IN_REVIEW"], to: "PENDING_APPROVAL", roles: staff,
      guards: eligibility ? ["assignedToActor", "eligible"] : ["assignedToActor"], effects: ["calculate"],
    },
    { action: "return", from: ["IN_REVIEW", "PENDING_APPROVAL"], to: "RETURNED", roles: staff, guards: [], effects: ["pauseClock"], reason: "required" },
    { action: "resubmit", from: ["RETURNED"], to: "SUBMITTED", roles: staff, guards: ["documentsComplete"], effects: ["resumeClock"] },
    { action: "reject", from: ["IN_REVIEW", "PENDING_APPROVAL"], to: "REJECTED", roles: staff, guards: [], effects: ["decide"], reason: "required" },
    {
      action: "withdraw", from: ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "RETURNED"], to: "WITHDRAWN",
      roles: staff, guards: [], effects: [], reason: "optional",
    },
  ] as const satisfies Transition[];

const approve = (effects: Transition["effects"], to: Transition["to"] = "APPROVED") =>
  ({ action: "approve", from: ["PENDING_APPROVAL"], to, roles: staff, guards: ["fourEyes", "approvalLimit"], effects: ["decide", ...effects] }) as const satisfies Transition;

export const workflows: Record<CaseType, TransitionTable> = {
  /** 退保 / 个人账户一次性支付 (RULES.md §2): payout = balance with interest; relationship ends. */
  SURRENDER: [
    ...intake,
    ...review(true),
    approve([]),
    { action: "complete", from: ["APPROVED"], to: "COMPLETED", roles: staff, guards: [], effects: ["pay"], data: ["paymentReference"] },
  ],
  /** 重复缴费退费 (RULES.md §3): overlapping months from the records, refunded once. */
  DUPLICATE_REFUND: [
    ...intake,
    ...review(true),
    approve([]),
    { action: "complete", from: ["APPROVED"], to: "COMPLETED", roles: staff, guards: [], effects: ["refund"], data: ["paymentReference"] },
  ],
  /**
   * 转移接续, new office (RULES.md §4.3): leg 1 ends with the contact letter (approve), the
   * transfer-out office's completion moves it to FUNDS_RECEIVED (leg 3), reconciliation completes.
   */
  TRANSFER_IN: [
    ...intake,
    ...review(true),
    approve(["openTransferOut", "nextLeg"], "AWAITING_FUNDS"),
    { action: "receiveFunds", from: ["AWAITING_FUNDS"], to: "FUNDS_RECEIVED", roles: "system", guards: [], effects: ["nextLeg"] },
    {
      action: "complete", from: ["FUNDS_RECEIVED"], to: "COMPLETED", roles: staff, guards: ["fundsReconciled"],
      effects: ["receiveFunds"], data: ["receivedAmount"],
    },
    { action: "reject", from: ["AWAITING_FUNDS"], to: "REJECTED", roles: "system", guards: [], effects: ["decide"], reason: "required" },
  ],
  /** 转移接续, original office: opened by the contact letter; computes the information table. */
  TRANSFER_OUT: [
    { action: "claim", from: ["SUBMITTED"], to: "IN_REVIEW", roles: staff, guards: [], effects: ["assign"] },
    { action: "recommend", from: ["IN_REVIEW"], to: "PENDING_APPROVAL", roles: staff, guards: ["assignedToActor"], effects: ["calculate"] },
    { action: "return", from: ["PENDING_APPROVAL"], to: "IN_REVIEW", roles: staff, guards: [], effects: [], reason: "required" },
    { action: "reject", from: ["IN_REVIEW", "PENDING_APPROVAL"], to: "REJECTED", roles: staff, guards: [], effects: ["decide", "notifyLinked"], reason: "required" },
    approve([]),
    {
      action: "complete", from: ["APPROVED"], to: "COMPLETED", roles: staff, guards: [],
      effects: ["sendFunds", "notifyLinked"], data: ["fundsReference"],
    },
  ],
};

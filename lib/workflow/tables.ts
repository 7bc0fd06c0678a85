/**
 * The whole life of a case, one table per type: who may move it from where to where, under which
 * guards (lib/workflow/guards.ts), with which effects, the letter it issues and what it causes on
 * the linked transfer leg (`then`). The buttons a user sees, the server's checks, the
 * permission-matrix tests and the state diagram on the help page all read these tables; nothing
 * else decides a letter or a follow-up (tests/unit/workflow-table.test.ts).
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
    {
      action: "reject", from: ["IN_REVIEW", "PENDING_APPROVAL"], to: "REJECTED", roles: staff, guards: [], effects: ["decide"], reason: "required",
      letter: "REJECTION_NOTICE",
    },
    {
      action: "withdraw", from: ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "RETURNED"], to: "WITHDRAWN",
      roles: staff, guards: [], effects: [], reason: "optional",
    },
  ] as const satisfies Transition[];

const approve = (letter: Transition["letter"], effects: Transition["effects"] = [], to: Transition["to"] = "APPROVED") =>
  ({
    action: "approve", from: ["PENDING_APPROVAL"], to, roles: staff, guards: ["fourEyes", "approvalLimit"], effects: ["decide", ...effects],
    ...(letter ? { letter } : {}),
  }) as const satisfies Transition;

export const workflows: Record<CaseType, TransitionTable> = {
  /** 退保 / 个人账户一次性支付 (docs/rules.md §2): payout = balance with interest; relationship ends. */
  SURRENDER: [
    ...intake,
    ...review(true),
    approve("PAYOUT_DECISION"),
    { action: "complete", from: ["APPROVED"], to: "COMPLETED", roles: staff, guards: [], effects: ["pay"], data: ["paymentReference"] },
  ],
  /** 重复缴费退费 (docs/rules.md §3): overlapping months from the records, refunded once. */
  DUPLICATE_REFUND: [
    ...intake,
    ...review(true),
    approve("REFUND_DECISION"),
    { action: "complete", from: ["APPROVED"], to: "COMPLETED", roles: staff, guards: [], effects: ["refund"], data: ["paymentReference"] },
  ],
  /**
   * 转移接续, new office (docs/rules.md §4.3): leg 1 ends with the contact letter (approve), the
   * transfer-out office's completion moves it to FUNDS_RECEIVED (leg 3), reconciliation completes.
   */
  TRANSFER_IN: [
    ...intake,
    ...review(true),
    approve("CONTACT_LETTER", ["openTransferOut", "nextLeg"], "AWAITING_FUNDS"),
    { action: "receiveFunds", from: ["AWAITING_FUNDS"], to: "FUNDS_RECEIVED", roles: "system", guards: [], effects: ["nextLeg"] },
    {
      action: "complete", from: ["FUNDS_RECEIVED"], to: "COMPLETED", roles: staff, guards: ["fundsReconciled"],
      effects: ["receiveFunds"], data: ["receivedAmount"],
    },
    {
      action: "reject", from: ["AWAITING_FUNDS"], to: "REJECTED", roles: "system", guards: [], effects: ["decide"], reason: "required",
      letter: "REJECTION_NOTICE",
    },
  ],
  /** 转移接续, original office: opened by the contact letter; computes the information table. */
  TRANSFER_OUT: [
    { action: "claim", from: ["SUBMITTED"], to: "IN_REVIEW", roles: staff, guards: [], effects: ["assign"] },
    { action: "recommend", from: ["IN_REVIEW"], to: "PENDING_APPROVAL", roles: staff, guards: ["assignedToActor"], effects: ["calculate"] },
    { action: "return", from: ["PENDING_APPROVAL"], to: "IN_REVIEW", roles: staff, guards: [], effects: [], reason: "required" },
    {
      action: "reject", from: ["IN_REVIEW", "PENDING_APPROVAL"], to: "REJECTED", roles: staff, guards: [], effects: ["decide", "notifyLinked"], reason: "required",
      letter: "REJECTION_NOTICE", then: [{ on: "linked", action: "reject" }],
    },
    approve(undefined),
    {
      action: "complete", from: ["APPROVED"], to: "COMPLETED", roles: staff, guards: [],
      effects: ["sendFunds", "notifyLinked"], data: ["fundsReference"], letter: "INFO_TABLE", then: [{ on: "linked", action: "receiveFunds" }],
    },
  ],
};

/**
 * The two legs of a transfer are linked cases (docs/rules.md §4.3): a row's `then` acts on the
 * other leg, whose type this says.
 */
export const linkedType: Partial<Record<CaseType, CaseType>> = { TRANSFER_IN: "TRANSFER_OUT", TRANSFER_OUT: "TRANSFER_IN" };

/**
 * What a transition writes besides its status, in the same transaction (see lib/workflow/types.ts
 * for the list). Field effects return columns for the compare-and-set update; world effects run
 * after it (payments, records, the linked transfer leg), so a refused update writes nothing.
 */
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { addWorkingDays, workingDaysBetween } from "@/lib/domain/calendar";
import { guards, type CaseFacts, type Effect, type Transition } from "@/lib/workflow";
import type { Actor } from "@/lib/service/actor";
import { fail } from "@/lib/service/result";
import { calculateCase } from "./calculate";
import { receiptToStore, type Receipt } from "./case-data";
import { loadOfficeCalendar, shanghaiDate, slaDays } from "./clock";
import { refuse } from "./facts";
import { issueCaseLetter } from "./letters";
import type { CaseForWork } from "./load";
import { openTransferOut, transferMonth, transferOutOffice } from "./transfers";

export interface EffectContext {
  tx: Tx;
  actor: Actor;
  c: CaseForWork;
  t: Transition;
  reason?: string;
  data: { paymentReference?: string; fundsReference?: string; receivedAmount?: string };
  now: Date;
  /** The guards' facts of the case, when the transition has guards (lib/cases/facts.ts). */
  facts: CaseFacts | null;
}

const dateOnly = (d: string) => new Date(`${d}T00:00:00Z`);
const ymd = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

async function dueIn(ctx: EffectContext, officeId: string, days: number): Promise<Date> {
  const calendar = await loadOfficeCalendar(ctx.tx, officeId);
  return dateOnly(addWorkingDays(shanghaiDate(ctx.now), days, calendar));
}

/** The columns a transition may set besides status and version (written by applyTransition). */
export interface CaseFields {
  dueDate?: Date | null;
  submittedById?: string;
  slaRemainingDays?: number | null;
  clockPausedAt?: Date | null;
  slaLeg?: number;
  assigneeId?: string;
  calculation?: Receipt;
  amount?: Prisma.Decimal | null;
  recommendedById?: string;
  decidedAt?: Date;
  approvedById?: string;
  rejectReason?: string | null;
  completedAt?: Date;
  /** Set with the status when the transition opens the linked case (openTransferOut). */
  linkedCaseId?: string;
}

/** Columns to set with the status change. */
export async function fieldEffects(ctx: EffectContext): Promise<CaseFields> {
  const { c, actor, now, t } = ctx;
  const fields: CaseFields = {};
  for (const effect of t.effects as readonly Effect[]) {
    switch (effect) {
      case "startClock":
        fields.dueDate = await dueIn(ctx, c.officeId, await slaDays(ctx.tx, c.officeId, c.type));
        fields.submittedById = actor.id;
        break;
      case "pauseClock": {
        // RETURNED stops the clock: remember the working days that were left (docs/rules.md §4.3).
        const due = ymd(c.dueDate);
        const calendar = await loadOfficeCalendar(ctx.tx, c.officeId);
        fields.slaRemainingDays = due ? Math.max(1, workingDaysBetween(shanghaiDate(now), due, calendar)) : null;
        fields.clockPausedAt = now;
        fields.dueDate = null;
        break;
      }
      case "resumeClock":
        fields.dueDate = await dueIn(ctx, c.officeId, c.slaRemainingDays ?? (await slaDays(ctx.tx, c.officeId, c.type)));
        fields.slaRemainingDays = null;
        fields.clockPausedAt = null;
        break;
      case "nextLeg":
        // A transfer-in waits for the other office (leg 2 runs there); leg 3 starts on receipt.
        fields.slaLeg = c.slaLeg + 1;
        fields.dueDate = t.to === "AWAITING_FUNDS" ? null : await dueIn(ctx, c.officeId, 15);
        break;
      case "assign":
        fields.assigneeId = actor.id;
        break;
      case "calculate": {
        const receipt = await calculateCase(ctx.tx, c, now);
        // The `eligible` guard can only be read once the receipt exists.
        if (t.guards.includes("eligible") && ctx.facts)
          refuse(guards.eligible({ ...ctx.facts, eligibility: { eligible: receipt.eligible, reason: "reason" in receipt.fields ? receipt.fields.reason : "" } }, actor, {}));
        fields.calculation = receiptToStore(c.type, receipt);
        fields.amount = receipt.amount === null ? null : new Prisma.Decimal(receipt.amount);
        fields.recommendedById = actor.id;
        break;
      }
      case "decide":
        fields.decidedAt = now;
        if (t.action === "approve") fields.approvedById = actor.id;
        if (t.action === "reject") fields.rejectReason = ctx.reason ?? null;
        break;
      case "openTransferOut": {
        // The new leg's id is known before it is inserted, so the case is written once (its
        // compare-and-set) and the leg opened after it (worldEffects).
        if (await transferOutOffice(ctx)) fields.linkedCaseId = randomUUID();
        break;
      }
      default:
        break;
    }
  }
  if (t.to === "COMPLETED") fields.completedAt = now;
  return fields;
}

/** Writes in the world after the status changed. Returns data for the case event. */
export async function worldEffects(ctx: EffectContext, fields: CaseFields): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const effect of ctx.t.effects as readonly Effect[]) {
    switch (effect) {
      case "openTransferOut":
        if (fields.linkedCaseId) await openTransferOut(ctx, fields.linkedCaseId);
        break;
      case "pay":
        await recordPayment(ctx, "SURRENDER_PAYOUT", ctx.data.paymentReference!);
        await ctx.tx.insuredPerson.update({ where: { id: ctx.c.personId }, data: { relationshipStatus: "TERMINATED" } });
        out.paymentReference = ctx.data.paymentReference!;
        break;
      case "refund":
        await recordPayment(ctx, "DUPLICATE_REFUND", ctx.data.paymentReference!);
        await markRefundedMonths(ctx);
        out.paymentReference = ctx.data.paymentReference!;
        break;
      case "sendFunds":
        await recordPayment(ctx, "TRANSFER_FUNDS_SENT", ctx.data.fundsReference!);
        await ctx.tx.contributionRecord.updateMany({
          where: { personId: ctx.c.personId, officeId: ctx.c.officeId, status: "ACTIVE", fromMonth: { lt: transferMonth(ctx.c) } },
          data: { status: "TRANSFERRED_OUT" },
        });
        await ctx.tx.insuredPerson.update({ where: { id: ctx.c.personId }, data: { relationshipStatus: "TRANSFERRED_OUT" } });
        out.fundsReference = ctx.data.fundsReference!;
        break;
      case "receiveFunds":
        await recordPayment(ctx, "TRANSFER_FUNDS_RECEIVED", `received:${ctx.c.caseNumber}`, ctx.data.receivedAmount);
        await continueRecords(ctx);
        out.receivedAmount = new Prisma.Decimal(ctx.data.receivedAmount!).toFixed(2);
        break;
      default:
        break;
    }
  }
  const letter = await issueCaseLetter(ctx);
  if (letter) out.letter = letter;
  return out;
}

async function recordPayment(ctx: EffectContext, kind: "SURRENDER_PAYOUT" | "DUPLICATE_REFUND" | "TRANSFER_FUNDS_SENT" | "TRANSFER_FUNDS_RECEIVED", reference: string, amount?: string) {
  const value = amount ?? ctx.c.amount?.toString();
  if (!value) fail("unprocessable", "cases.errors.noAmount");
  const { c } = ctx;
  const payees = c.type === "SURRENDER" ? c.intake.payees : [{ name: c.person.name, idNumber: c.person.idNumber }];
  // Payment.caseId is unique: a retried or concurrent payout fails here and rolls back.
  await ctx.tx.payment.create({
    data: {
      caseId: ctx.c.id, officeId: ctx.c.officeId, kind, amount: new Prisma.Decimal(value!), reference,
      payees,
      recordedById: ctx.actor.id, at: ctx.now,
    },
  });
}

async function markRefundedMonths(ctx: EffectContext) {
  const { c } = ctx;
  if (c.type !== "DUPLICATE_REFUND" || !c.calculation) throw new Error(`case ${c.id}: a refund without a duplicate-refund receipt`);
  const refunds = c.calculation.fields.refunds;
  // (recordId, month) is the primary key: a month can never be refunded twice.
  await ctx.tx.refundedMonth.createMany({
    data: refunds.flatMap((r) =>
      r.monthList.map((month) => ({ recordId: r.recordId, month, caseId: ctx.c.id, officeId: ctx.c.officeId, amount: new Prisma.Decimal(r.monthlyAmount) })),
    ),
  });
}

/** The transferred periods continue at the new office; the relationship is now here. */
async function continueRecords(ctx: EffectContext) {
  const out = await ctx.tx.case.findUniqueOrThrow({ where: { id: ctx.c.linkedCaseId! }, select: { officeId: true } });
  const moved = await ctx.tx.contributionRecord.findMany({
    where: { personId: ctx.c.personId, officeId: out.officeId, status: "TRANSFERRED_OUT" },
    select: { employerId: true, payerType: true, fromMonth: true, toMonth: true, monthlyBase: true, totalRate: true, accountRate: true },
  });
  await ctx.tx.contributionRecord.createMany({
    data: moved.map((r) => ({ ...r, personId: ctx.c.personId, officeId: ctx.c.officeId, sourceCaseId: ctx.c.id })),
  });
  await ctx.tx.insuredPerson.update({ where: { id: ctx.c.personId }, data: { officeId: ctx.c.officeId, relationshipStatus: "ACTIVE" } });
}

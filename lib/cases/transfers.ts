/**
 * The two legs of a transfer inside one deployment (API.md "Transfers"): approving a TRANSFER_IN
 * issues the contact letter and opens the linked TRANSFER_OUT in the original office's queue;
 * completing (or refusing) the TRANSFER_OUT moves the TRANSFER_IN on. Both in the same
 * transaction as the transition that causes them, each with an event in its own office's chain.
 */
import type { Effect } from "@/lib/workflow";
import type { EffectContext } from "./effects";
import { transferMonth } from "./effects";
import { appendCaseEvent } from "./events";
import { nextCaseNumber } from "./numbering";
import { loadOfficeCalendar, shanghaiDate } from "./clock";
import { addWorkingDays } from "@/lib/domain/calendar";
import { checklistFor } from "./checklists";
import type { SystemTransition } from "./transition-case";

export async function linkedEffects(ctx: EffectContext, system: SystemTransition): Promise<void> {
  const effects = ctx.t.effects as readonly Effect[];
  if (effects.includes("openTransferOut")) await openTransferOut(ctx);
  if (effects.includes("notifyLinked") && ctx.c.linkedCaseId) {
    if (ctx.t.action === "complete") await system(ctx.tx, ctx.c.linkedCaseId, "receiveFunds", ctx.actor, ctx.now);
    if (ctx.t.action === "reject") await system(ctx.tx, ctx.c.linkedCaseId, "reject", ctx.actor, ctx.now, ctx.reason);
  }
}

async function openTransferOut(ctx: EffectContext): Promise<void> {
  const { tx, c, now, actor } = ctx;
  const intake = c.intake as { fromOffice: string; transferMonth?: string };
  const from = await tx.office.findUnique({ where: { code: intake.fromOffice }, select: { id: true, code: true, inDeployment: true } });
  // An office outside the deployment receives the letter as an exported message (not here yet).
  if (!from || !from.inDeployment) return;
  const year = Number(shanghaiDate(now).slice(0, 4));
  const calendar = await loadOfficeCalendar(tx, from.id);
  const out = await tx.case.create({
    data: {
      caseNumber: await nextCaseNumber(tx, from, "TRANSFER_OUT", year),
      type: "TRANSFER_OUT",
      status: "SUBMITTED",
      officeId: from.id,
      personId: c.personId,
      intake: { transferMonth: transferMonth(c), toOffice: c.office.code, transferInCase: c.caseNumber },
      createdById: actor.id,
      submittedById: actor.id,
      linkedCaseId: c.id,
      slaLeg: 2,
      dueDate: new Date(`${addWorkingDays(shanghaiDate(now), 15, calendar)}T00:00:00Z`),
      createdAt: now,
      updatedAt: now,
    },
    select: { id: true, caseNumber: true },
  });
  await tx.caseDocument.createMany({
    data: checklistFor("TRANSFER_OUT", {}).map((item) => ({
      caseId: out.id, officeId: from.id, kind: item.kind, required: item.required, receivedAt: now, receivedById: actor.id,
    })),
  });
  await tx.case.update({ where: { id: c.id }, data: { linkedCaseId: out.id } });
  await appendCaseEvent(tx, {
    officeId: from.id, caseId: out.id, actor: { id: actor.id, name: actor.name }, action: "open", from: null, to: "SUBMITTED",
    at: now, data: { version: 1, contactLetterFrom: c.office.code, transferInCase: c.caseNumber },
  });
}

/**
 * The transfer-out leg inside one deployment (docs/api.md "Transfers", docs/rules.md §4.3):
 * approving a TRANSFER_IN issues the contact letter and opens the linked TRANSFER_OUT in the
 * original office's queue, with its own event in that office's chain. What the TRANSFER_OUT's
 * completion or refusal does to the TRANSFER_IN is in the table (`then`), run by the service.
 */
import { addWorkingDays } from "@/lib/domain/calendar";
import { loadOfficeCalendar, shanghaiDate } from "./clock";
import { intakeToStore } from "./case-data";
import type { EffectContext } from "./effects";
import type { CaseForWork } from "./load";
import { openCase } from "./open-case";

/** The original office, when it is of this deployment (any other receives the letter as a message: not here yet). */
export async function transferOutOffice(ctx: EffectContext): Promise<{ id: string; code: string } | null> {
  const { c } = ctx;
  if (c.type !== "TRANSFER_IN") throw new Error(`case ${c.id}: only a transfer-in opens a transfer-out`);
  const from = await ctx.tx.office.findUnique({ where: { code: c.intake.fromOffice }, select: { id: true, code: true, inDeployment: true } });
  return from && from.inDeployment ? { id: from.id, code: from.code } : null;
}

/** The transfer month of a transfer case's application (the TRANSFER_IN's, copied to its TRANSFER_OUT). */
export function transferMonth(c: CaseForWork): string {
  // A transfer-in taken in before any month here has none: it moves everything.
  return c.type === "TRANSFER_IN" || c.type === "TRANSFER_OUT" ? (c.intake.transferMonth ?? "9999-12") : "9999-12";
}

/** Opens the TRANSFER_OUT whose id the TRANSFER_IN's compare-and-set already wrote as its linked case. */
export async function openTransferOut(ctx: EffectContext, id: string): Promise<void> {
  const { tx, c, now, actor } = ctx;
  const from = await transferOutOffice(ctx);
  if (!from) return;
  const calendar = await loadOfficeCalendar(tx, from.id);
  await openCase(tx, actor, {
    id, type: "TRANSFER_OUT", status: "SUBMITTED", office: from, personId: c.personId,
    intake: intakeToStore("TRANSFER_OUT", { transferMonth: transferMonth(c), toOffice: c.office.code, transferInCase: c.caseNumber }),
    // The contact letter is its one paper, and it has arrived.
    checklist: { received: true },
    // Leg 2 of the clock runs at the original office: 15 working days on its calendar.
    columns: { submittedById: actor.id, linkedCaseId: c.id, slaLeg: 2, dueDate: new Date(`${addWorkingDays(shanghaiDate(now), 15, calendar)}T00:00:00Z`) },
    event: { action: "open", data: { contactLetterFrom: c.office.code, transferInCase: c.caseNumber } },
  }, now);
}

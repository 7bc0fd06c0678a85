/**
 * The letters a case issues: which transition issues which is in the workflow table (`letter`,
 * lib/workflow/tables.ts; docs/rules.md §2.4, §3.3, §4.3); here each is drafted and signed.
 * Issued in the same transaction as the transition, as signed documents (lib/certificates).
 */
import type { Tx } from "@/lib/db/client";
import { issueDocument } from "@/lib/certificates/issue-document";
import { publicBaseUrl } from "@/lib/certificates/public-url";
import { buildContactLetter } from "@/lib/pdf/contact-letter/view-model";
import { officeBankAccount } from "@/lib/admin/bank-account";
import { buildInfoTable, type InfoTableYearRow } from "@/lib/pdf/info-table/view-model";
import { buildPayoutDecision } from "@/lib/pdf/payout-decision/view-model";
import { buildRefundDecision } from "@/lib/pdf/refund-decision/view-model";
import { buildRejectionNotice } from "@/lib/pdf/rejection-notice/view-model";
import type { DocumentDraft } from "@/lib/pdf/types";
import type { LegalSourceId } from "@/lib/domain/legal-sources";
import { groundInfo, isPayingGround } from "@/lib/domain/surrender-grounds";
import type { CaseType, LetterKind } from "@/lib/workflow";
import type { EffectContext } from "./effects";

/** The rule a refusal rests on, per type (a rejection notice must name one). */
const rejectionSources: Record<CaseType, LegalSourceId[]> = {
  SURRENDER: ["guoban-2009-66-art3", "order13-art6"],
  DUPLICATE_REFUND: ["hrss-2010-70-item10"],
  TRANSFER_IN: ["guoban-2009-66-art5", "guoban-2009-66-art8"],
  TRANSFER_OUT: ["guoban-2009-66-art8"],
};

export async function issueCaseLetter(ctx: EffectContext): Promise<string | null> {
  const { tx, c, t, actor, now } = ctx;
  // The table says which letter a transition issues (lib/workflow/tables.ts).
  const kind = t.letter;
  if (!kind) return null;
  const office = await tx.office.findUniqueOrThrow({
    where: { id: c.officeId },
    select: {
      id: true, code: true, name: true, nameEn: true, address: true, postcode: true, phone: true,
      bankName: true, bankCode: true, accountName: true, accountNumber: true,
    },
  });
  const person = { name: c.person.name, idNumber: c.person.idNumber };
  const draft = await draftFor(tx, kind, ctx, office, person);
  const issued = await issueDocument(tx, {
    kind, office, personId: c.personId, caseId: c.id, subject: person, actor: { id: actor.id, name: actor.name },
    draft, baseUrl: publicBaseUrl(), now,
  });
  return issued?.serial ?? null;
}

type Office = {
  code: string; name: string; nameEn: string; address: string; postcode: string; phone: string;
  bankName: string; bankCode: string; accountName: string; accountNumber: string;
};

/** A letter needs the case type and receipt it prints: anything else is a bug in the table. */
function mismatch(c: { id: string; type: string }, kind: string): never {
  throw new Error(`case ${c.id} (${c.type}) has no receipt for a ${kind}`);
}

async function draftFor(tx: Tx, kind: LetterKind, ctx: EffectContext, office: Office, person: { name: string; idNumber: string }): Promise<DocumentDraft> {
  const { c, actor } = ctx;
  const issuerName = actor.name;
  switch (kind) {
    case "PAYOUT_DECISION": {
      if (c.type !== "SURRENDER" || !c.calculation?.eligible || !isPayingGround(c.intake.ground)) return mismatch(c, kind);
      const { fields } = c.calculation;
      return buildPayoutDecision({
        caseNumber: c.caseNumber, person, office, issuerName,
        ground: c.intake.ground,
        terminationMonth: c.intake.terminationMonth,
        calculation: {
          payout: fields.payout, priorYearEndBalance: fields.priorYearEndBalance,
          currentYearPrincipal: fields.currentYearPrincipal, currentYearInterest: fields.currentYearInterest,
          provisional: fields.provisional,
        },
        payees: c.intake.payees.length ? c.intake.payees : undefined,
      });
    }
    case "REFUND_DECISION": {
      if (c.type !== "DUPLICATE_REFUND" || !c.calculation) return mismatch(c, kind);
      const { fields } = c.calculation;
      return buildRefundDecision({
        caseNumber: c.caseNumber, person, office, issuerName,
        refunds: fields.refunds.map((r) => ({ payerType: r.payerType, months: r.monthList, amount: r.amount })),
        total: fields.total,
      });
    }
    case "CONTACT_LETTER": {
      if (c.type !== "TRANSFER_IN") return mismatch(c, kind);
      const { fromOffice, transferMonth } = c.intake;
      const from = await tx.office.findUnique({ where: { code: fromOffice }, select: { name: true, nameEn: true, code: true } });
      return buildContactLetter({
        caseNumber: c.caseNumber, person, issuerName, transferMonth: transferMonth ?? undefined,
        fromOffice: from ?? { name: fromOffice, code: fromOffice },
        toOffice: { ...office, bank: officeBankAccount(office) },
      });
    }
    case "INFO_TABLE": {
      if (c.type !== "TRANSFER_OUT" || !c.calculation) return mismatch(c, kind);
      const { toOffice, transferMonth } = c.intake;
      const { fields } = c.calculation;
      const to = await tx.office.findUnique({ where: { code: toOffice }, select: { name: true, nameEn: true, code: true } });
      const rows: InfoTableYearRow[] = fields.rows;
      const months = rows.reduce((sum, r) => sum + r.months, 0);
      return buildInfoTable({
        caseNumber: c.caseNumber, person, fromOffice: office, issuerName,
        toOffice: to ?? { name: toOffice },
        personBlock: {
          localFrom: rows[0]?.from ?? "", localTo: rows[rows.length - 1]?.to ?? "", localMonths: months,
          transferMonth, firstContributionMonth: rows[0]?.from,
        },
        funds: { f1: fields.f1, f2: fields.f2, f3: fields.f3, f4: fields.f4, f5: fields.f5, f6: fields.f6 },
        rows,
        provisional: fields.provisional,
      });
    }
    case "REJECTION_NOTICE":
      return buildRejectionNotice({
        caseNumber: c.caseNumber, caseType: c.type, person, office, issuerName,
        reason: ctx.reason ?? "",
        legalSources: c.type === "SURRENDER" && isPayingGround(c.intake.ground) ? groundInfo[c.intake.ground].sources : rejectionSources[c.type],
      });
  }
}

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

async function draftFor(tx: Tx, kind: LetterKind, ctx: EffectContext, office: Office, person: { name: string; idNumber: string }): Promise<DocumentDraft> {
  const { c, actor } = ctx;
  const intake = c.intake as { ground?: string; terminationMonth?: string; payees?: Array<{ name: string; idNumber: string; relationship: string }>; fromOffice?: string; toOffice?: string; transferMonth?: string };
  const fields = ((c.calculation as { fields?: Record<string, unknown> } | null)?.fields ?? {}) as Record<string, unknown>;
  const issuerName = actor.name;
  switch (kind) {
    case "PAYOUT_DECISION":
      return buildPayoutDecision({
        caseNumber: c.caseNumber, person, office, issuerName,
        ground: isPayingGround(String(intake.ground)) ? (intake.ground as keyof typeof groundInfo) : "death",
        terminationMonth: String(intake.terminationMonth),
        calculation: {
          payout: String(fields.payout), priorYearEndBalance: String(fields.priorYearEndBalance),
          currentYearPrincipal: String(fields.currentYearPrincipal), currentYearInterest: String(fields.currentYearInterest),
          provisional: fields.provisional === true,
        },
        payees: intake.payees?.length ? intake.payees : undefined,
      });
    case "REFUND_DECISION":
      return buildRefundDecision({
        caseNumber: c.caseNumber, person, office, issuerName,
        refunds: ((fields.refunds as Array<{ payerType: string; monthList: string[]; amount: string }>) ?? []).map((r) => ({ payerType: r.payerType, months: r.monthList, amount: r.amount })),
        total: String(fields.total),
      });
    case "CONTACT_LETTER": {
      const from = await tx.office.findUnique({ where: { code: String(intake.fromOffice) }, select: { name: true, nameEn: true, code: true } });
      return buildContactLetter({
        caseNumber: c.caseNumber, person, issuerName, transferMonth: intake.transferMonth ?? undefined,
        fromOffice: from ?? { name: String(intake.fromOffice), code: String(intake.fromOffice) },
        toOffice: { ...office, bank: officeBankAccount(office) },
      });
    }
    case "INFO_TABLE": {
      const to = await tx.office.findUnique({ where: { code: String(intake.toOffice) }, select: { name: true, nameEn: true, code: true } });
      const rows = (fields.rows as InfoTableYearRow[] | undefined) ?? [];
      const months = rows.reduce((sum, r) => sum + r.months, 0);
      return buildInfoTable({
        caseNumber: c.caseNumber, person, fromOffice: office, issuerName,
        toOffice: to ?? { name: String(intake.toOffice) },
        personBlock: {
          localFrom: rows[0]?.from ?? "", localTo: rows[rows.length - 1]?.to ?? "", localMonths: months,
          transferMonth: String(intake.transferMonth), firstContributionMonth: rows[0]?.from,
        },
        funds: { f1: String(fields.f1), f2: String(fields.f2), f3: String(fields.f3), f4: String(fields.f4), f5: String(fields.f5), f6: String(fields.f6) },
        rows: rows.map((r) => ({ ...r, accountRates: r.accountRates ?? [] })),
        provisional: fields.provisional === true,
      });
    }
    case "REJECTION_NOTICE":
      return buildRejectionNotice({
        caseNumber: c.caseNumber, caseType: c.type, person, office, issuerName,
        reason: ctx.reason ?? "",
        legalSources: c.type === "SURRENDER" && intake.ground && isPayingGround(intake.ground) ? groundInfo[intake.ground].sources : rejectionSources[c.type],
      });
  }
}

/**
 * Printed documents: pure view-model builders (one per document) and one renderer.
 *
 *   const draft = buildPayoutDecision({ caseNumber, person, office, ground, … });  // pure
 *   // issue it (serial, QR, signature, stored content): lib/certificates issueDocument(tx, …)
 *   const pdf = await renderDocument(viewModel);                                 // Buffer
 *
 * A draft renders too (marked "DRAFT — not issued"), for previews.
 */
export { buildCertificate, type CertificateInput, type CertificateRecordInput } from "./certificate/view-model";
export { buildContactLetter, type ContactLetterInput, type BankAccount } from "./contact-letter/view-model";
export { buildInfoTable, type InfoTableInput, type InfoTableYearRow } from "./info-table/view-model";
export { buildPayoutDecision, type PayoutDecisionInput } from "./payout-decision/view-model";
export { buildRefundDecision, type RefundDecisionInput } from "./refund-decision/view-model";
export { buildRejectionNotice, type RejectionNoticeInput } from "./rejection-notice/view-model";
export { renderDocument, renderBatch } from "./render-document";
export { completeDocument } from "./document";
export { toChineseCapital } from "./money-words";
export type { LegalRef } from "./common";
export type { DocumentDraft, DocumentViewModel, DocumentKind, OfficeInfo, PersonRef, TrustVM } from "./types";

import { drawCertificate } from "./certificate/render";
import { drawContactLetter } from "./contact-letter/render";
import { drawInfoTable } from "./info-table/render";
import { drawPayoutDecision } from "./payout-decision/render";
import { drawRefundDecision } from "./refund-decision/render";
import { drawRejectionNotice } from "./rejection-notice/render";
import { qrFor, renderWith, type DocumentDrawer } from "./document";
import { createPdf, toBuffer } from "./layout";
import { isDocumentKind, type DocumentKind, type DocumentViewModel } from "./types";

const drawers: Record<DocumentKind, DocumentDrawer> = {
  CERTIFICATE: drawCertificate,
  CONTACT_LETTER: drawContactLetter,
  INFO_TABLE: drawInfoTable,
  PAYOUT_DECISION: drawPayoutDecision,
  REFUND_DECISION: drawRefundDecision,
  REJECTION_NOTICE: drawRejectionNotice,
};

function drawerFor(vm: DocumentViewModel): DocumentDrawer {
  if (!vm || vm.schema !== 1 || !isDocumentKind(vm.kind)) throw new TypeError("not a document view model");
  return drawers[vm.kind];
}

/** Any document's view model (issued or draft) → its PDF. */
export function renderDocument(vm: DocumentViewModel): Promise<Buffer> {
  return renderWith(drawerFor(vm), vm);
}

/**
 * Many documents into ONE PDF, page after page, from their stored view models: one font
 * registration and one embedded subset for the whole file, which is what makes a batch of
 * 1,000 certificates a few MB and a few seconds rather than 1,000 files to merge.
 * `onProgress(done)` is awaited after each document, so a caller can record progress.
 */
export async function renderBatch(
  vms: AsyncIterable<DocumentViewModel> | Iterable<DocumentViewModel>,
  options: { title: string; createdAt?: Date; onProgress?: (done: number) => Promise<void> | void } ,
): Promise<{ pdf: Buffer; documents: number }> {
  const doc = createPdf({ title: options.title, createdAt: options.createdAt ?? new Date() });
  let documents = 0;
  for await (const vm of vms) {
    const draw = drawerFor(vm);
    draw(doc, vm, await qrFor(vm));
    documents += 1;
    await options.onProgress?.(documents);
  }
  return { pdf: await toBuffer(doc), documents };
}

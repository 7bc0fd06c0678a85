import { drawStandardDocument, renderWith } from "../document";
import type { DocumentViewModel } from "../types";

/** Flows over as many pages as it needs; the sign-off closes the last page. */
export function drawRefundDecision(doc: PDFKit.PDFDocument, vm: DocumentViewModel, qr: Buffer | null): void {
  drawStandardDocument(doc, vm, qr);
}

export function renderRefundDecision(vm: DocumentViewModel): Promise<Buffer> {
  return renderWith(drawRefundDecision, vm);
}

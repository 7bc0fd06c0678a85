import { drawStandardDocument, renderWith } from "../document";
import type { DocumentViewModel } from "../types";

/** Flows over as many pages as it needs; the sign-off closes the last page. */
export function drawRejectionNotice(doc: PDFKit.PDFDocument, vm: DocumentViewModel, qr: Buffer | null): void {
  drawStandardDocument(doc, vm, qr);
}

export function renderRejectionNotice(vm: DocumentViewModel): Promise<Buffer> {
  return renderWith(drawRejectionNotice, vm);
}

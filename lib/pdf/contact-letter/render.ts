import { drawStandardDocument, renderWith } from "../document";
import type { DocumentViewModel } from "../types";

/** Flows over as many pages as it needs; the sign-off closes the last page. */
export function drawContactLetter(doc: PDFKit.PDFDocument, vm: DocumentViewModel, qr: Buffer | null): void {
  drawStandardDocument(doc, vm, qr);
}

export function renderContactLetter(vm: DocumentViewModel): Promise<Buffer> {
  return renderWith(drawContactLetter, vm);
}

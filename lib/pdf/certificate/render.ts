import { drawStandardDocument, renderWith } from "../document";
import type { DocumentViewModel } from "../types";

/** The certificate is one sheet: its tables are drawn more densely until it fits. */
export function drawCertificate(doc: PDFKit.PDFDocument, vm: DocumentViewModel, qr: Buffer | null): void {
  drawStandardDocument(doc, vm, qr, { fitOnePage: true });
}

export function renderCertificate(vm: DocumentViewModel): Promise<Buffer> {
  return renderWith(drawCertificate, vm);
}

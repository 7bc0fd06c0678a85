import { addresseeBlock, block, createPdf, MARGIN, measureBody, newCtx, signOff, signOffHeight, startPage, titleBlock, toBuffer } from "./layout";
import { qrPng } from "./qr";
import type { DocumentDraft, DocumentViewModel, PersonRef, TrustVM } from "./types";
import { formatIssuedAt } from "./format";

/** Draws one document onto `doc`, starting on a new page. The QR image is made by the caller. */
export type DocumentDrawer = (doc: PDFKit.PDFDocument, vm: DocumentViewModel, qr: Buffer | null) => void;

// Below 0.7 the table's figures (8.5 pt × density) get too small to read on paper.
const DENSITIES = [1, 0.92, 0.85, 0.78, 0.7];

/**
 * The common page layout: title and references, addressee, blocks, then the sign-off with the
 * QR code at the foot. With `fitOnePage` the tables and grids are drawn more densely until the
 * whole document fits on one page (a certificate is one sheet); past the densest setting (about 16
 * years of history) it continues on a second page rather than shrink the type further.
 */
export function drawStandardDocument(doc: PDFKit.PDFDocument, vm: DocumentViewModel, qr: Buffer | null, options: { fitOnePage?: boolean } = {}): void {
  const ctx = newCtx(doc, `${vm.title.zh} · ${vm.serial ?? "DRAFT"}`);
  startPage(ctx);
  if (options.fitOnePage) {
    const available = ctx.bottom - MARGIN.top - signOffHeight(ctx, vm) - 8;
    for (const scale of DENSITIES) {
      ctx.scale = scale;
      if (measureBody(ctx, vm) <= available) break;
    }
  }
  titleBlock(ctx, vm);
  if (vm.addressee) addresseeBlock(ctx, vm.addressee);
  for (const b of vm.blocks) block(ctx, b);
  signOff(ctx, vm, qr);
}

export async function qrFor(vm: DocumentViewModel): Promise<Buffer | null> {
  return vm.trust ? qrPng(vm.trust.qrText) : null;
}

/** One document in its own PDF file. */
export async function renderWith(draw: DocumentDrawer, vm: DocumentViewModel): Promise<Buffer> {
  const qr = await qrFor(vm);
  const doc = createPdf({
    title: vm.serial ? `${vm.title.zh} ${vm.serial}` : vm.title.zh,
    subject: vm.title.en,
    createdAt: vm.issuedAt ? new Date(vm.issuedAt) : undefined,
  });
  draw(doc, vm, qr);
  return toBuffer(doc);
}

/** Completes a builder's draft at issue: serial, issue time (printed in Asia/Shanghai), trust. */
export function completeDocument(
  draft: DocumentDraft,
  issue: { serial: string; issuedAt: Date; trust: TrustVM; subject?: PersonRef },
): DocumentViewModel {
  return {
    ...draft,
    ...(issue.subject ? { subject: { name: issue.subject.name, idNumber: issue.subject.idNumber } } : {}),
    serial: issue.serial,
    issuedAt: issue.issuedAt.toISOString(),
    issuedAtText: formatIssuedAt(issue.issuedAt),
    trust: issue.trust,
  };
}

import { block, createPdf, newCtx, startPage, toBuffer } from "@/lib/pdf/layout";
import type { CaseLogViewModel } from "./view-model";

/** The case audit log as a PDF, with the shared layout helpers and embedded CJK font of lib/pdf. */
export async function renderCaseLog(vm: CaseLogViewModel): Promise<Buffer> {
  const doc = createPdf({ title: `${vm.title.zh} ${vm.footer}`, subject: vm.title.en });
  const ctx = newCtx(doc, vm.footer);
  startPage(ctx);
  doc.fontSize(17).fillColor("#111111").text(vm.title.zh, ctx.left, doc.y, { width: ctx.width, align: "center" });
  doc.fontSize(10).fillColor("#555555").text(vm.title.en, ctx.left, doc.y, { width: ctx.width, align: "center" });
  doc.moveDown(0.5);
  for (const line of vm.references) doc.fontSize(8.5).fillColor("#111111").text(line, ctx.left, doc.y, { width: ctx.width, align: "right" });
  doc.moveDown(0.8);
  for (const b of vm.blocks) block(ctx, b);
  return toBuffer(doc);
}

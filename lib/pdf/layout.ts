import PDFDocument from "pdfkit";
import { applyCjkFont } from "./fonts";
import type { Bilingual, BlockVM, ColumnVM, DocumentViewModel, FieldVM } from "./types";
import { groupCode } from "./format";

/**
 * Layout helpers shared by every document: A4 portrait, Chinese label first with its English
 * beneath in smaller grey type, field grids, tables that continue on the next page with their
 * header, and the sign-off with the QR code. Drawing only: the strings come from view models.
 *
 * Each block function takes `dry`: measure the height it needs without drawing, so a document
 * can decide before drawing whether (and how densely) it fits on one page.
 */
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 40, bottom: 40, left: 48, right: 48 };
const FOOTER_HEIGHT = 14;
const INK = "#111111";
const GREY = "#555555";
const RULE = "#9a9a9a";
const SHADE = "#f0f0f0";

export interface Ctx {
  doc: PDFKit.PDFDocument;
  left: number;
  width: number;
  /** Lowest y the content may reach on a page (above the page footer). */
  bottom: number;
  /** Density of tables and field grids, 1 = normal; a one-page document may go down to ~0.6. */
  scale: number;
  /** Printed in the footer of each page of this document. */
  footer: string;
  pageInDocument: number;
}

export function createPdf(info: { title: string; subject?: string; createdAt?: Date }): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    autoFirstPage: false,
    // No standard font: only the embedded CJK font is ever used (and the AFM files of the
    // standard fonts are never read).
    font: null as unknown as string,
    lang: "zh-CN",
    displayTitle: true,
    compress: true,
    info: {
      Title: info.title,
      Subject: info.subject ?? info.title,
      Author: "Jingban",
      Creator: "Jingban",
      Producer: "Jingban (pdfkit)",
      // A fixed creation date makes a reprint byte-for-byte identical (the file ID hashes it).
      CreationDate: info.createdAt ?? new Date(0),
    },
  });
  applyCjkFont(doc);
  return doc;
}

export function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

export function newCtx(doc: PDFKit.PDFDocument, footer: string, scale = 1): Ctx {
  return {
    doc,
    left: MARGIN.left,
    width: A4.width - MARGIN.left - MARGIN.right,
    bottom: A4.height - MARGIN.bottom - FOOTER_HEIGHT,
    scale,
    footer,
    pageInDocument: 0,
  };
}

/** Starts a page of the current document and prints its footer line. */
export function startPage(ctx: Ctx): void {
  const { doc } = ctx;
  doc.addPage();
  ctx.pageInDocument += 1;
  // Text below the bottom margin would make pdfkit open a page: lift the margin while writing.
  const margins = doc.page.margins;
  const saved = margins.bottom;
  margins.bottom = 0;
  doc.fontSize(6.5).fillColor(GREY);
  const footer = `${ctx.footer} · 第 ${ctx.pageInDocument} 页 / page ${ctx.pageInDocument}`;
  const footerY = A4.height - MARGIN.bottom - 6;
  // Centred on its measured width: pdfkit's wrapper measured it character by character, on every
  // page (the serial makes each footer new), to within a millionth of a point of the same place.
  const footerWidth = doc.widthOfString(footer);
  if (footerWidth <= ctx.width) doc.text(footer, ctx.left + (ctx.width - footerWidth) / 2, footerY, { lineBreak: false });
  else doc.text(footer, ctx.left, footerY, { width: ctx.width, align: "center", lineBreak: false });
  margins.bottom = saved;
  doc.fillColor(INK);
  doc.x = ctx.left;
  doc.y = MARGIN.top;
}

/** Opens a new page when `height` does not fit below the current position. */
export function ensureSpace(ctx: Ctx, height: number): void {
  if (ctx.doc.y + height > ctx.bottom) startPage(ctx);
}

// Heights depend only on the text, size, width and line gap (there is one font), and the same
// labels recur on every page of a batch: measuring each once saves most of the layout work.
// Nested maps keyed by the numbers themselves: a string key made of three floats cost more than
// the lookup (npm run bench).
const heightCache = new Map<number, Map<number, Map<number, Map<string, number>>>>();
let heightEntries = 0;
const HEIGHT_CACHE_LIMIT = 50_000;

function textHeight(ctx: Ctx, text: string, size: number, width: number, lineGap = 0): number {
  if (!text) return 0;
  if (heightEntries >= HEIGHT_CACHE_LIMIT) {
    heightCache.clear();
    heightEntries = 0;
  }
  let bySize = heightCache.get(size);
  if (!bySize) heightCache.set(size, (bySize = new Map()));
  let byWidth = bySize.get(width);
  if (!byWidth) bySize.set(width, (byWidth = new Map()));
  let byText = byWidth.get(lineGap);
  if (!byText) byWidth.set(lineGap, (byText = new Map()));
  const cached = byText.get(text);
  if (cached !== undefined) return cached;
  ctx.doc.fontSize(size);
  const height = ctx.doc.heightOfString(text, { width, lineGap });
  byText.set(text, height);
  heightEntries += 1;
  return height;
}

function put(ctx: Ctx, text: string, x: number, y: number, size: number, width: number, opts: { color?: string; align?: "left" | "right" | "center"; lineGap?: number } = {}) {
  if (!text) return;
  const { doc } = ctx;
  const align = opts.align ?? "left";
  const lineGap = opts.lineGap ?? 0;
  doc.fontSize(size).fillColor(opts.color ?? INK);
  if (!putOneLine(doc, text, x, y, size, width, align, lineGap)) doc.text(text, x, y, { width, align, lineGap });
  doc.fillColor(INK);
}

// Characters after which pdfkit's line breaker must break (UAX #14 BK, CR, LF, NL), and the
// soft hyphen it measures specially.
const FORCED_BREAK = /[\n\r\v\f\u0085\u2028\u2029\u00ad]/;
// A line within this much of the width goes through pdfkit's wrapper, which measures it word by
// word (break by break in Chinese) rather than whole; the two sums differ by rounding only.
const FIT_MARGIN = 1;

/**
 * Most strings on a document are labels and values that fit on one line, yet doc.text() with a
 * width runs pdfkit's line wrapper over each: a Unicode line breaker and a width measurement per
 * word — for Chinese, per character — a sixth of a certificate's time (npm run bench). A string
 * that clearly fits and contains no forced break is drawn here as the single line the wrapper
 * would make: the same text at the same position (right-aligned as pdfkit's _fragment computes
 * it; centred on the wrapper's own word-by-word width, which pdfkit's boundsOfString() returns and
 * which is kept per string), leaving doc.x and doc.y where the wrapper leaves them. Anything else
 * (a possible page break, a line near the width) returns false and goes through doc.text().
 * tests/unit/pdf-font-cache.test.ts checks that the files are byte-for-byte those of doc.text().
 */
function putOneLine(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, width: number, align: "left" | "right" | "center", lineGap: number): boolean {
  if (!(width > 0) || FORCED_BREAK.test(text) || !oneLineFastPath) return false;
  const lineHeight = doc.currentLineHeight(true);
  if (y + lineHeight > doc.page.maxY() - FIT_MARGIN) return false; // the wrapper would open a page
  // The wrapper's line width: options.width × horizontalScaling / 100, one column.
  const lineWidth = (width * 100) / 100;
  if (doc.widthOfString(text) > lineWidth - FIT_MARGIN) return false;
  let left = x;
  if (align === "right") left = x + (lineWidth - doc.widthOfString(text.replace(/\s+$/, "")));
  else if (align === "center") left = x + (lineWidth / 2 - wrappedWidth(doc, text, x, y, size, width) / 2);
  doc.text(text, left, y, { lineBreak: false });
  doc.x = x;
  doc.y = y + lineHeight + lineGap;
  return true;
}

// The width pdfkit's wrapper gives a one-line string (the sum of its words' rounded widths), by
// font size and text; like heightCache, the labels of every page hit it.
const wrappedWidths = new Map<string, number>();

function wrappedWidth(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number, width: number): number {
  const key = `${size}|${text}`;
  let w = wrappedWidths.get(key);
  if (w === undefined) {
    w = doc.boundsOfString(text, x, y, { width, align: "center" }).width;
    if (wrappedWidths.size >= HEIGHT_CACHE_LIMIT) wrappedWidths.clear();
    wrappedWidths.set(key, w);
  }
  return w;
}

let oneLineFastPath = true;

/** For tests: draw every string through doc.text() (false) or one-line strings directly (true). */
export function setOneLineFastPath(on: boolean): void {
  oneLineFastPath = on;
}

/** A Chinese label with its English beneath; returns the height used. */
function bilingualHeight(ctx: Ctx, label: Bilingual, zhSize: number, width: number): number {
  return textHeight(ctx, label.zh, zhSize, width) + textHeight(ctx, label.en, zhSize * 0.74, width);
}

function drawBilingual(ctx: Ctx, label: Bilingual, x: number, y: number, zhSize: number, width: number, align: "left" | "right" | "center" = "left") {
  const zhH = textHeight(ctx, label.zh, zhSize, width);
  put(ctx, label.zh, x, y, zhSize, width, { align });
  put(ctx, label.en, x, y + zhH, zhSize * 0.74, width, { color: GREY, align });
}

function hline(ctx: Ctx, y: number, color = RULE, width = 0.5, x = ctx.left, w = ctx.width) {
  ctx.doc.save().lineWidth(width).strokeColor(color).moveTo(x, y).lineTo(x + w, y).stroke().restore();
}

// ---- The title block ----

export function titleBlock(ctx: Ctx, vm: DocumentViewModel, dry = false): number {
  const { width, left } = ctx;
  const y0 = ctx.doc.y;
  const zhH = textHeight(ctx, vm.title.zh, 17, width);
  const enH = textHeight(ctx, vm.title.en, 10, width);
  const serialText = vm.serial ? `编号 No. ${vm.serial}` : "草稿（未签发）DRAFT — not issued";
  const refs = [serialText, ...vm.references.map((r) => `${r.label.zh} ${r.label.en}: ${r.value}`)];
  const refH = refs.reduce((h, r) => h + textHeight(ctx, r, 8.5, width), 0);
  const total = zhH + enH + 6 + refH + 8;
  if (dry) return total;
  put(ctx, vm.title.zh, left, y0, 17, width, { align: "center" });
  put(ctx, vm.title.en, left, y0 + zhH, 10, width, { align: "center", color: GREY });
  let y = y0 + zhH + enH + 6;
  for (const r of refs) {
    put(ctx, r, left, y, 8.5, width, { align: "right" });
    y += textHeight(ctx, r, 8.5, width);
  }
  hline(ctx, y + 3, INK, 0.8);
  ctx.doc.y = y0 + total;
  return total;
}

export function addresseeBlock(ctx: Ctx, addressee: Bilingual, dry = false): number {
  const label = { zh: `致：${addressee.zh}`, en: `To: ${addressee.en}` };
  const h = bilingualHeight(ctx, label, 10.5, ctx.width) + 6;
  if (dry) return h;
  drawBilingual(ctx, label, ctx.left, ctx.doc.y, 10.5, ctx.width);
  ctx.doc.y += h;
  return h;
}

// ---- Blocks ----

function sectionTitleHeight(ctx: Ctx, title?: Bilingual): number {
  return title ? textHeight(ctx, title.zh, 10.5, ctx.width) + 3 : 0;
}

function drawSectionTitle(ctx: Ctx, title?: Bilingual): void {
  if (!title) return;
  const { doc } = ctx;
  const y = doc.y;
  doc.fontSize(10.5).fillColor(INK);
  const zhW = doc.widthOfString(title.zh);
  put(ctx, title.zh, ctx.left, y, 10.5, ctx.width);
  put(ctx, title.en, ctx.left + zhW + 8, y + 2.5, 8, ctx.width - zhW - 8, { color: GREY });
  doc.y = y + sectionTitleHeight(ctx, title);
}

function fieldsBlock(ctx: Ctx, block: Extract<BlockVM, { type: "fields" }>, dry: boolean): number {
  const s = ctx.scale;
  const gap = 8;
  const colW = block.columns === 2 ? (ctx.width - gap) / 2 : ctx.width;
  const labelW = (f: FieldVM, w: number) => (block.columns === 2 && !f.wide ? w * 0.4 : Math.min(170, w * 0.32));
  const rows: FieldVM[][] = [];
  for (const f of block.fields) {
    const last = rows[rows.length - 1];
    if (block.columns === 2 && !f.wide && last && last.length === 1 && !last[0].wide) last.push(f);
    else rows.push([f]);
  }
  const pad = 3 * s;
  const heightOf = (f: FieldVM, w: number) =>
    Math.max(bilingualHeight(ctx, f.label, 8.5 * s, labelW(f, w) - 4), textHeight(ctx, f.value || "—", 9.5 * s, w - labelW(f, w))) + pad * 2;
  const rowHeights = rows.map((row) => Math.max(...row.map((f) => heightOf(f, f.wide || block.columns === 1 ? ctx.width : colW))));
  const total = sectionTitleHeight(ctx, block.title) + rowHeights.reduce((a, b) => a + b, 0) + 6;
  if (dry) return total;
  ensureSpace(ctx, sectionTitleHeight(ctx, block.title) + (rowHeights[0] ?? 0));
  drawSectionTitle(ctx, block.title);
  hline(ctx, ctx.doc.y);
  rows.forEach((row, i) => {
    const h = rowHeights[i];
    ensureSpace(ctx, h);
    const y = ctx.doc.y;
    row.forEach((f, j) => {
      const w = f.wide || block.columns === 1 ? ctx.width : colW;
      const x = ctx.left + j * (colW + gap);
      const lw = labelW(f, w);
      drawBilingual(ctx, f.label, x, y + pad, 8.5 * s, lw - 4);
      put(ctx, f.value || "—", x + lw, y + pad, 9.5 * s, w - lw);
    });
    hline(ctx, y + h, "#d0d0d0");
    ctx.doc.y = y + h;
  });
  ctx.doc.y += 6;
  return total;
}

function columnWidths(ctx: Ctx, columns: ColumnVM[]): number[] {
  const sum = columns.reduce((a, c) => a + c.width, 0);
  return columns.map((c) => (ctx.width * c.width) / sum);
}

function tableBlock(ctx: Ctx, block: Extract<BlockVM, { type: "table" }>, dry: boolean): number {
  const s = ctx.scale;
  const widths = columnWidths(ctx, block.columns);
  const cellPad = 2.5;
  const headerH =
    Math.max(...block.columns.map((c, i) => bilingualHeight(ctx, c.label, 7.5 * s, widths[i] - cellPad * 2))) + 4 * s;
  const rowH = (cells: string[]) =>
    Math.max(8 * s, ...cells.map((v, i) => textHeight(ctx, v, 8.5 * s, widths[i] - cellPad * 2))) + 3 * s;
  const bodyRows = block.totals ? [...block.rows, block.totals] : block.rows;
  const heights = bodyRows.map(rowH);
  const total = sectionTitleHeight(ctx, block.title) + headerH + heights.reduce((a, b) => a + b, 0) + 8;
  if (dry) return total;

  const drawHeader = () => {
    const y = ctx.doc.y;
    ctx.doc.save().rect(ctx.left, y, ctx.width, headerH).fill(SHADE).restore();
    let x = ctx.left;
    block.columns.forEach((c, i) => {
      drawBilingual(ctx, c.label, x + cellPad, y + 2 * s, 7.5 * s, widths[i] - cellPad * 2, "center");
      x += widths[i];
    });
    hline(ctx, y, INK, 0.6);
    hline(ctx, y + headerH, INK, 0.4);
    ctx.doc.y = y + headerH;
  };
  ensureSpace(ctx, sectionTitleHeight(ctx, block.title) + headerH + (heights[0] ?? 0));
  drawSectionTitle(ctx, block.title);
  drawHeader();
  bodyRows.forEach((cells, r) => {
    const h = heights[r];
    if (ctx.doc.y + h > ctx.bottom) {
      startPage(ctx);
      drawHeader();
    }
    const y = ctx.doc.y;
    const isTotals = block.totals !== undefined && r === bodyRows.length - 1;
    if (isTotals) hline(ctx, y, INK, 0.6);
    let x = ctx.left;
    cells.forEach((v, i) => {
      put(ctx, v, x + cellPad, y + 1.8 * s, 8.5 * s, widths[i] - cellPad * 2, { align: block.columns[i]?.align ?? "left" });
      x += widths[i];
    });
    ctx.doc.y = y + h;
    hline(ctx, ctx.doc.y, isTotals ? INK : "#d8d8d8", isTotals ? 0.6 : 0.3);
  });
  ctx.doc.y += 8;
  return total;
}

function paragraphBlock(ctx: Ctx, block: Extract<BlockVM, { type: "paragraph" }>, dry: boolean): number {
  const s = Math.max(ctx.scale, 0.85);
  const zhH = textHeight(ctx, block.text.zh, 10 * s, ctx.width, 2.5 * s);
  const enH = textHeight(ctx, block.text.en, 8 * s, ctx.width, 1);
  const total = zhH + 2 + enH + 8 * s;
  if (dry) return total;
  ensureSpace(ctx, Math.min(total, 60));
  const { doc } = ctx;
  doc.fontSize(10 * s).fillColor(INK).text(block.text.zh, ctx.left, doc.y, { width: ctx.width, lineGap: 2.5 * s });
  doc.y += 2;
  doc.fontSize(8 * s).fillColor(GREY).text(block.text.en, ctx.left, doc.y, { width: ctx.width, lineGap: 1 });
  doc.fillColor(INK);
  doc.y += 8 * s;
  return total;
}

function amountBlock(ctx: Ctx, block: Extract<BlockVM, { type: "amount" }>, dry: boolean): number {
  const labelW = 150;
  const valueW = ctx.width - labelW - 16;
  const capital = `人民币（大写）${block.capital}`;
  const inner = Math.max(
    bilingualHeight(ctx, block.label, 10, labelW),
    textHeight(ctx, `¥ ${block.figures}`, 13, valueW) + 2 + textHeight(ctx, capital, 11, valueW),
  );
  const total = inner + 16 + 8;
  if (dry) return total;
  ensureSpace(ctx, total);
  const y = ctx.doc.y;
  ctx.doc.save().lineWidth(0.8).strokeColor(INK).rect(ctx.left, y, ctx.width, inner + 16).stroke().restore();
  drawBilingual(ctx, block.label, ctx.left + 8, y + 8, 10, labelW);
  const figH = textHeight(ctx, `¥ ${block.figures}`, 13, valueW);
  put(ctx, `¥ ${block.figures}`, ctx.left + labelW + 8, y + 8, 13, valueW);
  put(ctx, capital, ctx.left + labelW + 8, y + 8 + figH + 2, 11, valueW);
  ctx.doc.y = y + total;
  return total;
}

function notesBlock(ctx: Ctx, block: Extract<BlockVM, { type: "notes" }>, dry: boolean): number {
  const s = Math.max(ctx.scale, 0.8);
  const w = ctx.width - 10;
  const itemH = (n: Bilingual) => textHeight(ctx, n.zh, 8.5 * s, w) + textHeight(ctx, n.en, 7 * s, w) + 3 * s;
  const total = sectionTitleHeight(ctx, block.title) + block.items.reduce((h, n) => h + itemH(n), 0) + 6;
  if (dry) return total;
  ensureSpace(ctx, sectionTitleHeight(ctx, block.title) + (block.items[0] ? itemH(block.items[0]) : 0));
  drawSectionTitle(ctx, block.title);
  for (const n of block.items) {
    const h = itemH(n);
    ensureSpace(ctx, h);
    const y = ctx.doc.y;
    put(ctx, "•", ctx.left, y, 8.5 * s, 10);
    put(ctx, n.zh, ctx.left + 10, y, 8.5 * s, w);
    put(ctx, n.en, ctx.left + 10, y + textHeight(ctx, n.zh, 8.5 * s, w), 7 * s, w, { color: GREY });
    ctx.doc.y = y + h;
  }
  ctx.doc.y += 6;
  return total;
}

export function block(ctx: Ctx, b: BlockVM, dry = false): number {
  switch (b.type) {
    case "fields":
      return fieldsBlock(ctx, b, dry);
    case "table":
      return tableBlock(ctx, b, dry);
    case "paragraph":
      return paragraphBlock(ctx, b, dry);
    case "amount":
      return amountBlock(ctx, b, dry);
    case "notes":
      return notesBlock(ctx, b, dry);
  }
}

// ---- Sign-off: issuer, time, seal box, QR code and verification code ----

const QR_SIZE = 86;
const SEAL_WIDTH = 104;
const SIGN_LABEL_WIDTH = 70;

function signOffRows(vm: DocumentViewModel): [Bilingual, string][] {
  const rows: [Bilingual, string][] = [];
  if (vm.trust) {
    rows.push([{ zh: "核验码", en: "Verification code" }, groupCode(vm.trust.verificationCode)]);
    rows.push([{ zh: "核验网址", en: "Verify at" }, vm.trust.verifyUrl]);
  }
  rows.push([{ zh: "经办人", en: "Issued by" }, vm.issuerName]);
  rows.push([{ zh: "开具时间", en: "Issued at" }, vm.issuedAtText ?? "—"]);
  return rows;
}

function signOffNote(vm: DocumentViewModel): Bilingual {
  return vm.trust
    ? {
        zh: "本件经电子签名（Ed25519），可扫码或凭核验码在线核验；公钥：/.well-known/jingban-signing-key",
        en: "Signed (Ed25519): verify with the QR code or the code; public key at /.well-known/jingban-signing-key",
      }
    : { zh: "草稿：未签发，不作为凭证使用。", en: "Draft: not issued, not valid as a document." };
}

function signOffTextWidth(ctx: Ctx, withQr: boolean): number {
  return ctx.width - (withQr ? QR_SIZE + 10 : 0) - SEAL_WIDTH - 8;
}

/** The height of the sign-off: the QR code, or the text beside it when that is taller. */
export function signOffHeight(ctx: Ctx, vm: DocumentViewModel): number {
  const textW = signOffTextWidth(ctx, Boolean(vm.trust));
  const rowsH = signOffRows(vm).reduce(
    (h, [label, value]) => h + Math.max(bilingualHeight(ctx, label, 7.5, SIGN_LABEL_WIDTH), textHeight(ctx, value, 8, textW - SIGN_LABEL_WIDTH)) + 1.5,
    0,
  );
  const note = signOffNote(vm);
  const noteH = textHeight(ctx, note.zh, 6.5, textW) + textHeight(ctx, note.en, 5.8, textW);
  return Math.max(QR_SIZE, rowsH + 2 + noteH) + 10;
}

export function signOff(ctx: Ctx, vm: DocumentViewModel, qr: Buffer | null): void {
  const { doc } = ctx;
  const height = signOffHeight(ctx, vm);
  if (doc.y + height > ctx.bottom) startPage(ctx);
  // Anchored at the foot of the page, where a seal and a signature go on a paper form.
  const y = Math.max(doc.y + 4, ctx.bottom - height) + 6;
  hline(ctx, y - 6, INK, 0.6);
  const withQr = Boolean(qr);
  const textX = ctx.left + (withQr ? QR_SIZE + 10 : 0);
  const textW = signOffTextWidth(ctx, withQr);
  if (qr) doc.image(qr, ctx.left, y, { width: QR_SIZE, height: QR_SIZE });
  let ry = y;
  for (const [label, value] of signOffRows(vm)) {
    const h = Math.max(bilingualHeight(ctx, label, 7.5, SIGN_LABEL_WIDTH), textHeight(ctx, value, 8, textW - SIGN_LABEL_WIDTH));
    drawBilingual(ctx, label, textX, ry, 7.5, SIGN_LABEL_WIDTH);
    put(ctx, value, textX + SIGN_LABEL_WIDTH, ry, 8, textW - SIGN_LABEL_WIDTH);
    ry += h + 1.5;
  }
  const note = signOffNote(vm);
  put(ctx, note.zh, textX, ry + 2, 6.5, textW);
  put(ctx, note.en, textX, ry + 2 + textHeight(ctx, note.zh, 6.5, textW), 5.8, textW, { color: GREY });

  // The office's seal goes in this box on paper; the electronic copy is sealed by its signature.
  const sx = ctx.left + ctx.width - SEAL_WIDTH;
  doc.save().lineWidth(0.6).dash(3, { space: 2 }).strokeColor(RULE).rect(sx, y, SEAL_WIDTH, QR_SIZE).stroke().undash().restore();
  drawBilingual(ctx, { zh: "经办机构（印章）", en: "Issuing office (seal)" }, sx + 4, y + 4, 8, SEAL_WIDTH - 8, "center");
  put(ctx, vm.office.name.zh, sx + 4, y + QR_SIZE - 24, 7, SEAL_WIDTH - 8, { align: "center" });
  put(ctx, vm.office.code, sx + 4, y + QR_SIZE - 11, 7, SEAL_WIDTH - 8, { align: "center", color: GREY });
  doc.y = y + height;
}


/** Height of the title, addressee and blocks at the context's scale (nothing drawn). */
export function measureBody(ctx: Ctx, vm: DocumentViewModel): number {
  const y = ctx.doc.y;
  let h = titleBlock(ctx, vm, true);
  if (vm.addressee) h += addresseeBlock(ctx, vm.addressee, true);
  for (const b of vm.blocks) h += block(ctx, b, true);
  ctx.doc.y = y;
  return h;
}

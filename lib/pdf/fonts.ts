import fs from "node:fs";
import path from "node:path";
import { shareFontWork } from "./font-work-cache";

/**
 * The one CJK font of every document: Noto Sans SC Regular (SIL Open Font License) from
 * @expo-google-fonts/noto-sans-sc. The 10.6 MB TTF is read once per process into a Buffer and
 * registered per document from that buffer (shared/STACK.md: registering from a path costs
 * ~15 ms more per document); pdfkit embeds only the glyphs a document uses (a subset, named
 * like ABCDEF+NotoSansSC-Regular), so a one-page certificate stays around 10–30 KB.
 * JINGBAN_PDF_FONT may point at another TTF with the same coverage.
 */
export const CJK_FONT = "NotoSansSC";

const DEFAULT_FONT_FILE = path.join("node_modules", "@expo-google-fonts", "noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf");

const globalForFont = globalThis as unknown as { jingbanCjkFont?: Buffer; jingbanCjkFontkit?: object };

export function cjkFontPath(): string {
  return process.env.JINGBAN_PDF_FONT ?? path.join(process.cwd(), DEFAULT_FONT_FILE);
}

/** The font file's bytes, read on first use and kept for the life of the process. */
export function cjkFontBuffer(): Buffer {
  // Read at run time from node_modules (or JINGBAN_PDF_FONT): the bundler must not trace it.
  if (!globalForFont.jingbanCjkFont) globalForFont.jingbanCjkFont = fs.readFileSync(/*turbopackIgnore: true*/ cjkFontPath());
  return globalForFont.jingbanCjkFont;
}

/**
 * Registers the CJK font on a document and makes it current. The first document parses the
 * buffer; later ones reuse that parsed font object (pdfkit takes one in place of a source), so
 * the TTF is not parsed again and its glyph metrics and shaping tables stay warm: a single
 * certificate took ~2.5× as long as one page of a batch before (npm run bench). Each document
 * still embeds its own subset, and shares the shaped text and glyph data of earlier documents
 * (lib/pdf/font-work-cache.ts).
 */
export function applyCjkFont(doc: PDFKit.PDFDocument): void {
  const parsed = globalForFont.jingbanCjkFontkit;
  doc.registerFont(CJK_FONT, (parsed ?? cjkFontBuffer()) as Buffer);
  doc.font(CJK_FONT);
  const embedded = (doc as unknown as { _font?: { font?: object } })._font;
  globalForFont.jingbanCjkFontkit ??= embedded?.font;
  shareFontWork(embedded);
}

/** The parsed font shared by every document (after the first one), for tests and diagnostics. */
export function parsedCjkFont(): object | undefined {
  return globalForFont.jingbanCjkFontkit;
}

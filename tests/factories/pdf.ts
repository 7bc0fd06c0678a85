/**
 * Reading the PDFs the app prints, with npm packages only (issue 13: the tests need nothing
 * outside npm but the PostgreSQL server, no poppler-utils). One helper for every test that looks
 * inside a PDF:
 *
 * - pdfText / pdfPageCount: pdfjs-dist (Mozilla's PDF.js, legacy build for Node). Its text comes
 *   through each font's ToUnicode map, as a reader's copy and paste does.
 * - pdfFonts: pdf-lib, reading the font dictionaries of every page's resources: name,
 *   embedded, subset, ToUnicode.
 * - renderPage: PDF.js drawing the page on an @napi-rs/canvas canvas (its own Node canvas
 *   factory), as RGBA pixels.
 * - decodeQr: jsQR reading the QR code off those pixels, as a phone's camera would.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from "pdf-lib";
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import jsQR from "jsqr";

async function open<T>(pdf: Uint8Array, read: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  // A copy: PDF.js transfers the buffer it is given to its worker.
  const task = getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 });
  const doc = await task.promise;
  try {
    return await read(doc);
  } finally {
    await task.destroy();
  }
}

/**
 * The text of all pages, page by page (a form feed between pages): the text
 * items in content order, a line break where PDF.js sees one, and whitespace normalised (runs of
 * spaces to one, no spaces at the ends of lines, no empty lines), so that an assertion need not
 * know how PDF.js happens to split a line into items.
 */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  return open(pdf, async (doc) => {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let raw = "";
      for (const item of content.items) if ("str" in item) raw += item.str + (item.hasEOL ? "\n" : "");
      pages.push(
        raw
          .split("\n")
          .map((line) => line.replace(/\s+/g, " ").trim())
          .filter(Boolean)
          .join("\n"),
      );
      page.cleanup();
    }
    return pages.join("\n\f\n");
  });
}

export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  return open(pdf, async (doc) => doc.numPages);
}

export interface PdfFont {
  /** BaseFont, with its subset tag (`ABCDEF+NotoSansSC-Regular`). */
  name: string;
  /** Type0, TrueType, Type1, Type3 … */
  type: string;
  /** The font program is in the file (FontFile, FontFile2 or FontFile3 in its descriptor). */
  embedded: boolean;
  /** A subset: the name starts with six capital letters and a plus sign (PDF 32000-1 §9.6.4). */
  subset: boolean;
  /** A ToUnicode map, so that its text can be copied and searched. */
  unicode: boolean;
}

/** The fonts the pages use, each font object once. */
export async function pdfFonts(pdf: Uint8Array): Promise<PdfFont[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const ctx = doc.context;
  const lookup = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const dict = (o: PDFObject | undefined) => {
    const d = lookup(o);
    return d instanceof PDFDict ? d : d instanceof PDFStream ? d.dict : undefined;
  };
  const seen = new Set<string>();
  const fonts: PdfFont[] = [];

  function font(ref: PDFObject) {
    const key = ref instanceof PDFRef ? ref.toString() : `direct-${seen.size}`;
    if (seen.has(key)) return;
    seen.add(key);
    const f = dict(ref);
    if (!f) return;
    const name = String(f.get(PDFName.of("BaseFont")) ?? "[none]").replace(/^\//, "");
    const type = String(f.get(PDFName.of("Subtype")) ?? "").replace(/^\//, "");
    // A Type0 font's program and descriptor are in its one descendant CIDFont.
    const descendants = lookup(f.get(PDFName.of("DescendantFonts")));
    const program = descendants instanceof PDFArray ? dict(descendants.get(0)) : f;
    const descriptor = dict(program?.get(PDFName.of("FontDescriptor")));
    fonts.push({
      name,
      type,
      embedded: ["FontFile", "FontFile2", "FontFile3"].some((k) => descriptor?.has(PDFName.of(k)) ?? false),
      subset: /^[A-Z]{6}\+/.test(name),
      unicode: f.has(PDFName.of("ToUnicode")),
    });
  }

  function resources(res: PDFDict | undefined, visited: Set<PDFDict>) {
    if (!res || visited.has(res)) return;
    visited.add(res);
    const fontDict = dict(res.get(PDFName.of("Font")));
    for (const [, ref] of fontDict?.entries() ?? []) font(ref);
    // Form XObjects carry resources of their own.
    const xobjects = dict(res.get(PDFName.of("XObject")));
    for (const [, ref] of xobjects?.entries() ?? []) resources(dict(dict(ref)?.get(PDFName.of("Resources"))), visited);
  }

  for (const page of doc.getPages()) resources(page.node.Resources(), new Set());
  return fonts;
}

export interface Raster {
  width: number;
  height: number;
  /** width × height × 4 bytes, row by row from the top: R, G, B, A. */
  data: Uint8ClampedArray;
}

/** Page `page` (from 1) drawn on a white canvas, `scale` pixels per PDF point (72 per inch). */
export async function renderPage(pdf: Uint8Array, page: number, scale: number): Promise<Raster> {
  return open(pdf, async (doc) => {
    const p = await doc.getPage(page);
    const viewport = p.getViewport({ scale });
    const width = Math.ceil(viewport.width);
    const height = Math.ceil(viewport.height);
    // PDF.js's own canvas factory: in Node, @napi-rs/canvas.
    const factory = doc.canvasFactory as { create(w: number, h: number): { canvas: HTMLCanvasElement; context: CanvasRenderingContext2D } };
    const { canvas, context } = factory.create(width, height);
    await p.render({ canvas, canvasContext: context, viewport, background: "#ffffff" }).promise;
    const { data } = context.getImageData(0, 0, width, height);
    p.cleanup();
    return { width, height, data: new Uint8ClampedArray(data) };
  });
}

/**
 * The text of the QR code on page `page`, read off the rendered page by jsQR, or null when none
 * is found. 4 pixels per point (288 dpi) gives a version-15 code in 86 pt about 5 pixels a module.
 */
export async function decodeQr(pdf: Uint8Array, page = 1, scale = 4): Promise<string | null> {
  const { width, height, data } = await renderPage(pdf, page, scale);
  return jsQR(data, width, height, { inversionAttempts: "dontInvert" })?.data ?? null;
}

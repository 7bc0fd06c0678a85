/**
 * Process-wide caches for the font work pdfkit otherwise repeats in every document.
 *
 * pdfkit keeps the shaped text of a document (fontkit's GSUB/GPOS layout of each word) in a
 * cache that lives and dies with that document, and fontkit's subsetter decodes the whole outline
 * of every glyph it embeds just to learn whether the glyph is a composite. Every certificate
 * shapes the same labels and embeds mostly the same glyphs, so a single certificate spent about
 * half its time on work the previous one had already done (npm run bench, docs/benchmarks.md).
 *
 * This module reaches into two internals, and only here:
 *
 *   EmbeddedFont#layoutCached(text)   pdfkit 0.20: the shaped run of one space-delimited word,
 *                                     positions already scaled to 1000 units per em. Replaced on
 *                                     the instance by a lookup in a bounded cache shared by every
 *                                     document using the same parsed font (GenerationalCache).
 *   TTFSubset#_addGlyph(gid)          fontkit 2.0: appends one glyph's glyf bytes, loca offset and
 *                                     hmtx metrics to the subset. Replaced on the instance by the
 *                                     same steps from a per-glyph cache of the raw bytes and the
 *                                     composite's component positions (never mutated: a composite
 *                                     is copied before its component ids are renumbered).
 *
 * Both caches hold values derived only from the font file (the layout of a string without
 * features; a glyph's bytes), so a document is byte-for-byte what pdfkit alone would write:
 * tests/unit/pdf-font-cache.test.ts renders with and without them and compares the files, and
 * fails if a pdfkit or fontkit upgrade removes a hook point. In production a missing hook point
 * only logs once and the document is rendered by pdfkit's own code, more slowly.
 */

/**
 * Shaped words kept per font, in two generations of this many: every label of every document and
 * the variable text of the last hundred or so (~50 new words each). A few MB at most.
 */
export const LAYOUT_CACHE_GENERATION = 5_000;

interface GlyphRunLike {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

interface FontkitTtfLike {
  loca: { offsets: ArrayLike<number> };
  getGlyph(gid: number): { _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null; advanceWidth: number; _getMetrics(): { leftBearing: number } };
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  _variationProcessor?: unknown;
}

interface TtfSubsetLike {
  font: FontkitTtfLike;
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: { advance: number; bearing: number }[] };
  offset: number;
  includeGlyph(gid: number): number;
  _addGlyph(gid: number): number;
}

interface EmbeddedFontLike {
  font: FontkitTtfLike;
  subset: TtfSubsetLike;
  layoutRun(text: string, features?: unknown): GlyphRunLike;
  layoutCached(text: string): GlyphRunLike;
}

/**
 * A bounded cache that keeps what is in use: entries live in a young and an old generation; a
 * hit in the old one moves the entry to the young one, and when the young one is full the old
 * one is dropped and the young one becomes old. At most 2 × `half` entries, and a hit in the young
 * generation (every label of a document after the first) is a single Map lookup.
 */
export class GenerationalCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  constructor(readonly half: number) {}
  get size(): number {
    return this.young.size + this.old.size;
  }
  get(key: K): V | undefined {
    const value = this.young.get(key);
    if (value !== undefined) return value;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.set(key, aged);
    }
    return aged;
  }
  set(key: K, value: V): void {
    if (this.young.size >= this.half) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}

interface GlyphEntry {
  bytes: Uint8Array;
  /** A composite glyph's components: their glyph ids and where each id sits in `bytes`. */
  components: { glyphID: number; pos: number }[] | null;
  advance: number;
  bearing: number;
}

interface FontCaches {
  layouts: GenerationalCache<string, GlyphRunLike>;
  /** By glyph id: bounded by the font itself (at most every glyph of the 10.6 MB file once; a certificate uses ~240). */
  glyphs: Map<number, GlyphEntry>;
}

// Keyed by the parsed font object (lib/pdf/fonts.ts parses the TTF once per process); on
// globalThis so that a module loaded twice (Next.js dev, tests) still shares one cache.
const globalForCache = globalThis as unknown as { jingbanFontCaches?: WeakMap<object, FontCaches>; jingbanFontCachesOff?: boolean };
const cachesByFont = (globalForCache.jingbanFontCaches ??= new WeakMap());

function cachesFor(font: object): FontCaches {
  let caches = cachesByFont.get(font);
  if (!caches) cachesByFont.set(font, (caches = { layouts: new GenerationalCache(LAYOUT_CACHE_GENERATION), glyphs: new Map() }));
  return caches;
}

/** What is missing from pdfkit's current font object for the hooks, or null when all is there. */
export function missingHookPoints(embedded: unknown): string | null {
  const f = embedded as Partial<EmbeddedFontLike> | null | undefined;
  const missing: string[] = [];
  if (typeof f?.layoutCached !== "function") missing.push("EmbeddedFont#layoutCached");
  if (typeof f?.layoutRun !== "function") missing.push("EmbeddedFont#layoutRun");
  const subset = f?.subset as Partial<TtfSubsetLike> | undefined;
  if (typeof subset?._addGlyph !== "function") missing.push("TTFSubset#_addGlyph");
  if (typeof subset?.includeGlyph !== "function") missing.push("TTFSubset#includeGlyph");
  const font = f?.font as Partial<FontkitTtfLike> | undefined;
  if (!font || typeof font.getGlyph !== "function" || typeof font._getTableStream !== "function" || !font.loca?.offsets)
    missing.push("fontkit TTFFont (getGlyph, _getTableStream, loca)");
  return missing.length ? missing.join(", ") : null;
}

let warned = false;

/**
 * Makes `embedded` (pdfkit's font object of one document, `doc._font` after `doc.font(…)`) use
 * the process-wide caches. Returns whether it did; false when switched off or a hook point is
 * missing (logged once).
 */
export function shareFontWork(embedded: unknown): boolean {
  if (globalForCache.jingbanFontCachesOff) return false;
  const missing = missingHookPoints(embedded);
  if (missing) {
    if (!warned) console.warn(`[pdf] font caches not installed, pdfkit/fontkit internals changed: missing ${missing}`);
    warned = true;
    return false;
  }
  const font = embedded as EmbeddedFontLike;
  if (font.font._variationProcessor) return false; // a variable font re-encodes outlines per instance
  const caches = cachesFor(font.font);

  font.layoutCached = function layoutCached(this: EmbeddedFontLike, text: string): GlyphRunLike {
    let run = caches.layouts.get(text);
    if (!run) caches.layouts.set(text, (run = this.layoutRun(text)));
    return run;
  };

  font.subset._addGlyph = function addGlyph(this: TtfSubsetLike, gid: number): number {
    let entry = caches.glyphs.get(gid);
    if (!entry) caches.glyphs.set(gid, (entry = readGlyph(this.font, gid)));
    let bytes = entry.bytes;
    if (entry.components) {
      bytes = new Uint8Array(entry.bytes);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (const c of entry.components) view.setUint16(c.pos, this.includeGlyph(c.glyphID));
    }
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: entry.advance, bearing: entry.bearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
  return true;
}

/** fontkit's TTFSubset#_addGlyph up to the point where the subset's own numbering comes in. */
function readGlyph(font: FontkitTtfLike, gid: number): GlyphEntry {
  const glyph = font.getGlyph(gid);
  const glyf = glyph._decode();
  const start = font.loca.offsets[gid];
  const end = font.loca.offsets[gid + 1];
  const stream = font._getTableStream("glyf");
  stream.pos += start;
  const bytes = Uint8Array.from(stream.readBuffer(end - start));
  const components = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : null;
  return { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
}

/** For tests: render with pdfkit's own per-document work (false) or the shared caches (true). */
export function setFontWorkSharing(on: boolean): void {
  globalForCache.jingbanFontCachesOff = !on;
}

/** For tests and memory checks: how many shaped words and glyphs the font's caches hold. */
export function fontWorkCacheSizes(parsedFont: object): { layouts: number; glyphs: number } {
  const caches = cachesByFont.get(parsedFont);
  return { layouts: caches?.layouts.size ?? 0, glyphs: caches?.glyphs.size ?? 0 };
}

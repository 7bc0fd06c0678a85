import zlib from "node:zlib";
import QRCode, { type QRCodeSegment } from "qrcode";

/**
 * The QR code of a document: error correction M (a stamp or a fold across the code still
 * scans), the smallest version that holds the text, as a module matrix (qrMatrix) and as the
 * PNG the documents print beside the sign-off (qrPng, lib/pdf/layout.ts). qrcode builds the
 * symbol; two of its steps are done here because they were most of a certificate's QR time and
 * a third of a batch page's (npm run bench, docs/benchmarks.md):
 *
 * - Segments. qrcode splits the text into numeric / alphanumeric / byte runs and finds the
 *   cheapest mix with Dijkstra over a graph of them, its priority queue re-sorted on every push
 *   (~1.5 ms for a 400-character URL). optimalSegments() finds the cheapest mix character by
 *   character with the usual dynamic programme (as Nayuki's qrcodegen does): never more bits
 *   than qrcode's, the same text in the same symbol version or a
 *   smaller one (tests/unit/pdf-qr.test.ts).
 * - The mask. qrcode tries the eight masks with its penalty rules written for clarity (a call per
 *   module through BitMatrix.get, a switch per module to mask; ~2.5 ms). qrMatrix() asks qrcode
 *   for the symbol with mask 0, takes the mask off and scores the eight masks with the same rules
 *   (as qrcode counts them, ties to the lower mask) 32 modules at a time on the
 *   bit-packed rows and columns: for the same segments, module for module the symbol qrcode
 *   makes on its own, and the same score as qrcode's for any matrix (tests/unit/pdf-qr.test.ts).
 *
 * A 400-character signed URL (version 15) took ~4 ms in qrcode.create and now ~0.6 ms.
 */
export interface QrMatrix {
  /** Modules per side (version × 4 + 17). */
  size: number;
  /** size × size, row by row: 1 = dark. */
  modules: Uint8Array;
}

const LEVEL = "M";
/** The error correction level's two bits in the format information: M = 00. */
const LEVEL_BITS = 0b00;

type MaskFn = (row: number, col: number) => boolean;
// qrcode's getMaskAt, pattern by pattern.
const MASKS: MaskFn[] = [
  (i, j) => (i + j) % 2 === 0,
  (i) => i % 2 === 0,
  (_i, j) => j % 3 === 0,
  (i, j) => (i + j) % 3 === 0,
  (i, j) => (Math.floor(i / 2) + Math.floor(j / 3)) % 2 === 0,
  (i, j) => ((i * j) % 2) + ((i * j) % 3) === 0,
  (i, j) => (((i * j) % 2) + ((i * j) % 3)) % 2 === 0,
  (i, j) => (((i * j) % 3) + ((i + j) % 2)) % 2 === 0,
];

export function qrMatrix(text: string): QrMatrix {
  return qrMatrixOf(symbolSegments(text));
}

/** The symbol of the given segments, mask chosen as qrcode does. */
export function qrMatrixOf(segments: QrSegment[]): QrMatrix {
  const symbol = QRCode.create(segments as QRCodeSegment[], { errorCorrectionLevel: LEVEL, maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  const tables = maskTables(size, reservedBit);
  // The data modules without a mask (function patterns and version information are reserved).
  const plain = Uint8Array.from(data);
  for (const i of tables.flips[0]) plain[i] ^= 1;
  // Each mask scored on the bit-packed matrix: plain XOR (the mask and its format information).
  const bits = packBits(plain, size);
  const candidate = { size, words: bits.words, rows: new Int32Array(bits.rows.length), cols: new Int32Array(bits.cols.length) };
  let best = 0;
  let bestPenalty = Infinity;
  for (let p = 0; p < MASKS.length; p++) {
    const xor = tables.xor[p];
    for (let i = 0; i < candidate.rows.length; i++) {
      candidate.rows[i] = bits.rows[i] ^ xor.rows[i];
      candidate.cols[i] = bits.cols[i] ^ xor.cols[i];
    }
    const penalty = bitsPenalty(candidate);
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = p;
    }
  }
  for (const i of tables.flips[best]) plain[i] ^= 1;
  setFormatInfo(plain, size, best);
  return { size, modules: plain };
}

// ---- Segments ----

export type QrMode = "numeric" | "alphanumeric" | "byte";
export interface QrSegment {
  data: string;
  mode: QrMode;
}

const MODES: readonly QrMode[] = ["byte", "alphanumeric", "numeric"];
/** Character count indicator bits by mode, for versions 1–9, 10–26 and 27–40. */
const COUNT_BITS: Record<QrMode, readonly [number, number, number]> = { numeric: [10, 12, 14], alphanumeric: [9, 11, 13], byte: [8, 16, 16] };
/** Data bits of level M in versions 9 and 26, where the count indicators grow (checked against qrcode in tests). */
const CAPACITY_V9 = 182 * 8;
const CAPACITY_V26 = 1062 * 8;
const IS_ALPHANUMERIC = new Uint8Array(128);
for (const ch of "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:") IS_ALPHANUMERIC[ch.charCodeAt(0)] = 1;

/** Segments for the smallest symbol: the cheapest mix for the count indicators of its version range. */
export function symbolSegments(text: string): QrSegment[] {
  const small = optimalSegments(text, 0);
  if (small.bits <= CAPACITY_V9) return small.segments;
  const medium = optimalSegments(text, 1);
  if (medium.bits <= CAPACITY_V26) return medium.segments;
  return optimalSegments(text, 2).segments;
}

/**
 * The fewest bits (mode indicators, count indicators and data) in which numeric, alphanumeric
 * and byte (UTF-8) segments can carry `text`, for version range 0 (1–9), 1 (10–26) or 2 (27–40).
 * Costs are kept in sixths of a bit so that digits (10 bits / 3) and alphanumerics (11 bits / 2)
 * are exact; a segment's partial bits round up where it ends.
 */
export function optimalSegments(text: string, range: 0 | 1 | 2): { segments: QrSegment[]; bits: number } {
  const chars = Array.from(text);
  const n = chars.length;
  const head = MODES.map((m) => (4 + COUNT_BITS[m][range]) * 6);
  // from[i × 3 + j]: the mode of character i when the state after it is mode j (-1: impossible).
  const from = new Int8Array(n * 3);
  let costs = head.slice();
  const step = [0, 0, 0];
  const own = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const cp = chars[i].codePointAt(0)!;
    own[0] = (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4) * 48;
    own[1] = cp < 0x80 && IS_ALPHANUMERIC[cp] ? 33 : -1;
    own[2] = cp >= 0x30 && cp <= 0x39 ? 20 : -1;
    const came = i * 3;
    for (let j = 0; j < 3; j++) {
      step[j] = own[j] < 0 ? Infinity : costs[j] + own[j];
      from[came + j] = own[j] < 0 ? -1 : j;
    }
    // Or end the segment with this character and start one in mode j with the next.
    for (let j = 0; j < 3; j++)
      for (let k = 0; k < 3; k++) {
        if (from[came + k] !== k) continue;
        const switched = Math.ceil(step[k] / 6) * 6 + head[j];
        if (switched < step[j]) {
          step[j] = switched;
          from[came + j] = k;
        }
      }
    costs = step.slice();
  }
  let mode = 0;
  for (let j = 1; j < 3; j++) if (Math.ceil(costs[j] / 6) < Math.ceil(costs[mode] / 6)) mode = j;
  const bits = Math.ceil(costs[mode] / 6);
  const modes = new Int8Array(n);
  for (let i = n - 1; i >= 0; i--) mode = modes[i] = from[i * 3 + mode];
  const segments: QrSegment[] = [];
  for (let i = 0; i < n; ) {
    let end = i + 1;
    while (end < n && modes[end] === modes[i]) end++;
    segments.push({ data: chars.slice(i, end).join(""), mode: MODES[modes[i]] });
    i = end;
  }
  return { segments, bits };
}

// Which modules each mask turns over, and the same with the format information it writes over
// mask 0's, bit-packed: they depend only on the version, so they are computed once per version.
interface MaskTables {
  flips: Int32Array[];
  xor: Bits[];
}
const tablesBySize = new Map<number, MaskTables>();

function maskTables(size: number, reserved: Uint8Array): MaskTables {
  let tables = tablesBySize.get(size);
  if (!tables) {
    const flips = MASKS.map((mask) => {
      const list: number[] = [];
      for (let row = 0, i = 0; row < size; row++) for (let col = 0; col < size; col++, i++) if (!reserved[i] && mask(row, col)) list.push(i);
      return Int32Array.from(list);
    });
    const mask0 = new Uint8Array(size * size);
    setFormatInfo(mask0, size, 0);
    const xor = flips.map((list, p) => {
      const delta = new Uint8Array(size * size);
      for (const i of list) delta[i] = 1;
      const format = new Uint8Array(size * size);
      setFormatInfo(format, size, p);
      for (let i = 0; i < delta.length; i++) delta[i] ^= format[i] ^ mask0[i];
      return packBits(delta, size);
    });
    tablesBySize.set(size, (tables = { flips, xor }));
  }
  return tables;
}

/** The 15 format bits: level and mask, BCH(15,5) with generator 0x537, XOR 0x5412. */
export function formatBits(mask: number): number {
  const data = (LEVEL_BITS << 3) | mask;
  let rem = data << 10;
  for (let bit = 14; bit >= 10; bit--) if ((rem >> bit) & 1) rem ^= 0x537 << (bit - 10);
  return ((data << 10) | rem) ^ 0x5412;
}

// qrcode's setupFormatInfo: bit i beside the top-left finder and split between the other two.
function setFormatInfo(m: Uint8Array, size: number, mask: number): void {
  const bits = formatBits(mask);
  for (let i = 0; i < 15; i++) {
    const bit = (bits >> i) & 1;
    const vRow = i < 6 ? i : i < 8 ? i + 1 : size - 15 + i;
    m[vRow * size + 8] = bit;
    const hCol = i < 8 ? size - i - 1 : i < 9 ? 15 - i : 15 - i - 1;
    m[8 * size + hCol] = bit;
  }
  m[(size - 8) * size + 8] = 1; // the dark module
}

// ---- Mask penalty (qrcode's getPenaltyN1 + N2 + N3 + N4), 32 modules at a time ----

/** A square matrix as bits: line i of `rows` is row i, of `cols` column i; bit k of word w is module 32w + k. */
interface Bits {
  size: number;
  words: number;
  rows: Int32Array;
  cols: Int32Array;
}

function packBits(m: Uint8Array, size: number): Bits {
  const words = (size + 31) >>> 5;
  const rows = new Int32Array(size * words);
  const cols = new Int32Array(size * words);
  for (let r = 0, i = 0; r < size; r++)
    for (let c = 0; c < size; c++, i++)
      if (m[i]) {
        rows[r * words + (c >>> 5)] |= 1 << (c & 31);
        cols[c * words + (r >>> 5)] |= 1 << (r & 31);
      }
  return { size, words, rows, cols };
}

/** The penalty of a matrix (1 = dark), for tests: as qrcode scores a mask. */
export function penaltyScore(m: Uint8Array, size: number): number {
  return bitsPenalty(packBits(m, size));
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Word w of `line` (words at `at`, zeros past `words`) shifted k bits towards position 0. */
function shifted(line: Int32Array, at: number, words: number, w: number, k: number): number {
  const lo = w < words ? line[at + w] : 0;
  if (k === 0) return lo;
  const hi = w + 1 < words ? line[at + w + 1] : 0;
  return (lo >>> k) | (hi << (32 - k));
}

/** The window starts 0 … size − length as a bit mask per word (windows of `length` modules inside the line). */
function windowMask(size: number, words: number, length: number): Int32Array {
  const mask = new Int32Array(words);
  for (let c = 0; c <= size - length; c++) mask[c >>> 5] |= 1 << (c & 31);
  return mask;
}

const scratch = { a: new Int32Array(8), b: new Int32Array(8), c: new Int32Array(8) };

/**
 * N1: each run of five or more modules of one colour scores its length − 2 (3 + length − 5);
 * with E5 the starts of five equal modules and S the run starts, that is |E5| + 2 × |E5 ∧ S|.
 * N3 (× 40): windows equal to qrcode's 0x5D0 or 0x05D, i.e. 1011101 then four light modules, or
 * four light modules then 1011101. N2 (× 3): 2 × 2 blocks of one colour. N4 (× 10): the share of
 * dark modules, in steps of 5 % away from half.
 */
function bitsPenalty(bits: Bits): number {
  const { size, words, rows, cols } = bits;
  if (scratch.a.length < words + 1) scratch.a = new Int32Array(words + 1);
  if (scratch.b.length < words + 1) scratch.b = new Int32Array(words + 1);
  if (scratch.c.length < words + 1) scratch.c = new Int32Array(words + 1);
  const { a: equal, b: core, c: light } = scratch;
  const within2 = windowMask(size, words, 2);
  const within5 = windowMask(size, words, 5);
  const within11 = windowMask(size, words, 11);
  let runs = 0;
  let finders = 0;
  for (const lines of [rows, cols])
    for (let at = 0; at < lines.length; at += words) {
      for (let w = 0; w <= words; w++) {
        const l0 = shifted(lines, at, words, w, 0);
        const l1 = shifted(lines, at, words, w, 1);
        const l2 = shifted(lines, at, words, w, 2);
        const l3 = shifted(lines, at, words, w, 3);
        equal[w] = ~(l0 ^ l1);
        core[w] = l0 & ~l1 & l2 & l3 & shifted(lines, at, words, w, 4) & ~shifted(lines, at, words, w, 5) & shifted(lines, at, words, w, 6);
        light[w] = ~(l0 | l1 | l2 | l3);
      }
      equal[words] = core[words] = light[words] = 0;
      for (let w = 0; w < words; w++) {
        const five = equal[w] & shifted(equal, 0, words, w, 1) & shifted(equal, 0, words, w, 2) & shifted(equal, 0, words, w, 3) & within5[w];
        const previous = (lines[at + w] << 1) | (w > 0 ? lines[at + w - 1] >>> 31 : 0);
        const starts = (lines[at + w] ^ previous) | (w === 0 ? 1 : 0);
        runs += popcount(five) + 2 * popcount(five & starts);
        const inside = within11[w];
        finders += popcount(core[w] & shifted(light, 0, words, w, 7) & inside) + popcount(light[w] & shifted(core, 0, words, w, 4) & inside);
      }
    }
  let blocks = 0;
  let dark = 0;
  for (let r = 0; r < size; r++) {
    const top = r * words;
    for (let w = 0; w < words; w++) dark += popcount(rows[top + w]);
    if (r === size - 1) continue;
    const bottom = top + words;
    for (let w = 0; w <= words; w++) equal[w] = w < words ? ~(rows[top + w] ^ rows[bottom + w]) : 0;
    for (let w = 0; w < words; w++) {
      const across = ~(rows[top + w] ^ shifted(rows, top, words, w, 1));
      blocks += popcount(equal[w] & shifted(equal, 0, words, w, 1) & across & within2[w]);
    }
  }
  const k = Math.abs(Math.ceil((dark * 100) / (size * size) / 5) - 10);
  return runs + blocks * 3 + finders * 40 + k * 10;
}

/**
 * The QR code as a PNG buffer for pdfkit's image(): 1-bit greyscale without alpha, 4 pixels per
 * module, no quiet zone, because pdfkit embeds such a PNG's compressed pixels as they are, while
 * qrcode's own RGBA PNG makes pdfkit decode the image and split out an alpha channel. For a batch
 * of 1,000 documents that is seconds and megabytes saved. (Drawn as vector rectangles instead,
 * one per run of dark modules, the code took 3.9 KB of compressed content against 1.3 KB of PNG
 * and no less time: docs/benchmarks.md.)
 */
const SCALE = 4;

export async function qrPng(text: string): Promise<Buffer> {
  const { size, modules } = qrMatrix(text);
  return encodeBitmapPng(size, (row, col) => modules[row * size + col] === 1, SCALE);
}

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

function crc32(buffers: Buffer[]): number {
  let c = -1;
  for (const buf of buffers) for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32([head.subarray(4), body]), 0);
  return Buffer.concat([head, body, crc]);
}

/** A square black-on-white bitmap (dark(row, col) for each module) as a 1-bit greyscale PNG. */
export function encodeBitmapPng(modules: number, dark: (row: number, col: number) => boolean, scale: number): Buffer {
  const width = modules * scale;
  const rowBytes = Math.ceil(width / 8);
  const stride = rowBytes + 1; // each scanline: filter byte 0, then pixels
  const raw = Buffer.alloc(stride * width);
  // One scanline per row of modules (filter 0), then `scale` − 1 scanlines that repeat it: filter
  // 2 ("Up") and zeros. dark() is called once per module, and the zeros deflate in half the time
  // the copies took at level 9, a few bytes smaller.
  for (let row = 0; row < modules; row++) {
    const line = row * scale * stride;
    for (let col = 0; col < modules; col++) {
      if (dark(row, col)) continue;
      // Greyscale 1-bit: 1 is white, 0 is black.
      for (let x = col * scale; x < (col + 1) * scale; x++) raw[line + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
    for (let k = 1; k < scale; k++) raw[line + k * stride] = 2;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 6 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

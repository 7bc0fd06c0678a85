import zlib from "node:zlib";
import QRCode from "qrcode";

/**
 * The QR code of a document. qrcode computes the symbol (error correction M: a stamp or a fold
 * across the code still scans; the smallest version that holds the text, in the shortest mix of
 * byte / alphanumeric / numeric segments) and qrPng() writes its module matrix as the image the
 * documents print beside the sign-off (lib/pdf/layout.ts).
 *
 * The mask is chosen here rather than by qrcode: qrcode tries the eight masks with its penalty
 * rules written for clarity (a call per module through BitMatrix.get and a switch per module to
 * mask), which was half of a certificate's QR time and a sixth of the whole certificate's
 * (npm run bench). qrMatrix() asks qrcode for the symbol with mask 0, takes the mask off and
 * scores the eight masks with the same rules (ISO/IEC 18004 §7.8.3, as qrcode counts them, ties
 * to the lower mask) on flat arrays: the matrix is module for module the one
 * `QRCode.create(text, { errorCorrectionLevel: "M" })` returns (tests/unit/pdf-qr.test.ts).
 */
export interface QrMatrix {
  /** Modules per side (version × 4 + 17). */
  size: number;
  /** size × size, row by row: 1 = dark. */
  modules: Uint8Array;
}

const LEVEL = "M";
/** Format information bits of the error correction level (ISO/IEC 18004 Table 12): M = 00. */
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
  const symbol = QRCode.create(text, { errorCorrectionLevel: LEVEL, maskPattern: 0 });
  const { size, data, reservedBit } = symbol.modules;
  const flips = maskFlips(size, reservedBit);
  // The data modules without a mask (function patterns and version information are reserved).
  const plain = Uint8Array.from(data);
  for (const i of flips[0]) plain[i] ^= 1;

  let best: Uint8Array | null = null;
  let bestPenalty = Infinity;
  const candidate = new Uint8Array(size * size);
  for (let p = 0; p < MASKS.length; p++) {
    candidate.set(plain);
    for (const i of flips[p]) candidate[i] ^= 1;
    setFormatInfo(candidate, size, p);
    const penalty = penaltyScore(candidate, size);
    if (penalty < bestPenalty) {
      bestPenalty = penalty;
      best = Uint8Array.from(candidate);
    }
  }
  return { size, modules: best! };
}

// Which modules each mask turns over depends only on the version: computed once per version.
const flipsBySize = new Map<number, Int32Array[]>();

function maskFlips(size: number, reserved: Uint8Array): Int32Array[] {
  let flips = flipsBySize.get(size);
  if (!flips) {
    flips = MASKS.map((mask) => {
      const list: number[] = [];
      for (let row = 0, i = 0; row < size; row++) for (let col = 0; col < size; col++, i++) if (!reserved[i] && mask(row, col)) list.push(i);
      return Int32Array.from(list);
    });
    flipsBySize.set(size, flips);
  }
  return flips;
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

/** qrcode's getPenaltyN1 + N2 + N3 + N4 on a flat matrix. */
export function penaltyScore(m: Uint8Array, size: number): number {
  let n1 = 0;
  let n3 = 0;
  for (let a = 0; a < size; a++) {
    let runRow = 0;
    let runCol = 0;
    let lastRow = -1;
    let lastCol = -1;
    let bitsRow = 0;
    let bitsCol = 0;
    for (let b = 0; b < size; b++) {
      const h = m[a * size + b]; // along row a
      const v = m[b * size + a]; // down column a
      if (h === lastRow) runRow++;
      else {
        if (runRow >= 5) n1 += 3 + runRow - 5;
        lastRow = h;
        runRow = 1;
      }
      if (v === lastCol) runCol++;
      else {
        if (runCol >= 5) n1 += 3 + runCol - 5;
        lastCol = v;
        runCol = 1;
      }
      bitsRow = ((bitsRow << 1) & 0x7ff) | h;
      bitsCol = ((bitsCol << 1) & 0x7ff) | v;
      if (b >= 10) {
        if (bitsRow === 0x5d0 || bitsRow === 0x05d) n3++;
        if (bitsCol === 0x5d0 || bitsCol === 0x05d) n3++;
      }
    }
    if (runRow >= 5) n1 += 3 + runRow - 5;
    if (runCol >= 5) n1 += 3 + runCol - 5;
  }
  let n2 = 0;
  for (let row = 0; row < size - 1; row++) {
    const top = row * size;
    const bottom = top + size;
    for (let col = 0; col < size - 1; col++) {
      const sum = m[top + col] + m[top + col + 1] + m[bottom + col] + m[bottom + col + 1];
      if (sum === 4 || sum === 0) n2++;
    }
  }
  let dark = 0;
  for (let i = 0; i < m.length; i++) dark += m[i];
  const k = Math.abs(Math.ceil((dark * 100) / m.length / 5) - 10);
  return n1 + n2 * 3 + n3 * 40 + k * 10;
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
  // One scanline per row of modules, copied `scale` times: dark() once per module, not per pixel.
  for (let row = 0; row < modules; row++) {
    const line = row * scale * stride;
    for (let col = 0; col < modules; col++) {
      if (dark(row, col)) continue;
      // Greyscale 1-bit: 1 is white, 0 is black.
      for (let x = col * scale; x < (col + 1) * scale; x++) raw[line + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    }
    for (let k = 1; k < scale; k++) raw.copy(raw, line + k * stride, line, line + stride);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(width, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

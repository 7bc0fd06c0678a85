import { createRequire } from "node:module";
import { describe, expect, test } from "vitest";
import QRCode from "qrcode";
import { formatBits, optimalSegments, penaltyScore, qrMatrix, symbolSegments, type QrSegment } from "@/lib/pdf/qr";

// qrcode's own penalty rules, the reference for lib/pdf/qr.ts's bit-parallel count.
const MaskPattern = createRequire(import.meta.url)("qrcode/lib/core/mask-pattern") as Record<"getPenaltyN1" | "getPenaltyN2" | "getPenaltyN3" | "getPenaltyN4", (m: unknown) => number>;

// lib/pdf/qr.ts segments the text and chooses the mask itself (qrcode's own steps were most of
// the QR time): the segments must carry the text in no more bits than qrcode's, and the symbol
// for them must be module for module the one qrcode makes. tests/unit/pdf-render.test.ts reads
// the code back from the printed page.

/** A deterministic stream of test strings: no Math.random, so a failure can be replayed. */
function* texts(): Generator<string> {
  let seed = 20261122;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const alphabets = [
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", // base64url: the signed payload
    "0123456789",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
    "abc/?=&.:%XYZ0189",
  ];
  for (let i = 0; i < 160; i++) {
    const alphabet = alphabets[i % alphabets.length];
    const length = 1 + (next() % 700);
    let s = "";
    for (let k = 0; k < length; k++) s += alphabet[next() % alphabet.length];
    yield s;
  }
  const code = "X6RDU2R3U6KFMUZ8";
  yield `https://jingban.example/verify/${code}?p=${"eyJjb2RlIjoiWDZSRFUyUjNVNktGTVVaOCIsImlzc3VlZEF0Ijoi".repeat(5)}&s=${"hCvuWLujXG2UCooGsawNcbhtVZktmOWrY3_mNw3K".repeat(2)}`;
  yield "https://jingban.example.gov.cn/verify/ABCDEFGHJKMNPQRS";
  yield "李明 440305199003071236";
}

const create = (data: string | QrSegment[]) => QRCode.create(data as string, { errorCorrectionLevel: "M" });
const countBits = { Numeric: [10, 12, 14], Alphanumeric: [9, 11, 13], Byte: [8, 16, 16] } as Record<string, number[]>;
/** Bits of a symbol's segments: mode and count indicators and data, as qrcode counts them. */
const bitsOf = (symbol: QRCode.QRCode) =>
  symbol.segments.reduce((bits, s) => {
    const seg = s as unknown as { mode: { id: string }; getBitsLength(): number };
    return bits + 4 + countBits[seg.mode.id][symbol.version < 10 ? 0 : symbol.version < 27 ? 1 : 2] + seg.getBitsLength();
  }, 0);

describe("symbolSegments", () => {
  test("spell the text, and never take more bits or a larger symbol than qrcode's own segments", () => {
    let fewer = 0;
    for (const text of texts()) {
      const segments = symbolSegments(text);
      expect(segments.map((s) => s.data).join("")).toBe(text);
      const ours = create(segments); // qrcode refuses data its mode cannot carry
      const theirs = create(text);
      expect(ours.version, text).toBeLessThanOrEqual(theirs.version);
      if (ours.version === theirs.version) expect(bitsOf(ours), text).toBeLessThanOrEqual(bitsOf(theirs));
      if (bitsOf(ours) < bitsOf(theirs)) fewer++;
    }
    expect(fewer).toBeGreaterThan(0); // the character-level optimum sometimes beats qrcode's runs
  });

  test("the signed verification URL: qrcode's own segments, so the printed code is unchanged", () => {
    const url = [...texts()].find((t) => t.includes("/verify/X6RD"))!;
    expect(symbolSegments(url).map((s) => [s.mode, s.data.length])).toEqual([["byte", 30], ["alphanumeric", 17], ["byte", url.length - 47]]);
    expect(Buffer.from(qrMatrix(url).modules).equals(Buffer.from(create(url).modules.data))).toBe(true);
  });

  test("the capacities where the count indicators grow are qrcode's", () => {
    // Version 9-M holds 180 bytes (1,452 of its 1,456 data bits), version 26-M 1,059 (8,492 of 8,496).
    expect(create("a".repeat(180)).version).toBe(9);
    expect(create("a".repeat(181)).version).toBe(10);
    expect(create("a".repeat(1059)).version).toBe(26);
    expect(create("a".repeat(1060)).version).toBe(27);
    expect(symbolSegments("a".repeat(180))).toEqual([{ data: "a".repeat(180), mode: "byte" }]);
  });

  test("digits and capitals get their own modes when that is shorter", () => {
    const { segments } = optimalSegments(`https://x.example/verify/ABCDEFGHJKMNPQRS?n=${"1234567890".repeat(3)}`, 1);
    expect(segments.map((s) => s.mode)).toEqual(["byte", "alphanumeric", "byte", "numeric"]);
  });
});

describe("qrMatrix", () => {
  test("is the symbol qrcode makes for the same segments, module for module, whatever the mask and version", () => {
    const masks = new Set<number>();
    const versions = new Set<number>();
    for (const text of texts()) {
      const expected = create(symbolSegments(text));
      const actual = qrMatrix(text);
      masks.add(expected.maskPattern!);
      versions.add(expected.version);
      expect(actual.size, text).toBe(expected.modules.size);
      expect(Buffer.from(actual.modules).equals(Buffer.from(expected.modules.data)), text).toBe(true);
    }
    expect([...masks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(versions.size).toBeGreaterThan(10);
  });

  test("scores a matrix as qrcode's getPenaltyN1 … N4 do, at every symbol size", () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let size = 21; size <= 177; size += 4)
      for (const density of [2, 5, 8]) {
        // Random modules, with long runs and finder-like patterns mixed in at some densities.
        const data = new Uint8Array(size * size);
        for (let i = 0; i < data.length; i++) data[i] = next() % 10 < density ? 1 : 0;
        if (density === 5) for (let r = 0; r < size; r += 3) data.set([1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1], r * size + (r % (size - 17)));
        const matrix = { size, data, get: (row: number, col: number) => data[row * size + col] };
        const expected = MaskPattern.getPenaltyN1(matrix) + MaskPattern.getPenaltyN2(matrix) + MaskPattern.getPenaltyN3(matrix) + MaskPattern.getPenaltyN4(matrix);
        expect(penaltyScore(data, size), `size ${size}, density ${density}`).toBe(expected);
      }
  });

  test("format information of level M, as the standard tabulates it", () => {
    expect(formatBits(0)).toBe(0b101010000010010);
    expect(formatBits(3)).toBe(0b101101101001011);
    expect(formatBits(7)).toBe(0b100101010100000);
  });
});

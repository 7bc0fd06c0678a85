import { describe, expect, test } from "vitest";
import QRCode from "qrcode";
import { formatBits, qrMatrix } from "@/lib/pdf/qr";

// lib/pdf/qr.ts chooses the mask itself (qrcode's choice was half the QR time): the symbol must
// stay module for module the one qrcode makes on its own. tests/unit/pdf-render.test.ts reads the
// code back from the printed page.

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

describe("qrMatrix", () => {
  test("is the symbol qrcode makes, module for module, whatever the mask and version", () => {
    const masks = new Set<number>();
    const versions = new Set<number>();
    for (const text of texts()) {
      const expected = QRCode.create(text, { errorCorrectionLevel: "M" });
      const actual = qrMatrix(text);
      masks.add(expected.maskPattern!);
      versions.add(expected.version);
      expect(actual.size, text).toBe(expected.modules.size);
      expect(Buffer.from(actual.modules).equals(Buffer.from(expected.modules.data)), text).toBe(true);
    }
    expect([...masks].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(versions.size).toBeGreaterThan(10);
  });

  test("format information of level M (ISO/IEC 18004 Table C.1)", () => {
    expect(formatBits(0)).toBe(0b101010000010010);
    expect(formatBits(3)).toBe(0b101101101001011);
    expect(formatBits(7)).toBe(0b100101010100000);
  });
});

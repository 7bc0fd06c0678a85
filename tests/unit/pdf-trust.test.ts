import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { canonicalJson } from "@/lib/audit/canonical-json";
import { chainHash, GENESIS_HASH } from "@/lib/audit/chain";
import { CODE_ALPHABET, formatSerial, generateVerificationCode, isSerial, normaliseVerificationCode } from "@/lib/certificates/codes";
import { buildQrText, parseSignedUrl, publicKeyJwk, publicKeyPem, signPayload, subjectHash, verifySignature, type SignedPayload } from "@/lib/certificates/signing";
import { qrPng } from "@/lib/pdf/qr";

beforeAll(() => {
  process.env.JINGBAN_SIGNING_KEY = Buffer.from(
    crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  ).toString("base64");
});

describe("canonical JSON and the chain hash", () => {
  test("key order does not matter, undefined members are dropped, dates are ISO", () => {
    expect(canonicalJson({ b: 1, a: [1, "x", null], c: undefined, d: { z: true, y: new Date("2026-01-01T00:00:00Z") } })).toBe(
      '{"a":[1,"x",null],"b":1,"d":{"y":"2026-01-01T00:00:00.000Z","z":true}}',
    );
    expect(canonicalJson({ 李: "明", a: "\n" })).toBe('{"a":"\\n","李":"明"}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: new Map() })).toThrow();
  });

  test("the hash covers chain, office, seq, previous hash and content", () => {
    const base = { chain: "certificate" as const, officeId: "o", seq: 1, prevHash: GENESIS_HASH, content: { a: 1 } };
    const h = chainHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash({ ...base, content: { a: 1 } })).toBe(h);
    for (const changed of [{ seq: 2 }, { officeId: "p" }, { chain: "case" as const }, { prevHash: "1".repeat(64) }, { content: { a: 2 } }])
      expect(chainHash({ ...base, ...changed })).not.toBe(h);
  });
});

describe("codes and serials", () => {
  test("16 characters from the unambiguous alphabet, random", () => {
    const codes = new Set(Array.from({ length: 200 }, generateVerificationCode));
    expect(codes.size).toBe(200);
    for (const c of codes) expect(c).toMatch(new RegExp(`^[${CODE_ALPHABET}]{16}$`));
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  test.each([
    ["abcd-efgh-jkmn-pqrs", "ABCDEFGHJKMNPQRS"],
    [" ABCD EFGH JKMN PQRS ", "ABCDEFGHJKMNPQRS"],
    ["ABCDEFGHJKMNPQR0", null],
    ["ABCD", null],
    [42, null],
  ])("normalise %j → %j", (input, expected) => {
    expect(normaliseVerificationCode(input)).toBe(expected);
  });

  test("serial: office code, year, six-digit sequence", () => {
    expect(formatSerial("440300", 2026, 1)).toBe("440300-2026-000001");
    expect(isSerial("440300-2026-000001")).toBe(true);
    expect(isSerial("440300-2026-1")).toBe(false);
    expect(isSerial("../etc/passwd")).toBe(false);
  });
});

describe("signature", () => {
  const payload: SignedPayload = {
    serial: "440300-2026-000001",
    code: "ABCDEFGHJKMNPQRS",
    kind: "CERTIFICATE",
    officeCode: "440300",
    issuedAt: "2026-05-01T02:23:45.000Z",
    subjectHash: subjectHash("440300-2026-000001", "李明", "440305199003071236"),
  };

  test("the subject hash hides the ID number and is salted by the serial", () => {
    expect(payload.subjectHash).not.toContain("440305");
    expect(subjectHash("440300-2026-000002", "李明", "440305199003071236")).not.toBe(payload.subjectHash);
    expect(subjectHash("440300-2026-000001", "李明", "44030519900307123x")).toBe(subjectHash("440300-2026-000001", "李明", "44030519900307123X"));
  });

  test("the QR text carries payload and signature; the published key verifies them; one changed byte fails", () => {
    const qr = buildQrText("https://jingban.example/", payload, signPayload(payload));
    expect(qr.startsWith("https://jingban.example/verify/ABCDEFGHJKMNPQRS?p=")).toBe(true);
    const parsed = parseSignedUrl(qr)!;
    expect(parsed.payload).toEqual(payload);
    const key = crypto.createPublicKey(publicKeyPem());
    expect(verifySignature(parsed.bytes, parsed.signature, key)).toBe(true);
    const tampered = Buffer.from(parsed.bytes);
    tampered[5] ^= 1;
    expect(verifySignature(tampered, parsed.signature, key)).toBe(false);
    expect(verifySignature(parsed.bytes, "not-a-signature", key)).toBe(false);
    expect(publicKeyJwk()).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA" });
    expect(parseSignedUrl("https://x/verify/A?p=%%%&s=1")).toBeNull();
  });

  test("the QR image is a 1-bit greyscale PNG", async () => {
    const png = await qrPng(buildQrText("https://jingban.example", payload, signPayload(payload)));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png[24]).toBe(1); // bit depth
    expect(png[25]).toBe(0); // greyscale
    expect(png.length).toBeLessThan(4000);
  });
});

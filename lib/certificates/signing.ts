import crypto from "node:crypto";
import { canonicalJson } from "@/lib/audit/canonical-json";

/**
 * The signature behind every QR code: Ed25519 over the canonical JSON of
 * {serial, code, kind, officeCode, issuedAt, subjectHash}. A bank or another office checks it
 * offline with the public key published at /.well-known/jingban-signing-key, or online at
 * /verify/{code} (which also says whether the document was since revoked or superseded).
 *
 * The subject is a salted hash of name and ID number, never the ID number itself: whoever holds
 * the person's ID card can recompute and compare it, whoever only holds the QR code learns
 * nothing. The serial salts it, so equal people do not give equal hashes across documents.
 */
export interface SignedPayload {
  serial: string;
  code: string;
  kind: string;
  officeCode: string;
  /** ISO 8601, UTC */
  issuedAt: string;
  subjectHash: string;
}

export class SigningKeyMissingError extends Error {
  constructor() {
    super("JINGBAN_SIGNING_KEY is not set (base64 of a PKCS#8 PEM Ed25519 key); `npm start` creates one under .data/");
    this.name = "SigningKeyMissingError";
  }
}

const globalForKey = globalThis as unknown as { jingbanSigningKey?: { env: string; privateKey: crypto.KeyObject; publicKey: crypto.KeyObject } };

function keys() {
  const env = process.env.JINGBAN_SIGNING_KEY;
  if (!env) throw new SigningKeyMissingError();
  const cached = globalForKey.jingbanSigningKey;
  if (cached && cached.env === env) return cached;
  const privateKey = crypto.createPrivateKey(Buffer.from(env, "base64").toString("utf8"));
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("JINGBAN_SIGNING_KEY is not an Ed25519 key");
  const entry = { env, privateKey, publicKey: crypto.createPublicKey(privateKey) };
  globalForKey.jingbanSigningKey = entry;
  return entry;
}

export function subjectHash(serial: string, name: string, idNumber: string): string {
  return crypto
    .createHash("sha256")
    .update(`jingban-subject-v1\n${serial}\n${name.normalize("NFC")}\n${idNumber.toUpperCase()}`)
    .digest("base64url");
}

export function payloadBytes(payload: SignedPayload): Buffer {
  return Buffer.from(
    canonicalJson({
      serial: payload.serial,
      code: payload.code,
      kind: payload.kind,
      officeCode: payload.officeCode,
      issuedAt: payload.issuedAt,
      subjectHash: payload.subjectHash,
    }),
    "utf8",
  );
}

/** The signature, base64url. */
export function signPayload(payload: SignedPayload): string {
  return crypto.sign(null, payloadBytes(payload), keys().privateKey).toString("base64url");
}

/** Checks raw payload bytes (as carried in the QR code) against a signature with a public key. */
export function verifySignature(bytes: Buffer, signatureB64u: string, publicKey: crypto.KeyObject | string = keys().publicKey): boolean {
  try {
    const key = typeof publicKey === "string" ? crypto.createPublicKey(publicKey) : publicKey;
    return crypto.verify(null, bytes, key, Buffer.from(signatureB64u, "base64url"));
  } catch {
    return false;
  }
}

export function publicKeyPem(): string {
  return keys().publicKey.export({ type: "spki", format: "pem" }).toString();
}

/** The key as a JWK (RFC 8037), with a key id: the SHA-256 thumbprint of the key (RFC 7638). */
export function publicKeyJwk(): { kty: string; crv: string; x: string; kid: string; alg: string; use: string } {
  const jwk = keys().publicKey.export({ format: "jwk" }) as { kty: string; crv: string; x: string };
  const kid = crypto.createHash("sha256").update(`{"crv":"${jwk.crv}","kty":"${jwk.kty}","x":"${jwk.x}"}`).digest("base64url");
  return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid, alg: "EdDSA", use: "sig" };
}

/** The QR code's text: the verification page's URL carrying the payload (p) and signature (s). */
export function buildQrText(baseUrl: string, payload: SignedPayload, signature: string): string {
  return `${verifyUrl(baseUrl, payload.code)}?p=${payloadBytes(payload).toString("base64url")}&s=${signature}`;
}

export function verifyUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify/${code}`;
}

/** Reads p and s from a QR text or URL; null when they are not there or not readable. */
export function parseSignedUrl(text: string): { payload: SignedPayload; bytes: Buffer; signature: string } | null {
  try {
    const url = new URL(text);
    return parseSignedParams(url.searchParams.get("p"), url.searchParams.get("s"));
  } catch {
    return null;
  }
}

export function parseSignedParams(p: string | null | undefined, s: string | null | undefined): { payload: SignedPayload; bytes: Buffer; signature: string } | null {
  if (!p || !s || p.length > 2000 || s.length > 200) return null;
  try {
    const bytes = Buffer.from(p, "base64url");
    const value = JSON.parse(bytes.toString("utf8")) as Record<string, unknown>;
    const fields = ["serial", "code", "kind", "officeCode", "issuedAt", "subjectHash"] as const;
    if (!value || typeof value !== "object" || fields.some((f) => typeof value[f] !== "string")) return null;
    return { payload: value as unknown as SignedPayload, bytes, signature: s };
  } catch {
    return null;
  }
}

import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { maskIdNumber, maskName } from "@/lib/people/mask";
import type { DocumentViewModel } from "@/lib/pdf/types";
import { normaliseVerificationCode } from "./codes";
import { appendCertificateEvent, PUBLIC_ACTOR } from "./events";
import { storedPayload } from "./issue-document";
import { payloadBytes, verifySignature, type SignedPayload } from "./signing";

export type VerificationStatus = "valid" | "revoked" | "superseded";

export interface PublicVerification {
  status: VerificationStatus;
  serial: string;
  kind: string;
  /** ISO 8601 with the +08:00 offset of Asia/Shanghai. */
  issuedAt: string;
  office: { code: string; name: string; nameEn: string };
  /** Masked: 李* and 440305********1236 */
  name: string;
  idNumber: string;
  revokedAt: string | null;
  supersededBy: string | null;
  /**
   * When the QR code's payload and signature came along: whether the signature is good and the
   * payload is the one this document was issued with. null when none was presented.
   */
  signature: "valid" | "invalid" | null;
}

const statusOf: Record<"VALID" | "REVOKED" | "SUPERSEDED", VerificationStatus> = {
  VALID: "valid",
  REVOKED: "revoked",
  SUPERSEDED: "superseded",
};

/** "2026-05-01T10:23:45.123+08:00" */
export function isoShanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3600 * 1000).toISOString().replace("Z", "+08:00");
}

function samePayload(a: SignedPayload, b: SignedPayload): boolean {
  return payloadBytes(a).equals(payloadBytes(b));
}

/**
 * The public check behind a QR code: no login, only masked personal data. An unknown or
 * malformed code is null (404). Every verification is recorded in the office's chain.
 */
export async function verifyCertificate(
  codeInput: string,
  options: { channel: "api" | "page"; signed?: { bytes: Buffer; payload: SignedPayload; signature: string } | null },
): Promise<PublicVerification | null> {
  const code = normaliseVerificationCode(codeInput);
  if (!code) return null;
  const cert = await db.certificate.findUnique({
    where: { verificationCode: code },
    select: {
      id: true, serial: true, kind: true, status: true, issuedAt: true, revokedAt: true, officeId: true, verificationCode: true, content: true,
      office: { select: { code: true, name: true, nameEn: true } },
    },
  });
  if (!cert) return null;
  const subject = (cert.content as unknown as DocumentViewModel).subject;
  let signature: PublicVerification["signature"] = null;
  if (options.signed) {
    const expected = storedPayload(cert, cert.office.code);
    signature =
      expected && samePayload(expected, options.signed.payload) && verifySignature(options.signed.bytes, options.signed.signature)
        ? "valid"
        : "invalid";
  }
  const successor = cert.status === "SUPERSEDED"
    ? await db.certificate.findUnique({ where: { supersedesId: cert.id }, select: { serial: true } })
    : null;
  await transaction((tx) =>
    appendCertificateEvent(tx, cert.officeId, {
      certificateId: cert.id,
      action: "verify",
      actorId: null,
      actorName: PUBLIC_ACTOR,
      data: { channel: options.channel, status: cert.status, ...(signature ? { signature } : {}) },
    }),
  );
  return {
    status: statusOf[cert.status],
    serial: cert.serial,
    kind: cert.kind,
    issuedAt: isoShanghai(cert.issuedAt),
    office: cert.office,
    name: subject ? maskName(subject.name) : "",
    idNumber: subject ? maskIdNumber(subject.idNumber) : "",
    revokedAt: cert.revokedAt ? isoShanghai(cert.revokedAt) : null,
    supersededBy: successor?.serial ?? null,
    signature,
  };
}

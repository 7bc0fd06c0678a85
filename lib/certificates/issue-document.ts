import crypto from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { canonicalJson, sha256Hex } from "@/lib/audit/canonical-json";
import { completeDocument } from "@/lib/pdf/document";
import { shanghaiParts } from "@/lib/pdf/format";
import type { DocumentDraft, DocumentKind, DocumentViewModel, PersonRef } from "@/lib/pdf/types";
import { formatSerial, generateVerificationCode } from "./codes";
import { appendCertificateEvents } from "./events";
import { buildQrText, signPayload, subjectHash, verifyUrl, type SignedPayload } from "./signing";

export interface IssueDocumentArgs {
  kind: DocumentKind;
  office: { id: string; code: string };
  personId: string;
  caseId?: string | null;
  /** Who the document is about: goes into the signed subject hash and the verification page. */
  subject: PersonRef;
  actor: { id: string; name: string };
  /** From one of the lib/pdf builders (buildCertificate, buildContactLetter, …). */
  draft: DocumentDraft;
  /** The public address for the QR code (lib/certificates/public-url.ts). */
  baseUrl: string;
  now?: Date;
  /** A correction: the document this one replaces, which must still be VALID (else null is returned). */
  supersedes?: { id: string; serial: string; reason: string };
}

export interface IssuedDocument {
  id: string;
  serial: string;
  verificationCode: string;
  issuedAt: Date;
  content: DocumentViewModel;
}

/** The next serial of the office's documents this year: one atomic upsert, row-locked to commit. */
export async function nextSerial(tx: Tx, office: { id: string; code: string }, year: number): Promise<string> {
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "Counter" ("officeId", "kind", "year", "value") VALUES (${office.id}::uuid, 'document-serial', ${year}, 1)
    ON CONFLICT ("officeId", "kind", "year") DO UPDATE SET "value" = "Counter"."value" + 1
    RETURNING "value"`;
  return formatSerial(office.code, year, Number(rows[0].value));
}

/**
 * Issues a document inside the caller's transaction: serial from the office's counter, a random
 * verification code, the Ed25519 signature of the payload, the QR text, and the frozen view
 * model with its hash on a Certificate row, plus the "issue" event in the office's chain (and
 * "supersede" on the replaced document). The caller has checked permission and workflow state;
 * the case service calls this for letters, lib/certificates for certificates.
 *
 * Returns null only when `supersedes` is no longer VALID (someone revoked or replaced it first).
 */
export async function issueDocument(tx: Tx, args: IssueDocumentArgs): Promise<IssuedDocument | null> {
  const issuedAt = new Date(Math.floor((args.now ?? new Date()).getTime()));
  const serial = await nextSerial(tx, args.office, shanghaiParts(issuedAt).year);
  const code = generateVerificationCode();
  const payload: SignedPayload = {
    serial,
    code,
    kind: args.kind,
    officeCode: args.office.code,
    issuedAt: issuedAt.toISOString(),
    subjectHash: subjectHash(serial, args.subject.name, args.subject.idNumber),
  };
  const signature = signPayload(payload);
  const content = completeDocument(args.draft, {
    serial,
    issuedAt,
    subject: args.subject,
    trust: { verificationCode: code, verifyUrl: verifyUrl(args.baseUrl, code), qrText: buildQrText(args.baseUrl, payload, signature) },
  });
  const id = crypto.randomUUID();

  if (args.supersedes) {
    const replaced = await tx.certificate.updateMany({
      where: { id: args.supersedes.id, officeId: args.office.id, status: "VALID" },
      data: { status: "SUPERSEDED" },
    });
    if (replaced.count !== 1) return null;
  }
  await tx.certificate.create({
    data: {
      id,
      serial,
      verificationCode: code,
      kind: args.kind,
      officeId: args.office.id,
      personId: args.personId,
      caseId: args.caseId ?? null,
      supersedesId: args.supersedes?.id ?? null,
      content: content as unknown as Prisma.InputJsonValue,
      contentHash: sha256Hex(canonicalJson(content)),
      signature,
      issuedById: args.actor.id,
      issuedAt,
    },
    select: { id: true },
  });
  const actor = { actorId: args.actor.id, actorName: args.actor.name };
  await appendCertificateEvents(
    tx,
    args.office.id,
    [
      ...(args.supersedes
        ? [{ certificateId: args.supersedes.id, action: "supersede" as const, ...actor, reason: args.supersedes.reason, data: { by: serial } }]
        : []),
      { certificateId: id, action: "issue" as const, ...actor, data: { serial, kind: args.kind, ...(args.supersedes ? { supersedes: args.supersedes.serial } : {}) } },
    ],
    issuedAt,
  );
  return { id, serial, verificationCode: code, issuedAt, content };
}

/** The signed payload of a stored document, rebuilt from its row and frozen content. */
export function storedPayload(row: { serial: string; verificationCode: string; kind: string; issuedAt: Date; content: unknown }, officeCode: string): SignedPayload | null {
  const subject = (row.content as DocumentViewModel | null)?.subject;
  if (!subject) return null;
  return {
    serial: row.serial,
    code: row.verificationCode,
    kind: row.kind,
    officeCode,
    issuedAt: row.issuedAt.toISOString(),
    subjectHash: subjectHash(row.serial, subject.name, subject.idNumber),
  };
}

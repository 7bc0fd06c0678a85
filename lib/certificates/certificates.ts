import { z } from "zod";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { can } from "@/lib/auth/permissions";
import { certificateVisibleTo, personVisibleTo } from "@/lib/db/scope";
import { isValidIdNumber } from "@/lib/domain/id-number";
import { isStorableText } from "@/lib/http/api";
import { renderDocument } from "@/lib/pdf/render-document";
import type { DocumentViewModel } from "@/lib/pdf/types";
import { isSerial } from "./codes";
import { appendCertificateEvent } from "./events";
import { gatherCertificate } from "./gather";
import { issueDocument } from "./issue-document";
import { fail, ok, type Actor, type Result } from "./result";

/**
 * The certificate service: issue, print, reprint, revoke, supersede. Every function checks the
 * permission itself (fail closed, whichever adapter calls it), finds the certificate only inside
 * the caller's office (another office's serial is simply not found), and writes its event in the
 * same transaction as the change it records.
 */
export interface IssuedRef {
  serial: string;
  verificationCode: string;
  /** Where the PDF is: GET it with the same credentials. */
  url: string;
}

export function pdfPath(serial: string): string {
  return `/api/v1/certificates/${serial}/pdf`;
}

export const reasonSchema = z.string({ message: "validation.required" }).trim().min(1, { message: "certificates.errors.reasonRequired" }).max(500, { message: "validation.tooLong" }).refine(isStorableText, { message: "validation.invalid" });


export async function issueCertificate(
  actor: Actor,
  who: { idNumber: string } | { personId: string },
  options: { baseUrl: string; now?: Date },
): Promise<Result<IssuedRef>> {
  if (!can(actor, "certificate:issue")) return fail("forbidden", "errors.forbidden");
  let where;
  if ("idNumber" in who) {
    const idNumber = who.idNumber.trim().toUpperCase();
    if (!isValidIdNumber(idNumber)) return fail("bad_request", "errors.badRequest", [{ path: "idNumber", messageKey: "validation.idNumber" }]);
    where = { idNumber };
  } else {
    if (!/^[0-9a-f-]{36}$/i.test(who.personId)) return fail("not_found", "errors.notFound");
    where = { id: who.personId };
  }
  const person = await db.insuredPerson.findFirst({ where: { AND: [personVisibleTo(actor), where] }, select: { id: true } });
  if (!person) return fail("not_found", "errors.notFound");
  const now = options.now ?? new Date();
  const issued = await transaction(async (tx) => {
    const gathered = await gatherCertificate(tx, { officeId: actor.officeId, personId: person.id, issuerName: actor.name, asOf: now });
    if (!gathered) return null;
    return issueDocument(tx, {
      kind: "CERTIFICATE",
      office: gathered.office,
      personId: person.id,
      subject: gathered.subject,
      actor,
      draft: gathered.draft,
      baseUrl: options.baseUrl,
      now,
    });
  });
  if (!issued) return fail("unprocessable", "certificates.errors.noRecords");
  return ok({ serial: issued.serial, verificationCode: issued.verificationCode, url: `${options.baseUrl}${pdfPath(issued.serial)}` });
}

async function findInOffice(actor: Actor, serial: string) {
  if (!isSerial(serial)) return null;
  return db.certificate.findFirst({
    where: { AND: [certificateVisibleTo(actor), { serial }] },
    select: { id: true, serial: true, kind: true, status: true, personId: true, content: true, officeId: true },
  });
}

/** The PDF of a stored document: its frozen view model rendered again, identical every time. */
export async function printCertificate(actor: Actor, serial: string): Promise<Result<{ pdf: Buffer; serial: string }>> {
  if (!can(actor, "certificate:read")) return fail("forbidden", "errors.forbidden");
  const cert = await findInOffice(actor, serial);
  if (!cert) return fail("not_found", "errors.notFound");
  const pdf = await renderDocument(cert.content as unknown as DocumentViewModel);
  await transaction(
    (tx) => appendCertificateEvent(tx, cert.officeId, { certificateId: cert.id, action: "print", actorId: actor.id, actorName: actor.name, data: { status: cert.status } }),
  );
  return ok({ pdf, serial: cert.serial });
}

/** Another paper copy for the person (lost, damaged …): needs a reason, and a valid document. */
export async function reprintCertificate(actor: Actor, serial: string, reasonInput: unknown): Promise<Result<{ pdf: Buffer; serial: string }>> {
  if (!can(actor, "certificate:issue")) return fail("forbidden", "errors.forbidden");
  const reason = reasonSchema.safeParse(reasonInput);
  const cert = await findInOffice(actor, serial);
  if (!cert) return fail("not_found", "errors.notFound");
  if (!reason.success) return fail("bad_request", "errors.badRequest", [{ path: "reason", messageKey: reason.error.issues[0]?.message ?? "validation.required" }]);
  if (cert.status !== "VALID") return fail("conflict", "certificates.errors.notValid");
  const pdf = await renderDocument(cert.content as unknown as DocumentViewModel);
  await transaction(
    (tx) => appendCertificateEvent(tx, cert.officeId, { certificateId: cert.id, action: "reprint", actorId: actor.id, actorName: actor.name, reason: reason.data }),
  );
  return ok({ pdf, serial: cert.serial });
}

export async function revokeCertificate(actor: Actor, serial: string, reasonInput: unknown): Promise<Result<{ serial: string; status: "REVOKED" }>> {
  const cert = await findInOffice(actor, serial);
  // Existence in another office never leaks: not found comes before forbidden.
  if (!cert) return fail("not_found", "errors.notFound");
  if (!can(actor, "certificate:revoke")) return fail("forbidden", "errors.forbidden");
  const reason = reasonSchema.safeParse(reasonInput);
  if (!reason.success) return fail("bad_request", "errors.badRequest", [{ path: "reason", messageKey: reason.error.issues[0]?.message ?? "validation.required" }]);
  const now = new Date();
  const done = await transaction(async (tx) => {
    const changed = await tx.certificate.updateMany({
      where: { id: cert.id, status: "VALID" },
      data: { status: "REVOKED", revokedAt: now, revokedById: actor.id, revokeReason: reason.data },
    });
    if (changed.count !== 1) return false;
    await appendCertificateEvent(tx, cert.officeId, { certificateId: cert.id, action: "revoke", actorId: actor.id, actorName: actor.name, reason: reason.data }, now);
    return true;
  });
  if (!done) return fail("conflict", "certificates.errors.notValid");
  return ok({ serial: cert.serial, status: "REVOKED" });
}

/**
 * A correction: a new certificate from the person's current records, pointing to the old one,
 * which becomes SUPERSEDED. Letters of a case are superseded from their case instead.
 */
export async function supersedeCertificate(
  actor: Actor,
  serial: string,
  reasonInput: unknown,
  options: { baseUrl: string; now?: Date },
): Promise<Result<IssuedRef & { supersedes: string }>> {
  const cert = await findInOffice(actor, serial);
  if (!cert) return fail("not_found", "errors.notFound");
  if (!can(actor, "certificate:revoke")) return fail("forbidden", "errors.forbidden");
  const reason = reasonSchema.safeParse(reasonInput);
  if (!reason.success) return fail("bad_request", "errors.badRequest", [{ path: "reason", messageKey: reason.error.issues[0]?.message ?? "validation.required" }]);
  if (cert.kind !== "CERTIFICATE" || !cert.personId) return fail("unprocessable", "certificates.errors.supersedeFromCase");
  if (cert.status !== "VALID") return fail("conflict", "certificates.errors.notValid");
  const personId = cert.personId;
  const now = options.now ?? new Date();
  const outcome = await transaction(async (tx) => {
    const gathered = await gatherCertificate(tx, { officeId: cert.officeId, personId, issuerName: actor.name, asOf: now });
    if (!gathered) return "no-records" as const;
    const issued = await issueDocument(tx, {
      kind: "CERTIFICATE",
      office: gathered.office,
      personId,
      subject: gathered.subject,
      actor,
      draft: gathered.draft,
      baseUrl: options.baseUrl,
      now,
      supersedes: { id: cert.id, serial: cert.serial, reason: reason.data },
    });
    // Lost the race: roll the new serial back with the transaction.
    if (!issued) throw new SupersedeConflict();
    return issued;
  }).catch((error: unknown) => {
    if (error instanceof SupersedeConflict) return "conflict" as const;
    throw error;
  });
  if (outcome === "no-records") return fail("unprocessable", "certificates.errors.noRecords");
  if (outcome === "conflict") return fail("conflict", "certificates.errors.notValid");
  return ok({ serial: outcome.serial, verificationCode: outcome.verificationCode, url: `${options.baseUrl}${pdfPath(outcome.serial)}`, supersedes: cert.serial });
}

class SupersedeConflict extends Error {}

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
import { asResult, fail, type Actor, type Result } from "@/lib/service";

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

export function issueCertificate(
  actor: Actor,
  who: { idNumber: string } | { personId: string },
  options: { baseUrl: string; now?: Date },
): Promise<Result<IssuedRef>> {
  return asResult(async () => {
    if (!can(actor, "certificate:issue")) fail("forbidden", "errors.forbidden");
    let where;
    if ("idNumber" in who) {
      const idNumber = who.idNumber.trim().toUpperCase();
      if (!isValidIdNumber(idNumber)) fail("bad_request", "errors.badRequest", {}, [{ path: "idNumber", key: "validation.idNumber" }]);
      where = { idNumber };
    } else {
      if (!/^[0-9a-f-]{36}$/i.test(who.personId)) fail("not_found", "errors.notFound");
      where = { id: who.personId };
    }
    const person = await db.insuredPerson.findFirst({ where: { AND: [personVisibleTo(actor), where] }, select: { id: true } });
    if (!person) fail("not_found", "errors.notFound");
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
    if (!issued) fail("unprocessable", "certificates.errors.noRecords");
    return { serial: issued.serial, verificationCode: issued.verificationCode, url: `${options.baseUrl}${pdfPath(issued.serial)}` };
  });
}

async function findInOffice(actor: Actor, serial: string) {
  if (!isSerial(serial)) return null;
  return db.certificate.findFirst({
    where: { AND: [certificateVisibleTo(actor), { serial }] },
    select: { id: true, serial: true, kind: true, status: true, personId: true, content: true, officeId: true },
  });
}

/** The PDF of a stored document: its frozen view model rendered again, identical every time. */
export function printCertificate(actor: Actor, serial: string): Promise<Result<{ pdf: Buffer; serial: string }>> {
  return asResult(async () => {
    if (!can(actor, "certificate:read")) fail("forbidden", "errors.forbidden");
    const cert = await findInOffice(actor, serial);
    if (!cert) fail("not_found", "errors.notFound");
    const pdf = await renderDocument(cert.content as unknown as DocumentViewModel);
    await transaction(
      (tx) => appendCertificateEvent(tx, cert.officeId, { certificateId: cert.id, action: "print", actorId: actor.id, actorName: actor.name, data: { status: cert.status } }),
    );
    return { pdf, serial: cert.serial };
  });
}

/** A reason as the services take it: a 400 with the field's message key otherwise. */
function parseReason(reasonInput: unknown): string {
  const reason = reasonSchema.safeParse(reasonInput);
  if (!reason.success) fail("bad_request", "errors.badRequest", {}, [{ path: "reason", key: reason.error.issues[0]?.message ?? "validation.required" }]);
  return reason.data;
}

/** Another paper copy for the person (lost, damaged …): needs a reason, and a valid document. */
export function reprintCertificate(actor: Actor, serial: string, reasonInput: unknown): Promise<Result<{ pdf: Buffer; serial: string }>> {
  return asResult(async () => {
    if (!can(actor, "certificate:issue")) fail("forbidden", "errors.forbidden");
    const cert = await findInOffice(actor, serial);
    if (!cert) fail("not_found", "errors.notFound");
    const reason = parseReason(reasonInput);
    if (cert.status !== "VALID") fail("conflict", "certificates.errors.notValid");
    const pdf = await renderDocument(cert.content as unknown as DocumentViewModel);
    await transaction(
      (tx) => appendCertificateEvent(tx, cert.officeId, { certificateId: cert.id, action: "reprint", actorId: actor.id, actorName: actor.name, reason }),
    );
    return { pdf, serial: cert.serial };
  });
}

export function revokeCertificate(actor: Actor, serial: string, reasonInput: unknown): Promise<Result<{ serial: string; status: "REVOKED" }>> {
  return asResult(async () => {
    const cert = await findInOffice(actor, serial);
    // Existence in another office never leaks: not found comes before forbidden.
    if (!cert) fail("not_found", "errors.notFound");
    if (!can(actor, "certificate:revoke")) fail("forbidden", "errors.forbidden");
    const reason = parseReason(reasonInput);
    const now = new Date();
    await transaction(async (tx) => {
      const changed = await tx.certificate.updateMany({
        where: { id: cert.id, status: "VALID" },
        data: { status: "REVOKED", revokedAt: now, revokedById: actor.id, revokeReason: reason },
      });
      if (changed.count !== 1) fail("conflict", "certificates.errors.notValid");
      await appendCertificateEvent(tx, cert.officeId, { certificateId: cert.id, action: "revoke", actorId: actor.id, actorName: actor.name, reason }, now);
    });
    return { serial: cert.serial, status: "REVOKED" as const };
  });
}

/**
 * A correction: a new certificate from the person's current records, pointing to the old one,
 * which becomes SUPERSEDED. Letters of a case are superseded from their case instead.
 */
export function supersedeCertificate(
  actor: Actor,
  serial: string,
  reasonInput: unknown,
  options: { baseUrl: string; now?: Date },
): Promise<Result<IssuedRef & { supersedes: string }>> {
  return asResult(async () => {
    const cert = await findInOffice(actor, serial);
    if (!cert) fail("not_found", "errors.notFound");
    if (!can(actor, "certificate:revoke")) fail("forbidden", "errors.forbidden");
    const reason = parseReason(reasonInput);
    const personId = cert.personId;
    if (cert.kind !== "CERTIFICATE" || !personId) fail("unprocessable", "certificates.errors.supersedeFromCase");
    if (cert.status !== "VALID") fail("conflict", "certificates.errors.notValid");
    const now = options.now ?? new Date();
    const issued = await transaction(async (tx) => {
      const gathered = await gatherCertificate(tx, { officeId: cert.officeId, personId, issuerName: actor.name, asOf: now });
      if (!gathered) fail("unprocessable", "certificates.errors.noRecords");
      const document = await issueDocument(tx, {
        kind: "CERTIFICATE",
        office: gathered.office,
        personId,
        subject: gathered.subject,
        actor,
        draft: gathered.draft,
        baseUrl: options.baseUrl,
        now,
        supersedes: { id: cert.id, serial: cert.serial, reason },
      });
      // Lost the race: the thrown Failure rolls the new serial back with the transaction.
      if (!document) fail("conflict", "certificates.errors.notValid");
      return document;
    });
    return { serial: issued.serial, verificationCode: issued.verificationCode, url: `${options.baseUrl}${pdfPath(issued.serial)}`, supersedes: cert.serial };
  });
}

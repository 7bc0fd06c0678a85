/**
 * Row counts (and version sums) of everything a refused call must not write: the permission
 * matrices and the fuzzers take one before a call and compare after it. One list, so that a table
 * added to the application is watched by all of them at once.
 */
import { db } from "@/lib/db/client";

export async function writeCounts() {
  const sum = (a: { _sum: { version: number | null } }) => a._sum.version;
  const [
    cases, caseEvents, payments, certificates, certificateEvents, documents, batches, samples, reviews, findings,
    officeChanges, officeVersions, settings, referenceChanges, holidays, rates, rateVersions,
  ] = await Promise.all([
    db.case.count(), db.caseEvent.count(), db.payment.count(), db.certificate.count(), db.certificateEvent.count(),
    db.caseDocument.count({ where: { receivedAt: { not: null } } }), db.batchJob.count(),
    db.auditSample.count(), db.auditSampleItem.count({ where: { reviewedAt: { not: null } } }), db.auditFinding.count(),
    db.officeChange.count(), db.office.aggregate({ _sum: { version: true } }).then(sum), db.setting.count(),
    db.referenceChange.count(), db.holiday.count(), db.creditingRate.count(), db.creditingRate.aggregate({ _sum: { version: true } }).then(sum),
  ]);
  return {
    cases, caseEvents, payments, certificates, certificateEvents, documents, batches, samples, reviews, findings,
    officeChanges, officeVersions, settings, referenceChanges, holidays, rates, rateVersions,
  };
}

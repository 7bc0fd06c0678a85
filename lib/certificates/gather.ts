import type { Tx } from "@/lib/db/client";
import { buildCertificate } from "@/lib/pdf/certificate/view-model";
import type { DocumentDraft, PersonRef } from "@/lib/pdf/types";

export interface CertificateGathered {
  office: { id: string; code: string };
  subject: PersonRef;
  draft: DocumentDraft;
}

/**
 * Gather (STYLE.md §6): loads what a certificate prints — the person, the office's own active
 * records of that person, the crediting rates (the office's province's row wins over the
 * national one, for the pre-2016 provincial rates) — and hands plain data to the pure builder.
 * null when the office holds no active record of the person: there is nothing to certify.
 */
export async function gatherCertificate(
  tx: Tx,
  args: { officeId: string; personId: string; issuerName: string; asOf: Date },
): Promise<CertificateGathered | null> {
  const [office, person, records] = await Promise.all([
    tx.office.findUniqueOrThrow({
      where: { id: args.officeId },
      select: { id: true, code: true, name: true, nameEn: true, province: true, address: true, postcode: true, phone: true },
    }),
    tx.insuredPerson.findUniqueOrThrow({
      where: { id: args.personId },
      select: { name: true, idNumber: true, hukouProvince: true, phone: true, address: true, accountType: true },
    }),
    tx.contributionRecord.findMany({
      where: { personId: args.personId, officeId: args.officeId, status: "ACTIVE" },
      orderBy: [{ fromMonth: "asc" }, { id: "asc" }],
      select: { fromMonth: true, toMonth: true, monthlyBase: true, accountRate: true },
    }),
  ]);
  if (!records.length) return null;
  const rateRows = await tx.creditingRate.findMany({
    where: { scope: { in: ["national", office.province] } },
    select: { year: true, scope: true, rate: true },
  });
  const rates: Record<number, string> = {};
  for (const r of rateRows.sort((a, b) => (a.scope === "national" ? -1 : 1) - (b.scope === "national" ? -1 : 1)))
    rates[r.year] = r.rate.toString();
  const draft = buildCertificate({
    person: { ...person, accountType: person.accountType },
    office,
    records: records.map((r) => ({ from: r.fromMonth, to: r.toMonth, monthlyBase: r.monthlyBase.toString(), accountRate: r.accountRate.toString() })),
    rates,
    asOf: args.asOf,
    issuerName: args.issuerName,
  });
  return { office: { id: office.id, code: office.code }, subject: { name: person.name, idNumber: person.idNumber }, draft };
}

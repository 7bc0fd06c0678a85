import { db } from "@/lib/db/client";
import type { OfficeScoped } from "@/lib/db/scope";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { intakeView, parseCaseData } from "@/lib/cases/case-data";
import { checklistLabel } from "@/lib/cases/checklists";
import { isoShanghai } from "@/lib/cases/clock";
import { maskIdNumber } from "@/lib/people/mask";
import { findSampleItem } from "./review";

/**
 * One sampled case as its reviewer sees it. Blind until the item is reviewed: the inputs of the
 * decision — the application (intake), the person, the contribution records, the checklist —
 * but not the status, the amount, the calculation, the payment or the history. Once the review
 * is recorded, `original` carries those, to be shown beside the review.
 *
 * (The records a completed transfer-in created, and record statuses, would tell the outcome:
 * they are left out of the blind view.)
 */
export async function getSampleItem(user: OfficeScoped, itemId: string) {
  const item = await findSampleItem(user.officeId, itemId);
  if (!item) return null;
  const c = await db.case.findUniqueOrThrow({
    where: { id: item.caseId },
    select: {
      id: true, caseNumber: true, type: true, intake: true, calculation: true, createdAt: true, supersedesId: true,
      person: { select: { id: true, name: true, idNumber: true, sex: true, birthDate: true, hukouProvince: true } },
      documents: { select: { kind: true, required: true, receivedAt: true }, orderBy: [{ required: "desc" }, { kind: "asc" }] },
    },
  });
  const records = await db.contributionRecord.findMany({
    where: { personId: c.person.id, OR: [{ sourceCaseId: null }, { sourceCaseId: { not: c.id } }] },
    orderBy: [{ fromMonth: "asc" }, { id: "asc" }],
    select: {
      id: true, payerType: true, fromMonth: true, toMonth: true, monthlyBase: true, totalRate: true, accountRate: true,
      office: { select: { code: true } },
    },
  });
  const data = parseCaseData(c);
  const intake = intakeView(data);
  const userIds = [item.reviewerId, ...item.findings.map((f) => f.createdById)].filter((x): x is string => !!x);
  const names = new Map((await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const reviewed = item.reviewedAt !== null;
  const blind = {
    id: c.id,
    caseNumber: c.caseNumber,
    type: data.type,
    createdAt: isoShanghai(c.createdAt),
    intake: { ...intake, ...(intake.payees ? { payees: intake.payees.map((p) => ({ ...p, idNumber: maskIdNumber(p.idNumber) })) } : {}) },
    person: {
      id: c.person.id, name: c.person.name, idNumber: maskIdNumber(c.person.idNumber), sex: c.person.sex,
      birthDate: c.person.birthDate.toISOString().slice(0, 10), hukouProvince: c.person.hukouProvince,
    },
    records: records.map((r) => ({
      period: `${r.fromMonth} – ${r.toMonth}`, payerType: r.payerType, monthlyBase: r.monthlyBase.toFixed(2),
      totalRate: r.totalRate.toFixed(4), accountRate: r.accountRate.toFixed(4), office: r.office.code,
    })),
    checklist: c.documents.map((d) => ({ kind: d.kind, label: checklistLabel(d.kind), required: d.required, received: d.receivedAt !== null })),
  };
  return {
    id: item.id,
    sampleId: item.sampleId,
    reviewer: item.reviewerId ? { id: item.reviewerId, name: names.get(item.reviewerId) ?? "" } : null,
    reviewed,
    case: blind,
    review: reviewed
      ? {
          decision: item.reviewDecision!, amount: item.reviewAmount?.toFixed(2) ?? null, note: item.reviewNote ?? "",
          at: isoShanghai(item.reviewedAt!), agrees: item.agrees === true,
        }
      : null,
    original: reviewed ? await originalDecision(user, c.id) : null,
    findings: item.findings.map((f) => ({
      id: f.id, severity: f.severity, text: f.text, correctionCaseId: f.correctionCaseId,
      by: names.get(f.createdById) ?? "", at: isoShanghai(f.createdAt),
    })),
  };
}
export type SampleItemView = NonNullable<Awaited<ReturnType<typeof getSampleItem>>>;

async function originalDecision(user: OfficeScoped, caseId: string) {
  const d = await getCaseDetail(user, caseId);
  if (!d) return null;
  const ids = [d.involved.recommendedById, d.involved.approvedById].filter((x): x is string => !!x);
  const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    status: d.status,
    amount: d.amount,
    rejectReason: d.rejectReason,
    recommendedBy: d.involved.recommendedById ? names.get(d.involved.recommendedById) ?? "" : null,
    approvedBy: d.involved.approvedById ? names.get(d.involved.approvedById) ?? "" : null,
    calculation: d.calculation,
    explanation: d.explanation,
    payment: d.payment,
    events: d.events,
  };
}

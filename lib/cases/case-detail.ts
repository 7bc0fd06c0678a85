import { db } from "@/lib/db/client";
import { caseVisibleTo, type OfficeScoped } from "@/lib/db/scope";
import { dueStatus } from "@/lib/domain/calendar";
import { finalStatuses, isAboutSelf, type CaseStatus } from "@/lib/workflow";
import { maskIdNumber } from "@/lib/people/mask";
import { intakeView, parseCaseData, receiptView } from "./case-data";
import { checklistLabel } from "./checklists";
import { slugOf } from "./case-letters";
import { subjectOf } from "./facts";
import { cachedOfficeCalendar, isoShanghai, shanghaiDate } from "./clock";
import { isUuid } from "@/lib/db/ids";

/**
 * Everything the case page and `GET /api/v1/cases/{id}` show (docs/api.md "Cases"). The person's ID
 * number is masked unless the caller asks for it in full (a permission the caller checks and
 * logs, lib/people/queries.ts revealIdNumber); `aboutViewer` says whether the case concerns the
 * viewer (nobody acts on their own case).
 */
export async function getCaseDetail(
  user: OfficeScoped & { idNumber?: string | null },
  id: string,
  options: { now?: Date; fullIdNumber?: boolean } = {},
) {
  const now = options.now ?? new Date();
  if (!isUuid(id)) return null;
  const c = await db.case.findFirst({
    where: { AND: [caseVisibleTo(user), { id }] },
    select: {
      id: true, caseNumber: true, type: true, status: true, version: true, intake: true, calculation: true, amount: true,
      dueDate: true, slaLeg: true, clockPausedAt: true, slaRemainingDays: true, rejectReason: true, createdAt: true, updatedAt: true,
      createdById: true, submittedById: true, recommendedById: true, approvedById: true, assigneeId: true, linkedCaseId: true,
      office: { select: { code: true, name: true, nameEn: true, approvalLimit: true } },
      person: { select: { id: true, name: true, idNumber: true, sex: true, birthDate: true, hukouProvince: true, relationshipStatus: true } },
      documents: { select: { kind: true, required: true, receivedAt: true, note: true }, orderBy: [{ required: "desc" }, { kind: "asc" }] },
      events: {
        orderBy: { seq: "asc" },
        select: { id: true, seq: true, at: true, actorId: true, actorName: true, action: true, fromStatus: true, toStatus: true, reason: true, data: true },
      },
      payment: { select: { kind: true, amount: true, reference: true, at: true } },
    },
  });
  if (!c) return null;
  const [assignee, linked, calendar, letters] = await Promise.all([
    c.assigneeId ? db.user.findUnique({ where: { id: c.assigneeId }, select: { id: true, name: true } }) : null,
    db.case.findMany({
      where: { OR: [{ id: c.linkedCaseId ?? undefined }, { linkedCaseId: c.id }] },
      select: { id: true, caseNumber: true, type: true, status: true, amount: true, office: { select: { code: true, name: true, nameEn: true } } },
    }),
    cachedOfficeCalendar(user.officeId),
    db.certificate.findMany({
      where: { caseId: c.id, officeId: user.officeId },
      orderBy: { issuedAt: "asc" },
      select: { kind: true, serial: true, status: true, issuedAt: true },
    }),
  ]);
  const due = c.dueDate ? c.dueDate.toISOString().slice(0, 10) : null;
  const data = parseCaseData(c);
  const receipt = data.calculation;
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    type: data.type,
    status: c.status as CaseStatus,
    version: c.version,
    office: { code: c.office.code, name: c.office.name, nameEn: c.office.nameEn, approvalLimit: c.office.approvalLimit.toFixed(2) },
    person: {
      id: c.person.id, name: c.person.name, idNumber: options.fullIdNumber ? c.person.idNumber : maskIdNumber(c.person.idNumber), sex: c.person.sex,
      birthDate: c.person.birthDate.toISOString().slice(0, 10), hukouProvince: c.person.hukouProvince, relationshipStatus: c.person.relationshipStatus,
    },
    intake: intakeView(data),
    aboutViewer: isAboutSelf({ idNumber: user.idNumber }, subjectOf(c.person.idNumber, data.intake)),
    assignee: assignee ?? null,
    involved: { createdById: c.createdById, submittedById: c.submittedById, recommendedById: c.recommendedById, approvedById: c.approvedById },
    dueDate: due,
    dueStatus: due && !finalStatuses.has(c.status as CaseStatus) ? dueStatus(due, shanghaiDate(now), calendar) : null,
    clockPaused: c.clockPausedAt !== null,
    slaLeg: c.slaLeg,
    amount: c.amount ? c.amount.toFixed(2) : null,
    rejectReason: c.rejectReason,
    checklist: c.documents.map((d) => ({
      kind: d.kind, label: checklistLabel(d.kind), required: d.required, received: d.receivedAt !== null,
      receivedAt: d.receivedAt ? isoShanghai(d.receivedAt) : null, note: d.note,
    })),
    calculation: receipt ? receiptView(receipt) : null,
    explanation: receipt?.explanation ?? null,
    linkedCases: linked.filter((l) => l.id !== c.id).map((l) => ({
      id: l.id, caseNumber: l.caseNumber, type: l.type, status: l.status, amount: l.amount ? l.amount.toFixed(2) : null,
      office: l.office.code, officeName: l.office.name, officeNameEn: l.office.nameEn,
    })),
    letters: letters.map((l) => ({ kind: l.kind, slug: slugOf(l.kind) ?? null, serial: l.serial, status: l.status, issuedAt: isoShanghai(l.issuedAt) })),
    payment: c.payment ? { kind: c.payment.kind, amount: c.payment.amount.toFixed(2), reference: c.payment.reference, at: isoShanghai(c.payment.at) } : null,
    events: c.events.map((e) => ({
      seq: e.seq, at: isoShanghai(e.at), actor: e.actorName, actorId: e.actorId, action: e.action,
      from: e.fromStatus, to: e.toStatus, ...(e.reason ? { reason: e.reason } : {}), data: e.data,
    })),
    createdAt: isoShanghai(c.createdAt),
    updatedAt: isoShanghai(c.updatedAt),
  };
}
export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCaseDetail>>>;

import { db } from "@/lib/db/client";
import type { OfficeScoped } from "@/lib/db/scope";
import { isoShanghai } from "@/lib/cases/clock";
import type { CaseType } from "@/lib/workflow";
import { isUuid } from "@/lib/db/ids";

/** Staff of the office by role, for the assignee, caseworker and reviewer pickers. */
export function listStaff(user: OfficeScoped, roles: Array<"caseworker" | "supervisor" | "auditor">) {
  return db.user.findMany({
    where: { officeId: user.officeId, active: true, role: { in: roles } },
    select: { id: true, name: true, role: true },
    orderBy: [{ role: "asc" }, { name: "asc" }, { id: "asc" }],
  });
}

async function namesOf(ids: Array<string | null | undefined>) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** The office's samples, newest first, with their progress. */
export async function listSamples(user: OfficeScoped, take = 50) {
  const samples = await db.auditSample.findMany({
    where: { officeId: user.officeId },
    orderBy: [{ drawnAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, criteria: true, population: true, drawnById: true, drawnAt: true, note: true, _count: { select: { items: true } } },
  });
  const reviewed = await db.auditSampleItem.groupBy({
    by: ["sampleId"],
    where: { sampleId: { in: samples.map((s) => s.id) }, reviewedAt: { not: null } },
    _count: { _all: true },
  });
  const reviewedOf = new Map(reviewed.map((r) => [r.sampleId, r._count._all]));
  const names = await namesOf(samples.map((s) => s.drawnById));
  return samples.map((s) => ({
    id: s.id,
    criteria: s.criteria as Record<string, unknown>,
    population: s.population,
    size: s._count.items,
    reviewed: reviewedOf.get(s.id) ?? 0,
    drawnBy: names.get(s.drawnById) ?? "",
    drawnAt: isoShanghai(s.drawnAt),
    note: s.note,
  }));
}

/**
 * A sample with its items. An item shows its case number and type, its reviewer and — once
 * reviewed — the review's agreement; never the case's status or amount before that (blind).
 */
export async function getSample(user: OfficeScoped, id: string) {
  if (!isUuid(id)) return null;
  const s = await db.auditSample.findFirst({
    where: { id, officeId: user.officeId },
    select: {
      id: true, criteria: true, population: true, drawnById: true, drawnAt: true, note: true,
      items: {
        orderBy: { case: { caseNumber: "asc" } },
        select: {
          id: true, reviewerId: true, reviewedAt: true, reviewDecision: true, agrees: true,
          case: { select: { id: true, caseNumber: true, type: true } },
          _count: { select: { findings: true } },
        },
      },
    },
  });
  if (!s) return null;
  const names = await namesOf([s.drawnById, ...s.items.map((i) => i.reviewerId)]);
  return {
    id: s.id,
    criteria: s.criteria as Record<string, unknown>,
    population: s.population,
    drawnBy: names.get(s.drawnById) ?? "",
    drawnAt: isoShanghai(s.drawnAt),
    note: s.note,
    items: s.items.map((i) => ({
      id: i.id,
      caseId: i.case.id,
      caseNumber: i.case.caseNumber,
      type: i.case.type as CaseType,
      reviewer: i.reviewerId ? names.get(i.reviewerId) ?? "" : null,
      reviewed: i.reviewedAt !== null,
      decision: i.reviewDecision,
      agrees: i.agrees,
      findings: i._count.findings,
    })),
  };
}
export type SampleView = NonNullable<Awaited<ReturnType<typeof getSample>>>;

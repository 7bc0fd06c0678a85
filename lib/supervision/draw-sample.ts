import { randomInt } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import { type Actor, asResult, fail, type Result } from "@/lib/service";
import { runInTransaction } from "@/lib/cases/transition-case";
import { zodFailure } from "@/lib/cases/validation";
import type { CaseStatus } from "@/lib/workflow";
import { appendSupervisionEvents } from "./events";
import { drawSampleSchema, type DrawSampleInput } from "./schemas";

/** Decided cases: the ones a sample is drawn from (withdrawn ones decided nothing). */
export const decidedStatuses = ["COMPLETED", "REJECTED"] as const;

/** Above this many matching cases the criteria must be narrowed (a sample is a bounded job). */
export const MAX_POPULATION = 50_000;

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const dayAfter = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

/**
 * The decided cases of the office matching the criteria. "Decided in the period" is the
 * completion for a completed case and the decision for a rejected one, on Beijing days.
 */
export function populationWhere(officeId: string, c: DrawSampleInput): Prisma.CaseWhereInput {
  const and: Prisma.CaseWhereInput[] = [{ officeId }, { status: { in: [...decidedStatuses] } }];
  if (c.type) and.push({ type: c.type });
  if (c.minAmount !== undefined) and.push({ amount: { gte: new Prisma.Decimal(c.minAmount) } });
  // Who decided: the recommender and the approver on the row; a rejection only in the history.
  if (c.caseworkerId)
    and.push({
      OR: [
        { approvedById: c.caseworkerId },
        { recommendedById: c.caseworkerId },
        { events: { some: { actorId: c.caseworkerId, action: { in: ["recommend", "approve", "reject"] } } } },
      ],
    });
  if (c.from || c.to) {
    const range = { ...(c.from ? { gte: dayStart(c.from) } : {}), ...(c.to ? { lt: dayAfter(c.to) } : {}) };
    and.push({ OR: [{ status: "COMPLETED", completedAt: range }, { status: "REJECTED", decidedAt: range }] });
  }
  return { AND: and };
}

/** ceil(population × percentage / 100), at least one when anything matches. */
export function sampleSize(population: number, percentage: number): number {
  if (population === 0) return 0;
  // Percentages like 10 or 12.5 are exact in hundredths: avoid 0.1 + 0.2 style drift.
  const hundredths = Math.round(percentage * 100);
  return Math.min(population, Math.max(1, Math.ceil((population * hundredths) / 10_000)));
}

/** k distinct elements chosen uniformly (partial Fisher–Yates with a CSPRNG). */
export function pickRandom<T>(items: readonly T[], k: number, random: (n: number) => number = randomInt): T[] {
  const pool = [...items];
  const n = Math.min(k, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + random(pool.length - i);
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

async function assertStaff(tx: Tx, officeId: string, id: string, roles: Array<"caseworker" | "supervisor" | "auditor">, field: string) {
  const user = await tx.user.findFirst({ where: { id, officeId, role: { in: roles } }, select: { id: true } });
  if (!user) fail("bad_request", "errors.badRequest", {}, [{ path: field, key: "supervision.errors.notStaff" }]);
}

/**
 * Draws an audit sample: counts the office's decided cases matching the criteria, picks the
 * percentage at random, stores the sample with one item per case, and marks each case's
 * history with a `sample` event — one transaction, nothing else on the cases changes.
 */
export async function drawSample(
  actor: Actor,
  input: unknown,
  now = new Date(),
): Promise<Result<{ id: string; population: number; size: number }>> {
  const parsed = drawSampleSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: zodFailure(parsed.error) };
  const criteria = parsed.data;
  return asResult(() =>
    runInTransaction(async (tx) => {
      if (!can(actor, "audit:sample")) fail("forbidden", "errors.forbidden");
      if (criteria.caseworkerId) await assertStaff(tx, actor.officeId, criteria.caseworkerId, ["caseworker", "supervisor"], "caseworkerId");
      if (criteria.reviewerId) await assertStaff(tx, actor.officeId, criteria.reviewerId, ["supervisor", "auditor"], "reviewerId");
      const where = populationWhere(actor.officeId, criteria);
      const candidates = await tx.case.findMany({ where, select: { id: true, status: true }, orderBy: { id: "asc" }, take: MAX_POPULATION + 1 });
      if (candidates.length === 0) fail("unprocessable", "supervision.errors.emptyPopulation");
      if (candidates.length > MAX_POPULATION) fail("unprocessable", "supervision.errors.populationTooLarge", { max: MAX_POPULATION });
      const chosen = pickRandom(candidates, sampleSize(candidates.length, criteria.percentage));
      const { note, ...stored } = criteria;
      const sample = await tx.auditSample.create({
        data: {
          officeId: actor.officeId, criteria: stored as Prisma.InputJsonValue, population: candidates.length,
          drawnById: actor.id, drawnAt: now, note: note ?? "",
        },
        select: { id: true },
      });
      await tx.auditSampleItem.createMany({
        data: chosen.map((c) => ({ sampleId: sample.id, officeId: actor.officeId, caseId: c.id, reviewerId: criteria.reviewerId ?? null })),
      });
      await appendSupervisionEvents(tx, {
        officeId: actor.officeId, actor: { id: actor.id, name: actor.name }, at: now,
        events: chosen.map((c) => ({ caseId: c.id, status: c.status as CaseStatus, action: "sample" as const, data: { sampleId: sample.id } })),
      });
      return { id: sample.id, population: candidates.length, size: chosen.length };
    }),
  );
}

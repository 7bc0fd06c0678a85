/**
 * Reading cases for a user: the list with filters and keyset pagination, the inbox's queues and
 * the case detail. Always scoped to the user's office (lib/db/scope.ts). Keyset on
 * (createdAt desc, id desc) rides the indexes of prisma/schema.prisma, so page 1 000 of a million
 * cases costs what page 1 costs.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { caseVisibleTo, likePrefix, type OfficeScoped } from "@/lib/db/scope";
import { addWorkingDays, dueStatus, type WorkingCalendar } from "@/lib/domain/calendar";
import { isValidIdNumber } from "@/lib/domain/id-number";
import { isStorableText } from "@/lib/http/api";
import { caseStatuses, caseTypes, finalStatuses, type CaseStatus } from "@/lib/workflow";
import { maskIdNumber } from "@/lib/people/mask";
import { loadOfficeCalendar, shanghaiDate } from "./clock";

const openStatuses = caseStatuses.filter((s) => !finalStatuses.has(s));

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "validation.date" });
export const listFiltersSchema = z
  .object({
    type: z.enum(caseTypes, { message: "validation.invalid" }).optional(),
    status: z.enum(caseStatuses, { message: "validation.invalid" }).optional(),
    assignee: z.union([z.literal("me"), z.literal("none"), z.string().uuid({ message: "validation.invalid" })]).optional(),
    overdue: z.enum(["true", "false"], { message: "validation.invalid" }).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    q: z.string().trim().max(64, { message: "validation.tooLong" }).refine(isStorableText, { message: "validation.invalid" }).optional(),
    cursor: z.string().max(200, { message: "validation.invalid" }).optional(),
    limit: z.coerce.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1).max(200).optional(),
  })
  .strict();
export type ListFilters = z.infer<typeof listFiltersSchema>;

export const caseListSelect = {
  id: true, caseNumber: true, type: true, status: true, version: true, dueDate: true, amount: true, createdAt: true, updatedAt: true,
  person: { select: { id: true, name: true, idNumber: true } },
  assigneeId: true,
} as const;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}
function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at);
  return Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? "") ? null : { createdAt, id };
}

async function searchWhere(user: OfficeScoped, q: string): Promise<Prisma.CaseWhereInput> {
  if (isValidIdNumber(q.toUpperCase())) return { person: { idNumber: q.toUpperCase() } };
  if (/^\d{6}-[A-Z]{2}-/.test(q.toUpperCase())) return { caseNumber: { startsWith: likePrefix(q.toUpperCase()) } };
  return { person: { name: { startsWith: likePrefix(q) } } };
}

export async function listCases(user: OfficeScoped & { id: string }, filters: ListFilters, now = new Date()) {
  const limit = filters.limit ?? 50;
  const today = shanghaiDate(now);
  const and: Prisma.CaseWhereInput[] = [caseVisibleTo(user)];
  if (filters.type) and.push({ type: filters.type });
  if (filters.status) and.push({ status: filters.status });
  if (filters.assignee === "me") and.push({ assigneeId: user.id });
  else if (filters.assignee === "none") and.push({ assigneeId: null });
  else if (filters.assignee) and.push({ assigneeId: filters.assignee });
  if (filters.overdue === "true") and.push({ dueDate: { lt: new Date(`${today}T00:00:00Z`) }, status: { in: openStatuses } });
  if (filters.from) and.push({ createdAt: { gte: new Date(`${filters.from}T00:00:00+08:00`) } });
  if (filters.to) and.push({ createdAt: { lt: new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000) } });
  if (filters.q) and.push(await searchWhere(user, filters.q));
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  if (cursor) and.push({ OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] });
  const rows = await db.case.findMany({
    where: { AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: caseListSelect,
  });
  const page = rows.slice(0, limit);
  return { items: await toListItems(user, page, now), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

type ListRow = Prisma.CaseGetPayload<{ select: typeof caseListSelect }>;

export async function toListItems(user: OfficeScoped, rows: ListRow[], now = new Date(), officeCalendar?: WorkingCalendar) {
  const calendar = officeCalendar ?? (await loadOfficeCalendar(db, user.officeId));
  const today = shanghaiDate(now);
  const assignees = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))] } },
    select: { id: true, name: true },
  });
  const nameOf = new Map(assignees.map((a) => [a.id, a.name]));
  return rows.map((r) => {
    const due = r.dueDate ? r.dueDate.toISOString().slice(0, 10) : null;
    return {
      id: r.id,
      caseNumber: r.caseNumber,
      type: r.type,
      status: r.status,
      version: r.version,
      person: { id: r.person.id, name: r.person.name, idNumber: maskIdNumber(r.person.idNumber) },
      assignee: r.assigneeId ? { id: r.assigneeId, name: nameOf.get(r.assigneeId) ?? "" } : null,
      dueDate: due,
      dueStatus: due && !finalStatuses.has(r.status as CaseStatus) ? dueStatus(due, today, calendar) : null,
      amount: r.amount ? r.amount.toFixed(2) : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}
export type CaseListItem = Awaited<ReturnType<typeof toListItems>>[number];

export const inboxQueues = ["mine", "unassigned", "approval", "overdue", "dueSoon"] as const;
export type InboxQueue = (typeof inboxQueues)[number];

async function approvalLimit(officeId: string) {
  return (await db.office.findUniqueOrThrow({ where: { id: officeId }, select: { approvalLimit: true } })).approvalLimit;
}

/** The inbox: my work, unassigned, waiting for my approval, overdue, due soon (≤ 3 working days). */
export async function inboxWhere(
  user: OfficeScoped & { id: string; role: string },
  queue: InboxQueue,
  now = new Date(),
  officeCalendar?: WorkingCalendar,
): Promise<Prisma.CaseWhereInput> {
  const today = shanghaiDate(now);
  const base: Prisma.CaseWhereInput = { ...caseVisibleTo(user), status: { in: openStatuses } };
  switch (queue) {
    case "mine":
      return { ...base, assigneeId: user.id };
    case "unassigned":
      return { ...caseVisibleTo(user), status: "SUBMITTED", assigneeId: null };
    case "approval":
      // The cases `approve` would accept from this user (guards.ts): four-eyes reads the history,
      // because a resubmit does not move submittedById; above the limit only supervisors.
      return {
        ...caseVisibleTo(user), status: "PENDING_APPROVAL",
        NOT: [
          { createdById: user.id }, { submittedById: user.id }, { recommendedById: user.id },
          { events: { some: { actorId: user.id, action: { in: ["create", "submit", "resubmit", "recommend"] } } } },
        ],
        ...(user.role === "supervisor" ? {} : { OR: [{ amount: null }, { amount: { lte: await approvalLimit(user.officeId) } }] }),
      };
    case "overdue":
      return { ...base, dueDate: { lt: new Date(`${today}T00:00:00Z`) } };
    case "dueSoon": {
      const calendar = officeCalendar ?? (await loadOfficeCalendar(db, user.officeId));
      const soon = addWorkingDays(today, 3, calendar);
      return { ...base, dueDate: { gte: new Date(`${today}T00:00:00Z`), lte: new Date(`${soon}T00:00:00Z`) } };
    }
  }
}

export async function getInbox(user: OfficeScoped & { id: string; role: string }, now = new Date(), perQueue = 25) {
  const result = {} as Record<InboxQueue, { count: number; items: CaseListItem[] }>;
  // One calendar for the whole inbox: it was read again for every queue (npm run bench).
  const calendar = await loadOfficeCalendar(db, user.officeId);
  for (const queue of inboxQueues) {
    const where = await inboxWhere(user, queue, now, calendar);
    const [count, rows] = await Promise.all([
      db.case.count({ where }),
      db.case.findMany({ where, orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "desc" }, { id: "desc" }], take: perQueue, select: caseListSelect }),
    ]);
    result[queue] = { count, items: await toListItems(user, rows, now, calendar) };
  }
  return result;
}

/**
 * Reading cases for a user: the list with filters and keyset pagination, the inbox's queues and
 * the case detail. Always scoped to the user's office (lib/db/scope.ts). Keyset on
 * (createdAt desc, id desc) rides the indexes of prisma/schema.prisma, so page 1 000 of a million
 * cases costs what page 1 costs.
 */
import { z } from "zod";
import { caseVisibleSql, likePrefix, type OfficeScoped } from "@/lib/db/scope";
import { join, q, raw, tolerantRead, type SqlFragment } from "@/lib/db/sql";
import { addWorkingDays, dueStatusOn, type WorkingCalendar } from "@/lib/domain/calendar";
import { isValidIdNumber } from "@/lib/domain/id-number";
import { isStorableText } from "@/lib/http/api";
import { can } from "@/lib/auth/permissions";
import { caseStatuses, caseTypes, finalStatuses, fourEyes, workflows, type CaseStatus, type CaseType } from "@/lib/workflow";
import { maskIdNumber } from "@/lib/people/mask";
import { cachedOfficeCalendar, shanghaiDate } from "./clock";

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

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}
function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const createdAt = new Date(at);
  return Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id ?? "") ? null : { createdAt, id };
}

/** A row of a list or queue: one joined statement of case, person and assignee (decision 0008). */
interface ListRow {
  id: string;
  caseNumber: string;
  type: CaseType;
  status: CaseStatus;
  version: number;
  dueDate: string | null;
  amount: string | null;
  createdAt: Date;
  updatedAt: Date;
  assigneeId: string | null;
  assigneeName: string | null;
  personId: string;
  personName: string;
  personIdNumber: string;
}

const listSelect = q`
  SELECT c.id, c."caseNumber", c.type, c.status, c.version, c."dueDate"::text AS "dueDate", c.amount::text AS amount,
         c."createdAt", c."updatedAt", c."assigneeId", u.name AS "assigneeName",
         p.id AS "personId", p.name AS "personName", p."idNumber" AS "personIdNumber"
  FROM "Case" c JOIN "InsuredPerson" p ON p.id = c."personId" LEFT JOIN "User" u ON u.id = c."assigneeId"`;

const inList = (values: readonly string[]) => q`(${join(values.map((v) => q`${v}`), ", ")})`;
const isOpen = q`c.status IN ${inList(openStatuses)}`;

function searchSql(text: string): SqlFragment {
  const upper = text.toUpperCase();
  if (isValidIdNumber(upper)) return q`p."idNumber" = ${upper}`;
  if (/^\d{6}-[A-Z]{2}-/.test(upper)) return q`c."caseNumber" LIKE ${`${likePrefix(upper)}%`}`;
  return q`p.name LIKE ${`${likePrefix(text)}%`}`;
}

export async function listCases(user: OfficeScoped & { id: string }, filters: ListFilters, now = new Date()) {
  const limit = filters.limit ?? 50;
  const today = shanghaiDate(now);
  const and: SqlFragment[] = [caseVisibleSql(user, "c")];
  if (filters.type) and.push(q`c.type = ${filters.type}`);
  if (filters.status) and.push(q`c.status = ${filters.status}`);
  if (filters.assignee === "me") and.push(q`c."assigneeId" = ${user.id}`);
  else if (filters.assignee === "none") and.push(q`c."assigneeId" IS NULL`);
  else if (filters.assignee) and.push(q`c."assigneeId" = ${filters.assignee}`);
  if (filters.overdue === "true") and.push(q`c."dueDate" < ${today}::date`, isOpen);
  if (filters.from) and.push(q`c."createdAt" >= ${new Date(`${filters.from}T00:00:00+08:00`)}`);
  if (filters.to) and.push(q`c."createdAt" < ${new Date(new Date(`${filters.to}T00:00:00+08:00`).getTime() + 86_400_000)}`);
  if (filters.q) and.push(searchSql(filters.q));
  const cursor = filters.cursor ? decodeCursor(filters.cursor) : null;
  // The keyset: rides Case(officeId, createdAt desc, id desc) like page 1.
  if (cursor) and.push(q`(c."createdAt", c.id) < (${cursor.createdAt}, ${cursor.id}::uuid)`);
  const [rows, calendar] = await Promise.all([
    // A list tolerates a little lag: the replica when there is one (decision 0020).
    tolerantRead(({ sql }) =>
      sql.rows<ListRow>(q`${listSelect} WHERE ${join(and, " AND ")} ORDER BY c."createdAt" DESC, c.id DESC LIMIT ${limit + 1}`)),
    cachedOfficeCalendar(user.officeId),
  ]);
  const page = rows.slice(0, limit);
  return { items: toListItems(page, now, calendar), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null };
}

function toListItems(rows: ListRow[], now: Date, calendar: WorkingCalendar) {
  const statusOf = dueStatusOn(shanghaiDate(now), calendar);
  return rows.map((r) => ({
    id: r.id,
    caseNumber: r.caseNumber,
    type: r.type,
    status: r.status,
    version: r.version,
    person: { id: r.personId, name: r.personName, idNumber: maskIdNumber(r.personIdNumber) },
    assignee: r.assigneeId ? { id: r.assigneeId, name: r.assigneeName ?? "" } : null,
    dueDate: r.dueDate,
    dueStatus: r.dueDate && !finalStatuses.has(r.status) ? statusOf(r.dueDate) : null,
    // numeric(14,2) comes back as its decimal string with two places.
    amount: r.amount,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}
export type CaseListItem = ReturnType<typeof toListItems>[number];

export const inboxQueues = ["mine", "unassigned", "approval", "overdue", "dueSoon"] as const;
export type InboxQueue = (typeof inboxQueues)[number];

/** The inbox: my work, unassigned, waiting for my approval, overdue, due soon (≤ 3 working days). */
function inboxWhere(user: OfficeScoped & { id: string; role: string }, queue: InboxQueue, today: string, calendar: WorkingCalendar): SqlFragment {
  const scope = caseVisibleSql(user, "c");
  switch (queue) {
    case "mine":
      return q`${scope} AND ${isOpen} AND c."assigneeId" = ${user.id}`;
    case "unassigned":
      return q`${scope} AND c.status = 'SUBMITTED' AND c."assigneeId" IS NULL`;
    case "approval":
      return approvalQueueSql(user, scope);
    case "overdue":
      return q`${scope} AND ${isOpen} AND c."dueDate" < ${today}::date`;
    case "dueSoon":
      return q`${scope} AND ${isOpen} AND c."dueDate" >= ${today}::date AND c."dueDate" <= ${addWorkingDays(today, 3, calendar)}::date`;
  }
}

/**
 * The cases `approve` would accept from this user, as SQL (an optimisation of the guards in
 * lib/workflow/guards.ts, which tests/integration/approval-queue.integration.test.ts holds equal):
 * the statuses `approve` starts from, four eyes over the same columns and history actions, and the
 * approval limit unless the user holds the permission to approve above it.
 */
function approvalQueueSql(user: { id: string; role: string }, scope: SqlFragment): SqlFragment {
  const from = [...new Set(caseTypes.flatMap((type) => workflows[type].filter((t) => t.action === "approve").flatMap((t) => t.from)))];
  const columns: Record<(typeof fourEyes.fields)[number], string> = {
    createdById: '"createdById"', submittedById: '"submittedById"', recommendedById: '"recommendedById"',
  };
  return q`${scope} AND c.status IN ${inList(from)}
    AND ${join(fourEyes.fields.map((f) => q`c.${raw(columns[f])} IS DISTINCT FROM ${user.id}`), " AND ")}
    AND NOT EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = c.id AND e."actorId" = ${user.id} AND e.action IN ${inList(fourEyes.actions)})
    ${can(user, "case:approve-above-limit") ? raw("") : raw(`AND (c.amount IS NULL OR c.amount <= (SELECT o."approvalLimit" FROM "Office" o WHERE o.id = c."officeId"))`)}`;
}

/**
 * Counts stop here: past it the inbox says "1000+". An exact count of a queue is a scan of all its
 * cases — with a million cases, half a second for an office's open work (npm run bench) — and
 * nobody works through a queue by its exact length.
 */
export const INBOX_COUNT_CAP = 1000;

export async function getInbox(
  user: OfficeScoped & { id: string; role: string },
  now = new Date(),
  perQueue = 25,
  countCap = INBOX_COUNT_CAP,
) {
  const result = {} as Record<InboxQueue, { count: number; capped: boolean; items: CaseListItem[] }>;
  const today = shanghaiDate(now);
  const calendar = await cachedOfficeCalendar(user.officeId);
  // The queues tolerate a little lag: the replica when there is one (decision 0020).
  await tolerantRead(async ({ sql }) => {
    for (const queue of inboxQueues) {
      const where = inboxWhere(user, queue, today, calendar);
      const [[{ count }], rows] = await Promise.all([
        sql.rows<{ count: number }>(q`SELECT count(*)::int AS count FROM (SELECT 1 FROM "Case" c WHERE ${where} LIMIT ${countCap + 1}) queue`),
        sql.rows<ListRow>(q`${listSelect} WHERE ${where} ORDER BY c."dueDate" ASC NULLS LAST, c."createdAt" DESC, c.id DESC LIMIT ${perQueue}`),
      ]);
      result[queue] = { count: Math.min(count, countCap), capped: count > countCap, items: toListItems(rows, now, calendar) };
    }
  });
  return result;
}

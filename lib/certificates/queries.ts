import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { certificateVisibleTo } from "@/lib/db/scope";
import { can } from "@/lib/auth/permissions";
import { maskIdNumber } from "@/lib/people/mask";
import { documentKinds } from "@/lib/pdf/types";
import { asResult, fail, type Actor, type Result } from "@/lib/service";

export const documentStatuses = ["VALID", "REVOKED", "SUPERSEDED"] as const;

const date = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: "validation.date" });

/** The list filter, shared by the page, the API and batch printing. Dates are Asia/Shanghai days. */
export const certificateFilterSchema = z
  .object({
    kind: z.enum(documentKinds).optional(),
    status: z.enum(documentStatuses).optional(),
    from: date.optional(),
    to: date.optional(),
  })
  .strict();
export type CertificateFilter = z.infer<typeof certificateFilterSchema>;

/** Reads a filter from query parameters; empty values mean "any". */
export function filterFromSearchParams(params: Record<string, string | string[] | undefined>) {
  const pick = (k: string) => {
    const v = params[k];
    const s = Array.isArray(v) ? v[0] : v;
    return s ? s.slice(0, 32) : undefined;
  };
  return certificateFilterSchema.safeParse({ kind: pick("kind"), status: pick("status"), from: pick("from"), to: pick("to") });
}

/** 00:00 of a day in Asia/Shanghai (UTC+08:00, no daylight saving time). */
function shanghaiMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

export function filterWhere(actor: Actor, filter: CertificateFilter): Prisma.CertificateWhereInput {
  const issuedAt: Prisma.DateTimeFilter = {};
  if (filter.from) issuedAt.gte = shanghaiMidnight(filter.from);
  if (filter.to) issuedAt.lt = new Date(shanghaiMidnight(filter.to).getTime() + 24 * 3600 * 1000);
  return {
    AND: [
      certificateVisibleTo(actor),
      filter.kind ? { kind: filter.kind } : {},
      filter.status ? { status: filter.status } : {},
      filter.from || filter.to ? { issuedAt } : {},
    ],
  };
}

export interface CertificateListItem {
  serial: string;
  kind: string;
  status: string;
  issuedAt: string;
  personName: string;
  idNumberMasked: string;
  issuerName: string;
  supersededBy: string | null;
}

function encodeCursor(issuedAt: Date, id: string) {
  return Buffer.from(`${issuedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { issuedAt: Date; id: string } | null {
  try {
    const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
    const issuedAt = new Date(iso);
    if (Number.isNaN(issuedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? "")) return null;
    return { issuedAt, id };
  } catch {
    return null;
  }
}

/** Newest first, keyset pagination on (issuedAt, id): stable under concurrent issuing. */
export function listCertificates(
  actor: Actor,
  filter: CertificateFilter,
  page: { cursor?: string | null; limit?: number } = {},
): Promise<Result<{ items: CertificateListItem[]; nextCursor: string | null }>> {
  return asResult(async () => {
    if (!can(actor, "certificate:read")) fail("forbidden", "errors.forbidden");
    const limit = Math.min(Math.max(page.limit ?? 50, 1), 200);
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    if (page.cursor && !after) fail("bad_request", "errors.badRequest", {}, [{ path: "cursor", key: "validation.invalid" }]);
    const rows = await db.certificate.findMany({
      where: {
        AND: [
          filterWhere(actor, filter),
          after ? { OR: [{ issuedAt: { lt: after.issuedAt } }, { issuedAt: after.issuedAt, id: { lt: after.id } }] } : {},
        ],
      },
      orderBy: [{ issuedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: { id: true, serial: true, kind: true, status: true, issuedAt: true, personId: true, issuedById: true },
    });
    const pageRows = rows.slice(0, limit);
    const items = await describe(db, pageRows);
    const last = pageRows[pageRows.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.issuedAt, last.id) : null };
  });
}

async function describe(
  tx: Tx,
  rows: { id: string; serial: string; kind: string; status: string; issuedAt: Date; personId: string | null; issuedById: string }[],
): Promise<CertificateListItem[]> {
  const personIds = [...new Set(rows.map((r) => r.personId).filter((x): x is string => Boolean(x)))];
  const userIds = [...new Set(rows.map((r) => r.issuedById))];
  const [people, users, successors] = await Promise.all([
    tx.insuredPerson.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true, idNumber: true } }),
    tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    tx.certificate.findMany({ where: { supersedesId: { in: rows.map((r) => r.id) } }, select: { supersedesId: true, serial: true } }),
  ]);
  const person = new Map(people.map((p) => [p.id, p]));
  const user = new Map(users.map((u) => [u.id, u.name]));
  const successor = new Map(successors.map((s) => [s.supersedesId, s.serial]));
  return rows.map((r) => {
    const p = r.personId ? person.get(r.personId) : undefined;
    return {
      serial: r.serial,
      kind: r.kind,
      status: r.status,
      issuedAt: r.issuedAt.toISOString(),
      personName: p?.name ?? "",
      idNumberMasked: p ? maskIdNumber(p.idNumber) : "",
      issuerName: user.get(r.issuedById) ?? "",
      supersededBy: successor.get(r.id) ?? null,
    };
  });
}

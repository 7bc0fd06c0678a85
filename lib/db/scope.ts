import type { Prisma } from "@/lib/generated/prisma/client";
import { q, raw, type SqlFragment } from "./sql";

/**
 * Access-scoped where builders: the one place that says what an office may see. Every read of
 * office data goes through one of these, so "another office's case" is simply not found (404),
 * and existence never leaks.
 */
export interface OfficeScoped {
  officeId: string;
}

/** A person is known to an office when the relationship, a record or a case is there. */
export function personVisibleTo(user: OfficeScoped): Prisma.InsuredPersonWhereInput {
  return {
    OR: [
      { officeId: user.officeId },
      { records: { some: { officeId: user.officeId } } },
      { cases: { some: { officeId: user.officeId } } },
    ],
  };
}

export function caseVisibleTo(user: OfficeScoped): Prisma.CaseWhereInput {
  return { officeId: user.officeId };
}

/** The same rule for hand-written SQL (lib/db/sql.ts): `alias` is the Case table's alias. */
export function caseVisibleSql(user: OfficeScoped, alias: "c"): SqlFragment {
  return q`${raw(alias)}."officeId" = ${user.officeId}`;
}

export function certificateVisibleTo(user: OfficeScoped): Prisma.CertificateWhereInput {
  return { officeId: user.officeId };
}

/**
 * Prisma's startsWith passes `%` and `_` through to LIKE (prisma/prisma#19506): escape them so
 * that a search for "%" finds names beginning with "%", not everyone.
 */
export function likePrefix(text: string): string {
  return text.replace(/[\\%_]/g, (m) => `\\${m}`);
}

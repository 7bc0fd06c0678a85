import { db } from "@/lib/db/client";
import { caseVisibleTo, type OfficeScoped } from "@/lib/db/scope";
import { isUuid } from "@/lib/db/ids";

export const letterSlugs = {
  "contact-letter": "CONTACT_LETTER",
  "info-table": "INFO_TABLE",
  "payout-decision": "PAYOUT_DECISION",
  "refund-decision": "REFUND_DECISION",
  "rejection-notice": "REJECTION_NOTICE",
} as const;
export type LetterSlug = keyof typeof letterSlugs;

export function slugOf(kind: string): LetterSlug | undefined {
  return (Object.keys(letterSlugs) as LetterSlug[]).find((s) => letterSlugs[s] === kind);
}

/**
 * The serial of a case's letter of this kind (the newest, if a correction replaced one), for a
 * case of the user's office; null when the case has not reached the state that issues it.
 */
export async function findCaseLetter(user: OfficeScoped, caseId: unknown, file: unknown): Promise<string | null> {
  if (typeof caseId !== "string" || typeof file !== "string") return null;
  const slug = file.replace(/\.pdf$/i, "") as LetterSlug;
  // Own keys only: "toString" is `in` every object and reached the query as a function (500).
  if (!Object.hasOwn(letterSlugs, slug) || !isUuid(caseId)) return null;
  const found = await db.certificate.findFirst({
    where: { caseId, kind: letterSlugs[slug], officeId: user.officeId },
    orderBy: { issuedAt: "desc" },
    select: { serial: true },
  });
  if (!found) return null;
  const visible = await db.case.findFirst({ where: { AND: [caseVisibleTo(user), { id: caseId }] }, select: { id: true } });
  return visible ? found.serial : null;
}

import { db } from "@/lib/db/client";
import { tolerantRead } from "@/lib/db/sql";
import { likePrefix, personVisibleTo, type OfficeScoped } from "@/lib/db/scope";
import { isStorableText } from "@/lib/http/api";

const ID_NUMBER = /^\d{17}[\dXx]$/;

export const personSummarySelect = {
  id: true,
  idNumber: true,
  name: true,
  sex: true,
  birthDate: true,
  hukouProvince: true,
  relationshipStatus: true,
  accountType: true,
  office: { select: { code: true, name: true, nameEn: true } },
} as const;

/**
 * Finds people known to the user's office by full ID number (exact) or by name (prefix).
 * Bounded: at most `limit` rows, the query string at most 64 characters.
 */
export async function findPeople(user: OfficeScoped, query: string, limit = 50) {
  const q = query.trim().slice(0, 64);
  // NUL, or a surrogate pair the cut split in two, cannot be a name in the database.
  if (!q || !isStorableText(q)) return [];
  const match = ID_NUMBER.test(q) ? { idNumber: q.toUpperCase() } : { name: { startsWith: likePrefix(q) } };
  // A search tolerates a little lag: the replica when there is one (decision 0020).
  return tolerantRead(({ db: reader }) => reader.insuredPerson.findMany({
    where: { AND: [personVisibleTo(user), match] },
    select: personSummarySelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: Math.min(Math.max(limit, 1), 200),
  }));
}

export async function getPersonForOffice(user: OfficeScoped, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.insuredPerson.findFirst({
    where: { AND: [personVisibleTo(user), { id }] },
    select: {
      ...personSummarySelect,
      records: {
        orderBy: [{ fromMonth: "asc" }, { id: "asc" }],
        select: {
          id: true, payerType: true, fromMonth: true, toMonth: true, monthlyBase: true,
          totalRate: true, accountRate: true, status: true,
          office: { select: { code: true, name: true, nameEn: true } },
          employer: { select: { name: true, creditCode: true } },
        },
      },
    },
  });
}

/**
 * Seeing a full ID number is a permission and each view is logged (who, when, whose). Returns the
 * number to show: in full when allowed (and logged), else masked.
 */
export async function revealIdNumber(
  user: OfficeScoped & { id: string },
  allowed: boolean,
  idNumbers: string[],
  mask: (id: string) => string,
): Promise<Map<string, string>> {
  if (!allowed) return new Map(idNumbers.map((id) => [id, mask(id)]));
  if (idNumbers.length)
    await db.accessLog.createMany({
      data: idNumbers.map((subject) => ({ officeId: user.officeId, userId: user.id, action: "view-full-id", subject })),
    });
  return new Map(idNumbers.map((id) => [id, id]));
}

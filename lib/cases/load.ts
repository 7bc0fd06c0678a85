import { Prisma, type Tx } from "@/lib/db/client";
import { caseVisibleSql, type OfficeScoped } from "@/lib/db/scope";
import { q, sqlOf, type SqlFragment } from "@/lib/db/sql";
import type { CaseStatus, CaseType } from "@/lib/workflow";
import { isUuid } from "@/lib/db/ids";
import { parseCaseData, type CaseData } from "./case-data";

/** The columns of a case besides its type and typed data (./case-data.ts). */
interface CaseColumns {
  id: string;
  caseNumber: string;
  status: CaseStatus;
  version: number;
  officeId: string;
  personId: string;
  amount: Prisma.Decimal | null;
  assigneeId: string | null;
  createdById: string;
  submittedById: string | null;
  recommendedById: string | null;
  linkedCaseId: string | null;
  dueDate: Date | null;
  slaRemainingDays: number | null;
  slaLeg: number;
  person: { idNumber: string; name: string; relationshipStatus: string };
  office: { id: string; code: string; approvalLimit: Prisma.Decimal };
}

/**
 * What the case service needs of a case to change it: the case, its person and its office, with
 * `type`, `intake` and `calculation` parsed together (narrow on `type` to reach the fields).
 */
export type CaseForWork = CaseColumns & CaseData;

interface Row extends Omit<CaseColumns, "amount" | "dueDate" | "person" | "office"> {
  type: CaseType;
  intake: unknown;
  calculation: unknown;
  amount: string | null;
  dueDate: string | null;
  personIdNumber: string;
  personName: string;
  relationshipStatus: string;
  officeCode: string;
  approvalLimit: string;
}

/**
 * One joined statement over the transaction's connection, locking nothing: the compare-and-set
 * of applyTransition is what refuses a concurrent change (npm run bench: the Prisma query with
 * its two relations was three statements).
 */
async function load(tx: Tx, where: SqlFragment): Promise<CaseForWork | null> {
  const [r] = await sqlOf(tx).rows<Row>(q`
    SELECT c.id, c."caseNumber", c.type, c.status, c.version, c."officeId", c."personId", c.intake, c.calculation,
           c.amount::text AS amount, c."assigneeId", c."createdById", c."submittedById", c."recommendedById", c."linkedCaseId", c."dueDate"::text AS "dueDate",
           c."slaRemainingDays", c."slaLeg",
           p."idNumber" AS "personIdNumber", p.name AS "personName", p."relationshipStatus"::text AS "relationshipStatus",
           o.code AS "officeCode", o."approvalLimit"::text AS "approvalLimit"
    FROM "Case" c JOIN "InsuredPerson" p ON p.id = c."personId" JOIN "Office" o ON o.id = c."officeId"
    WHERE ${where}`);
  if (!r) return null;
  const { personIdNumber, personName, relationshipStatus, officeCode, approvalLimit, amount, dueDate, type, intake, calculation, ...rest } = r;
  return {
    ...rest,
    ...parseCaseData({ id: r.id, type, intake, calculation }),
    amount: amount === null ? null : new Prisma.Decimal(amount),
    dueDate: dueDate === null ? null : new Date(`${dueDate}T00:00:00Z`),
    person: { idNumber: personIdNumber, name: personName, relationshipStatus },
    office: { id: r.officeId, code: officeCode, approvalLimit: new Prisma.Decimal(approvalLimit) },
  };
}

/** A case of the user's office, for changing it; another office's case is simply not there. */
export async function loadCaseForWork(tx: Tx, user: OfficeScoped, id: string): Promise<CaseForWork | null> {
  if (!isUuid(id)) return null;
  return load(tx, q`c.id = ${id} AND ${caseVisibleSql(user, "c")}`);
}

/** Any case by id, for the system's own transitions (the linked leg lives in another office). */
export async function loadCaseForSystem(tx: Tx, id: string): Promise<CaseForWork> {
  const c = await load(tx, q`c.id = ${id}`);
  if (!c) throw new Error(`case ${id} not found`);
  return c;
}

/**
 * Factories shared by the demo seed and the tests (one way to make a person, an office, a user).
 * They take the database client as an argument so that tests can pass a transaction.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";

export interface OfficeInput {
  code: string;
  name: string;
  nameEn: string;
  province: string;
  approvalLimit: string;
  address?: string;
  postcode?: string;
  phone?: string;
  bankName?: string;
  bankCode?: string;
  accountName?: string;
  accountNumber?: string;
}

export function createOffice(db: Tx, input: OfficeInput) {
  return db.office.create({
    data: { ...input, approvalLimit: new Prisma.Decimal(input.approvalLimit) },
    select: { id: true, code: true, name: true, nameEn: true, province: true },
  });
}

export interface UserInput {
  username: string;
  name: string;
  role: Role;
  officeId: string;
  password: string;
  idNumber?: string;
}

export async function createUser(db: Tx, input: UserInput, passwordHash?: string) {
  const { password, ...rest } = input;
  return db.user.create({
    data: { ...rest, passwordHash: passwordHash ?? (await hashPassword(password)) },
    select: { id: true, username: true, name: true, role: true, officeId: true },
  });
}

export interface RecordInput {
  from: string;
  to: string;
  monthlyBase: string;
  payerType: "employer" | "flexible" | "bank-withholding" | "institution";
  rate: string;
  accountRate: string;
  officeId?: string;
  employerId?: string | null;
}

export const payerTypeToDb = {
  employer: "EMPLOYER",
  flexible: "FLEXIBLE",
  "bank-withholding": "BANK_WITHHOLDING",
  institution: "INSTITUTION",
} as const;

export interface PersonInput {
  idNumber: string;
  name: string;
  sex: "M" | "F";
  birthDate: string;
  hukouProvince: string;
  officeId: string;
  records?: RecordInput[];
}

export async function createPerson(db: Tx, input: PersonInput) {
  const { records = [], birthDate, ...rest } = input;
  const person = await db.insuredPerson.create({
    data: { ...rest, birthDate: new Date(`${birthDate}T00:00:00Z`) },
    select: { id: true, idNumber: true, name: true, officeId: true },
  });
  if (records.length) {
    await db.contributionRecord.createMany({
      data: records.map((r) => recordRow(person.id, input.officeId, r)),
    });
  }
  return person;
}

export function recordRow(personId: string, defaultOfficeId: string, r: RecordInput) {
  return {
    personId,
    officeId: r.officeId ?? defaultOfficeId,
    employerId: r.employerId ?? null,
    payerType: payerTypeToDb[r.payerType],
    fromMonth: r.from,
    toMonth: r.to,
    monthlyBase: new Prisma.Decimal(r.monthlyBase),
    totalRate: new Prisma.Decimal(r.rate),
    accountRate: new Prisma.Decimal(r.accountRate),
  };
}

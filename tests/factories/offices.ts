/**
 * An office of its own for a test file: a unique 6-digit code starting with 9 and staff of every
 * role, so that a file's cases, queues and hash chain are not shared with the other files of the
 * run (they all use one database).
 */
import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/service";
import { createOffice, createUser } from "@/prisma/seed/factories";

export const TEST_PASSWORD = "Jingban-Test-Office-2026";
let passwordHash: Promise<string> | undefined;

export interface TestOffice {
  id: string;
  code: string;
  /** Users by handle, e.g. caseworker1, caseworker2, supervisor1, auditor1, admin1. */
  users: Record<string, Actor & { username: string }>;
  user(handle: string): Actor & { username: string };
}

export async function freshOfficeCode(): Promise<string> {
  for (;;) {
    const code = `9${String(randomInt(0, 100_000)).padStart(5, "0")}`;
    if (!(await db.office.findUnique({ where: { code }, select: { id: true } }))) return code;
  }
}

/**
 * Creates the office and its staff: `staff` says how many users of each role (default: three
 * caseworkers, one supervisor, one auditor, one admin). Handles are role + 1-based index.
 */
export async function createTestOffice(
  options: { label?: string; approvalLimit?: string; province?: string; staff?: Partial<Record<Role, number>> } = {},
): Promise<TestOffice> {
  const code = await freshOfficeCode();
  const label = options.label ?? "测试";
  const office = await createOffice(db, {
    code, name: `${label}社会保险经办机构${code}`, nameEn: `Test office ${code}`, province: options.province ?? "湖南",
    approvalLimit: options.approvalLimit ?? "50000.00",
  });
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const hash = await passwordHash;
  const staff: Record<Role, number> = { caseworker: 3, supervisor: 1, auditor: 1, admin: 1, ...options.staff };
  const users: TestOffice["users"] = {};
  for (const role of Object.keys(staff) as Role[]) {
    for (let i = 1; i <= staff[role]; i++) {
      const username = `it-${code}-${role}${i}`;
      const u = await createUser(db, { username, name: `${label}${role}${i}`, role, officeId: office.id, password: TEST_PASSWORD }, hash);
      users[`${role}${i}`] = { id: u.id, name: u.name, role: u.role, officeId: u.officeId, idNumber: null, username };
    }
  }
  return {
    id: office.id,
    code,
    users,
    user(handle) {
      const u = users[handle];
      if (!u) throw new Error(`office ${code} has no user ${handle}`);
      return u;
    },
  };
}

/** One more user of the office (e.g. one whose ID number is a person's). */
export async function addUser(office: TestOffice, handle: string, role: Role, idNumber?: string) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const username = `it-${office.code}-${handle}`;
  const u = await createUser(db, { username, name: handle, role, officeId: office.id, password: TEST_PASSWORD, idNumber }, await passwordHash);
  office.users[handle] = { id: u.id, name: u.name, role: u.role, officeId: u.officeId, idNumber: idNumber ?? null, username };
  return office.users[handle];
}

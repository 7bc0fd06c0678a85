import { db } from "@/lib/db/client";
import { seedDemo } from "@/prisma/seed/demo";
import type { Actor } from "@/lib/service";

/**
 * The demo offices, users and people (prisma/seed/demo-data.json) in the test database, seeded
 * once per run (without generated people) and shared by the test files that need them.
 */
export async function ensureDemo(): Promise<void> {
  if (await db.office.findUnique({ where: { code: "440300" }, select: { id: true } })) return;
  await seedDemo({ generatedPerOffice: 0 });
}

export async function actor(username: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true, name: true, role: true, officeId: true, idNumber: true } });
  return u;
}

export async function personId(idNumber: string): Promise<string> {
  return (await db.insuredPerson.findUniqueOrThrow({ where: { idNumber }, select: { id: true } })).id;
}

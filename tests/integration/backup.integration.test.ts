/**
 * docs/backup.md, done for real: cases and certificates are made, the run's database is dumped
 * with `pg_dump --format=custom`, restored with `pg_restore --no-owner` into a NEW database,
 * and the restored database is checked through its own Prisma client: every case is there with
 * its status and version, every office's hash chains verify (and end at the same heads), the
 * append-only triggers still refuse UPDATE and DELETE, and `npm run audit:verify` passes on it.
 */
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { verifyAllChains } from "@/lib/audit/verify-offices";
import { issueCertificate } from "@/lib/certificates/certificates";
import { dropDatabase } from "@/tests/tools/postgres";
import { db, type Tx } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CaseDriver } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson } from "@/tests/factories/people";
import { emptyDatabase } from "@/tests/setup/test-databases";

process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");

const run = promisify(execFile);
const sourceUrl = process.env.DATABASE_URL!;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jingban-backup-"));
const dumpFile = path.join(dir, "jingban.dump");
let restoredUrl: string;
let restored: PrismaClient;
let home: TestOffice;
const made: string[] = [];

/** libpq takes the URL as the database name; the password (if any) comes from it too. */
const pg = (tool: "pg_dump" | "pg_restore", args: string[]) => run(tool, args, { maxBuffer: 64 * 1024 * 1024 });

beforeAll(async () => {
  await ensureDemo();
  home = await createTestOffice({ label: "备份" });
  const partner = await createTestOffice({ label: "备份转出", province: "广东" });
  const driver = new CaseDriver(home, partner);
  // Cases in several states, a completed transfer across both offices, and certificates.
  made.push(await driver.caseAt("SURRENDER", "COMPLETED"));
  made.push(await driver.caseAt("DUPLICATE_REFUND", "RETURNED"));
  made.push(await driver.caseAt("TRANSFER_IN", "COMPLETED"));
  made.push(await driver.caseAt("SURRENDER", "DRAFT"));
  const person = await clonePerson("P4", { offices: { "440300": home.code } });
  for (let i = 0; i < 2; i++) {
    const r = await issueCertificate(home.user("caseworker1"), { personId: person.id }, { baseUrl: "http://localhost" });
    expect(r.ok).toBe(true);
  }

  await pg("pg_dump", ["--format=custom", "--no-owner", "--file", dumpFile, "--dbname", sourceUrl]);
  restoredUrl = await emptyDatabase("restore");
  await pg("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--dbname", restoredUrl, dumpFile]);
  restored = new PrismaClient({ adapter: new PrismaPg({ connectionString: restoredUrl, max: 3 }) });
}, 240_000);

afterAll(async () => {
  await restored?.$disconnect();
  if (restoredUrl) await dropDatabase(restoredUrl);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The database's refusal of a statement, as text (Prisma puts the server's message in `meta`). */
async function refusal(statement: Promise<unknown>): Promise<string> {
  try {
    await statement;
    return "accepted";
  } catch (error) {
    const e = error as { message?: string; meta?: unknown; cause?: unknown };
    return `${e.message ?? ""} ${JSON.stringify(e.meta ?? {})} ${String(e.cause ?? "")}`;
  }
}

describe("pg_dump -Fc → pg_restore --no-owner into a new database", () => {
  test("the dump is a custom-format archive", () => {
    expect(fs.readFileSync(dumpFile).subarray(0, 5).toString()).toBe("PGDMP");
  });

  test("every case is there, with its status, version, amount and history", async () => {
    const select = { id: true, caseNumber: true, status: true, version: true, amount: true, linkedCaseId: true } as const;
    const [before, after] = await Promise.all([
      db.case.findMany({ select, orderBy: { id: "asc" } }),
      restored.case.findMany({ select, orderBy: { id: "asc" } }),
    ]);
    expect(after.length).toBeGreaterThanOrEqual(made.length);
    expect(after.map((c) => ({ ...c, amount: c.amount?.toFixed(2) ?? null }))).toEqual(before.map((c) => ({ ...c, amount: c.amount?.toFixed(2) ?? null })));
    for (const id of made) expect(after.some((c) => c.id === id)).toBe(true);
    const counts = async (client: Tx) =>
      Promise.all([
        client.caseEvent.count(), client.payment.count(), client.certificate.count(), client.certificateEvent.count(),
        client.contributionRecord.count(), client.insuredPerson.count(), client.user.count(), client.accessLog.count(), client.chainHead.count(),
      ]);
    expect(await counts(restored)).toEqual(await counts(db));
  });

  test("every office's case and certificate chains verify on the restored database, ending at the same heads", async () => {
    const [original, copy] = [await verifyAllChains(db), await verifyAllChains(restored)];
    expect(copy.filter((r) => !r.ok)).toEqual([]);
    expect(copy).toEqual(original);
    const ours = copy.filter((r) => r.officeId === home.id);
    expect(ours.map((r) => r.chain).sort()).toEqual(["case", "certificate"]);
    for (const r of ours) expect(r.events).toBeGreaterThan(0);
  });

  test("the append-only triggers came along and still refuse UPDATE and DELETE", async () => {
    const triggers = await restored.$queryRaw<Array<{ tgname: string }>>`
      SELECT tgname::text AS tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`;
    expect(triggers.map((t) => t.tgname)).toEqual(
      expect.arrayContaining(["CaseEvent_append_only", "CertificateEvent_append_only", "AccessLog_append_only", "AuditFinding_append_only"]),
    );
    const event = await restored.caseEvent.findFirstOrThrow({ where: { caseId: made[0] }, select: { id: true, reason: true } });
    expect(await refusal(restored.$executeRaw`UPDATE "CaseEvent" SET reason = 'rewritten' WHERE id = ${event.id}::uuid`)).toMatch(/append-only: UPDATE refused/);
    expect(await refusal(restored.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${event.id}::uuid`)).toMatch(/append-only: DELETE refused/);
    const certEvent = await restored.certificateEvent.findFirstOrThrow({ select: { id: true } });
    expect(await refusal(restored.$executeRaw`UPDATE "CertificateEvent" SET "actorName" = 'x' WHERE id = ${certEvent.id}::uuid`)).toMatch(/append-only/);
    expect(await restored.caseEvent.findUniqueOrThrow({ where: { id: event.id }, select: { reason: true } })).toEqual({ reason: event.reason });
  });

  test("the migration history came along: the restored database is at the same migration", async () => {
    const q = (client: Tx) => client.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`;
    expect(await q(restored)).toEqual(await q(db));
  });

  test("`npm run audit:verify` against the restored database exits 0", async () => {
    const { stdout } = await run(path.resolve(__dirname, "../../node_modules/.bin/tsx"), ["lib/cli/audit-verify.ts"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: restoredUrl },
    });
    expect(stdout).toMatch(/audit:verify: \d+ chains intact/);
    expect(stdout).toContain(`${home.code} case ok`);
  }, 120_000);
});

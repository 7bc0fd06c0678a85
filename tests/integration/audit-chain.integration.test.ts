/**
 * Tamper-evident history on real PostgreSQL (issue 6): a superuser who edits an event row behind
 * the append-only trigger is caught by `npm run audit:verify`, which names the row; an ordinary
 * application role cannot edit or delete events at all; and 100 concurrent transitions in one
 * office leave one unbroken chain.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendToChain, certificateEventContent, jsonInput, verifyChain } from "@/lib/audit/chain";
import { getDailyHeads } from "@/lib/audit/daily-head";
import { verifyOfficeChains } from "@/lib/audit/verify-offices";
import { transitionCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { CaseDriver, currentVersion } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";

// This worker's database (tests/setup/integration-env.ts).
const databaseUrl = process.env.DATABASE_URL!;
const APP_ROLE = "jingban_app_test";

let office: TestOffice;
let driver: CaseDriver;

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "审计链", staff: { caseworker: 6, supervisor: 1 } });
  const partner = await createTestOffice({ label: "审计链转出", province: "广东" });
  driver = new CaseDriver(office, partner);
});

/** Runs `npm run audit:verify`'s program as a child process against the test database. */
function runAuditVerify(): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      "node_modules/.bin/tsx",
      ["lib/cli/audit-verify.ts"],
      { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** As the superuser the tests connect with: step around the append-only trigger, as an attacker with DBA rights could. */
async function superuserUpdateReason(eventId: string, reason: string | null) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('ALTER TABLE "CaseEvent" DISABLE TRIGGER "CaseEvent_append_only"');
    try {
      await client.query('UPDATE "CaseEvent" SET "reason" = $1 WHERE "id" = $2', [reason, eventId]);
    } finally {
      await client.query('ALTER TABLE "CaseEvent" ENABLE TRIGGER "CaseEvent_append_only"');
    }
  } finally {
    await client.end();
  }
}

describe("audit:verify", () => {
  test("intact chains exit 0; a reason edited by a superuser exits non-zero naming that row; restoring it heals the chain", async () => {
    const caseId = await driver.caseAt("DUPLICATE_REFUND", "REJECTED");
    const reject = await db.caseEvent.findFirstOrThrow({ where: { caseId, action: "reject" }, select: { id: true, seq: true, reason: true } });

    const before = await runAuditVerify();
    expect(before.stderr).toBe("");
    expect(before.code).toBe(0);
    expect(before.stdout).toContain(`${office.code} case ok`);

    await superuserUpdateReason(reject.id, "材料齐全，予以支付");
    try {
      const after = await runAuditVerify();
      expect(after.code).toBe(1);
      const first = /FIRST BROKEN EVENT (.*)$/m.exec(after.stderr)?.[1];
      expect(first).toBe(`office=${office.code} chain=case seq=${reject.seq} event=${reject.id} problem=hash-mismatch`);
      expect(after.stdout).toContain(`${office.code} case BROKEN at seq ${reject.seq}: hash-mismatch (event ${reject.id}`);
      // The auditor's page runs the same check for the office.
      const reports = await verifyOfficeChains(db, { id: office.id, code: office.code });
      expect(reports.find((r) => r.chain === "case")).toMatchObject({ ok: false, broken: { seq: reject.seq, problem: "hash-mismatch", eventId: reject.id } });
    } finally {
      await superuserUpdateReason(reject.id, reject.reason);
    }
    expect((await runAuditVerify()).code).toBe(0);
  });

  test("the daily chain head is the last event written before the end of the Beijing day", async () => {
    const head = await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: office.id, chain: "case" } } });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const heads = await getDailyHeads(db, office.id, today);
    expect(heads.heads.find((h) => h.chain === "case")).toMatchObject({ seq: head.seq, hash: head.hash });
    const before = await getDailyHeads(db, office.id, "2000-01-01");
    expect(before.heads.map((h) => h.seq)).toEqual([0, 0]);
    expect(before.endsAt).toBe("2000-01-01T16:00:00.000Z");
  });
});

describe("append-only for the application's role", () => {
  let app: pg.Client;
  let certificateEventId: string;
  let certificateEvents: number;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      // Roles are cluster-wide: another run may have created it already.
      await admin.query(`DO $$ BEGIN CREATE ROLE ${APP_ROLE} LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
      await admin.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
      await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "CaseEvent", "CertificateEvent", "ChainHead" TO ${APP_ROLE}`);
    } finally {
      await admin.end();
    }
    // A real certificate event in the office's chain, appended as the application does (besides
    // whatever documents the cases above issued, e.g. a rejection notice).
    certificateEventId = randomUUID();
    await transaction(async (tx) => {
      const row = { certificateId: randomUUID(), action: "issue", actorId: office.user("caseworker1").id, actorName: "审计链测试", reason: null, data: {}, at: new Date() };
      const link = await appendToChain(tx, { officeId: office.id, chain: "certificate", content: certificateEventContent(row) });
      await tx.certificateEvent.create({ data: { ...row, id: certificateEventId, data: jsonInput({}), officeId: office.id, ...link } });
    });
    certificateEvents = await db.certificateEvent.count({ where: { officeId: office.id } });
    const url = new URL(databaseUrl);
    url.username = APP_ROLE;
    url.password = "";
    app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
  });

  afterAll(async () => {
    await app?.end();
  });

  test("the role is not a superuser and can read the events", async () => {
    const { rows } = await app.query<{ rolsuper: boolean }>("SELECT rolsuper FROM pg_roles WHERE rolname = current_user");
    expect(rows).toEqual([{ rolsuper: false }]);
    const count = await app.query('SELECT count(*)::int AS n FROM "CaseEvent" WHERE "officeId" = $1', [office.id]);
    expect(count.rows[0].n).toBeGreaterThan(0);
  });

  test.each([
    ["CaseEvent", 'UPDATE "CaseEvent" SET "reason" = \'改过了\' WHERE "officeId" = $1', "UPDATE"],
    ["CaseEvent", 'DELETE FROM "CaseEvent" WHERE "officeId" = $1', "DELETE"],
    ["CertificateEvent", 'UPDATE "CertificateEvent" SET "action" = \'revoke\' WHERE "officeId" = $1', "UPDATE"],
    ["CertificateEvent", 'DELETE FROM "CertificateEvent" WHERE "officeId" = $1', "DELETE"],
  ])("%s: %s is refused by the trigger, even with the table privilege", async (table, sql, op) => {
    const error = await app.query(sql, [office.id]).then(() => null, (e: pg.DatabaseError) => e);
    expect(error).not.toBeNull();
    expect(error!.code).toBe("42501");
    expect(error!.message).toBe(`table ${table} is append-only: ${op} refused`);
  });

  test("the role cannot switch the trigger off", async () => {
    const error = await app.query('ALTER TABLE "CaseEvent" DISABLE TRIGGER "CaseEvent_append_only"').then(() => null, (e: pg.DatabaseError) => e);
    expect(error?.code).toBe("42501");
    expect(error?.message).toMatch(/must be owner/);
  });

  test("nothing changed: both chains of the office verify", async () => {
    expect(await db.certificateEvent.count({ where: { id: certificateEventId } })).toBe(1);
    expect(await verifyChain(db, office.id, "case")).toMatchObject({ ok: true });
    expect(await verifyChain(db, office.id, "certificate")).toMatchObject({ ok: true, events: certificateEvents });
  });
});

describe("100 concurrent transitions in one office", () => {
  test("every transition lands once and the office's case chain stays one unbroken sequence", async () => {
    const ids: string[] = [];
    // Set up ten at a time (the setup is not what is measured; it only has to be quick).
    for (let i = 0; i < 100; i += 10)
      ids.push(...(await Promise.all(Array.from({ length: 10 }, (_, j) => driver.caseAt((i + j) % 2 ? "DUPLICATE_REFUND" : "SURRENDER", "SUBMITTED")))));
    const versions = await Promise.all(ids.map(currentVersion));
    const headBefore = (await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: office.id, chain: "case" } } })).seq;
    const workers = [3, 4, 5, 6].map((n) => office.user(`caseworker${n}`));
    const results = await Promise.all(
      ids.map((id, i) =>
        i % 4 === 3
          ? transitionCase(workers[i % 4], id, { action: "withdraw", version: versions[i], reason: "申请人撤回" })
          : transitionCase(workers[i % 4], id, { action: "claim", version: versions[i] }),
      ),
    );
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const statuses = await db.case.groupBy({ by: ["status"], where: { id: { in: ids } }, _count: { _all: true } });
    expect(Object.fromEntries(statuses.map((s) => [s.status, s._count._all]))).toEqual({ IN_REVIEW: 75, WITHDRAWN: 25 });

    const check = await verifyChain(db, office.id, "case");
    expect(check).toMatchObject({ ok: true });
    const head = await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: office.id, chain: "case" } } });
    expect(head.seq).toBe(headBefore + 100);
    expect(check.events).toBe(head.seq);
    const seqs = (await db.caseEvent.findMany({ where: { officeId: office.id }, select: { seq: true }, orderBy: { seq: "asc" } })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: head.seq }, (_, i) => i + 1));
  }, 300_000);
});

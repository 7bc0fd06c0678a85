/**
 * The server behind `npm run test:e2e` (playwright.config.ts starts it): a fresh database
 * `jingban_e2e_*` on the real PostgreSQL server that tests/tools/postgres.ts finds, a fresh build
 * (set E2E_SKIP_BUILD=1 to reuse an existing one while iterating), then the same boot as
 * `npm start`: migrate, seed the demo, serve on port 3100 (E2E_PORT). The database is dropped on exit.
 */
import pg from "pg";
import { withDatabase } from "@/lib/db/migration-adapter";
import { boot } from "@/lib/cli/boot";
import { createDatabase, dropDatabase, ensurePostgres } from "./postgres";

const E2E_PORT = process.env.E2E_PORT ?? "3100";
const PREFIX = "jingban_e2e";
// Databases of runs that were killed before they could drop theirs. Younger ones may belong to
// a run that is still going (another checkout on the same server), so they are left alone.
const STALE_AFTER_MS = 12 * 60 * 60 * 1000;

async function dropStaleDatabases(server: string): Promise<void> {
  const admin = new pg.Client({ connectionString: withDatabase(server, "postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${PREFIX}\\_%`],
    );
    for (const { datname } of rows) {
      const createdAt = Number(/^jingban_e2e_(\d+)_\d+$/.exec(datname)?.[1]);
      if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS)
        await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

/**
 * Users that exist only in the e2e database, so that a spec can do something destructive to an
 * account (lock it) without taking a demo user away from the other specs. Keep in step with
 * tests/e2e/helpers.ts.
 */
const E2E_LOCKOUT_USER = "e2e-lockout";
/**
 * A Changsha person with P4's overlap (an employer and a flexible record in 2024-01…03), so that
 * a spec may take in a duplicate refund no other journey touches: intake refuses one for a person
 * with nothing to refund (docs/api.md §4.1), and P5 has no overlap.
 */
const E2E_DUPLICATE_PERSON = "430102200104209015";

async function createE2eFixtures(): Promise<void> {
  const { db } = await import("@/lib/db/client");
  const { createPerson, createUser } = await import("@/prisma/seed/factories");
  const demo = (await import("@/prisma/seed/demo-data.json")).default;
  const office = await db.office.findUniqueOrThrow({ where: { code: "430100" }, select: { id: true } });
  await createUser(db, { username: E2E_LOCKOUT_USER, name: "锁定测试", role: "caseworker", officeId: office.id, password: demo.password });
  await createPerson(db, {
    idNumber: E2E_DUPLICATE_PERSON, name: "重复测试", sex: "M", birthDate: "2001-04-20", hukouProvince: "湖南", officeId: office.id,
    records: [
      { from: "2023-01", to: "2024-06", monthlyBase: "5000", payerType: "employer", rate: "0.24", accountRate: "0.08" },
      { from: "2024-01", to: "2024-03", monthlyBase: "5000", payerType: "flexible", rate: "0.20", accountRate: "0.08" },
    ],
  });
}

async function main(): Promise<number> {
  const server = await ensurePostgres();
  await dropStaleDatabases(server);
  const url = await createDatabase(server, PREFIX);
  console.log(`[jingban] e2e database ${new URL(url).pathname.slice(1)}`);
  process.env.DATABASE_URL = url;
  process.env.PORT = E2E_PORT;
  process.env.NEXTAUTH_URL = `http://localhost:${E2E_PORT}`;
  process.env.NEXTAUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";
  return boot({
    port: E2E_PORT,
    build: process.env.E2E_SKIP_BUILD === "1" ? "if-missing" : "always",
    afterSeed: createE2eFixtures,
    onExit: async () => {
      if (process.env.KEEP_TEST_DATABASE) return;
      await dropDatabase(url);
      console.log("[jingban] e2e database dropped");
    },
  });
}

main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error("[jingban] e2e server failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });

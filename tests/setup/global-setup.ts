import type { TestProject } from "vitest/node";
import { withDatabase } from "@/lib/db/migration-adapter";
import { createNamedDatabase, dropDatabases, ensurePostgres } from "@/tests/tools/postgres";
import { run, bin } from "@/lib/cli/run";

/**
 * One template database for the integration run, migrated with the real `prisma migrate deploy`
 * (so the committed migrations are what is tested). Each vitest worker then works in its own copy
 * of it (tests/setup/test-databases.ts, decision 0016), so that test files run in parallel without
 * sharing rows, counters, rate-limit windows or pg-boss's schema. At the end every database of the
 * run — the template, the workers' copies and any a test file made — is dropped by its prefix.
 */
export default async function setup(project: TestProject) {
  const server = await ensurePostgres();
  const prefix = `jingban_test_${Date.now()}_${process.pid}`;
  const template = `${prefix}_template`;
  const url = await createNamedDatabase(server, template);
  try {
    await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  } catch (error) {
    await dropDatabases(server, prefix);
    throw error;
  }
  project.provide("testDatabases", { server: withDatabase(server, "postgres"), prefix, template });
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabases(server, prefix);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's migrated template and the prefix of every database the run creates. */
    testDatabases: { server: string; prefix: string; template: string };
  }
}

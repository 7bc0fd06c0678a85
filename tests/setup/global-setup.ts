import type { TestProject } from "vitest/node";
import { createDatabase, dropDatabase, ensurePostgres } from "@/lib/cli/postgres";
import { run, bin } from "@/lib/cli/run";

/**
 * One fresh database for the integration run, migrated with the real `prisma migrate deploy`
 * (so the committed migrations are what is tested), dropped at the end.
 */
export default async function setup(project: TestProject) {
  const server = await ensurePostgres();
  const url = await createDatabase(server, "jingban_test");
  await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  project.provide("databaseUrl", url);
  return async () => {
    if (!process.env.KEEP_TEST_DATABASE) await dropDatabase(url);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

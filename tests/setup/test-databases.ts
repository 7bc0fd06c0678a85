/**
 * The databases of an integration run (decision 0016). tests/setup/global-setup.ts migrates one
 * template; every vitest worker (VITEST_POOL_ID, 1 … maxWorkers) works in its own copy of it,
 * made the first time one of its test files starts. A worker runs one file at a time, so files in
 * the same copy run one after another as they always did, and files in different workers share
 * nothing but the server. A file that needs a database of its own (an empty one, or one without
 * the other files' offices) makes it here, under the run's prefix, so the run's end drops it too.
 */
import pg from "pg";
import { inject } from "vitest";
import { withDatabase } from "@/lib/db/migration-adapter";
import { createNamedDatabase } from "@/tests/tools/postgres";

const databases = () => inject("testDatabases");

async function exists(name: string): Promise<boolean> {
  const admin = new pg.Client({ connectionString: databases().server });
  await admin.connect();
  try {
    return (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  } finally {
    await admin.end();
  }
}

/**
 * A copy of the migrated template. Commits in it do not wait for the WAL to reach the disk
 * (synchronous_commit = off, this database only): a crash of the server could lose the last few
 * transactions of a test database, which nobody would keep anyway; what a transaction sees and
 * what it refuses is unchanged.
 */
async function copyOfTemplate(name: string): Promise<string> {
  const { server, template } = databases();
  const url = await createNamedDatabase(server, name, { template });
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" SET synchronous_commit = off`);
  } finally {
    await admin.end();
  }
  return url;
}

/** This worker's database: the template's copy named after VITEST_POOL_ID, made on first use. */
export async function workerDatabaseUrl(): Promise<string> {
  const { server, prefix } = databases();
  const name = `${prefix}_w${process.env.VITEST_POOL_ID ?? "1"}`;
  return (await exists(name)) ? withDatabase(server, name) : copyOfTemplate(name);
}

/** A new, migrated database without any rows (the template's copy) for one test file. */
export function freshMigratedDatabase(label: string): Promise<string> {
  return copyOfTemplate(`${databases().prefix}_${label}_${process.pid}`);
}

/** A new, empty database (no schema at all) for one test file, e.g. to restore a dump into. */
export function emptyDatabase(label: string): Promise<string> {
  const { server, prefix } = databases();
  return createNamedDatabase(server, `${prefix}_${label}_${process.pid}`);
}

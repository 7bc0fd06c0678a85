/**
 * Finding a real PostgreSQL server for the tests, the e2e run and CI. The server is taken from
 * TEST_DATABASE_URL, else DATABASE_URL, else the local default postgresql://postgres@127.0.0.1:5432.
 * When none answers and this machine has a local cluster (Debian's pg_ctlcluster), it is started.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import pg from "pg";
import { withDatabase } from "@/lib/db/migration-adapter";

export function serverUrl(): string {
  return process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres"), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

export async function ensurePostgres(url = serverUrl()): Promise<string> {
  if (await reachable(url)) return url;
  if (fs.existsSync("/etc/postgresql")) {
    for (const version of fs.readdirSync("/etc/postgresql")) {
      try {
        execFileSync("pg_ctlcluster", ["--skip-systemctl-redirect", version, "main", "start"], { stdio: "inherit" });
      } catch {
        /* reported below if still unreachable */
      }
    }
    for (let i = 0; i < 20 && !(await reachable(url)); i++) await new Promise((r) => setTimeout(r, 500));
    if (await reachable(url)) return url;
  }
  throw new Error(
    `No PostgreSQL server answers at ${new URL(url).host}. The tests need a real server: start one, or set ` +
      "TEST_DATABASE_URL=postgresql://user@host:port/postgres (the role needs CREATEDB).",
  );
}

/** Creates a fresh, empty database for one run and returns its URL. */
export async function createDatabase(url: string, prefix: string): Promise<string> {
  return createNamedDatabase(url, `${prefix}_${Date.now()}_${process.pid}`);
}

/**
 * Creates the database `name` on the server of `url`, empty or, with `template`, as a copy of
 * that database (`CREATE DATABASE … TEMPLATE`: a file-level copy, no migrations run; the template
 * must have no open connections). Answers its URL.
 */
export async function createNamedDatabase(url: string, name: string, options: { template?: string } = {}): Promise<string> {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"${options.template ? ` TEMPLATE "${options.template}"` : ""}`);
  } finally {
    await admin.end();
  }
  return withDatabase(url, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

/** Drops every database whose name starts with `prefix` (a test run's template and its copies). */
export async function dropDatabases(url: string, prefix: string): Promise<string[]> {
  const admin = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname",
      [prefix],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    return rows.map((r) => r.datname);
  } finally {
    await admin.end();
  }
}

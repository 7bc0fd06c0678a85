/**
 * The state of this app server and what it depends on, for a load balancer's health check and an
 * operator (docs/api.md §9 "Health"): the node that answered, the primary database, the read
 * replica when one is configured (DATABASE_REPLICA_URL) with its replay lag, and the depth of the
 * job queue (pg-boss). It says nothing that is secret or personal: no connection strings, no
 * user names, no counts of cases or people.
 */
import os from "node:os";
import pg from "pg";
import { readCounts, type ReadCounts } from "@/lib/db/freshness";
import { q, sql } from "@/lib/db/sql";

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number | null;
}

export interface ReplicaHealth {
  configured: boolean;
  ok?: boolean;
  /** Seconds since the last transaction the replica replayed; null when it is not in recovery. */
  lagSeconds?: number | null;
  inRecovery?: boolean;
}

export interface JobsHealth {
  /** Jobs waiting to run (created or waiting for a retry). */
  queued: number;
  active: number;
}

export interface Health {
  status: "ok" | "unavailable";
  node: string;
  time: string;
  database: DatabaseHealth;
  replica: ReplicaHealth;
  jobs: JobsHealth | null;
  /** Reads that tolerate lag served by this process since it started, per database (decision 0020). */
  reads: ReadCounts;
}

/** JINGBAN_NODE_NAME, else host name and port: which server of a cluster answered. */
export function nodeName(): string {
  return process.env.JINGBAN_NODE_NAME || `${os.hostname()}:${process.env.PORT ?? "3000"}`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number } | null> {
  const start = performance.now();
  try {
    const value = await work();
    return { value, ms: Math.round((performance.now() - start) * 10) / 10 };
  } catch {
    return null;
  }
}

async function databaseHealth(): Promise<DatabaseHealth> {
  const result = await timed(() => sql.rows(q`SELECT 1 AS one`));
  return { ok: result !== null, latencyMs: result?.ms ?? null };
}

async function replicaHealth(): Promise<ReplicaHealth> {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return { configured: false };
  // A connection of its own, opened and closed per check: the check must not depend on the pool
  // the requests use, and a health check is rare next to them.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000, statement_timeout: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ in_recovery: boolean; lag: string | null }>(
      `SELECT pg_is_in_recovery() AS in_recovery,
              CASE WHEN pg_is_in_recovery() THEN
                -- Nothing to replay means no lag, however old the last replayed transaction is.
                CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                     ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END
              END::text AS lag`,
    );
    const row = rows[0];
    return { configured: true, ok: true, inRecovery: row.in_recovery, lagSeconds: row.lag === null ? null : Number(row.lag) };
  } catch {
    return { configured: true, ok: false };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function jobsHealth(): Promise<JobsHealth | null> {
  try {
    const [table] = await sql.rows<{ exists: boolean }>(q`SELECT to_regclass('pgboss.job') IS NOT NULL AS exists`);
    // No job has ever been queued on this database: pg-boss has not made its schema yet.
    if (!table.exists) return { queued: 0, active: 0 };
    const rows = await sql.rows<{ state: string; n: number }>(
      q`SELECT state::text AS state, count(*)::int AS n FROM pgboss.job
         WHERE state IN ('created', 'retry', 'active') GROUP BY state`,
    );
    const count = (...states: string[]) => rows.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + r.n, 0);
    return { queued: count("created", "retry"), active: count("active") };
  } catch {
    return null;
  }
}

export async function checkHealth(): Promise<Health> {
  const [database, replica, jobs] = await Promise.all([databaseHealth(), replicaHealth(), jobsHealth()]);
  return {
    status: database.ok ? "ok" : "unavailable",
    node: nodeName(),
    time: new Date().toISOString(),
    database,
    replica,
    jobs,
    reads: { ...readCounts() },
  };
}

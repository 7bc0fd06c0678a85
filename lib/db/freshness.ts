/**
 * Read-your-writes with a read replica (docs/decisions/0020). After a commit on the primary the
 * primary's WAL position (its LSN) is remembered for the user who committed, by a marker that
 * lib/auth/read-your-writes.ts installs (a short-lived cookie); a later read that tolerates lag
 * goes to the replica only once the replica has replayed that position, else to the primary.
 * Without DATABASE_REPLICA_URL none of this runs: every read is on the primary already.
 */
import { getPool, getReplica } from "./client";

export interface FreshnessMarker {
  /** The LSN of this user's last commit, if one is remembered for the current request. */
  read(): Promise<string | null>;
  /** Remembers the LSN of a commit this request made. */
  write(lsn: string): Promise<void>;
}

const globalMarker = globalThis as unknown as { jingbanFreshness?: FreshnessMarker; jingbanReads?: ReadCounts };

export function setFreshnessMarker(marker: FreshnessMarker | undefined): void {
  globalMarker.jingbanFreshness = marker;
}

/** An LSN as PostgreSQL prints it: two hexadecimal halves, e.g. 0/1A2B3C4. */
export const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;

/** After a commit on the primary: where its WAL is now, for this user's next reads. */
export async function noteCommit(): Promise<void> {
  const marker = globalMarker.jingbanFreshness;
  if (!marker || !process.env.DATABASE_REPLICA_URL) return;
  try {
    const { rows } = await getPool().query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
    await marker.write(rows[0].lsn);
  } catch {
    // The commit has happened; failing to remember it only costs this user a stale list for a moment.
  }
}

export type ReadTarget = "replica" | "primary";

/** Reads served per target since this process started (the health endpoint and the bench read them). */
export interface ReadCounts {
  replica: number;
  primary: number;
  /** Reads meant for the replica that ran on the primary because it did not answer. */
  fallbacks: number;
}
export function readCounts(): ReadCounts {
  return (globalMarker.jingbanReads ??= { replica: 0, primary: 0, fallbacks: 0 });
}

/**
 * Where a read that tolerates lag runs: the replica, unless none is configured or it has not yet
 * replayed the current user's last commit (or cannot say so).
 */
export async function readTarget(): Promise<ReadTarget> {
  const replica = getReplica();
  if (!replica) return "primary";
  const lsn = await globalMarker.jingbanFreshness?.read().catch(() => null);
  if (!lsn || !LSN.test(lsn)) return "replica";
  try {
    // A promoted standby (or a primary named as replica) has no replay position: its own WAL counts.
    const { rows } = await replica.pool.query<{ fresh: boolean }>(
      "SELECT COALESCE(pg_last_wal_replay_lsn(), pg_current_wal_lsn()) >= $1::pg_lsn AS fresh",
      [lsn],
    );
    return rows[0]?.fresh ? "replica" : "primary";
  } catch {
    return "primary";
  }
}

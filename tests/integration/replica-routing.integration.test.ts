import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { createDatabase, dropDatabase } from "@/tests/tools/postgres";
import { bin, run } from "@/lib/cli/run";
import { db, disconnectDb } from "@/lib/db/client";
import { LSN, readCounts, setFreshnessMarker, type FreshnessMarker } from "@/lib/db/freshness";
import { q, tolerantRead, transaction } from "@/lib/db/sql";
import { findPeople } from "@/lib/people/queries";
import { ensureDemo } from "@/tests/factories/demo";
import { demoPerson } from "@/tests/factories/people";

/**
 * Reads that tolerate lag go to DATABASE_REPLICA_URL, and a user's own commit sends that user's
 * reads to the primary until the replica has replayed it (decision 0020). The stand-in replica is
 * a second, freshly migrated and empty database on the same server: which database answered is
 * then plain from the rows. Real streaming replication and its lag are tested by the cluster
 * suite (tests/cluster).
 */
let replicaUrl: string;
let primaryName: string;
let replicaName: string;

/** The cookie of a browser, for one test: what the cookie marker does inside a request. */
class MemoryMarker implements FreshnessMarker {
  lsn: string | null = null;
  writes: string[] = [];
  async read() {
    return this.lsn;
  }
  async write(lsn: string) {
    this.writes.push(lsn);
    this.lsn = lsn;
  }
}

const answeredBy = () => tolerantRead(async ({ sql }) => (await sql.rows<{ name: string }>(q`SELECT current_database() AS name`))[0].name);

beforeAll(async () => {
  await ensureDemo();
  const primary = process.env.DATABASE_URL ?? "";
  primaryName = new URL(primary).pathname.slice(1);
  replicaUrl = await createDatabase(primary, "jingban_replica_standin");
  replicaName = new URL(replicaUrl).pathname.slice(1);
  await run(bin("prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: replicaUrl }, stdio: "ignore" });
}, 120_000);

afterEach(() => {
  delete process.env.DATABASE_REPLICA_URL;
  setFreshnessMarker(undefined);
});

afterAll(async () => {
  await disconnectDb();
  await dropDatabase(replicaUrl);
});

describe("reads that tolerate lag", () => {
  test("run on the primary when no replica is configured", async () => {
    const before = { ...readCounts() };
    expect(await answeredBy()).toBe(primaryName);
    expect(readCounts().primary).toBe(before.primary + 1);
  });

  test("run on the replica when one is configured", async () => {
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    const before = { ...readCounts() };
    expect(await answeredBy()).toBe(replicaName);
    expect(readCounts().replica).toBe(before.replica + 1);
  });

  test("a people search reads the replica: the empty stand-in finds nobody the primary knows", async () => {
    const office = await db.office.findUniqueOrThrow({ where: { code: "440300" }, select: { id: true } });
    const p1 = demoPerson("P1");
    expect((await findPeople({ officeId: office.id }, p1.idNumber)).map((p) => p.idNumber)).toEqual([p1.idNumber]);
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    expect(await findPeople({ officeId: office.id }, p1.idNumber)).toEqual([]);
  });

  test("after the user's own commit, go to the primary until the replica has replayed it", async () => {
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    const marker = new MemoryMarker();
    setFreshnessMarker(marker);
    await transaction(async (tx) => tx.office.count());
    expect(marker.writes).toHaveLength(1);
    expect(marker.writes[0]).toMatch(LSN);
    // The stand-in shares the primary's WAL, so it has "replayed" the commit at once.
    expect(await answeredBy()).toBe(replicaName);
    // A replica that is behind the user's commit (a position it has not reached).
    marker.lsn = "FFFFFFFF/FFFFFFFF";
    expect(await answeredBy()).toBe(primaryName);
  });

  test("a malformed remembered position is ignored, never sent to the database", async () => {
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    const marker = new MemoryMarker();
    marker.lsn = "0/0'; DROP TABLE \"Case\"; --";
    setFreshnessMarker(marker);
    expect(await answeredBy()).toBe(replicaName);
  });

  test("without a replica, a commit remembers nothing (no extra statement per write)", async () => {
    const marker = new MemoryMarker();
    setFreshnessMarker(marker);
    await transaction(async (tx) => tx.office.count());
    expect(marker.writes).toEqual([]);
  });

  test("a replica that does not answer: the read runs again on the primary", async () => {
    const url = new URL(replicaUrl);
    url.port = "1";
    process.env.DATABASE_REPLICA_URL = url.toString();
    const before = { ...readCounts() };
    expect(await answeredBy()).toBe(primaryName);
    expect(readCounts().fallbacks).toBe(before.fallbacks + 1);
  });

  test("an error of the statement itself is not hidden by a second try on the primary", async () => {
    process.env.DATABASE_REPLICA_URL = replicaUrl;
    await expect(tolerantRead(({ sql }) => sql.rows(q`SELECT * FROM "NoSuchTable"`))).rejects.toMatchObject({ code: "42P01" });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import PgBoss from "pg-boss";
import { GET } from "@/app/api/health/route";
import type { Health } from "@/lib/health";

async function health(): Promise<{ response: Response; body: Health }> {
  const response = await GET();
  return { response, body: (await response.json()) as Health };
}

const savedReplica = process.env.DATABASE_REPLICA_URL;
afterEach(() => {
  if (savedReplica === undefined) delete process.env.DATABASE_REPLICA_URL;
  else process.env.DATABASE_REPLICA_URL = savedReplica;
});

describe("GET /api/health", () => {
  let boss: PgBoss;
  beforeAll(async () => {
    boss = new PgBoss({ connectionString: process.env.DATABASE_URL, schema: "pgboss", max: 2 });
    boss.on("error", () => undefined);
    await boss.start();
    await boss.createQueue("health-check-test");
  });
  afterAll(async () => {
    await boss.stop({ graceful: false, wait: true });
  });

  test("answers 200 with the node, the primary and no replica, and is never cached", async () => {
    delete process.env.DATABASE_REPLICA_URL;
    const { response, body } = await health();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(body.status).toBe("ok");
    expect(body.database.ok).toBe(true);
    expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    expect(body.replica).toEqual({ configured: false });
    expect(body.node.length).toBeGreaterThan(0);
    expect(response.headers.get("x-served-by")).toBe(body.node);
  });

  test("the node is the one the deployment names", async () => {
    const saved = process.env.JINGBAN_NODE_NAME;
    process.env.JINGBAN_NODE_NAME = "app-2";
    try {
      const { response, body } = await health();
      expect(body.node).toBe("app-2");
      expect(response.headers.get("x-served-by")).toBe("app-2");
    } finally {
      if (saved === undefined) delete process.env.JINGBAN_NODE_NAME;
      else process.env.JINGBAN_NODE_NAME = saved;
    }
  });

  test("counts the jobs waiting in the queue", async () => {
    const before = (await health()).body.jobs;
    expect(before).not.toBeNull();
    await boss.send("health-check-test", { n: 1 });
    await boss.send("health-check-test", { n: 2 });
    const after = (await health()).body.jobs;
    expect(after?.queued).toBe((before?.queued ?? 0) + 2);
    expect(after?.active).toBe(before?.active);
  });

  test("a configured replica that answers is reported with its recovery state", async () => {
    // The test database stands in for a replica: it answers but is not in recovery.
    process.env.DATABASE_REPLICA_URL = process.env.DATABASE_URL;
    const { response, body } = await health();
    expect(response.status).toBe(200);
    expect(body.replica).toEqual({ configured: true, ok: true, inRecovery: false, lagSeconds: null });
  });

  test("a replica that does not answer is reported, and the server stays up on the primary", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.port = "1"; // nothing listens there
    process.env.DATABASE_REPLICA_URL = url.toString();
    const { response, body } = await health();
    expect(response.status).toBe(200);
    expect(body.replica).toEqual({ configured: true, ok: false });
  });

  test("says nothing secret: no connection string, database name, user or host of the database", async () => {
    process.env.DATABASE_REPLICA_URL = process.env.DATABASE_URL;
    const text = JSON.stringify((await health()).body);
    const url = new URL(process.env.DATABASE_URL ?? "");
    expect(text).not.toContain(url.pathname.slice(1));
    expect(text).not.toContain("postgres");
    expect(text).not.toContain(url.host);
  });
});

test("counts the reads this process served per database", async () => {
  const { body } = await health();
  expect(Object.keys(body.reads).sort()).toEqual(["fallbacks", "primary", "replica"]);
  for (const n of Object.values(body.reads)) expect(Number.isInteger(n) && n >= 0).toBe(true);
});

/**
 * Jingban as it runs in a data centre (issue 15): two app servers behind HAProxy, a primary and a
 * streaming standby (deploy/cluster.ts). Through the balancer: the servers take turns, the
 * journeys complete, a user reads their own write while the replica is behind, killing a server
 * mid-run loses nothing acknowledged, and after promoting the standby the chains still verify
 * with every acknowledged event there.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { spawnSync } from "node:child_process";
import { Cluster } from "@/deploy/cluster";
import demo from "@/prisma/seed/demo-data.json";

const cluster = new Cluster({
  port: Number(process.env.CLUSTER_PORT ?? 3170),
  pgPort: Number(process.env.CLUSTER_PG_PORT ?? 55432),
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const tokens: Record<string, string> = {};
/** The servers that answered since the set was last cleared (HAProxy passes x-served-by through). */
const servedBy = new Set<string>();

async function call(method: string, path: string, o: { who?: string; body?: unknown; cookie?: string } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json", "accept-language": "en" };
  if (o.who) headers.authorization = `Bearer ${tokens[o.who]}`;
  if (o.cookie) headers.cookie = o.cookie;
  const response = await fetch(`${cluster.url}${path}`, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
  const node = response.headers.get("x-served-by");
  if (node) servedBy.add(node);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json, headers: response.headers };
}

async function step(who: string, id: string, action: string, extra: Record<string, unknown> = {}) {
  const detail = await call("GET", `/api/v1/cases/${id}`, { who });
  expect(detail.status).toBe(200);
  const r = await call("POST", `/api/v1/cases/${id}/transitions`, { who, body: { action, version: detail.body.version, ...extra } });
  expect(r.status, `${action} by ${who}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as { status: string; version: number };
}

async function receiveAll(who: string, id: string) {
  const detail = await call("GET", `/api/v1/cases/${id}`, { who });
  for (const item of detail.body.checklist.filter((i: Json) => i.required && !i.received))
    expect((await call("POST", `/api/v1/cases/${id}/documents`, { who, body: { kind: item.kind } })).status).toBe(200);
}

async function query<T>(which: "primary" | "standby", text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl(which) });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Active people of the Shenzhen office (440300) with no case yet: fresh applicants for a test. */
function peopleWithoutCases(which: "primary" | "standby", limit: number, order: "ASC" | "DESC") {
  return query<{ idNumber: string }>(which,
    `SELECT p."idNumber" FROM "InsuredPerson" p JOIN "Office" o ON o.id = p."officeId" WHERE o.code = '440300'
       AND p."relationshipStatus" = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM "Case" c WHERE c."personId" = p.id)
     ORDER BY p."idNumber" ${order === "DESC" ? "DESC" : "ASC"} LIMIT $1`, [limit]);
}

const person = (key: string) => {
  const p = demo.people.find((x) => x.key === key);
  if (!p) throw new Error(`no demo person ${key}`);
  return p;
};

beforeAll(async () => {
  await cluster.start();
  for (const username of ["caseworker1", "caseworker2", "supervisor1", "caseworker3", "caseworker4", "supervisor3"]) {
    const r = await call("POST", "/api/v1/auth/token", { body: { username, password: demo.password } });
    expect(r.status, `token for ${username}`).toBe(200);
    tokens[username] = r.body.token;
  }
});

afterAll(async () => {
  await cluster.stop();
});

describe("through the balancer", () => {
  test("the servers take turns, and each answer names its server", async () => {
    const served = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const r = await call("GET", "/api/health");
      expect(r.status).toBe(200);
      expect(r.headers.get("x-served-by")).toBe(r.body.node);
      served.add(r.body.node);
    }
    expect([...served].sort()).toEqual(cluster.apps.map((a) => a.name).sort());
  });

  test("health shows the streaming replica and its lag", async () => {
    const r = await call("GET", "/api/health");
    expect(r.body).toMatchObject({ status: "ok", database: { ok: true }, replica: { configured: true, ok: true, inRecovery: true } });
    expect(typeof r.body.replica.lagSeconds).toBe("number");
  });

  test("the three journeys complete, with the servers taking turns", async () => {
    servedBy.clear();
    const P1 = person("P1");
    const s = await call("POST", "/api/v1/cases", { who: "caseworker1", body: { type: "SURRENDER", idNumber: P1.idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" } });
    expect(s.status).toBe(201);
    await receiveAll("caseworker1", s.body.id);
    await step("caseworker1", s.body.id, "submit");
    await step("caseworker2", s.body.id, "claim");
    await step("caseworker2", s.body.id, "recommend");
    await step("supervisor1", s.body.id, "approve");
    expect((await step("caseworker1", s.body.id, "complete", { data: { paymentReference: "PAY-CLUSTER-1" } })).status).toBe("COMPLETED");
    expect((await call("GET", `/api/v1/cases/${s.body.id}`, { who: "caseworker1" })).body.payment).toMatchObject({ amount: "39778.18" });

    const P4 = person("P4");
    const r = await call("POST", "/api/v1/cases", { who: "caseworker1", body: { type: "DUPLICATE_REFUND", idNumber: P4.idNumber } });
    expect(r.status).toBe(201);
    await receiveAll("caseworker1", r.body.id);
    await step("caseworker1", r.body.id, "submit");
    await step("caseworker2", r.body.id, "claim");
    await step("caseworker2", r.body.id, "recommend");
    await step("supervisor1", r.body.id, "approve");
    await step("caseworker2", r.body.id, "complete", { data: { paymentReference: "REF-CLUSTER-1" } });
    expect((await call("GET", `/api/v1/cases/${r.body.id}`, { who: "caseworker2" })).body).toMatchObject({ status: "COMPLETED", payment: { amount: "3000.00" } });

    const P3 = person("P3");
    const tin = await call("POST", "/api/v1/cases", { who: "caseworker3", body: { type: "TRANSFER_IN", idNumber: P3.idNumber, fromOffice: "440300", transferMonth: "2024-08" } });
    expect(tin.status).toBe(201);
    await receiveAll("caseworker3", tin.body.id);
    await step("caseworker3", tin.body.id, "submit");
    await step("caseworker4", tin.body.id, "claim");
    await step("caseworker4", tin.body.id, "recommend");
    expect((await step("supervisor3", tin.body.id, "approve")).status).toBe("AWAITING_FUNDS");
    const out = (await call("GET", `/api/v1/cases/${tin.body.id}`, { who: "caseworker3" })).body.linkedCases[0].id as string;
    await step("caseworker1", out, "claim");
    await step("caseworker1", out, "recommend");
    await step("caseworker2", out, "approve");
    await step("caseworker1", out, "complete", { data: { fundsReference: "FUND-CLUSTER-1" } });
    expect((await step("caseworker4", tin.body.id, "complete", { data: { receivedAmount: "43766.49" } })).status).toBe("COMPLETED");

    expect([...servedBy].sort()).toEqual(cluster.apps.map((a) => a.name).sort());
  });

  test("a user reads their own write while the replica is behind; others read the replica", async () => {
    const [target] = await peopleWithoutCases("primary", 1, "ASC");
    await query("standby", "SELECT pg_wal_replay_pause()");
    try {
      const created = await call("POST", "/api/v1/cases", { who: "caseworker1", body: { type: "SURRENDER", idNumber: target.idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" } });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const cookie = (created.headers.get("set-cookie") ?? "").split(";")[0];
      expect(decodeURIComponent(cookie)).toMatch(/^jb_lsn=[0-9A-F]+\/[0-9A-F]+$/i);
      const search = `/api/v1/cases?q=${encodeURIComponent(created.body.caseNumber)}`;
      // Both servers, with the cookie: the write is there (read on the primary).
      for (let i = 0; i < 2; i++) {
        const mine = await call("GET", search, { who: "caseworker1", cookie });
        expect(mine.body.items.map((c: Json) => c.id)).toEqual([created.body.id]);
      }
      // Without it the list is read on the replica, which has not replayed the write yet.
      for (let i = 0; i < 2; i++) expect((await call("GET", search, { who: "caseworker1" })).body.items).toEqual([]);
    } finally {
      await query("standby", "SELECT pg_wal_replay_resume()");
    }
  });

  test("batch print jobs queued through either server each run once, on whichever server picks them up", async () => {
    const people = await query<{ idNumber: string }>("primary",
      `SELECT p."idNumber" FROM "InsuredPerson" p JOIN "Office" o ON o.id = p."officeId" WHERE o.code = '440300'
         AND EXISTS (SELECT 1 FROM "ContributionRecord" r WHERE r."personId" = p.id) ORDER BY p."idNumber" LIMIT 6`);
    expect(people.length).toBe(6);
    for (const { idNumber } of people)
      expect((await call("POST", "/api/v1/certificates", { who: "caseworker1", body: { idNumber } })).status).toBe(201);
    servedBy.clear();
    const batches: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await call("POST", "/api/v1/certificates/batches", { who: "caseworker1", body: {} });
      expect(r.status, JSON.stringify(r.body)).toBe(202);
      batches.push(r.body.id);
    }
    expect([...servedBy].sort()).toEqual(cluster.apps.map((a) => a.name).sort());
    const until = Date.now() + 120_000;
    let states: Array<{ id: string; status: string; done: number; total: number }> = [];
    while (Date.now() < until) {
      states = await query("primary", `SELECT id, status::text AS status, done, total FROM "BatchJob" WHERE id = ANY($1::uuid[])`, [batches]);
      if (states.every((b) => b.status === "DONE" || b.status === "FAILED")) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(states.map((b) => b.status)).toEqual(batches.map(() => "DONE"));
    for (const b of states) expect(b.done).toBe(b.total);
    // One pg-boss job per batch, completed at its first attempt: nothing ran twice.
    const jobs = await query<{ batchId: string; state: string; retries: number }>("primary",
      `SELECT data->>'batchId' AS "batchId", state::text AS state, retry_count AS retries FROM pgboss.job
        WHERE data->>'batchId' = ANY($1::text[])`, [batches]);
    expect(jobs.map((j) => j.batchId).sort()).toEqual([...batches].sort());
    expect(jobs.every((j) => j.state === "completed" && j.retries === 0)).toBe(true);
  });

  test("killing a server mid-run loses no acknowledged request and no case change", async () => {
    const people = await peopleWithoutCases("primary", 40, "DESC");
    expect(people.length).toBe(40);
    const [{ n: casesBefore }] = await query<{ n: number }>("primary", `SELECT count(*)::int AS n FROM "Case"`);
    const outcomes: Array<{ status: number; id?: string; error?: string }> = [];
    let next = 0;
    const victim = cluster.apps[0];
    const worker = async () => {
      while (next < people.length) {
        const idNumber = people[next++].idNumber;
        if (next === 15) cluster.killApp(victim);
        try {
          const r = await call("POST", "/api/v1/cases", { who: "caseworker1", body: { type: "SURRENDER", idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" } });
          outcomes.push({ status: r.status, id: r.body?.id, error: r.body?.error?.message });
        } catch {
          outcomes.push({ status: 0 });
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const acknowledged = outcomes.filter((o) => o.status === 201).map((o) => o.id as string);
    const unanswered = outcomes.filter((o) => o.status !== 201 && (o.status === 0 || o.status >= 500)).length;
    const refused = outcomes.filter((o) => o.status >= 400 && o.status < 500);
    expect(refused).toEqual([]);
    // Most requests got through: the balancer sends the rest to the surviving server.
    expect(acknowledged.length).toBeGreaterThanOrEqual(people.length - 4);
    const stored = await query<{ id: string }>("primary", `SELECT id FROM "Case" WHERE id = ANY($1::uuid[])`, [acknowledged]);
    expect(stored.length).toBe(acknowledged.length);
    const [{ n: casesAfter }] = await query<{ n: number }>("primary", `SELECT count(*)::int AS n FROM "Case"`);
    // Nothing doubled; at most the requests cut off in flight were committed without an answer.
    expect(casesAfter - casesBefore).toBeGreaterThanOrEqual(acknowledged.length);
    expect(casesAfter - casesBefore).toBeLessThanOrEqual(acknowledged.length + unanswered);
    await cluster.startApp(victim);
  });

  test("promotion drill: stop the primary, promote the standby; the chains verify and no event is lost", async () => {
    const [{ n: eventsBefore }] = await query<{ n: number }>("primary", `SELECT count(*)::int AS n FROM "CaseEvent"`);
    // The standby has every committed event before the primary stops (a clean shutdown ships all WAL).
    await cluster.promote();
    const [{ n: eventsAfter }] = await query<{ n: number }>("standby", `SELECT count(*)::int AS n FROM "CaseEvent"`);
    expect(eventsAfter).toBe(eventsBefore);
    const verify = spawnSync("node_modules/.bin/tsx", ["lib/cli/audit-verify.ts"], {
      encoding: "utf8", env: { ...process.env, DATABASE_URL: cluster.databaseUrl("standby") },
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    // The app writes to the promoted standby through the balancer.
    const health = await call("GET", "/api/health");
    expect(health.body).toMatchObject({ status: "ok", replica: { configured: false } });
    const [{ idNumber }] = await peopleWithoutCases("standby", 1, "ASC");
    const r = await call("POST", "/api/v1/cases", { who: "caseworker1", body: { type: "SURRENDER", idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  });
});

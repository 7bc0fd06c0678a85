/**
 * The permission matrix of the REST API, GENERATED from the permission table
 * (lib/auth/permissions.ts) and the workflow tables (lib/workflow/tables.ts), run through the
 * real route handlers on PostgreSQL with bearer tokens of every role in its own office and in
 * another one.
 *
 * The route modules are found on disk when the test runs: a route or an HTTP method that is not
 * in `routeMatrix` below fails the first test, so a new endpoint cannot ship without saying who
 * may call it. Then, for every non-public endpoint: 401 without (or with a bad) token; each role
 * of the office allowed or refused (403) exactly as the permission table says; another office's
 * thing not found (404, or absent from a list) for every role; a refusal writes nothing. For the
 * transitions endpoint, every user row of every workflow table × every role × both offices.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { can, permissionTable, roles, type Permission, type Role } from "@/lib/auth/permissions";
import { issueApiToken } from "@/lib/auth/session";
import { stopBatchQueue } from "@/lib/certificates/batch-queue";
import { issueCertificate } from "@/lib/certificates/certificates";
import type { Actor } from "@/lib/service";
import { createCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { roleMayPerform, workflows, caseTypes, type CaseType, type Transition } from "@/lib/workflow";
import { CaseDriver, requiredExtra, currentVersion, perform, receiveAllDocuments, unwrap } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, TEST_PASSWORD, type TestOffice } from "@/tests/factories/offices";
import { clonePerson } from "@/tests/factories/people";
import { writeCounts } from "@/tests/factories/write-counts";

process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");

// ---------------------------------------------------------------------------------------------
// The matrix: every route module under app/ and who may call each of its methods.
// ---------------------------------------------------------------------------------------------

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
type Method = (typeof METHODS)[number];
type Rule = Permission | "public";

const routeMatrix: Record<string, Partial<Record<Method, Rule>>> = {
  "/api/v1/auth/token": { POST: "public" },
  "/api/v1/calc/[kind]": { POST: "public" },
  "/api/v1/openapi.json": { GET: "public" },
  "/api/v1/verify/[code]": { GET: "public" },
  "/api/v1/cases": { GET: "case:read", POST: "case:create" },
  "/api/v1/cases/[id]": { GET: "case:read" },
  "/api/v1/cases/[id]/transitions": { POST: "case:work" },
  "/api/v1/cases/[id]/documents": { POST: "case:work" },
  "/api/v1/cases/[id]/documents/[file]": { GET: "case:read" },
  "/api/v1/cases/reassign": { POST: "case:reassign" },
  "/api/v1/persons": { GET: "person:read" },
  "/api/v1/persons/[id]/records": { GET: "person:read" },
  "/api/v1/certificates": { GET: "certificate:read", POST: "certificate:issue" },
  "/api/v1/certificates/[serial]/pdf": { GET: "certificate:read" },
  "/api/v1/certificates/[serial]/reprint": { POST: "certificate:issue" },
  "/api/v1/certificates/[serial]/revoke": { POST: "certificate:revoke" },
  "/api/v1/certificates/[serial]/supersede": { POST: "certificate:revoke" },
  "/api/v1/certificates/batches": { GET: "certificate:read", POST: "certificate:issue" },
  "/api/v1/certificates/batches/[id]": { GET: "certificate:read" },
  "/api/v1/certificates/batches/[id]/pdf": { GET: "certificate:read" },
  "/api/v1/cases/export": { GET: "case:read" },
  "/api/v1/audit/verify": { GET: "audit:read" },
  "/api/v1/audit/chain-head": { GET: "audit:read" },
  "/api/v1/audit/cases/[id]/log": { GET: "audit:read" },
  "/api/v1/audit/samples": { GET: "audit:sample", POST: "audit:sample" },
  "/api/v1/audit/samples/[id]": { GET: "audit:sample" },
  "/api/v1/audit/sample-items/[id]": { GET: "audit:sample" },
  "/api/v1/audit/sample-items/[id]/review": { POST: "audit:sample" },
  "/api/v1/audit/sample-items/[id]/findings": { POST: "audit:sample" },
  // Outside /api/v1: next-auth's own endpoints (CSRF-token protected, see tests/e2e/hardening.spec.ts)
  // and the public signing key. Listed so that any new route anywhere under app/ must be added here.
  "/api/auth/[...nextauth]": { GET: "public", POST: "public" },
  "/.well-known/jingban-signing-key": { GET: "public" },
  "/api/health": { GET: "public" },
};

const APP = path.resolve(__dirname, "../../app");

/** "app/(app)/x/[id]/route.ts" → "/x/[id]": route groups do not appear in the URL. */
function routeKey(file: string): string {
  const dir = path.dirname(file).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return `/${dir.join("/")}`.replace(/\/$/, "") || "/";
}

function discoverRouteFiles(): string[] {
  return (fs.readdirSync(APP, { recursive: true }) as string[]).filter((f) => /(^|[/\\])route\.(ts|tsx|js|mjs)$/.test(f)).sort();
}

type Handler = (request: Request, route: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const handlers = new Map<string, Partial<Record<Method, Handler>>>();

// ---------------------------------------------------------------------------------------------
// Calling a handler as Next.js would.
// ---------------------------------------------------------------------------------------------

interface Call {
  token?: string | null;
  authorization?: string;
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let ipCounter = 0;
async function call(key: string, method: Method, o: Call = {}): Promise<{ status: number; body: Json; type: string }> {
  const handler = handlers.get(key)?.[method];
  if (!handler) throw new Error(`no ${method} ${key}`);
  const urlPath = key.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_m, name: string) => encodeURIComponent(o.params?.[name] ?? ""));
  // A fresh client address per request: the matrix is not about rate limits (hardening is).
  const headers: Record<string, string> = { "content-type": "application/json", "accept-language": "en", "x-forwarded-for": `198.51.100.${ipCounter++ % 250}`, ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.authorization) headers.authorization = o.authorization;
  const request = new Request(`http://localhost${urlPath}${o.query ?? ""}`, {
    method, headers, body: method === "GET" || method === "HEAD" ? undefined : JSON.stringify(o.body ?? {}),
  });
  const response = await handler(request, { params: Promise.resolve(o.params ?? {}) });
  const type = response.headers.get("content-type") ?? "";
  const raw = Buffer.from(await response.arrayBuffer());
  return { status: response.status, body: type.includes("json") && raw.length ? JSON.parse(raw.toString("utf8")) : raw, type };
}


// ---------------------------------------------------------------------------------------------
// Two offices, staff of every role in each, a token for everyone.
// ---------------------------------------------------------------------------------------------

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;
const tokens = new Map<string, string>();

type Staff = Actor & { username: string };
/** The user of a role who acts in the matrix: never one of the driver's crew (four-eyes). */
const roleUser = (office: TestOffice, role: Role): Staff => office.user(role === "caseworker" ? "caseworker3" : `${role}1`);
const tokenOf = (u: Actor) => tokens.get(u.id)!;

beforeAll(async () => {
  for (const file of discoverRouteFiles()) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    const methods: Partial<Record<Method, Handler>> = {};
    for (const m of METHODS) if (typeof mod[m] === "function") methods[m] = mod[m] as Handler;
    handlers.set(routeKey(file), methods);
  }
  await ensureDemo();
  home = await createTestOffice({ label: "矩阵", province: "湖南" });
  partner = await createTestOffice({ label: "矩阵他所", province: "广东" });
  driver = new CaseDriver(home, partner);
  for (const office of [home, partner])
    for (const u of Object.values(office.users)) tokens.set(u.id, (await issueApiToken(u.id)).token);
});

afterAll(async () => {
  await stopBatchQueue();
});

describe("every route is in the matrix", () => {
  test("the route modules on disk and their methods are exactly the matrix's keys", () => {
    const onDisk = [...handlers].flatMap(([key, methods]) => Object.keys(methods).map((m) => `${m} ${key}`)).sort();
    const inMatrix = Object.entries(routeMatrix).flatMap(([key, methods]) => Object.keys(methods).map((m) => `${m} ${key}`)).sort();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk, "a route or method without a matrix entry (add it to routeMatrix), or an entry without a route").toEqual(inMatrix);
  });

  test("every permission the matrix names is a row of the permission table", () => {
    for (const methods of Object.values(routeMatrix))
      for (const rule of Object.values(methods)) if (rule !== "public") expect(Object.keys(permissionTable)).toContain(rule);
  });
});

// ---------------------------------------------------------------------------------------------
// How to call each protected endpoint on a thing of `home`, as `who` (of either office).
// ---------------------------------------------------------------------------------------------

interface Subject {
  params?: Record<string, string>;
  query?: string;
  body?: unknown;
}

interface Fixture {
  /** A request about a thing of the home office; `who` may be of either office. */
  subject(who: Staff): Promise<Subject>;
  /** The allowed call changes the thing: every allowed call gets a fresh one. */
  fresh?: boolean;
  ok: number;
  /** What another office's permitted user gets: 404, or 200 / 422 without the home office's thing. */
  foreign: { status: number; hides?: (body: Json, s: Subject) => boolean };
  /** Checks an allowed answer (beyond its status). */
  check?: (body: Json, s: Subject) => void | Promise<void>;
  /** Runs after an allowed call (e.g. waits for the background job it queued). */
  after?: (body: Json) => Promise<void>;
}

const memo = <T>(make: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= make());
};

const homePerson = memo(() => clonePerson("P1", { offices: { "440300": home.code } }));
const homeCase = memo(async () => unwrap(createCase(home.user("caseworker1"), { type: "DUPLICATE_REFUND", idNumber: (await clonePerson("P4", { offices: { "440300": home.code } })).idNumber })));
async function freshCase() {
  const p = await clonePerson("P4", { offices: { "440300": home.code } });
  return unwrap(createCase(home.user("caseworker1"), { type: "DUPLICATE_REFUND", idNumber: p.idNumber }));
}
async function freshCertificate() {
  const r = await issueCertificate(home.user("caseworker1"), { personId: (await homePerson()).id }, { baseUrl: "http://localhost" });
  if (!r.ok) throw new Error(`issue: ${r.error.code} ${r.error.key}`);
  return r.value;
}
const homeCertificate = memo(freshCertificate);
// A case refused in writing: its rejection notice is a letter of the case.
const rejectedCase = memo(async () => {
  const c = await freshCase();
  await receiveAllDocuments(home.user("caseworker1"), c.id);
  await perform(home.user("caseworker1"), c.id, "submit");
  await perform(home.user("caseworker2"), c.id, "claim");
  await perform(home.user("caseworker2"), c.id, "reject", { reason: "重复缴费月份已由原单位退还" });
  return c;
});
const homeBatch = memo(async () => {
  await homeCertificate();
  const r = await call("/api/v1/certificates/batches", "POST", { token: tokenOf(home.user("caseworker1")), body: {} });
  expect(r.status).toBe(202);
  await waitForBatch(r.body.id);
  return r.body.id as string;
});

/** A rejected case of home (the driver's crew decided it; the matrix's supervisor1 and auditor1 did not). */
const decidedCase = memo(() => driver.caseAt("DUPLICATE_REFUND", "REJECTED"));
/** A new sample of all of home's decided cases, and its item for a newly rejected case. */
async function freshSampleItem() {
  const caseId = await driver.caseAt("DUPLICATE_REFUND", "REJECTED");
  const r = await call("/api/v1/audit/samples", "POST", { token: tokenOf(home.user("auditor1")), body: { percentage: 100 } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const item = await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: r.body.id, caseId }, select: { id: true } });
  return { sampleId: r.body.id as string, itemId: item.id };
}
const homeSampleItem = memo(freshSampleItem);
const reviewedItem = memo(async () => {
  const { itemId } = await freshSampleItem();
  const r = await call("/api/v1/audit/sample-items/[id]/review", "POST", { token: tokenOf(home.user("auditor1")), params: { id: itemId }, body: { decision: "REJECT", note: "复核同意驳回" } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return itemId;
});
const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

async function waitForBatch(id: string) {
  // The pg-boss worker renders the batch in the background; wait so that it writes nothing later.
  for (let i = 0; i < 600; i++) {
    const b = await db.batchJob.findUnique({ where: { id }, select: { status: true } });
    if (b?.status === "DONE" || b?.status === "FAILED") return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batch ${id} did not finish`);
}

const fixtures: Record<string, Fixture> = {
  "GET /api/v1/cases/export": {
    subject: async () => ({ query: `?q=${encodeURIComponent((await homeCase()).caseNumber)}` }),
    ok: 200,
    check: async (body) => expect(Buffer.from(body).toString("utf8")).toContain((await homeCase()).caseNumber),
    foreign: { status: 200, hides: (body) => !Buffer.from(body).toString("utf8").includes(`${home.code}-`) },
  },
  "GET /api/v1/audit/verify": {
    subject: async () => ({}),
    ok: 200,
    check: (body) => expect(body).toMatchObject({ office: home.code, ok: true }),
    foreign: { status: 200, hides: (body) => body.office === partner.code },
  },
  "GET /api/v1/audit/chain-head": {
    subject: async () => ({ query: `?date=${beijingToday()}` }),
    ok: 200,
    check: (body) => expect(body.office.code).toBe(home.code),
    foreign: { status: 200, hides: (body) => body.office.code === partner.code },
  },
  "GET /api/v1/audit/cases/[id]/log": {
    subject: async () => ({ params: { id: await decidedCase() } }),
    ok: 200,
    check: (body) => expect(Buffer.from(body).subarray(0, 5).toString()).toBe("%PDF-"),
    foreign: { status: 404 },
  },
  "GET /api/v1/audit/samples": {
    subject: async () => {
      await homeSampleItem();
      return {};
    },
    ok: 200,
    check: async (body) => expect(body.items.map((i: Json) => i.id)).toContain((await homeSampleItem()).sampleId),
    foreign: { status: 200, hides: (body) => body.items.length === 0 },
  },
  "POST /api/v1/audit/samples": {
    subject: async () => {
      await decidedCase();
      return { body: { percentage: 100 } };
    },
    fresh: true,
    ok: 201,
    check: (body) => expect(body.size).toBeGreaterThan(0),
    // Another office's sample is drawn from that office's decided cases only: it has none.
    foreign: { status: 422 },
  },
  "GET /api/v1/audit/samples/[id]": {
    subject: async () => ({ params: { id: (await homeSampleItem()).sampleId } }),
    ok: 200,
    check: (body, s) => expect(body.id).toBe(s.params!.id),
    foreign: { status: 404 },
  },
  "GET /api/v1/audit/sample-items/[id]": {
    subject: async () => ({ params: { id: (await homeSampleItem()).itemId } }),
    ok: 200,
    foreign: { status: 404 },
  },
  "POST /api/v1/audit/sample-items/[id]/review": {
    subject: async () => ({ params: { id: (await freshSampleItem()).itemId }, body: { decision: "REJECT", note: "复核同意驳回" } }),
    fresh: true,
    ok: 201,
    check: (body) => expect(body.agrees).toBe(true),
    foreign: { status: 404 },
  },
  "POST /api/v1/audit/sample-items/[id]/findings": {
    subject: async () => ({ params: { id: await reviewedItem() }, body: { severity: "MINOR", text: "告知书未盖章" } }),
    ok: 201,
    foreign: { status: 404 },
  },
  "GET /api/v1/cases": {
    subject: async () => ({ query: `?q=${encodeURIComponent((await homeCase()).caseNumber)}` }),
    ok: 200,
    check: (body) => expect(body.items).toHaveLength(1),
    foreign: { status: 200, hides: (body) => body.items.length === 0 },
  },
  "POST /api/v1/cases": {
    subject: async () => ({ body: { type: "DUPLICATE_REFUND", idNumber: (await clonePerson("P4", { offices: { "440300": home.code } })).idNumber } }),
    fresh: true,
    ok: 201,
    check: (body) => expect(body).toMatchObject({ status: "DRAFT", version: 1 }),
    foreign: { status: 404 },
  },
  "GET /api/v1/cases/[id]": {
    subject: async () => ({ params: { id: (await homeCase()).id } }),
    ok: 200,
    check: (body, s) => expect(body.id).toBe(s.params!.id),
    foreign: { status: 404 },
  },
  "POST /api/v1/cases/[id]/transitions": {
    // One row here (withdraw from DRAFT); every row of every table is generated further below.
    subject: async () => ({ params: { id: (await freshCase()).id }, body: { action: "withdraw", version: 1 } }),
    fresh: true,
    ok: 200,
    check: (body) => expect(body).toEqual({ status: "WITHDRAWN", version: 2 }),
    foreign: { status: 404 },
  },
  "POST /api/v1/cases/[id]/documents": {
    subject: async () => {
      const c = await freshCase();
      const item = await db.caseDocument.findFirstOrThrow({ where: { caseId: c.id, required: true }, orderBy: { kind: "asc" } });
      return { params: { id: c.id }, body: { kind: item.kind } };
    },
    fresh: true,
    ok: 200,
    check: (body) => expect(body).toMatchObject({ received: true, version: 2 }),
    foreign: { status: 404 },
  },
  "POST /api/v1/cases/reassign": {
    // The assignee is always of the caller's office, so another office meets only the case: 404.
    subject: async (who) => ({
      body: { caseIds: [(await freshCase()).id], assigneeId: (who.officeId === home.id ? home : partner).user("caseworker2").id, reason: "休假调整" },
    }),
    fresh: true,
    ok: 200,
    check: (body) => expect(body).toEqual({ count: 1 }),
    foreign: { status: 404 },
  },
  "GET /api/v1/persons": {
    subject: async () => ({ query: `?idNumber=${(await homePerson()).idNumber}` }),
    ok: 200,
    check: (body) => expect(body.items).toHaveLength(1),
    foreign: { status: 200, hides: (body) => body.items.length === 0 },
  },
  "GET /api/v1/persons/[id]/records": {
    subject: async () => ({ params: { id: (await homePerson()).id } }),
    ok: 200,
    check: (body) => expect(body.items.length).toBeGreaterThan(0),
    foreign: { status: 404 },
  },
  "GET /api/v1/certificates": {
    subject: async () => {
      await homeCertificate();
      return { query: "?limit=200" };
    },
    ok: 200,
    check: async (body) => expect(body.items.map((i: Json) => i.serial)).toContain((await homeCertificate()).serial),
    foreign: { status: 200, hides: (body) => body.items.length === 0 },
  },
  "POST /api/v1/certificates": {
    subject: async () => ({ body: { idNumber: (await homePerson()).idNumber } }),
    fresh: true,
    ok: 201,
    check: (body) => expect(body.serial).toMatch(new RegExp(`^${home.code}-`)),
    foreign: { status: 404 },
  },
  "GET /api/v1/cases/[id]/documents/[file]": {
    subject: async () => ({ params: { id: (await rejectedCase()).id, file: "rejection-notice.pdf" } }),
    ok: 200,
    check: (body) => expect(Buffer.from(body).subarray(0, 5).toString()).toBe("%PDF-"),
    foreign: { status: 404 },
  },
  "GET /api/v1/certificates/[serial]/pdf": {
    subject: async () => ({ params: { serial: (await homeCertificate()).serial } }),
    ok: 200,
    check: (body) => expect(Buffer.from(body).subarray(0, 5).toString()).toBe("%PDF-"),
    foreign: { status: 404 },
  },
  "POST /api/v1/certificates/[serial]/reprint": {
    subject: async () => ({ params: { serial: (await homeCertificate()).serial }, body: { reason: "原件遗失" } }),
    ok: 200,
    check: (body) => expect(Buffer.from(body).subarray(0, 5).toString()).toBe("%PDF-"),
    foreign: { status: 404 },
  },
  "POST /api/v1/certificates/[serial]/revoke": {
    subject: async () => ({ params: { serial: (await freshCertificate()).serial }, body: { reason: "信息有误" } }),
    fresh: true,
    ok: 200,
    check: (body) => expect(body.status).toBe("REVOKED"),
    foreign: { status: 404 },
  },
  "POST /api/v1/certificates/[serial]/supersede": {
    subject: async () => ({ params: { serial: (await freshCertificate()).serial }, body: { reason: "更正" } }),
    fresh: true,
    ok: 201,
    check: (body, s) => expect(body.supersedes).toBe(s.params!.serial),
    foreign: { status: 404 },
  },
  "GET /api/v1/certificates/batches": {
    subject: async () => {
      await homeBatch();
      return {};
    },
    ok: 200,
    check: async (body) => expect(body.items.map((i: Json) => i.id)).toContain(await homeBatch()),
    foreign: { status: 200, hides: (body) => body.items.length === 0 },
  },
  "POST /api/v1/certificates/batches": {
    subject: async () => {
      await homeCertificate();
      return { body: {} };
    },
    fresh: true,
    ok: 202,
    after: (body) => waitForBatch(body.id),
    // Another office's batch selects that office's certificates only: it has none.
    foreign: { status: 422 },
  },
  "GET /api/v1/certificates/batches/[id]": {
    subject: async () => ({ params: { id: await homeBatch() } }),
    ok: 200,
    check: (body) => expect(body.status).toBe("DONE"),
    foreign: { status: 404 },
  },
  "GET /api/v1/certificates/batches/[id]/pdf": {
    subject: async () => ({ params: { id: await homeBatch() } }),
    ok: 200,
    check: (body) => expect(Buffer.from(body).subarray(0, 5).toString()).toBe("%PDF-"),
    foreign: { status: 404 },
  },
};

const protectedEndpoints = Object.entries(routeMatrix)
  .filter(([key]) => key.startsWith("/api/v1/"))
  .flatMap(([key, methods]) =>
    Object.entries(methods).filter(([, rule]) => rule !== "public").map(([method, rule]) => ({ key, method: method as Method, permission: rule as Permission })),
  );

test("every protected endpoint of the matrix has a fixture", () => {
  expect(protectedEndpoints.map((e) => `${e.method} ${e.key}`).sort()).toEqual(Object.keys(fixtures).sort());
});

for (const { key, method, permission } of protectedEndpoints) {
  describe(`${method} ${key} needs ${permission} (${permissionTable[permission].roles.join(", ")})`, () => {
    const fixture = fixtures[`${method} ${key}`];

    test("401 without a token, with a malformed one, and with a foreign one; nothing written", async () => {
      const s = await fixture.subject(roleUser(home, "supervisor"));
      const before = await writeCounts();
      for (const auth of [{}, { authorization: "Bearer not-a-token" }, { authorization: `Basic ${Buffer.from(`x:${TEST_PASSWORD}`).toString("base64")}` }])
        expect((await call(key, method, { ...s, ...auth })).status).toBe(401);
      expect(await writeCounts()).toEqual(before);
    });

    for (const role of roles) {
      const allowed = can({ role }, permission);
      test(`${role} of the office → ${allowed ? fixture.ok : 403}`, async () => {
        const who = roleUser(home, role);
        const s = await fixture.subject(who);
        const before = await writeCounts();
        const r = await call(key, method, { ...s, token: tokenOf(who) });
        if (!allowed) {
          expect(r.status, JSON.stringify(r.body)).toBe(403);
          expect(r.body.error.code).toBe("forbidden");
          expect(await writeCounts()).toEqual(before);
          return;
        }
        expect(r.status, r.type.includes("json") ? JSON.stringify(r.body) : r.type).toBe(fixture.ok);
        await fixture.check?.(r.body, s);
        await fixture.after?.(r.body);
      });

      test(`${role} of another office → ${allowed ? fixture.foreign.status : "403 or 404"}, never the home office's thing`, async () => {
        const who = roleUser(partner, role);
        const s = await fixture.subject(who);
        const before = await writeCounts();
        const r = await call(key, method, { ...s, token: tokenOf(who) });
        if (!allowed) {
          // Refused either way; which of the two depends only on the order of checks, not on the thing.
          expect([403, 404]).toContain(r.status);
        } else {
          expect(r.status, JSON.stringify(r.body)).toBe(fixture.foreign.status);
          if (fixture.foreign.hides) expect(fixture.foreign.hides(r.body, s)).toBe(true);
        }
        if (r.status >= 400) expect(await writeCounts()).toEqual(before);
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// POST /api/v1/cases/{id}/transitions: every user row of every workflow table, through HTTP.
// (case-transitions.integration.test.ts proves every row from every state on the service; here
// the HTTP adapter must agree with the tables for every row, role and office.)
// ---------------------------------------------------------------------------------------------

const userRows = caseTypes.flatMap((type) => workflows[type].filter((row) => row.roles !== "system").map((row) => ({ type, row, from: row.from[0] })));
const systemRows = caseTypes.flatMap((type) => workflows[type].filter((row) => row.roles === "system").map((row) => ({ type, row, from: row.from[0] })));

const transition = (who: Actor, id: string, body: unknown) =>
  call("/api/v1/cases/[id]/transitions", "POST", { token: tokenOf(who), params: { id }, body });

const expectedStatus = (row: Transition, role: Role) => (can({ role }, "case:work") && roleMayPerform(row, role) ? 200 : 403);

describe.each([...userRows, ...systemRows].map((r) => [`${r.type}: ${r.row.action} from ${r.from}${r.row.roles === "system" ? " (system)" : ""}`, r] as const))(
  "transitions %s",
  (_label, { type, row, from }) => {
    const own = () => driver.officeOf(type as CaseType);
    const other = () => (own() === home ? partner : home);
    const cases = new Map<Role, string>();
    let probe: string;

    beforeAll(async () => {
      for (const role of roles.filter((r) => expectedStatus(row, r) === 200)) {
        const claimant = row.action === "recommend" ? roleUser(own(), role) : undefined;
        cases.set(role, await driver.caseAt(type, from, { claimant }));
        // A case about to be submitted has its papers (the checklist itself is case-transitions' business).
        if (row.guards.includes("documentsComplete")) await receiveAllDocuments(own().user("caseworker1"), cases.get(role)!);
      }
      probe = cases.values().next().value ?? (await driver.caseAt(type, from));
    }, 240_000);

    test.each(roles.map((r) => [r, expectedStatus(row, r)] as const))("%s of the office → %i", async (role, status) => {
      const who = roleUser(own(), role);
      const id = status === 200 ? cases.get(role)! : probe;
      const version = await currentVersion(id);
      const before = await writeCounts();
      const r = await transition(who, id, { action: row.action, version, ...(await requiredExtra(row, id)) });
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      if (status === 200) expect(r.body).toEqual({ status: row.to, version: version + 1 });
      else expect(await writeCounts()).toEqual(before);
    });

    test.each(roles)("%s of another office → 404, nothing written", async (role) => {
      const before = await writeCounts();
      const r = await transition(roleUser(other(), role), probe, { action: row.action, version: await currentVersion(probe), ...(await requiredExtra(row, probe)) });
      expect(r.status, JSON.stringify(r.body)).toBe(404);
      expect(await writeCounts()).toEqual(before);
    });
  },
);

// ---------------------------------------------------------------------------------------------
// Public endpoints answer without a token (and never need one).
// ---------------------------------------------------------------------------------------------

describe("public endpoints", () => {
  test("POST /api/v1/auth/token: 200 for the right password, 401 for a wrong one", async () => {
    const u = home.user("auditor1");
    expect((await call("/api/v1/auth/token", "POST", { body: { username: u.username, password: TEST_PASSWORD } })).status).toBe(200);
    expect((await call("/api/v1/auth/token", "POST", { body: { username: u.username, password: "wrong" } })).status).toBe(401);
  });

  test("POST /api/v1/calc/{kind}: 200 without a token, 404 for an unknown kind", async () => {
    const surrender = {
      ground: "emigration-nationality-lost", terminationMonth: "2020-12",
      history: [{ from: "2019-01", to: "2020-12", monthlyBase: "6000" }], rates: { "2019": "0.0761", "2020": "0.0604" },
    };
    const r = await call("/api/v1/calc/[kind]", "POST", { params: { kind: "surrender" }, body: surrender });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await call("/api/v1/calc/[kind]", "POST", { params: { kind: "pension" }, body: {} })).status).toBe(404);
  });

  test("GET /api/v1/verify/{code}: 200 with masked data for an issued code, 404 for an unknown one", async () => {
    const cert = await homeCertificate();
    const r = await call("/api/v1/verify/[code]", "GET", { params: { code: cert.verificationCode } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "valid", serial: cert.serial });
    expect(r.body.idNumber).not.toBe((await homePerson()).idNumber);
    expect((await call("/api/v1/verify/[code]", "GET", { params: { code: "ABCDEFGHJKMNPQRS" } })).status).toBe(404);
  });

  test("GET /api/v1/openapi.json: the API description, no token, naming every route of the matrix", async () => {
    const r = await call("/api/v1/openapi.json", "GET");
    expect(r.status).toBe(200);
    const documented = Object.keys(r.body.paths).map((p: string) => p.replace(/\{(\w+)\}/g, "[$1]"));
    const v1 = Object.keys(routeMatrix).filter((k) => k.startsWith("/api/v1/"));
    expect(documented.sort()).toEqual(v1.sort());
  });

  test("GET /api/health: the node and the database's state, no token", async () => {
    const r = await call("/api/health", "GET");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: "ok", database: { ok: true } });
  });

  test("GET /.well-known/jingban-signing-key: the public key, no token", async () => {
    const r = await call("/.well-known/jingban-signing-key", "GET");
    expect(r.status).toBe(200);
    expect(r.body.toString()).toContain("BEGIN PUBLIC KEY");
  });
});

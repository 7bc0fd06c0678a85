/**
 * Hostile input to every route handler under app/api/v1, on PostgreSQL (fast-check): wrong
 * types, huge strings, unicode (astral, right-to-left marks, lone surrogates, NUL), SQL and
 * script fragments, prototype keys, deep nesting, numbers as strings, broken JSON, odd headers.
 * Each request is either random JSON or shaped like the endpoint's body with hostile leaves, so
 * that it gets past the first schema into the service and the database.
 *
 * The answer is never a 5xx, and a refusal (4xx) writes nothing: the row counts of Case,
 * CaseEvent, Payment, Certificate and CertificateEvent (and received documents, batches) are
 * unchanged. FUZZ_RUNS sets the runs per endpoint (default 40); a failure prints its seed.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { issueApiToken } from "@/lib/auth/session";
import { stopBatchQueue } from "@/lib/certificates/batch-queue";
import { issueCertificate } from "@/lib/certificates/certificates";
import { db } from "@/lib/db/client";
import { drawSample } from "@/lib/supervision/draw-sample";
import { actions as workflowActions, caseTypes } from "@/lib/workflow";
import { CaseDriver, currentVersion } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, TEST_PASSWORD, type TestOffice } from "@/tests/factories/offices";
import { clonePerson, type ClonedPerson } from "@/tests/factories/people";
import { writeCounts } from "@/tests/factories/write-counts";

process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

// ---- hostile values ----------------------------------------------------------------------------

const hostileStrings = [
  "", " ", "\t\n", "\u0000", "a\u0000b", "\uD800", "\uDFFF", "x\uDBFFy", "\uFEFF", "\u202Eevil", "𠀀𠮷𩸽", "👨‍👩‍👧",
  "'; DROP TABLE \"Case\"; --", "' OR '1'='1", "1; SELECT pg_sleep(10)", "$1", "%", "_", "\\", "%_%",
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "{{7*7}}", "${7*7}",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty",
  "\r\nSet-Cookie: a=b", "../../etc/passwd", "..%2F..%2F", "%00", "%ff%fe",
  "NaN", "Infinity", "-1", "0", "-0", "1e309", "1e-309", "0x1F", "１２３", "1.0", "1,5", "null", "undefined", "true", "{}", "[]",
  "2024-13", "2024-06", "2026-02-30", "9999-12-31", "me", "none",
  "SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN", "DRAFT", "IN_REVIEW", "submit", "withdraw", "return", "reject", "approve", "complete",
  "00000000-0000-0000-0000-000000000000", "x".repeat(70), "名".repeat(600), "9".repeat(400),
];

const hostileString = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(100_000), "\u0000".repeat(5000)) },
);

const hostileLeaf = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1, 1.5, -0, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 5e-324) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

const schemaKeys = [
  "type", "idNumber", "ground", "terminationMonth", "payees", "name", "relationship", "filedByAgent", "fromOffice", "transferMonth",
  "action", "version", "reason", "data", "paymentReference", "fundsReference", "receivedAmount", "kind", "note", "caseIds",
  "assigneeId", "username", "password", "status", "from", "to", "history", "rates", "monthlyBase",
];
const hostileKey = fc.oneof(fc.constantFrom(...schemaKeys, "__proto__", "constructor", "prototype"), hostileString);

const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileLeaf,
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 5 }),
  ),
})).value;

/** Bodies that are not what JSON.stringify makes: broken, prototype-polluting, deep, huge. */
const rawBodies = [
  "", "{", "}", "[", "nul", "{\"a\":}", "{'a': 1}", "\u0000", "\uFEFF{}", "{\"__proto__\": {\"isAdmin\": true, \"role\": \"admin\"}}",
  "{\"constructor\": {\"prototype\": {\"polluted\": true}}}", "{\"action\": \"submit\", \"version\": 1, \"__proto__\": {\"version\": 1}}",
  `${"[".repeat(50_000)}${"]".repeat(50_000)}`, `${"{\"a\":".repeat(10_000)}1${"}".repeat(10_000)}`,
  JSON.stringify({ reason: "x".repeat(1_100_000) }), "1e999999", "-", "\"\\ud800\"", "{\"version\": 1e999}",
];

const hostileBody = fc.oneof(
  { weight: 3, arbitrary: hostileJson.map((v) => JSON.stringify(v) ?? "null") },
  { weight: 1, arbitrary: fc.constantFrom(...rawBodies) },
);

const hostileHeaders = fc.record(
  {
    "accept-language": fc.oneof(hostileString, fc.constantFrom("en", "zh-CN", "*;q=abc", "en;q=2, zh;q=-1")),
    "content-type": fc.constantFrom("application/json", "text/plain", "multipart/form-data; boundary=x", "application/json; charset=latin1", ""),
  },
  { requiredKeys: [] },
);

/** A header value fetch accepts: a hostile string without the characters headers cannot carry. */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").slice(0, 4000);

// ---- the routes --------------------------------------------------------------------------------

const APP = path.resolve(__dirname, "../../app");
type Handler = (request: Request, route: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const handlers = new Map<string, Handler>();

async function loadV1Routes() {
  for (const file of (fs.readdirSync(path.join(APP, "api/v1"), { recursive: true }) as string[]).filter((f) => /route\.ts$/.test(f))) {
    const key = `/api/v1/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, "");
    const mod = (await import(path.join(APP, "api/v1", file))) as Record<string, unknown>;
    for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof mod[m] === "function") handlers.set(`${m} ${key}`, mod[m] as Handler);
  }
}

interface Attack {
  params: Record<string, unknown>;
  query: string;
  body?: string;
  headers: Record<string, string>;
  auth: "token" | "none" | "garbage";
}

const toWellFormed = (s: string) => (s as unknown as { toWellFormed(): string }).toWellFormed();

async function send(key: string, a: Attack, token: string): Promise<Response> {
  const [method, route] = key.split(" ");
  const urlPath = route.replace(/\[(\w+)\]/g, (_m, name: string) => encodeURIComponent(toWellFormed(String(a.params[name] ?? ""))).slice(0, 2000));
  const headers = new Headers();
  for (const [k, v] of Object.entries(a.headers)) headers.set(k, headerSafe(v));
  headers.set("x-forwarded-for", `203.0.113.${crypto.randomInt(1, 255)}, 10.${crypto.randomInt(0, 255)}.0.1`);
  if (a.auth === "token") headers.set("authorization", `Bearer ${token}`);
  if (a.auth === "garbage") headers.set("authorization", `Bearer ${token.slice(0, -3)}abc`);
  const request = new Request(`http://localhost${urlPath}${a.query}`, { method, headers, body: method === "GET" ? undefined : (a.body ?? "") });
  return handlers.get(key)!(request, { params: Promise.resolve(a.params) });
}


// ---- subjects: real things for the params, renewed when an accepted request used them up ------

let office: TestOffice;
let driver: CaseDriver;
let token: string;
let person: ClonedPerson;
const subject = { caseId: "", serial: "", code: "", batchId: "", decidedId: "", sampleId: "", itemId: "" };

async function freshCertificate() {
  const r = await issueCertificate(office.user("caseworker1"), { personId: person.id }, { baseUrl: "http://localhost" });
  if (!r.ok) throw new Error(r.error.key);
  subject.serial = r.value.serial;
  subject.code = r.value.verificationCode;
}

/** A case in review (claimed by the driver's reviewer) and a valid certificate, as the fuzzer needs them. */
async function renewSubjects() {
  const c = subject.caseId ? await db.case.findUnique({ where: { id: subject.caseId }, select: { status: true } }) : null;
  if (c?.status !== "IN_REVIEW") subject.caseId = await driver.caseAt("DUPLICATE_REFUND", "IN_REVIEW");
  const cert = subject.serial ? await db.certificate.findUnique({ where: { serial: subject.serial }, select: { status: true } }) : null;
  if (cert?.status !== "VALID") await freshCertificate();
}

async function waitForBatches() {
  for (let i = 0; i < 600 && (await db.batchJob.count({ where: { officeId: office.id, status: { in: ["QUEUED", "RUNNING"] } } })); i++)
    await new Promise((r) => setTimeout(r, 100));
}

beforeAll(async () => {
  await loadV1Routes();
  await ensureDemo();
  office = await createTestOffice({ label: "模糊", staff: { caseworker: 3, supervisor: 2 } });
  const partner = await createTestOffice({ label: "模糊转出", province: "广东" });
  driver = new CaseDriver(office, partner);
  // The fuzzer is a supervisor outside the driver's crew: every permission but admin's.
  token = (await issueApiToken(office.user("supervisor2").id)).token;
  person = await clonePerson("P1", { offices: { "440300": office.code } });
  await renewSubjects();
  // A decided case, a sample of it and its item (the fuzzer, supervisor2, never worked on it).
  subject.decidedId = await driver.caseAt("DUPLICATE_REFUND", "REJECTED");
  const sample = await drawSample(office.user("supervisor1"), { percentage: 100 });
  if (!sample.ok) throw new Error(sample.error.key);
  subject.sampleId = sample.value.id;
  subject.itemId = (await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: sample.value.id }, select: { id: true } })).id;
  await db.batchJob.create({ data: { officeId: office.id, filter: {}, certificateIds: [], total: 0, createdById: office.user("caseworker1").id, status: "DONE" } }).then((b) => (subject.batchId = b.id));
}, 120_000);

afterAll(async () => {
  await waitForBatches();
  await stopBatchQueue();
});

// ---- per endpoint: parameters, query and body shaped like what it reads, hostile at the leaves --

const idParam = (real: () => string) => fc.oneof(fc.constant(null).map(() => real()), hostileString, fc.uuid());
const query = (names: string[]) =>
  fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom(...names), hostileString), hostileString, { maxKeys: 4 }).map((d) => {
      const q = new URLSearchParams(Object.entries(d).map(([k, v]) => [toWellFormed(k), toWellFormed(v)])).toString();
      return q ? `?${q}` : "";
    }),
    fc.constantFrom("?%00", "?q=%00", "?q=%ff%fe", "?limit=1e999&limit=2", "?cursor=%%%", "?idNumber=%00", `?q=${"%E5%90%8D".repeat(100)}`, "?=&&=", "?type=__proto__"),
  );
const shaped = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record(shape, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: hostileBody },
  );
const enumOr = (values: readonly unknown[]) => fc.oneof(fc.constantFrom(...values), hostileLeaf);

const version = fc.oneof(fc.constant(null).map(() => -1), hostileLeaf); // -1 → the case's current version
const payee = fc.record({ name: hostileLeaf, idNumber: fc.oneof(fc.constant(null).map(() => person.idNumber), hostileLeaf), relationship: enumOr(["spouse", "child"]) }, { requiredKeys: [] });

interface Endpoint {
  params?: Record<string, fc.Arbitrary<unknown>>;
  query?: fc.Arbitrary<string>;
  body?: fc.Arbitrary<string>;
  /** Requests that must always be among the runs: each was a 500 once (NUL, lone surrogates). */
  examples?: () => Array<Partial<Attack> & { json?: unknown }>;
}

const nul = "a\u0000b";
const lone = "x\uD800y";

const endpoints: Record<string, Endpoint> = {
  "POST /api/v1/auth/token": {
    examples: () => [{ json: { username: nul, password: "x" } }, { json: { username: office.user("caseworker3").username, password: lone } }],
    body: shaped({ username: fc.oneof(fc.constant(null).map(() => office.user("caseworker3").username), hostileLeaf), password: enumOr([TEST_PASSWORD]) }) },
  "POST /api/v1/calc/[kind]": {
    params: { kind: fc.oneof(fc.constantFrom("surrender", "personal-account", "duplicate-refund", "pooled-transfer"), hostileString) },
    body: shaped({ ground: enumOr(["death", "emigration-nationality-lost"]), terminationMonth: hostileLeaf, history: fc.array(fc.record({ from: hostileLeaf, to: hostileLeaf, monthlyBase: hostileLeaf }), { maxLength: 3 }), rates: fc.dictionary(hostileKey, hostileLeaf, { maxKeys: 3 }) }),
  },
  "GET /api/v1/verify/[code]": { params: { code: idParam(() => subject.code) }, query: query(["p", "s"]) },
  "GET /api/v1/cases": {
    query: query(["type", "status", "assignee", "overdue", "from", "to", "q", "cursor", "limit"]),
    examples: () => [{ query: "?q=%00" }, { query: `?q=${"a".repeat(63)}%F0%A0%80%80` }, { query: `?cursor=${Buffer.from(`2026-01-01T00:00:00Z|${nul}`).toString("base64url")}` }],
  },
  "POST /api/v1/cases": {
    examples: () => [
      { json: { type: "SURRENDER", idNumber: person.idNumber, ground: "death", terminationMonth: "2024-06", payees: [{ name: nul, idNumber: person.idNumber, relationship: "child" }] } },
      { json: { type: "TRANSFER_IN", idNumber: person.idNumber, fromOffice: "440300", transferMonth: lone } },
    ],
    body: shaped({
      type: enumOr(caseTypes), idNumber: fc.oneof(fc.constant(null).map(() => person.idNumber), hostileLeaf), ground: enumOr(["death", "emigration-nationality-lost", "resignation"]),
      terminationMonth: enumOr(["2024-06"]), payees: fc.oneof(fc.array(payee, { maxLength: 3 }), hostileLeaf), filedByAgent: hostileLeaf, fromOffice: enumOr(["440300"]), transferMonth: hostileLeaf,
    }),
  },
  "GET /api/v1/cases/[id]": { params: { id: idParam(() => subject.caseId) } },
  "POST /api/v1/cases/[id]/transitions": {
    params: { id: idParam(() => subject.caseId) },
    examples: () => [
      { params: { id: subject.caseId }, json: { action: "return", version: -1, reason: nul } },
      { params: { id: subject.caseId }, json: { action: "reject", version: -1, reason: lone } },
      { params: { id: subject.caseId }, json: { action: "withdraw", version: -1, reason: "\u0000" } },
    ],
    body: shaped({
      action: enumOr(workflowActions), version, reason: hostileLeaf,
      data: fc.oneof(fc.record({ paymentReference: hostileLeaf, fundsReference: hostileLeaf, receivedAmount: hostileLeaf }, { requiredKeys: [] }), hostileLeaf),
    }),
  },
  "POST /api/v1/cases/[id]/documents": {
    examples: () => [{ params: { id: subject.caseId }, json: { kind: nul } }, { params: { id: subject.caseId }, json: { kind: "applicant-id", note: lone } }],
    params: { id: idParam(() => subject.caseId) },
    body: shaped({ kind: enumOr(["applicant-id", "bank-account"]), note: hostileLeaf }) },
  "GET /api/v1/cases/[id]/documents/[file]": {
    params: { id: idParam(() => subject.decidedId), file: enumOr(["rejection-notice.pdf", "payout-decision.pdf", "../route.ts", "rejection-notice"]) },
    // Prototype keys as letter names: "toString" passed an `in` check and reached the query (500).
    examples: () => ["toString", "__proto__.pdf", "constructor", "hasOwnProperty.pdf"].map((file) => ({ params: { id: subject.decidedId, file } })),
  },
  "GET /api/v1/openapi.json": {},
  "POST /api/v1/cases/reassign": {
    examples: () => [{ json: { caseIds: [subject.caseId], assigneeId: office.user("caseworker3").id, reason: nul } }],
    body: shaped({ caseIds: fc.oneof(fc.array(idParam(() => subject.caseId), { maxLength: 3 }), hostileLeaf), assigneeId: idParam(() => office.user("caseworker3").id), reason: hostileLeaf }),
  },
  "GET /api/v1/persons": { query: query(["idNumber"]) },
  "GET /api/v1/persons/[id]/records": { params: { id: idParam(() => person.id) } },
  "GET /api/v1/certificates": { query: query(["kind", "status", "from", "to", "cursor", "limit"]) },
  "POST /api/v1/certificates": { body: shaped({ idNumber: fc.oneof(fc.constant(null).map(() => person.idNumber), hostileLeaf) }) },
  "GET /api/v1/certificates/[serial]/pdf": { params: { serial: idParam(() => subject.serial) } },
  "POST /api/v1/certificates/[serial]/reprint": {
    params: { serial: idParam(() => subject.serial) },
    body: shaped({ reason: hostileLeaf }),
    examples: () => [{ params: { serial: subject.serial }, json: { reason: nul } }, { params: { serial: subject.serial }, json: { reason: lone } }],
  },
  "POST /api/v1/certificates/[serial]/revoke": {
    params: { serial: idParam(() => subject.serial) },
    body: shaped({ reason: hostileLeaf }),
    examples: () => [{ params: { serial: subject.serial }, json: { reason: nul } }, { params: { serial: subject.serial }, json: { reason: lone } }],
  },
  "POST /api/v1/certificates/[serial]/supersede": {
    params: { serial: idParam(() => subject.serial) },
    body: shaped({ reason: hostileLeaf }),
    examples: () => [{ params: { serial: subject.serial }, json: { reason: nul } }, { params: { serial: subject.serial }, json: { reason: lone } }],
  },
  "GET /api/v1/certificates/batches": {},
  "POST /api/v1/certificates/batches": { body: shaped({ kind: enumOr(["CERTIFICATE", "CONTACT_LETTER"]), status: enumOr(["REVOKED", "VALID"]), from: hostileLeaf, to: hostileLeaf }) },
  "GET /api/v1/certificates/batches/[id]": { params: { id: idParam(() => subject.batchId) } },
  "GET /api/v1/certificates/batches/[id]/pdf": { params: { id: idParam(() => subject.batchId) } },
  "GET /api/v1/cases/export": {
    query: query(["type", "status", "assignee", "overdue", "from", "to", "q", "cursor", "limit", "fullIds"]),
    examples: () => [{ query: "?q=%00" }, { query: "?fullIds=true&q=%00" }],
  },
  "GET /api/v1/audit/verify": {},
  "GET /api/v1/audit/chain-head": { query: query(["date"]), examples: () => [{ query: "?date=2026-02-30" }, { query: "?date=9999-99-99" }] },
  "GET /api/v1/audit/cases/[id]/log": { params: { id: idParam(() => subject.decidedId) } },
  "GET /api/v1/audit/samples": {},
  "POST /api/v1/audit/samples": {
    body: shaped({
      percentage: enumOr(["100", "0.1", 100, 0.05, 1e308]), minAmount: hostileLeaf, caseworkerId: idParam(() => office.user("caseworker2").id),
      type: enumOr(caseTypes), from: hostileLeaf, to: hostileLeaf, reviewerId: idParam(() => office.user("auditor1").id), note: hostileLeaf,
    }),
    examples: () => [{ json: { percentage: 100, note: nul } }, { json: { percentage: 100, from: "2026-02-30" } }],
  },
  "GET /api/v1/audit/samples/[id]": { params: { id: idParam(() => subject.sampleId) } },
  "GET /api/v1/audit/sample-items/[id]": { params: { id: idParam(() => subject.itemId) } },
  "POST /api/v1/audit/sample-items/[id]/review": {
    params: { id: idParam(() => subject.itemId) },
    body: shaped({ decision: enumOr(["GRANT", "REJECT"]), amount: hostileLeaf, note: hostileLeaf }),
    examples: () => [{ params: { id: subject.itemId }, json: { decision: "REJECT", note: nul } }, { params: { id: subject.itemId }, json: { decision: "GRANT", amount: "1e999", note: "x" } }],
  },
  "POST /api/v1/audit/sample-items/[id]/findings": {
    params: { id: idParam(() => subject.itemId) },
    body: shaped({ severity: enumOr(["INFO", "MINOR", "MAJOR"]), text: hostileLeaf, openCorrection: enumOr(["on", true, "true"]) }),
    examples: () => [{ params: { id: subject.itemId }, json: { severity: "MAJOR", text: lone, openCorrection: true } }],
  },
};

test("every route handler under app/api/v1 is fuzzed", () => {
  expect([...handlers.keys()].sort()).toEqual(Object.keys(endpoints).sort());
});

describe.each(Object.keys(endpoints))("%s", (key) => {
  test(`never a 5xx, and a refusal writes nothing (${RUNS} runs)`, async () => {
    const e = endpoints[key];
    const attack = fc.record({
      params: fc.record(e.params ?? {}),
      query: e.query ?? fc.constant(""),
      body: e.body ?? fc.constant(undefined),
      headers: hostileHeaders,
      auth: fc.constantFrom("token", "token", "token", "token", "none", "garbage"),
    }) as fc.Arbitrary<Attack>;
    const errors = vi.spyOn(console, "error");
    try {
      await fc.assert(
        fc.asyncProperty(attack, async (a) => {
          await renewSubjects();
          // "-1" in a shaped body stands for the case's current version (so the request gets deep).
          if (a.body?.includes('"version":-1')) a.body = a.body.replace('"version":-1', `"version":${await currentVersion(subject.caseId)}`);
          const before = await writeCounts();
          const response = await send(key, a, token);
          const text = await response.text();
          expect(response.status, `${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
          if ((response.headers.get("content-type") ?? "").includes("json")) expect(() => JSON.parse(text)).not.toThrow();
          if (response.status >= 400) expect(await writeCounts()).toEqual(before);
          else if (key === "POST /api/v1/certificates/batches") await waitForBatches();
        }),
        {
          numRuns: RUNS,
          endOnFailure: true,
          examples: (e.examples?.() ?? []).map(({ json, ...a }) => [
            { params: {}, query: "", headers: {}, auth: "token" as const, ...a, ...(json === undefined ? {} : { body: JSON.stringify(json) }) },
          ]),
        },
      );
      // The last-resort handlers log with console.error: that would be a bug even without a 500.
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  }, 300_000);
});

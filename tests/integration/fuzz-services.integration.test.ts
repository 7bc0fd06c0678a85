/**
 * Hostile arguments to the lib/ functions behind every server action (and behind the sign-in
 * form), on PostgreSQL (fast-check). A server action's arguments come from the browser as
 * deserialised JSON-like values whatever its TypeScript signature says, so every argument a
 * client controls is fuzzed: ids, versions, bodies, reasons, filters.
 *
 * Each function answers with a value — `{ok: false, …}` for a refusal — and never throws, and a
 * refusal writes nothing (row counts of Case, CaseEvent, Payment, Certificate, CertificateEvent,
 * received documents and batches unchanged). FUZZ_RUNS sets the runs per function (default 40).
 */
import crypto from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { updateOffice } from "@/lib/admin/update-office";
import { addHoliday, removeHoliday } from "@/lib/admin/edit-holidays";
import { addCreditingRate, correctCreditingRate } from "@/lib/admin/edit-crediting-rates";
import { roles, type Role } from "@/lib/auth/permissions";
import { authenticate } from "@/lib/auth/sign-in";
import { createBatch } from "@/lib/certificates/batch";
import { issueCertificate, revokeCertificate, supersedeCertificate } from "@/lib/certificates/certificates";
import { certificateFilterSchema } from "@/lib/certificates/queries";
import type { Actor } from "@/lib/service";
import { createCase, recordDocument, reassignCases, transitionCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/config";
import { drawSample } from "@/lib/supervision/draw-sample";
import { recordFinding } from "@/lib/supervision/record-finding";
import { recordReview } from "@/lib/supervision/review";
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
const nul = "a\u0000b";
const lone = "x\uD800y";

// ---- hostile values (the same families as fuzz-routes) ------------------------------------------

const hostileString = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      "", " ", "\u0000", nul, "\uD800", "\uDFFF", lone, "\uFEFF", "\u202Eevil", "𠀀𠮷", "'; DROP TABLE \"Case\"; --", "' OR '1'='1", "%", "_",
      "<script>alert(1)</script>", "__proto__", "constructor", "prototype", "../../etc/passwd", "NaN", "-1", "0", "1e309", "１２３", "null",
      "2024-13", "SURRENDER", "DRAFT", "withdraw", "return", "00000000-0000-0000-0000-000000000000", "x".repeat(70), "名".repeat(600),
      "x".repeat(100_000),
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.uuid() },
);
const hostileLeaf = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0, 1, 1.5, -0, NaN, Infinity, 2 ** 53 + 1, 1e308) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  { weight: 1, arbitrary: fc.bigInt().map((b) => b) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
);
const hostileKey = fc.oneof(
  fc.constantFrom("type", "idNumber", "ground", "terminationMonth", "payees", "action", "version", "reason", "data", "kind", "note", "caseIds", "assigneeId", "__proto__", "constructor"),
  hostileString,
);
const hostile: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileLeaf,
    fc.array(tie("value"), { maxLength: 4 }),
    // Objects as a browser can send them (a server action's arguments are decoded JSON: never null-prototype).
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 5, noNullPrototype: true }),
    fc.constant(null).map(() => JSON.parse('{"__proto__": {"role": "admin", "officeId": "x"}, "action": "withdraw"}') as unknown),
    fc.constant(null).map(() => { let v: unknown = "deep"; for (let i = 0; i < 1000; i++) v = [v]; return v; }),
  ),
})).value;
const enumOr = (values: readonly unknown[]) => fc.oneof(fc.constantFrom(...values), hostileLeaf);
const shaped = (shape: Record<string, fc.Arbitrary<unknown>>) =>
  fc.oneof({ weight: 3, arbitrary: fc.record(shape, { requiredKeys: [] }) }, { weight: 1, arbitrary: hostile });

// ---- the office, the people and the things the fuzzer aims at ---------------------------------

let office: TestOffice;
/** The office whose details the fuzzer edits (admin:manage is deployment-wide: office's admin1 may). */
let editable: TestOffice;
let fuzzHolidayId: string;
let fuzzRateId: string;
let driver: CaseDriver;
let person: ClonedPerson;
const subject = { caseId: "", serial: "", itemId: "" };
const actorOf = (role: Role): Actor => office.user(role === "supervisor" ? "supervisor2" : `${role}1`);

async function renewSubjects() {
  const c = subject.caseId ? await db.case.findUnique({ where: { id: subject.caseId }, select: { status: true } }) : null;
  if (c?.status !== "IN_REVIEW") subject.caseId = await driver.caseAt("DUPLICATE_REFUND", "IN_REVIEW");
  const cert = subject.serial ? await db.certificate.findUnique({ where: { serial: subject.serial }, select: { status: true } }) : null;
  if (cert?.status !== "VALID") {
    const r = await issueCertificate(office.user("caseworker1"), { personId: person.id }, { baseUrl: "http://localhost" });
    if (!r.ok) throw new Error(r.error.key);
    subject.serial = r.value.serial;
  }
}

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "服务模糊", staff: { caseworker: 3, supervisor: 2 } });
  const partner = await createTestOffice({ label: "服务模糊转出", province: "广东" });
  editable = await createTestOffice({ label: "服务模糊机构", staff: { caseworker: 0, supervisor: 0, auditor: 0, admin: 0 } });
  // A day of editable's own calendar and a pre-2016 rate of a province no test office is in: what
  // the reference-data functions aim at (2098 and 1991: no case of the run counts them).
  fuzzHolidayId = (await db.holiday.create({ data: { date: new Date("2098-03-03T00:00:00Z"), kind: "HOLIDAY", officeId: editable.id }, select: { id: true } })).id;
  fuzzRateId = (await db.creditingRate.create({ data: { year: 1991, scope: "内蒙古", rate: "0.03", source: "模糊" }, select: { id: true } })).id;
  driver = new CaseDriver(office, partner);
  person = await clonePerson("P1", { offices: { "440300": office.code } });
  await renewSubjects();
  // A decided case and its sample item (the fuzzing supervisor2 and auditor1 never worked on it).
  await driver.caseAt("DUPLICATE_REFUND", "REJECTED");
  const sample = await drawSample(office.user("supervisor1"), { percentage: 100 });
  if (!sample.ok) throw new Error(sample.error.key);
  subject.itemId = (await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: sample.value.id }, select: { id: true } })).id;
}, 120_000);


const realCase = fc.constant(null).map(() => subject.caseId);
const realSerial = fc.constant(null).map(() => subject.serial);
const realIdNumber = fc.constant(null).map(() => person.idNumber);
/** -1 stands for the case's current version, so that a call gets past the version check. */
const version = fc.oneof(fc.constant(-1), hostileLeaf);
const withVersion = async (input: unknown) => {
  if (input && typeof input === "object" && (input as { version?: unknown }).version === -1)
    return { ...(input as object), version: await currentVersion(subject.caseId) };
  return input;
};

type Outcome = { ok: boolean };

interface Target {
  /** The server action(s) that call it, as the matrix names them. */
  behind: string;
  args: fc.Arbitrary<unknown[]>;
  run(actor: Actor, args: unknown[]): Promise<Outcome>;
  examples?: () => unknown[][];
}

const targets: Record<string, Target> = {
  createCase: {
    behind: "createCaseAction",
    args: fc.tuple(shaped({
      type: enumOr(caseTypes), idNumber: fc.oneof(realIdNumber, hostileLeaf), ground: enumOr(["death", "emigration-nationality-lost"]),
      terminationMonth: enumOr(["2024-06"]), filedByAgent: hostileLeaf, fromOffice: enumOr(["440300"]), transferMonth: hostileLeaf,
      payees: fc.oneof(fc.array(fc.record({ name: hostileLeaf, idNumber: fc.oneof(realIdNumber, hostileLeaf), relationship: enumOr(["child"]) }, { requiredKeys: [] }), { maxLength: 3 }), hostileLeaf),
    })),
    run: (actor, [input]) => createCase(actor, input),
    examples: () => [
      [{ type: "SURRENDER", idNumber: person.idNumber, ground: "death", terminationMonth: "2024-06", payees: [{ name: nul, idNumber: person.idNumber, relationship: "child" }] }],
      [{ type: "TRANSFER_IN", idNumber: person.idNumber, fromOffice: "440300", transferMonth: lone }],
    ],
  },
  transitionCase: {
    behind: "transitionAction",
    args: fc.tuple(
      fc.oneof(realCase, hostile),
      shaped({ action: enumOr(workflowActions), version, reason: hostileLeaf, data: fc.oneof(fc.record({ paymentReference: hostileLeaf, fundsReference: hostileLeaf, receivedAmount: hostileLeaf }, { requiredKeys: [] }), hostileLeaf) }),
    ),
    run: async (actor, [caseId, input]) => transitionCase(actor, caseId as string, await withVersion(input)),
    examples: () => [
      [subject.caseId, { action: "return", version: -1, reason: nul }],
      [subject.caseId, { action: "reject", version: -1, reason: lone }],
      [subject.caseId, { action: "withdraw", version: -1, reason: "\u0000" }],
      [subject.caseId, { action: "withdraw", version: -1, data: { paymentReference: nul } }],
    ],
  },
  recordDocument: {
    behind: "recordDocumentAction",
    args: fc.tuple(fc.oneof(realCase, hostile), enumOr(["applicant-id", "bank-account"]), version),
    run: async (actor, [caseId, kind, v]) =>
      recordDocument(actor, caseId as string, { kind }, { version: (v === -1 ? await currentVersion(subject.caseId) : v) as number }),
    examples: () => [[subject.caseId, nul, -1], [subject.caseId, lone, -1]],
  },
  reassignCases: {
    behind: "reassignAction",
    args: fc.tuple(shaped({ caseIds: fc.oneof(fc.array(fc.oneof(realCase, hostileLeaf), { maxLength: 3 }), hostileLeaf), assigneeId: fc.oneof(fc.constant(null).map(() => office.user("caseworker3").id), hostileLeaf), reason: hostileLeaf })),
    run: (actor, [input]) => reassignCases(actor, input),
    examples: () => [[{ caseIds: [subject.caseId], assigneeId: office.user("caseworker3").id, reason: nul }]],
  },
  revokeCertificate: {
    behind: "revokeAction",
    args: fc.tuple(fc.oneof(realSerial, hostile), hostileLeaf),
    run: (actor, [serial, reason]) => revokeCertificate(actor, String(serial), reason),
    examples: () => [[subject.serial, nul], [subject.serial, lone]],
  },
  supersedeCertificate: {
    behind: "supersedeAction",
    args: fc.tuple(fc.oneof(realSerial, hostile), hostileLeaf),
    run: (actor, [serial, reason]) => supersedeCertificate(actor, String(serial), reason, { baseUrl: "http://localhost" }),
    examples: () => [[subject.serial, nul], [subject.serial, lone]],
  },
  "certificateFilterSchema + createBatch": {
    behind: "startBatchAction",
    args: fc.tuple(shaped({ kind: enumOr(["CERTIFICATE", "CONTACT_LETTER"]), status: enumOr(["VALID", "REVOKED"]), from: hostileLeaf, to: hostileLeaf })),
    run: async (actor, [input]) => {
      const filter = certificateFilterSchema.safeParse(input);
      // The action queues with pg-boss; here the job is only recorded (this is about the service),
      // then closed, so that nothing waits for a batch no worker will ever take.
      if (!filter.success) return { ok: false };
      const r = await createBatch(actor, filter.data, async () => {});
      if (r.ok) await db.batchJob.update({ where: { id: r.value.id }, data: { status: "FAILED", error: "fuzz: never queued", finishedAt: new Date() } });
      return r;
    },
  },
  issueCertificate: {
    behind: "issueCertificateAction",
    args: fc.tuple(fc.oneof(fc.constant(null).map(() => person.id), hostile)),
    run: (actor, [personId]) => issueCertificate(actor, { personId: String(personId) }, { baseUrl: "http://localhost" }),
  },
  drawSample: {
    behind: "drawSampleAction (its form fields arrive as strings or undefined)",
    args: fc.tuple(shaped({
      percentage: enumOr(["100", "0.1", "12.5"]), minAmount: hostileLeaf, caseworkerId: fc.oneof(fc.constant(null).map(() => office.user("caseworker2").id), hostileLeaf),
      type: enumOr(caseTypes), from: hostileLeaf, to: hostileLeaf, reviewerId: fc.oneof(fc.constant(null).map(() => office.user("auditor1").id), hostileLeaf), note: hostileLeaf,
    })),
    run: (actor, [input]) => drawSample(actor, input),
    examples: () => [[{ percentage: "100", note: nul }], [{ percentage: "100", note: lone }], [{ percentage: "100", from: "2026-02-30", to: "2026-02-31" }]],
  },
  recordReview: {
    behind: "recordReviewAction",
    args: fc.tuple(fc.oneof(fc.constant(null).map(() => subject.itemId), hostile), shaped({ decision: enumOr(["GRANT", "REJECT"]), amount: hostileLeaf, note: hostileLeaf })),
    run: (actor, [itemId, input]) => recordReview(actor, itemId as string, input),
    examples: () => [[subject.itemId, { decision: "REJECT", note: nul }], [subject.itemId, { decision: "GRANT", amount: "1e999", note: "x" }]],
  },
  recordFinding: {
    behind: "recordFindingAction",
    args: fc.tuple(fc.oneof(fc.constant(null).map(() => subject.itemId), hostile), shaped({ severity: enumOr(["INFO", "MAJOR"]), text: hostileLeaf, openCorrection: enumOr([true, "on"]) })),
    run: (actor, [itemId, input]) => recordFinding(actor, itemId as string, input),
    examples: () => [[subject.itemId, { severity: "MAJOR", text: nul }], [subject.itemId, { severity: "MAJOR", text: lone, openCorrection: true }]],
  },
  updateOffice: {
    behind: "updateOfficeAction",
    args: fc.tuple(
      fc.oneof(fc.constant(null).map(() => editable.id), hostile),
      shaped({
        version: fc.oneof(fc.constant(-1), hostileLeaf), address: hostileLeaf, postcode: enumOr(["410011"]), phone: enumOr(["0731-12333", "+86-731-1"]),
        bankName: hostileLeaf, bankCode: enumOr(["103551099990"]), accountName: hostileLeaf, accountNumber: enumOr(["4000 0000 0000 0000 001"]),
        approvalLimit: enumOr(["50000.00", "1.234", "123456789012345", "0"]), reason: hostileLeaf,
        sla: fc.oneof(fc.record({ SURRENDER: enumOr(["5", ""]), DUPLICATE_REFUND: enumOr([30, null]), TRANSFER_IN: enumOr([10]) }, { requiredKeys: [] }), hostileLeaf),
      }),
    ),
    run: async (actor, [officeId, input]) => {
      // -1 stands for the office's current version, so that a call gets past the version check.
      if (input && typeof input === "object" && (input as { version?: unknown }).version === -1) {
        const { version } = await db.office.findUniqueOrThrow({ where: { id: editable.id }, select: { version: true } });
        input = { ...(input as object), version };
      }
      return updateOffice(actor, officeId as string, input);
    },
    examples: () => [
      [editable.id, { version: -1, address: nul }],
      [editable.id, { version: -1, bankName: lone, bankCode: "103551099990", accountName: "x", accountNumber: "40000000" }],
      [editable.id, { version: -1, approvalLimit: "1e999" }],
      [editable.id, { version: 2 ** 53 + 1, phone: "1" }],
      [[editable.id], { version: -1, phone: "1" }],
    ],
  },
  addHoliday: {
    behind: "addHolidayAction",
    args: fc.tuple(
      shaped({
        date: enumOr(["2098-03-04", "2098-03-07", "2098-02-30", "1989-12-29"]), kind: enumOr(["HOLIDAY", "WORKDAY"]), name: hostileLeaf,
        officeId: fc.oneof(fc.constant(null).map(() => editable.id), hostileLeaf), reason: hostileLeaf,
      }),
    ),
    run: (actor, [input]) => addHoliday(actor, input),
    examples: () => [[{ date: "2098-03-05", kind: "HOLIDAY", name: nul, officeId: editable.id }], [{ date: "2098-03-05", kind: "HOLIDAY", officeId: [editable.id] }]],
  },
  removeHoliday: {
    behind: "removeHolidayAction",
    args: fc.tuple(fc.oneof(fc.constant(null).map(() => fuzzHolidayId), hostile), shaped({ reason: hostileLeaf })),
    run: (actor, [id, input]) => removeHoliday(actor, id, input),
    examples: () => [[fuzzHolidayId, { reason: lone }], [[fuzzHolidayId], {}]],
  },
  addCreditingRate: {
    behind: "addCreditingRateAction",
    args: fc.tuple(
      shaped({
        year: enumOr([1992, "1993"]), scope: enumOr(["内蒙古"]), rate: enumOr(["0.0225", "0.2000001", "1e-2", 0.02]),
        provisional: enumOr(["on", true]), source: hostileLeaf, reason: hostileLeaf,
      }),
    ),
    run: (actor, [input]) => addCreditingRate(actor, input),
    examples: () => [[{ year: 1994, scope: "内蒙古", rate: "0.02", source: nul }], [{ year: 1994, scope: "内蒙古", rate: "0.02", source: "x", reason: lone }]],
  },
  correctCreditingRate: {
    behind: "correctCreditingRateAction",
    args: fc.tuple(
      fc.oneof(fc.constant(null).map(() => fuzzRateId), hostile),
      shaped({ version: fc.oneof(fc.constant(-1), hostileLeaf), rate: enumOr(["0.031", "0.21", "-0"]), provisional: enumOr(["false", true]), source: hostileLeaf, reason: hostileLeaf }),
    ),
    run: async (actor, [id, input]) => {
      // -1 stands for the row's current version, so that a call gets past the version check.
      if (input && typeof input === "object" && (input as { version?: unknown }).version === -1) {
        const { version } = await db.creditingRate.findUniqueOrThrow({ where: { id: fuzzRateId }, select: { version: true } });
        input = { ...(input as object), version };
      }
      return correctCreditingRate(actor, id, input);
    },
    examples: () => [[fuzzRateId, { version: -1, rate: "0.03", reason: nul }], [fuzzRateId, { version: 2 ** 53 + 1, rate: "0.03", reason: "x" }]],
  },
  authenticate: {
    behind: "the sign-in form (next-auth credentials) and POST /api/v1/auth/token",
    args: fc.tuple(shaped({ username: fc.oneof(fc.constant(null).map(() => office.user("auditor1").username), hostileLeaf), password: enumOr([TEST_PASSWORD]) })),
    run: async (_actor, [input]) => ({ ok: (await authenticate(input)) !== null }),
    examples: () => [[{ username: nul, password: "x" }], [{ username: lone, password: "x" }], [{ username: office.user("auditor1").username, password: nul }]],
  },
  isLocale: {
    behind: "setLocale",
    args: fc.tuple(hostile),
    run: async (_actor, [value]) => ({ ok: isLocale(value) }),
  },
};

describe.each(Object.keys(targets))("%s", (name) => {
  const target = targets[name];
  test(`(behind ${target.behind}) answers with a value, never throws; a refusal writes nothing (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...roles), target.args, async (role, args) => {
        await renewSubjects();
        const before = await writeCounts();
        const result = await target.run(actorOf(role), args);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) expect(await writeCounts()).toEqual(before);
      }),
      { numRuns: RUNS, endOnFailure: true, examples: (target.examples?.() ?? []).map((args) => ["supervisor" as Role, args]) },
    );
  }, 300_000);
});

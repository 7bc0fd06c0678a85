/**
 * The journeys of case-journeys.integration.test.ts again, but ONLY through the REST route
 * handlers (app/api/v1/**) with bearer tokens from POST /api/v1/auth/token, on fresh clones of
 * P1–P4 in the demo offices — plus what only the HTTP edge does: 401, 400 with field issues for
 * malformed bodies, 404 across offices, keyset pagination and filters, the caller's language,
 * and the people endpoints (office isolation, masked ID numbers, logged full views, the account).
 */
import { beforeAll, describe, expect, test } from "vitest";
import { POST as postToken } from "@/app/api/v1/auth/token/route";
import { GET as listCasesRoute, POST as createCaseRoute } from "@/app/api/v1/cases/route";
import { GET as caseDetailRoute } from "@/app/api/v1/cases/[id]/route";
import { POST as transitionRoute } from "@/app/api/v1/cases/[id]/transitions/route";
import { POST as documentRoute } from "@/app/api/v1/cases/[id]/documents/route";
import { GET as personsRoute } from "@/app/api/v1/persons/route";
import { GET as recordsRoute } from "@/app/api/v1/persons/[id]/records/route";
import { db } from "@/lib/db/client";
import { getTranslator } from "@/lib/i18n/translate";
import { generateIdNumber } from "@/lib/domain/id-number";
import { maskIdNumber } from "@/lib/people/mask";
import demo from "@/prisma/seed/demo-data.json";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, TEST_PASSWORD, type TestOffice } from "@/tests/factories/offices";
import { clonePerson, freshIdNumber, type ClonedPerson } from "@/tests/factories/people";

type Handler = (request: Request, route: { params: Promise<{ id: string }> }) => Promise<Response>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const en = getTranslator("en");
const zh = getTranslator("zh-CN");

interface CallOptions {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  lang?: string;
  id?: string;
  authorization?: string;
}

async function call(handler: Handler, method: "GET" | "POST", path: string, o: CallOptions = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  if (o.authorization) headers.authorization = o.authorization;
  if (o.lang) headers["accept-language"] = o.lang;
  const request = new Request(`http://localhost${path}`, {
    method, headers, body: method === "GET" ? undefined : (o.rawBody ?? JSON.stringify(o.body ?? {})),
  });
  const response = await handler(request, { params: Promise.resolve({ id: o.id ?? "" }) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as Json, headers: response.headers };
}

const tokens: Record<string, string> = {};

async function login(username: string, password = demo.password): Promise<string> {
  const r = await call(postToken as unknown as Handler, "POST", "/api/v1/auth/token", { body: { username, password } });
  expect(r.status, `token for ${username}`).toBe(200);
  return r.body.token as string;
}

const api = {
  create: (who: string, body: unknown, lang = "en") => call(createCaseRoute, "POST", "/api/v1/cases", { token: tokens[who], body, lang }),
  list: (who: string, query = "", lang = "en") => call(listCasesRoute, "GET", `/api/v1/cases${query}`, { token: tokens[who], lang }),
  detail: (who: string, id: string, lang = "en") => call(caseDetailRoute, "GET", `/api/v1/cases/${id}`, { token: tokens[who], id, lang }),
  transition: (who: string, id: string, body: unknown, lang = "en") =>
    call(transitionRoute, "POST", `/api/v1/cases/${id}/transitions`, { token: tokens[who], id, body, lang }),
  document: (who: string, id: string, body: unknown, lang = "en") =>
    call(documentRoute, "POST", `/api/v1/cases/${id}/documents`, { token: tokens[who], id, body, lang }),
  persons: (who: string, idNumber: string) => call(personsRoute, "GET", `/api/v1/persons?idNumber=${encodeURIComponent(idNumber)}`, { token: tokens[who], lang: "en" }),
  records: (who: string, id: string) => call(recordsRoute, "GET", `/api/v1/persons/${id}/records`, { token: tokens[who], id, lang: "en" }),
};

/** A transition with the version the caller just read (GET /cases/{id}), as a UI would. */
async function act(who: string, id: string, action: string, extra: Record<string, unknown> = {}) {
  const detail = await api.detail(who, id);
  expect(detail.status).toBe(200);
  return api.transition(who, id, { action, version: detail.body.version, ...extra });
}

async function step(who: string, id: string, action: string, extra: Record<string, unknown> = {}) {
  const r = await act(who, id, action, extra);
  expect(r.status, `${action} by ${who}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body as { status: string; version: number };
}

async function receiveAll(who: string, id: string) {
  const detail = await api.detail(who, id);
  for (const item of detail.body.checklist.filter((i: Json) => i.required && !i.received)) {
    const r = await api.document(who, id, { kind: item.kind });
    expect(r.status).toBe(200);
  }
}

const p1 = demo.people.find((p) => p.key === "P1")!;

let P1: ClonedPerson, P2: ClonedPerson, P3: ClonedPerson, P4: ClonedPerson;

beforeAll(async () => {
  await ensureDemo();
  for (const username of ["caseworker1", "caseworker2", "supervisor1", "auditor1", "admin", "caseworker3", "caseworker4", "supervisor3"])
    tokens[username] = await login(username);
  [P1, P2, P3, P4] = await Promise.all((["P1", "P2", "P3", "P4"] as const).map((k) => clonePerson(k)));
});

describe("authentication", () => {
  test("no Authorization → 401 with a Bearer challenge, in Chinese by default", async () => {
    const r = await call(listCasesRoute, "GET", "/api/v1/cases", { token: null });
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe("Bearer");
    expect(r.body).toEqual({ error: { code: "unauthorized", message: zh("errors.unauthorized") } });
  });

  test.each([
    ["a token that is not one", "Bearer not-a-token"],
    ["a token signed with another secret", "Bearer eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc.def.ghi"],
    ["another scheme", `Basic ${Buffer.from("caseworker1:Jingban-Demo-2026").toString("base64")}`],
    ["an empty bearer", "Bearer "],
  ])("%s → 401", async (_label, authorization) => {
    for (const [handler, method] of [[listCasesRoute, "GET"], [createCaseRoute, "POST"]] as const) {
      const r = await call(handler, method, "/api/v1/cases", { authorization, body: { type: "DUPLICATE_REFUND", idNumber: P4.idNumber }, lang: "en" });
      expect(r.status).toBe(401);
      expect(r.body.error).toEqual({ code: "unauthorized", message: en("errors.unauthorized") });
    }
  });

  test("a wrong password gets no token (401), a right one does", async () => {
    const office = await createTestOffice({ label: "令牌", staff: { caseworker: 1, supervisor: 0, auditor: 0, admin: 0 } });
    const bad = await call(postToken as unknown as Handler, "POST", "/api/v1/auth/token", { body: { username: office.user("caseworker1").username, password: "wrong" } });
    expect(bad.status).toBe(401);
    expect(await login(office.user("caseworker1").username, TEST_PASSWORD)).toMatch(/\S{20,}/);
  });
});

describe("journeys through the REST API", () => {
  test("P1 surrender: 39,778.18 after a return and resubmit, four-eyes refused, paid once, relationship ended", async () => {
    const created = await api.create("caseworker1", { type: "SURRENDER", idNumber: P1.idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), caseNumber: expect.stringMatching(/^440300-TB-\d{4}-\d{6}$/), type: "SURRENDER", status: "DRAFT", version: 1 });
    const id = created.body.id as string;

    const early = await act("caseworker1", id, "submit");
    expect(early.status).toBe(422);
    const kinds = (await api.detail("caseworker1", id)).body.checklist.filter((i: Json) => i.required).map((i: Json) => i.kind).sort();
    expect(kinds).toContain("nationality-loss-proof");
    expect(early.body.error).toEqual({ code: "unprocessable", message: en("cases.errors.missingDocuments", { kinds: kinds.join(", ") }) });
    expect(early.body.error.message).not.toContain("cases.errors");

    await receiveAll("caseworker1", id);
    await step("caseworker1", id, "submit");
    await step("caseworker2", id, "claim");
    const noReason = await act("caseworker2", id, "return");
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.issues).toEqual([{ path: "reason", message: en("cases.errors.reasonRequired") }]);
    await step("caseworker2", id, "return", { reason: "护照复印件不清晰" });
    await step("caseworker1", id, "resubmit");
    await step("caseworker2", id, "claim");
    await step("caseworker2", id, "recommend");

    const detail = (await api.detail("caseworker2", id)).body;
    expect(detail.status).toBe("PENDING_APPROVAL");
    expect(detail.calculation).toMatchObject({ payout: "39778.18", priorYearEndBalance: "36361.58", currentYearPrincipal: "3000.00", currentYearInterest: "416.60" });

    for (const who of ["caseworker2", "caseworker1"]) {
      const r = await api.transition(who, id, { action: "approve", version: detail.version });
      expect(r.status).toBe(403);
      expect(r.body.error).toEqual({ code: "forbidden", message: en("cases.errors.fourEyes") });
    }
    const stale = await api.transition("supervisor1", id, { action: "approve", version: detail.version - 1 });
    expect(stale.status).toBe(409);
    expect(await step("supervisor1", id, "approve")).toEqual({ status: "APPROVED", version: detail.version + 1 });

    const noReference = await act("caseworker1", id, "complete");
    expect(noReference.status).toBe(400);
    expect(noReference.body.error.issues.map((i: Json) => i.path)).toEqual(["data.paymentReference"]);
    expect((await step("caseworker1", id, "complete", { data: { paymentReference: "PAY-API-0001" } })).status).toBe("COMPLETED");

    const done = (await api.detail("caseworker1", id)).body;
    expect(done).toMatchObject({
      status: "COMPLETED",
      payment: { kind: "SURRENDER_PAYOUT", amount: "39778.18", reference: "PAY-API-0001" },
      person: { idNumber: P1.idNumber, relationshipStatus: "TERMINATED" },
      office: { code: "440300" },
      linkedCases: [],
    });
    expect(done.events.map((e: Json) => e.action)).toEqual([
      "create", ...Array(done.checklist.filter((i: Json) => i.required).length).fill("document"),
      "submit", "claim", "return", "resubmit", "claim", "recommend", "approve", "complete",
    ]);
    expect(done.events.find((e: Json) => e.action === "return")).toMatchObject({ from: "IN_REVIEW", to: "RETURNED", reason: "护照复印件不清晰" });
    expect(done.events[0].at).toMatch(/\+08:00$/);

    const again = await api.create("caseworker1", { type: "SURRENDER", idNumber: P1.idNumber, ground: "death", terminationMonth: "2024-07", payees: [{ name: "李某", idNumber: await freshIdNumber({ birthDate: "2010-01-01", sex: "F" }), relationship: "child" }] });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe(en("cases.errors.terminated"));
  });

  test("P2 death with an heir: 17,601.23 paid to the heir", async () => {
    const heir = { name: "王小芳", idNumber: await freshIdNumber({ birthDate: "2010-01-01", sex: "F" }), relationship: "child" };
    const withoutHeir = await api.create("caseworker1", { type: "SURRENDER", idNumber: P2.idNumber, ground: "death", terminationMonth: "2024-04" });
    expect(withoutHeir.status).toBe(400);
    expect(withoutHeir.body.error.issues).toEqual([{ path: "payees", message: en("validation.payeesRequired") }]);

    const created = await api.create("caseworker1", { type: "SURRENDER", idNumber: P2.idNumber, ground: "death", terminationMonth: "2024-04", payees: [heir] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const kinds = (await api.detail("caseworker1", id)).body.checklist.filter((i: Json) => i.required).map((i: Json) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(["death-proof", "heir-id", "relationship-proof"]));
    await receiveAll("caseworker1", id);
    await step("caseworker1", id, "submit");
    await step("caseworker2", id, "claim");
    await step("caseworker2", id, "recommend");
    const d = (await api.detail("supervisor1", id)).body;
    expect(d.calculation).toMatchObject({ payout: "17601.23", priorYearEndBalance: "16145.61", paidTo: "heirs" });
    expect(d.intake.payees).toEqual([heir]);
    await step("supervisor1", id, "approve");
    await step("caseworker1", id, "complete", { data: { paymentReference: "PAY-API-HEIR" } });
    const done = (await api.detail("caseworker1", id)).body;
    expect(done).toMatchObject({ status: "COMPLETED", payment: { amount: "17601.23", reference: "PAY-API-HEIR" }, person: { relationshipStatus: "TERMINATED" } });
  });

  test("P4 duplicate refund: 3,000.00 for three flexible months, and never again", async () => {
    const created = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: P4.idNumber });
    expect(created.status).toBe(201);
    expect(created.body.caseNumber).toMatch(/^440300-TF-/);
    const id = created.body.id as string;
    await receiveAll("caseworker1", id);
    await step("caseworker1", id, "submit");
    await step("caseworker2", id, "claim");
    await step("caseworker2", id, "recommend");
    const d = (await api.detail("caseworker2", id)).body;
    expect(d.calculation).toMatchObject({ total: "3000.00", refunds: [{ payerType: "flexible", months: 3, amount: "3000.00" }] });
    await step("supervisor1", id, "approve");
    await step("caseworker2", id, "complete", { data: { paymentReference: "REF-API-1" } });
    expect((await api.detail("caseworker2", id)).body).toMatchObject({ status: "COMPLETED", payment: { kind: "DUPLICATE_REFUND", amount: "3000.00" } });

    // Issue 13: the second intake is refused at once (docs/api.md §4.1), with recommend's
    // message, and writes nothing: the counter clerk learns it before taking in any papers.
    const written = { cases: await db.case.count({ where: { person: { idNumber: P4.idNumber } } }), events: await db.caseEvent.count({ where: { case: { person: { idNumber: P4.idNumber } } } }) };
    const second = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: P4.idNumber });
    expect(second.status).toBe(422);
    expect(second.body.error).toMatchObject({ code: "unprocessable", message: en("cases.errors.notEligible.DUPLICATE_REFUND") });
    expect(second.body.error.issues).toEqual([{ path: "idNumber", message: en("cases.errors.notEligible.DUPLICATE_REFUND") }]);
    expect(written).toEqual({ cases: 1, events: expect.any(Number) });
    expect(await db.case.count({ where: { person: { idNumber: P4.idNumber } } })).toBe(written.cases);
    expect(await db.caseEvent.count({ where: { case: { person: { idNumber: P4.idNumber } } } })).toBe(written.events);
  });

  test("a person with no overlapping months at all is refused at intake, in the caller's language, and nothing is written", async () => {
    const p2 = await clonePerson("P2");
    const before = await db.case.count({ where: { person: { idNumber: p2.idNumber } } });
    for (const [lang, t] of [["zh-CN", zh], ["en", en]] as const) {
      const r = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: p2.idNumber }, lang);
      expect(r.status).toBe(422);
      expect(r.body.error).toEqual({ code: "unprocessable", message: t("cases.errors.notEligible.DUPLICATE_REFUND"), issues: [{ path: "idNumber", message: t("cases.errors.notEligible.DUPLICATE_REFUND") }] });
    }
    expect(await db.case.count({ where: { person: { idNumber: p2.idNumber } } })).toBe(before);
  });

  test("overlaps gone between intake and recommend (the flexible record transferred out): recommend still refuses (422)", async () => {
    const p = await clonePerson("P4");
    const created = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: p.idNumber });
    expect(created.status).toBe(201);
    await receiveAll("caseworker1", created.body.id);
    await step("caseworker1", created.body.id, "submit");
    await step("caseworker2", created.body.id, "claim");
    // What a completed transfer-out does to the records it sends (lib/cases/effects.ts).
    expect((await db.contributionRecord.updateMany({ where: { person: { idNumber: p.idNumber }, payerType: "FLEXIBLE" }, data: { status: "TRANSFERRED_OUT" } })).count).toBe(1);
    const noMore = await act("caseworker2", created.body.id, "recommend");
    expect(noMore.status).toBe(422);
    expect(noMore.body.error.message).toBe(en("cases.errors.notEligible.DUPLICATE_REFUND"));
  });

  test("P3 transfer 440300 → 430100: both legs, f1–f6, funds before completion, reconciliation", async () => {
    const created = await api.create("caseworker3", { type: "TRANSFER_IN", idNumber: P3.idNumber, fromOffice: "440300", transferMonth: "2024-08" });
    expect(created.status).toBe(201);
    expect(created.body.caseNumber).toMatch(/^430100-ZR-/);
    const tin = created.body.id as string;
    await receiveAll("caseworker3", tin);
    await step("caseworker3", tin, "submit");
    await step("caseworker4", tin, "claim");
    await step("caseworker4", tin, "recommend");
    expect((await step("supervisor3", tin, "approve")).status).toBe("AWAITING_FUNDS");

    const afterApprove = (await api.detail("caseworker3", tin)).body;
    expect(afterApprove.linkedCases).toEqual([expect.objectContaining({ type: "TRANSFER_OUT", office: "440300", status: "SUBMITTED" })]);
    const out = afterApprove.linkedCases[0].id as string;
    expect((await api.detail("caseworker3", out)).status).toBe(404);

    const queue = await api.list("caseworker1", "?type=TRANSFER_OUT");
    expect(queue.status).toBe(200);
    expect(queue.body.items.find((i: Json) => i.id === out)).toMatchObject({ type: "TRANSFER_OUT", status: "SUBMITTED", person: { idNumber: maskIdNumber(P3.idNumber) } });
    expect(queue.body.items.every((i: Json) => i.type === "TRANSFER_OUT")).toBe(true);
    const outDetail = (await api.detail("caseworker1", out)).body;
    expect(outDetail).toMatchObject({ office: { code: "440300" }, linkedCases: [{ id: tin, type: "TRANSFER_IN", office: "430100", status: "AWAITING_FUNDS" }] });

    const early = await api.transition("caseworker3", tin, { action: "complete", version: afterApprove.version, data: { receivedAmount: "43766.49" } });
    expect(early.status).toBe(409);

    await step("caseworker1", out, "claim");
    await step("caseworker1", out, "recommend");
    expect((await api.detail("caseworker1", out)).body.calculation).toMatchObject({ f1: "0.00", f2: "14838.49", f3: "3248.00", f4: "18086.49", f5: "25680.00", f6: "43766.49" });
    await step("caseworker2", out, "approve");
    const noFunds = await act("caseworker1", out, "complete");
    expect(noFunds.status).toBe(400);
    expect(noFunds.body.error.issues.map((i: Json) => i.path)).toEqual(["data.fundsReference"]);
    expect((await step("caseworker1", out, "complete", { data: { fundsReference: "FUND-API-1" } })).status).toBe("COMPLETED");

    const received = (await api.detail("caseworker4", tin)).body;
    expect(received.status).toBe("FUNDS_RECEIVED");
    const wrong = await api.transition("caseworker4", tin, { action: "complete", version: received.version, data: { receivedAmount: "43766.40" } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toBe(en("cases.errors.reconciliation", { received: "43766.40", expected: "43766.49", difference: "-0.09" }));
    const right = await api.transition("caseworker4", tin, { action: "complete", version: received.version, data: { receivedAmount: "43766.49" } });
    expect(right).toMatchObject({ status: 200, body: { status: "COMPLETED", version: received.version + 1 } });

    const seen = await api.persons("caseworker3", P3.idNumber);
    expect(seen.body.items).toEqual([expect.objectContaining({ idNumber: P3.idNumber, office: "430100", relationshipStatus: "ACTIVE" })]);
  });
});

describe("malformed requests → 400 naming the field", () => {
  const valid = () => ({ type: "SURRENDER", idNumber: P1.idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" });
  const badChecksum = () => `${P1.idNumber.slice(0, 17)}${P1.idNumber[17] === "0" ? "1" : "0"}`;

  const createCases: Array<[string, () => unknown, string[]]> = [
    ["missing fields", () => ({ type: "SURRENDER" }), ["idNumber", "ground", "terminationMonth"]],
    ["wrong types", () => ({ ...valid(), idNumber: 440305199003071236, terminationMonth: 202406, filedByAgent: "yes" }), ["idNumber", "terminationMonth", "filedByAgent"]],
    ["a bad ID checksum", () => ({ ...valid(), idNumber: badChecksum() }), ["idNumber"]],
    ["month 2024-13", () => ({ ...valid(), terminationMonth: "2024-13" }), ["terminationMonth"]],
    ["an unknown ground", () => ({ ...valid(), ground: "boredom" }), ["ground"]],
    ["an unknown type", () => ({ type: "PENSION", idNumber: P1.idNumber }), ["type"]],
    ["no type", () => ({ idNumber: P1.idNumber }), ["type"]],
    ["an extra key", () => ({ ...valid(), extra: 1 }), ["extra"]],
    ["an extra key in a payee", () => ({ ...valid(), ground: "death", payees: [{ name: "甲", idNumber: P2.idNumber, relationship: "child", bank: "x" }] }), ["payees.0.bank"]],
    ["a huge ID number", () => ({ ...valid(), idNumber: "4".repeat(100_000) }), ["idNumber"]],
    ["a huge payee name", () => ({ ...valid(), ground: "death", payees: [{ name: "名".repeat(10_000), idNumber: P2.idNumber, relationship: "child" }] }), ["payees.0.name"]],
    ["a bad office code", () => ({ type: "TRANSFER_IN", idNumber: P3.idNumber, fromOffice: "44030" }), ["fromOffice"]],
    ["an array", () => [valid()], ["(body)"]],
    ["null", () => null, ["type"]],
  ];

  test.each(createCases)("POST /cases with %s", async (_label, body, paths) => {
    const before = await db.case.count();
    const r = await api.create("caseworker1", body());
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe("bad_request");
    expect(r.body.error.issues.map((i: Json) => i.path).sort()).toEqual([...paths].sort());
    for (const issue of r.body.error.issues) expect(issue.message).not.toMatch(/^validation\.|^cases\./);
    expect(await db.case.count()).toBe(before);
  });

  test("invalid JSON → 400 without issues; a body over 1 MB → 413", async () => {
    const r = await call(createCaseRoute, "POST", "/api/v1/cases", { token: tokens.caseworker1, rawBody: '{"type": "SURRENDER",', lang: "en" });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ error: { code: "bad_request", message: en("errors.invalidJson") } });
    const big = await call(createCaseRoute, "POST", "/api/v1/cases", { token: tokens.caseworker1, rawBody: JSON.stringify({ ...valid(), pad: "x".repeat(1_100_000) }), lang: "en" });
    expect(big.status).toBe(413);
  });

  const transitionCases: Array<[string, unknown, string[]]> = [
    ["no version", { action: "submit" }, ["version"]],
    ["a string version", { action: "submit", version: "1" }, ["version"]],
    ["a fractional version", { action: "submit", version: 1.5 }, ["version"]],
    ["no action", { version: 1 }, ["action"]],
    ["an unknown data key", { action: "submit", version: 1, data: { amount: "1" } }, ["data.amount"]],
    ["a non-decimal receivedAmount", { action: "complete", version: 1, data: { receivedAmount: "lots" } }, ["data.receivedAmount"]],
    ["a huge reason", { action: "return", version: 1, reason: "理".repeat(5000) }, ["reason"]],
    ["an extra key", { action: "submit", version: 1, force: true }, ["force"]],
  ];

  test.each(transitionCases)("POST /cases/{id}/transitions with %s", async (_label, body, paths) => {
    const created = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: (await clonePerson("P4")).idNumber });
    const id = created.body.id as string;
    const r = await api.transition("caseworker1", id, body);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: Json) => i.path).sort()).toEqual([...paths].sort());
    expect((await api.detail("caseworker1", id)).body).toMatchObject({ status: "DRAFT", version: 1 });
  });

  test("POST /cases/{id}/documents without a kind, or with a huge note → 400", async () => {
    const created = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: (await clonePerson("P4")).idNumber });
    const id = created.body.id as string;
    for (const [body, path] of [[{}, "kind"], [{ kind: 7 }, "kind"], [{ kind: "applicant-id", note: "注".repeat(501) }, "note"]] as const) {
      const r = await api.document("caseworker1", id, body);
      expect(r.status).toBe(400);
      expect(r.body.error.issues.map((i: Json) => i.path)).toEqual([path]);
    }
    const unknown = await api.document("caseworker1", id, { kind: "passport" });
    expect(unknown.status).toBe(422);
    expect((await api.detail("caseworker1", id)).body.version).toBe(1);
  });

  test.each([
    ["?limit=0", "limit"], ["?limit=abc", "limit"], ["?limit=201", "limit"], ["?type=PENSION", "type"], ["?status=OPEN", "status"],
    ["?assignee=someone", "assignee"], ["?overdue=yes", "overdue"], [`?q=${"x".repeat(65)}`, "q"], ["?from=2024-1-1", "from"], ["?sort=asc", "sort"],
  ])("GET /cases%s → 400 on %s", async (query, path) => {
    const r = await api.list("caseworker1", query);
    expect(r.status).toBe(400);
    expect(r.body.error.issues.map((i: Json) => i.path)).toEqual([path]);
  });
});

describe("another office's case is not there (404), nor is a malformed id", () => {
  let id: string;
  beforeAll(async () => {
    const created = await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: (await clonePerson("P4")).idNumber });
    id = created.body.id;
    await receiveAll("caseworker1", id);
  });

  test("Changsha reads, moves or files papers on a Shenzhen case → 404 and nothing changes", async () => {
    const before = await db.case.findUniqueOrThrow({ where: { id } });
    const events = await db.caseEvent.count({ where: { caseId: id } });
    expect((await api.detail("caseworker3", id)).status).toBe(404);
    const moved = await api.transition("supervisor3", id, { action: "submit", version: before.version });
    expect(moved).toMatchObject({ status: 404, body: { error: { code: "not_found", message: en("errors.notFound") } } });
    expect((await api.document("caseworker3", id, { kind: "other-office-statement" })).status).toBe(404);
    expect(await db.case.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await db.caseEvent.count({ where: { caseId: id } })).toBe(events);
    const list = await api.list("caseworker3", `?q=${before.caseNumber}`);
    expect(list.body.items).toEqual([]);
  });

  test.each(["not-a-uuid", "1", "00000000-0000-0000-0000-000000000000", "..%2F..%2Fetc", `${"a".repeat(36)}`])("id %s → 404", async (bad) => {
    expect((await api.detail("caseworker1", bad)).status).toBe(404);
    expect((await api.transition("caseworker1", bad, { action: "submit", version: 1 })).status).toBe(404);
    expect((await api.document("caseworker1", bad, { kind: "applicant-id" })).status).toBe(404);
  });

  test("roles: an auditor reads but cannot act (403); an admin does not read cases (403)", async () => {
    expect((await api.detail("auditor1", id)).status).toBe(200);
    expect((await api.list("auditor1")).status).toBe(200);
    expect((await act("auditor1", id, "submit")).status).toBe(403);
    expect((await api.create("auditor1", { type: "DUPLICATE_REFUND", idNumber: P4.idNumber })).status).toBe(403);
    expect((await api.detail("admin", id)).status).toBe(403);
    expect((await api.list("admin")).status).toBe(403);
    const { version } = (await api.detail("auditor1", id)).body;
    expect((await api.transition("admin", id, { action: "submit", version })).status).toBe(403);
    expect((await api.document("admin", id, { kind: "other-office-statement" })).status).toBe(403);
    expect((await api.detail("auditor1", id)).body.version).toBe(version);
  });
});

describe("GET /api/v1/cases: keyset pagination and filters (an office of its own)", () => {
  let office: TestOffice;
  const people: ClonedPerson[] = [];
  const ids: string[] = [];

  beforeAll(async () => {
    office = await createTestOffice({ label: "分页", staff: { caseworker: 2, supervisor: 1, auditor: 0, admin: 0 } });
    for (const handle of ["caseworker1", "caseworker2", "supervisor1"]) tokens[`${office.code}-${handle}`] = await login(office.user(handle).username, TEST_PASSWORD);
    const mapping = { "440300": office.code };
    for (let i = 0; i < 4; i++) people.push(await clonePerson("P1", { offices: mapping, name: `分页甲${i}` }));
    for (let i = 0; i < 3; i++) people.push(await clonePerson("P4", { offices: mapping, name: `分页乙${i}` }));
    for (const [i, p] of people.entries()) {
      const body = i < 4 ? { type: "SURRENDER", idNumber: p.idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" } : { type: "DUPLICATE_REFUND", idNumber: p.idNumber };
      const r = await api.create(`${office.code}-caseworker1`, body);
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    // Three cases taken in within the same millisecond: the id breaks the tie.
    await db.case.updateMany({ where: { id: { in: ids.slice(2, 5) } }, data: { createdAt: new Date("2026-01-05T02:00:00.000Z") } });
  });

  const me = (handle: string) => `${office.code}-${handle}`;

  test("limit=2 pages through every case once, newest first, with nothing skipped", async () => {
    const expected = await db.case.findMany({ where: { officeId: office.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(expected).toHaveLength(7);
    const seen: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const r = await api.list(me("caseworker1"), `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(r.status).toBe(200);
      expect(r.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...r.body.items);
      cursor = r.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(4);
    expect(seen.map((i) => i.id)).toEqual(expected.map((e) => e.id));
    expect(new Set(seen.map((i) => i.id)).size).toBe(7);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1].createdAt >= seen[i].createdAt).toBe(true);
  });

  test("a garbled cursor is not an error page: it is ignored or refused, never a 500", async () => {
    const r = await api.list(me("caseworker1"), "?cursor=%%%garbage");
    expect([200, 400]).toContain(r.status);
  });

  test("filters: type, status, assignee=me, q by case number, ID number and name", async () => {
    const A = me("caseworker1");
    const B = me("caseworker2");
    await receiveAll(A, ids[0]);
    await receiveAll(A, ids[4]);
    await step(A, ids[0], "submit");
    await step(A, ids[4], "submit");
    await step(B, ids[4], "claim");

    const idsOf = async (who: string, query: string) => {
      const r = await api.list(who, query);
      expect(r.status).toBe(200);
      return r.body.items.map((i: Json) => i.id).sort();
    };
    expect(await idsOf(A, "?type=SURRENDER")).toEqual(ids.slice(0, 4).sort());
    expect(await idsOf(A, "?type=DUPLICATE_REFUND")).toEqual(ids.slice(4).sort());
    expect(await idsOf(A, "?status=SUBMITTED")).toEqual([ids[0]]);
    expect(await idsOf(A, "?status=IN_REVIEW")).toEqual([ids[4]]);
    expect(await idsOf(A, "?type=SURRENDER&status=IN_REVIEW")).toEqual([]);
    expect(await idsOf(B, "?assignee=me")).toEqual([ids[4]]);
    expect(await idsOf(A, "?assignee=me")).toEqual([]);
    expect(await idsOf(A, "?assignee=none")).toEqual([...ids.slice(0, 4), ...ids.slice(5)].sort());

    const number = (await api.detail(A, ids[3])).body.caseNumber as string;
    expect(await idsOf(A, `?q=${number}`)).toEqual([ids[3]]);
    expect(await idsOf(A, `?q=${number.toLowerCase()}`)).toEqual([ids[3]]);
    expect(await idsOf(A, `?q=${people[5].idNumber}`)).toEqual([ids[5]]);
    expect(await idsOf(A, `?q=${encodeURIComponent("分页乙")}`)).toEqual(ids.slice(4).sort());
    expect(await idsOf(A, `?q=${encodeURIComponent("分页甲2")}`)).toEqual([ids[2]]);
    expect(await idsOf(A, `?q=${encodeURIComponent("无此人")}`)).toEqual([]);

    const item = (await api.list(A, `?q=${people[5].idNumber}`)).body.items[0];
    expect(item).toMatchObject({ person: { name: "分页乙1", idNumber: maskIdNumber(people[5].idNumber) }, type: "DUPLICATE_REFUND", status: "DRAFT", version: 1 });
  });

  test("overdue=true lists only open cases past their due date", async () => {
    await db.case.update({ where: { id: ids[0] }, data: { dueDate: new Date("2024-01-02T00:00:00Z") } });
    const r = await api.list(me("supervisor1"), "?overdue=true");
    expect(r.body.items.map((i: Json) => i.id)).toEqual([ids[0]]);
    expect(r.body.items[0].dueStatus).toBe("overdue");
  });
});

describe("messages follow Accept-Language", () => {
  test.each([
    [undefined, "zh-CN"], ["en", "en"], ["en-US,en;q=0.9", "en"], ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"], ["fr-FR", "zh-CN"], ["fr;q=1, en;q=0.5", "en"],
  ])("Accept-Language %s → %s", async (lang, locale) => {
    const t = locale === "en" ? en : zh;
    const missing = await call(caseDetailRoute, "GET", "/api/v1/cases/not-a-uuid", { token: tokens.caseworker1, id: "not-a-uuid", lang });
    expect(missing.body.error.message).toBe(t("errors.notFound"));
    const bad = await call(createCaseRoute, "POST", "/api/v1/cases", { token: tokens.caseworker1, body: { type: "SURRENDER", idNumber: P1.idNumber, ground: "death", terminationMonth: "2024-13", payees: [] }, lang });
    expect(bad.body.error.message).toBe(t("errors.badRequest"));
    expect(bad.body.error.issues).toEqual(expect.arrayContaining([{ path: "terminationMonth", message: t("validation.month") }]));
  });

  test("a refusal with parameters is translated with them", async () => {
    const created = await api.create("caseworker1", { type: "SURRENDER", idNumber: (await clonePerson("P1")).idNumber, ground: "emigration-nationality-lost", terminationMonth: "2024-06" });
    const id = created.body.id as string;
    const zhRefusal = await api.transition("caseworker1", id, { action: "approve", version: 1 }, "zh-CN");
    const enRefusal = await api.transition("caseworker1", id, { action: "approve", version: 1 }, "en");
    expect(zhRefusal.body.error.message).toBe(zh("cases.errors.wrongState", { action: "approve", status: "DRAFT" }));
    expect(enRefusal.body.error.message).toBe("The action approve is not possible while the case is DRAFT. Reload the page.");
  });
});

describe("people: GET /api/v1/persons and /persons/{id}/records", () => {
  test("a caseworker sees the full ID number and the view is logged; an auditor sees it masked, unlogged", async () => {
    const cw1 = await db.user.findUniqueOrThrow({ where: { username: "caseworker1" }, select: { id: true, officeId: true } });
    const aud = await db.user.findUniqueOrThrow({ where: { username: "auditor1" }, select: { id: true } });
    const logs = (userId: string) => db.accessLog.count({ where: { userId, subject: P1.idNumber, action: "view-full-id" } });
    const [cwBefore, audBefore] = [await logs(cw1.id), await logs(aud.id)];

    const full = await api.persons("caseworker1", P1.idNumber);
    expect(full.status).toBe(200);
    expect(full.body.items).toEqual([
      { id: P1.id, name: p1.name, idNumber: P1.idNumber, sex: "M", birthDate: p1.birthDate, hukouProvince: p1.hukouProvince, office: "440300", relationshipStatus: expect.any(String) },
    ]);
    expect(await logs(cw1.id)).toBe(cwBefore + 1);
    const log = await db.accessLog.findFirstOrThrow({ where: { userId: cw1.id, subject: P1.idNumber }, orderBy: { at: "desc" } });
    expect(log.officeId).toBe(cw1.officeId);

    const masked = await api.persons("auditor1", P1.idNumber);
    expect(masked.body.items).toEqual([expect.objectContaining({ id: P1.id, idNumber: maskIdNumber(P1.idNumber) })]);
    expect(masked.body.items[0].idNumber).not.toContain(P1.idNumber.slice(6, 14));
    expect(await logs(aud.id)).toBe(audBefore);

    // The ID number may be given with a lower-case x.
    const lower = await api.persons("caseworker1", P1.idNumber.toLowerCase());
    expect(lower.status).toBe(200);
  });

  test("office isolation: Changsha does not know a Shenzhen-only person, but knows one with records there", async () => {
    expect((await api.persons("caseworker3", P1.idNumber)).body).toEqual({ items: [] });
    expect((await api.records("caseworker3", P1.id)).status).toBe(404);
    expect((await api.persons("caseworker3", P3.idNumber)).body.items).toHaveLength(1);
    expect((await api.persons("admin", P1.idNumber)).status).toBe(403);
    const bad = await api.persons("caseworker1", "440305199003071230");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: Json) => i.path)).toEqual(["idNumber"]);
  });

  test("an ID number whose birth date is after today (Asia/Shanghai) is refused by the lookup and at intake (issue 13)", async () => {
    const bornIn2030 = generateIdNumber({ addressCode: "440305", birthDate: "2030-05-01", sex: "M", sequence: 13 });
    const lookup = await api.persons("caseworker1", bornIn2030);
    expect(lookup.status).toBe(400);
    expect(lookup.body.error.issues).toEqual([{ path: "idNumber", message: en("validation.idNumberDate") }]);
    const cases = await db.case.count({ where: { person: { idNumber: P1.idNumber } } });
    const intake = await api.create("caseworker1", {
      type: "SURRENDER", idNumber: P1.idNumber, ground: "death", terminationMonth: "2024-06",
      payees: [{ name: "继承人", idNumber: bornIn2030, relationship: "child" }],
    }, "zh-CN");
    expect(intake.status).toBe(400);
    expect(intake.body.error.issues).toEqual([{ path: "payees.0.idNumber", message: zh("validation.idNumberDate") }]);
    expect((await api.create("caseworker1", { type: "DUPLICATE_REFUND", idNumber: bornIn2030 })).body.error.issues).toEqual([
      { path: "idNumber", message: en("validation.idNumberDate") },
    ]);
    expect(await db.case.count({ where: { person: { idNumber: P1.idNumber } } })).toBe(cases);
  });

  test("the records of P1 and the personal account by year: 2023 closes at 36,361.58", async () => {
    const r = await api.records("caseworker1", P1.id);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: Json) => [i.from, i.to, i.monthlyBase, i.payerType, i.rate, i.accountRate, i.office])).toEqual(
      p1.records.map((x) => [x.from, x.to, `${x.monthlyBase}.00`, x.payerType, x.rate, x.accountRate, "440300"]),
    );
    expect(r.body.account.years).toEqual(expect.arrayContaining([expect.objectContaining({ year: 2023, closingBalance: "36361.58" })]));
    expect(r.body.account.years.map((y: Json) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024]);
    expect((await api.records("caseworker1", "not-a-uuid")).status).toBe(404);
    expect((await api.records("auditor1", P1.id)).status).toBe(200);
  });
});

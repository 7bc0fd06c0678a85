import { beforeAll, describe, expect, test } from "vitest";
import type { Actor } from "@/lib/service";
import { createCase, getCaseDetail, recordDocument, transitionCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { verifyChain } from "@/lib/audit/chain";
import { actor, ensureDemo } from "@/tests/factories/demo";
import { createPerson } from "@/prisma/seed/factories";
import { generateIdNumber } from "@/lib/domain/id-number";

let cw1: Actor, cw2: Actor, sup1: Actor, cw3: Actor, cw4: Actor, sup3: Actor;

beforeAll(async () => {
  await ensureDemo();
  [cw1, cw2, sup1, cw3, cw4, sup3] = await Promise.all(["caseworker1", "caseworker2", "supervisor1", "caseworker3", "caseworker4", "supervisor3"].map(actor));
});

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; key: string; params: unknown } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code} ${r.error.key} ${JSON.stringify(r.error.params)}`);
  return r.value;
}

async function step(who: Actor, id: string, action: string, extra: Record<string, unknown> = {}) {
  const { version } = (await getCaseDetail(who, id))!;
  return ok(transitionCase(who, id, { action, version, ...extra }));
}

async function receiveAll(who: Actor, id: string) {
  const detail = (await getCaseDetail(who, id))!;
  for (const item of detail.checklist.filter((i) => i.required && !i.received)) await ok(recordDocument(who, id, { kind: item.kind }));
}

describe("journeys through the case service", () => {
  test("surrender of P1 pays 39,778.18 and terminates the relationship, with a return and resubmit", async () => {
    const created = await ok(createCase(cw1, { type: "SURRENDER", idNumber: "440305199003071236", ground: "emigration-nationality-lost", terminationMonth: "2024-06" }));
    const refused = await transitionCase(cw1, created.id, { action: "submit", version: created.version });
    expect(refused.ok === false && refused.error.code).toBe("unprocessable");
    await receiveAll(cw1, created.id);
    await step(cw1, created.id, "submit");
    await step(cw2, created.id, "claim");
    await step(cw2, created.id, "return", { reason: "护照复印件不清晰" });
    await step(cw1, created.id, "resubmit");
    await step(cw2, created.id, "claim");
    await step(cw2, created.id, "recommend");
    const detail = (await getCaseDetail(cw2, created.id))!;
    expect(detail.calculation).toMatchObject({ payout: "39778.18", priorYearEndBalance: "36361.58", currentYearPrincipal: "3000.00", currentYearInterest: "416.60" });
    const fourEyes = await transitionCase(cw2, created.id, { action: "approve", version: detail.version });
    expect(fourEyes.ok === false && fourEyes.error.key).toBe("cases.errors.fourEyes");
    const submitterApproves = await transitionCase(cw1, created.id, { action: "approve", version: detail.version });
    expect(submitterApproves.ok === false && submitterApproves.error.key).toBe("cases.errors.fourEyes");
    await step(sup1, created.id, "approve");
    await step(cw1, created.id, "complete", { data: { paymentReference: "PAY-2024-0001" } });
    const done = (await getCaseDetail(cw1, created.id))!;
    expect(done.status).toBe("COMPLETED");
    expect(done.payment).toMatchObject({ amount: "39778.18", reference: "PAY-2024-0001" });
    expect(done.person.relationshipStatus).toBe("TERMINATED");
    const again = await createCase(cw1, { type: "SURRENDER", idNumber: "440305199003071236", ground: "death", terminationMonth: "2024-07", payees: [{ name: "李某", idNumber: "44030420100101002X", relationship: "child" }] });
    expect(again.ok === false && again.error.key).toBe("cases.errors.terminated");
  });

  test("duplicate refund of P4 refunds 3,000.00 to the flexible record, once", async () => {
    const created = await ok(createCase(cw1, { type: "DUPLICATE_REFUND", idNumber: "440303199204200353" }));
    await receiveAll(cw1, created.id);
    await step(cw1, created.id, "submit");
    await step(cw2, created.id, "claim");
    await step(cw2, created.id, "recommend");
    const d = (await getCaseDetail(cw2, created.id))!;
    expect(d.calculation).toMatchObject({ total: "3000.00", refunds: [{ payerType: "flexible", months: 3, amount: "3000.00" }] });
    await step(sup1, created.id, "approve");
    await step(cw2, created.id, "complete", { data: { paymentReference: "REF-1" } });
    expect(await db.refundedMonth.count({ where: { caseId: created.id } })).toBe(3);
    // Issue 13: the second intake is refused before anything is saved, with recommend's key.
    const cases = await db.case.count({ where: { person: { idNumber: "440303199204200353" } } });
    const noMore = await createCase(cw1, { type: "DUPLICATE_REFUND", idNumber: "440303199204200353" });
    expect(noMore.ok === false && [noMore.error.code, noMore.error.key]).toEqual(["unprocessable", "cases.errors.notEligible.DUPLICATE_REFUND"]);
    expect(noMore.ok === false && noMore.error.issues).toEqual([{ path: "idNumber", key: "cases.errors.notEligible.DUPLICATE_REFUND" }]);
    expect(await db.case.count({ where: { person: { idNumber: "440303199204200353" } } })).toBe(cases);
  });

  test("transfer of P3 from Shenzhen to Changsha through both offices (f6 = 43,766.49)", async () => {
    const tin = await ok(createCase(cw3, { type: "TRANSFER_IN", idNumber: "440306198809150111", fromOffice: "440300", transferMonth: "2024-08" }));
    await receiveAll(cw3, tin.id);
    await step(cw3, tin.id, "submit");
    await step(cw4, tin.id, "claim");
    await step(cw4, tin.id, "recommend");
    await step(sup3, tin.id, "approve");
    const afterApprove = (await getCaseDetail(cw3, tin.id))!;
    expect(afterApprove.status).toBe("AWAITING_FUNDS");
    const outId = afterApprove.linkedCases[0].id;
    expect(await getCaseDetail(cw3, outId)).toBeNull();
    const early = await transitionCase(cw3, tin.id, { action: "complete", version: afterApprove.version, data: { receivedAmount: "43766.49" } });
    expect(early.ok === false && early.error.code).toBe("conflict");
    await step(cw1, outId, "claim");
    await step(cw1, outId, "recommend");
    expect((await getCaseDetail(cw1, outId))!.calculation).toMatchObject({ f1: "0.00", f2: "14838.49", f3: "3248.00", f4: "18086.49", f5: "25680.00", f6: "43766.49" });
    await step(cw2, outId, "approve");
    await step(cw1, outId, "complete", { data: { fundsReference: "FUND-1" } });
    const received = (await getCaseDetail(cw3, tin.id))!;
    expect(received.status).toBe("FUNDS_RECEIVED");
    const wrong = await transitionCase(cw4, tin.id, { action: "complete", version: received.version, data: { receivedAmount: "43766.40" } });
    expect(wrong.ok === false && wrong.error.code).toBe("unprocessable");
    expect(wrong.ok === false && wrong.error.params).toMatchObject({ difference: "-0.09" });
    await step(cw4, tin.id, "complete", { data: { receivedAmount: "43766.49" } });
    const person = await db.insuredPerson.findUniqueOrThrow({ where: { idNumber: "440306198809150111" }, select: { office: { select: { code: true } }, relationshipStatus: true } });
    expect(person).toEqual({ office: { code: "430100" }, relationshipStatus: "ACTIVE" });
    for (const code of ["440300", "430100"]) {
      const office = await db.office.findUniqueOrThrow({ where: { code }, select: { id: true } });
      expect((await verifyChain(db, office.id, "case")).ok).toBe(true);
    }
  });

  test("twenty concurrent approvals: exactly one succeeds and one approve event is written", async () => {
    const created = await ok(createCase(cw1, { type: "SURRENDER", idNumber: "44030419850612022X", ground: "death", terminationMonth: "2024-04", payees: [{ name: "王小芳", idNumber: "44030420100101002X", relationship: "child" }] }));
    await receiveAll(cw1, created.id);
    await step(cw1, created.id, "submit");
    await step(cw2, created.id, "claim");
    await step(cw2, created.id, "recommend");
    const d = (await getCaseDetail(sup1, created.id))!;
    expect(d.calculation).toMatchObject({ payout: "17601.23", priorYearEndBalance: "16145.61" });
    const results = await Promise.all(Array.from({ length: 20 }, () => transitionCase(sup1, created.id, { action: "approve", version: d.version })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === "conflict")).toBe(true);
    expect(await db.caseEvent.count({ where: { caseId: created.id, action: "approve" } })).toBe(1);
    const a = (await getCaseDetail(sup1, created.id))!;
    const payouts = await Promise.all([0, 1].map(() => transitionCase(cw1, created.id, { action: "complete", version: a.version, data: { paymentReference: "P-X" } })));
    expect(payouts.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.payment.count({ where: { caseId: created.id } })).toBe(1);
  });
});

describe("personal data on the case detail", () => {
  test("an auditor sees the ID number masked; a caseworker sees it in full and the view is logged", async () => {
    const { GET } = await import("@/app/api/v1/cases/[id]/route");
    const { POST: token } = await import("@/app/api/v1/auth/token/route");
    const idNumber = generateIdNumber({ addressCode: "440304", birthDate: "1986-05-17", sex: "F", sequence: 412 });
    const office = await db.office.findUniqueOrThrow({ where: { code: "440300" }, select: { id: true } });
    // Two records that overlap in a month: a duplicate refund is taken in only with one (issue 13).
    await createPerson(db, {
      idNumber, name: "数据甲", sex: "F", birthDate: "1986-05-17", hukouProvince: "广东", officeId: office.id,
      records: [
        { from: "2023-01", to: "2023-12", monthlyBase: "6000", payerType: "employer", rate: "0.24", accountRate: "0.08" },
        { from: "2023-12", to: "2023-12", monthlyBase: "5000", payerType: "flexible", rate: "0.20", accountRate: "0.08" },
      ],
    });
    const created = await ok(createCase(cw1, { type: "DUPLICATE_REFUND", idNumber }));
    const bearer = async (username: string) =>
      (await (await token(new Request("http://localhost/api/v1/auth/token", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.9" }, body: JSON.stringify({ username, password: "Jingban-Demo-2026" }) }))).json()).token as string;
    const get = async (username: string) =>
      (await GET(new Request(`http://localhost/api/v1/cases/${created.id}`, { headers: { authorization: `Bearer ${await bearer(username)}` } }), { params: Promise.resolve({ id: created.id }) })).json();
    const worker = await get("caseworker2");
    expect(worker.person.idNumber).toBe(idNumber);
    expect(await db.accessLog.count({ where: { subject: idNumber } })).toBe(1);
    const auditor = await get("auditor1");
    expect(auditor.person.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(await db.accessLog.count({ where: { subject: idNumber } })).toBe(1);
  });
});

describe("letters of a case", () => {
  test("approval issues the payout decision, a rejection the notice; the PDF is served once issued and not before", async () => {
    const { GET } = await import("@/app/api/v1/cases/[id]/documents/[file]/route");
    const { POST: token } = await import("@/app/api/v1/auth/token/route");
    const idNumber = generateIdNumber({ addressCode: "440305", birthDate: "1984-02-11", sex: "M", sequence: 77 });
    const office = await db.office.findUniqueOrThrow({ where: { code: "440300" }, select: { id: true } });
    await createPerson(db, {
      idNumber, name: "文书甲", sex: "M", birthDate: "1984-02-11", hukouProvince: "广东", officeId: office.id,
      records: [{ from: "2023-01", to: "2023-12", monthlyBase: "6000", payerType: "employer", rate: "0.24", accountRate: "0.08" }],
    });
    const created = await ok(createCase(cw1, { type: "SURRENDER", idNumber, ground: "foreign-national-leaving", terminationMonth: "2024-03" }));
    const bearer = (await (await token(new Request("http://localhost/api/v1/auth/token", { method: "POST", headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.10" }, body: JSON.stringify({ username: "caseworker1", password: "Jingban-Demo-2026" }) }))).json()).token as string;
    const pdf = (file: string) => GET(new Request(`http://localhost/api/v1/cases/${created.id}/documents/${file}`, { headers: { authorization: `Bearer ${bearer}` } }), { params: Promise.resolve({ id: created.id, file }) });
    expect((await pdf("payout-decision.pdf")).status).toBe(404);
    await receiveAll(cw1, created.id);
    await step(cw1, created.id, "submit");
    await step(cw2, created.id, "claim");
    await step(cw2, created.id, "recommend");
    await step(sup1, created.id, "approve");
    const detail = (await getCaseDetail(cw1, created.id))!;
    expect(detail.letters.map((l) => l.kind)).toEqual(["PAYOUT_DECISION"]);
    const response = await pdf("payout-decision.pdf");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect((await pdf("rejection-notice.pdf")).status).toBe(404);
    expect((await pdf("../../etc/passwd")).status).toBe(404);
  });
});

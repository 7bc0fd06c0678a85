/**
 * Races beyond case-concurrency.integration.test.ts (which proves 20 approvals, 2 and 10 payouts,
 * claims, refund completions and 50 intakes on the service): here through the REST handlers,
 * at higher counts, and across the two legs of a transfer, where one transition moves a case in
 * another office. Every request answers 200 or 409 (never a thrown error or a 500), exactly one
 * wins, each case ends in a state its table can reach with one event per move, and both offices'
 * hash chains verify.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { POST as transitionRoute } from "@/app/api/v1/cases/[id]/transitions/route";
import { verifyChain } from "@/lib/audit/chain";
import { issueApiToken } from "@/lib/auth/session";
import type { Actor } from "@/lib/service";
import { db } from "@/lib/db/client";
import { CaseDriver, currentVersion, requiredExtra } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { workflows } from "@/lib/workflow";

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;
const tokens = new Map<string, string>();
/** Staff of an office who never touched the driver's cases (its crew is caseworker1, caseworker2, supervisor1). */
const outsiders = (office: TestOffice): Actor[] => [
  ...Array.from({ length: 12 }, (_, i) => office.user(`caseworker${i + 3}`)),
  office.user("supervisor2"),
];

beforeAll(async () => {
  await ensureDemo();
  home = await createTestOffice({ label: "并发加固", staff: { caseworker: 14, supervisor: 2, auditor: 0, admin: 0 } });
  partner = await createTestOffice({ label: "并发加固转出", province: "广东", staff: { caseworker: 14, supervisor: 2, auditor: 0, admin: 0 } });
  driver = new CaseDriver(home, partner);
  for (const office of [home, partner]) for (const u of Object.values(office.users)) tokens.set(u.id, (await issueApiToken(u.id)).token);
}, 120_000);

async function post(who: Actor, caseId: string, body: unknown): Promise<{ status: number; body: { status?: string; version?: number; error?: { code: string } } }> {
  const request = new Request(`http://localhost/api/v1/cases/${caseId}/transitions`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens.get(who.id)}`, "content-type": "application/json", "accept-language": "en" },
    body: JSON.stringify(body),
  });
  const response = await transitionRoute(request, { params: Promise.resolve({ id: caseId }) });
  return { status: response.status, body: await response.json() };
}

/** All at once: none throws, each answers 200 or 409 (a conflict). */
async function settle(calls: Array<() => ReturnType<typeof post>>) {
  const settled = await Promise.allSettled(calls.map((c) => c()));
  expect(settled.filter((s) => s.status === "rejected"), "no request may throw").toEqual([]);
  const results = settled.map((s) => (s as PromiseFulfilledResult<Awaited<ReturnType<typeof post>>>).value);
  expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 409), "only 200 or 409").toEqual([]);
  for (const r of results) if (r.status === 409) expect(r.body.error?.code).toBe("conflict");
  return results;
}

/** As settle, and exactly one wins. */
async function race(calls: Array<() => ReturnType<typeof post>>) {
  const results = await settle(calls);
  expect(results.filter((r) => r.status === 200)).toHaveLength(1);
  return results;
}

async function expectChainsIntact() {
  for (const office of [home, partner]) {
    const check = await verifyChain(db, office.id, "case");
    expect(check, `case chain of ${office.code}`).toMatchObject({ ok: true });
    expect(await db.caseEvent.count({ where: { officeId: office.id } })).toBe(check.events);
  }
}

const eventsOf = async (caseId: string) =>
  (await db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: "asc" }, select: { action: true } })).map((e) => e.action);

describe("many requests on one case, through POST /api/v1/cases/{id}/transitions", () => {
  test("50 concurrent approvals by 13 eligible users: one 200, 49 × 409, one approve event, version + 1", async () => {
    const id = await driver.caseAt("SURRENDER", "PENDING_APPROVAL");
    const version = await currentVersion(id);
    const who = outsiders(home);
    const results = await race(Array.from({ length: 50 }, (_, i) => () => post(who[i % who.length], id, { action: "approve", version })));
    const winner = who[results.findIndex((r) => r.status === 200) % who.length];
    expect(results.find((r) => r.status === 200)!.body).toEqual({ status: "APPROVED", version: version + 1 });
    expect(await db.case.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, approvedById: true } })).toEqual({
      status: "APPROVED", version: version + 1, approvedById: winner.id,
    });
    expect((await eventsOf(id)).filter((a) => a === "approve")).toHaveLength(1);
    await expectChainsIntact();
  });

  test("20 concurrent payouts of one surrender: one Payment row with the winner's reference, paid once", async () => {
    const id = await driver.caseAt("SURRENDER", "APPROVED");
    const version = await currentVersion(id);
    const who = outsiders(home);
    const refs = Array.from({ length: 20 }, (_, i) => `PAY-HARD-${i}`);
    const results = await race(refs.map((paymentReference, i) => () => post(who[i % who.length], id, { action: "complete", version, data: { paymentReference } })));
    const payments = await db.payment.findMany({ where: { caseId: id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ kind: "SURRENDER_PAYOUT", reference: refs[results.findIndex((r) => r.status === 200)] });
    expect(payments[0].amount.toFixed(2)).toBe("39778.18");
    expect((await eventsOf(id)).filter((a) => a === "complete")).toHaveLength(1);
    const person = await db.case.findUniqueOrThrow({ where: { id }, select: { person: { select: { relationshipStatus: true } } } });
    expect(person.person.relationshipStatus).toBe("TERMINATED");
    await expectChainsIntact();
  });
});

describe("the two legs of a transfer at once", () => {
  /** The linked TRANSFER_IN of a TRANSFER_OUT. */
  const transferIn = async (outId: string) => (await db.case.findUniqueOrThrow({ where: { id: outId }, select: { linkedCaseId: true } })).linkedCaseId!;

  test.each([1, 2, 3])(
    "round %i: completing the TRANSFER_OUT while the TRANSFER_IN is withdrawn and completed: funds sent once, the in-leg moved once",
    async () => {
      const outId = await driver.caseAt("TRANSFER_OUT", "APPROVED");
      const inId = await transferIn(outId);
      const [vOut, vIn] = [await currentVersion(outId), await currentVersion(inId)];
      const completeIn = workflows.TRANSFER_IN.find((t) => t.action === "complete")!;
      const extra = await requiredExtra(completeIn, inId);
      const results = await settle([
        () => post(partner.user("caseworker3"), outId, { action: "complete", version: vOut, data: { fundsReference: "FUND-RACE" } }),
        () => post(home.user("caseworker3"), inId, { action: "withdraw", version: vIn, reason: "申请人撤回" }),
        () => post(home.user("caseworker4"), inId, { action: "withdraw", version: vIn + 1, reason: "申请人撤回" }),
        () => post(home.user("caseworker5"), inId, { action: "complete", version: vIn + 1, ...extra }),
      ]);
      const out = await db.case.findUniqueOrThrow({ where: { id: outId }, select: { status: true, version: true } });
      const tin = await db.case.findUniqueOrThrow({ where: { id: inId }, select: { status: true, version: true } });
      expect(out).toEqual({ status: "COMPLETED", version: vOut + 1 });
      // The out-leg always completes; withdraw never starts from AWAITING_FUNDS or FUNDS_RECEIVED;
      // the in-leg's own completion wins only when it ran after the funds arrived (else stale: 409).
      expect(results.map((r) => r.status)).toEqual([200, 409, 409, tin.status === "COMPLETED" ? 200 : 409]);
      // Never withdrawn: AWAITING_FUNDS and FUNDS_RECEIVED are not states withdraw starts from.
      expect(["FUNDS_RECEIVED", "COMPLETED"]).toContain(tin.status);
      expect(await eventsOf(outId)).toEqual(expect.arrayContaining(["complete"]));
      expect((await eventsOf(outId)).filter((a) => a === "complete")).toHaveLength(1);
      const inEvents = await eventsOf(inId);
      expect(inEvents.filter((a) => a === "receiveFunds")).toHaveLength(1);
      expect(inEvents).not.toContain("withdraw");
      expect(inEvents.filter((a) => a === "complete")).toHaveLength(tin.status === "COMPLETED" ? 1 : 0);
      expect(tin.version).toBe(vIn + 1 + (tin.status === "COMPLETED" ? 1 : 0));
      const payments = await db.payment.findMany({ where: { caseId: { in: [outId, inId] } }, select: { caseId: true, kind: true } });
      expect(payments).toEqual(
        expect.arrayContaining([{ caseId: outId, kind: "TRANSFER_FUNDS_SENT" }, ...(tin.status === "COMPLETED" ? [{ caseId: inId, kind: "TRANSFER_FUNDS_RECEIVED" }] : [])]),
      );
      expect(payments).toHaveLength(tin.status === "COMPLETED" ? 2 : 1);
      await expectChainsIntact();
    },
  );

  test("approving the TRANSFER_OUT while it is rejected: one wins, and the in-leg follows the winner only", async () => {
    for (let round = 0; round < 3; round++) {
      const outId = await driver.caseAt("TRANSFER_OUT", "PENDING_APPROVAL");
      const inId = await transferIn(outId);
      const v = await currentVersion(outId);
      const results = await race([
        () => post(partner.user("caseworker3"), outId, { action: "approve", version: v }),
        () => post(partner.user("caseworker4"), outId, { action: "reject", version: v, reason: "资料不符" }),
        () => post(partner.user("supervisor2"), outId, { action: "approve", version: v }),
      ]);
      const won = results.findIndex((r) => r.status === 200);
      const out = await db.case.findUniqueOrThrow({ where: { id: outId }, select: { status: true } });
      const tin = await db.case.findUniqueOrThrow({ where: { id: inId }, select: { status: true, rejectReason: true } });
      if (won === 1) {
        expect(out.status).toBe("REJECTED");
        expect(tin).toEqual({ status: "REJECTED", rejectReason: "资料不符" });
        expect(await eventsOf(inId)).toContain("reject");
      } else {
        expect(out.status).toBe("APPROVED");
        expect(tin).toEqual({ status: "AWAITING_FUNDS", rejectReason: null });
        expect(await eventsOf(inId)).not.toContain("reject");
      }
      expect((await eventsOf(outId)).filter((a) => a === "approve" || a === "reject")).toHaveLength(1);
    }
    await expectChainsIntact();
  });

  test("approving a TRANSFER_IN while it is withdrawn: one wins; a withdrawn case opens no TRANSFER_OUT", async () => {
    for (let round = 0; round < 3; round++) {
      const inId = await driver.caseAt("TRANSFER_IN", "PENDING_APPROVAL");
      const personId = (await db.case.findUniqueOrThrow({ where: { id: inId }, select: { personId: true } })).personId;
      const v = await currentVersion(inId);
      const results = await race([
        () => post(home.user("supervisor2"), inId, { action: "approve", version: v }),
        () => post(home.user("caseworker3"), inId, { action: "withdraw", version: v, reason: "申请人撤回" }),
        () => post(home.user("caseworker4"), inId, { action: "approve", version: v }),
        () => post(home.user("caseworker5"), inId, { action: "withdraw", version: v }),
      ]);
      const won = results.findIndex((r) => r.status === 200);
      const tin = await db.case.findUniqueOrThrow({ where: { id: inId }, select: { status: true, linkedCaseId: true } });
      const outs = await db.case.findMany({ where: { personId, type: "TRANSFER_OUT" }, select: { id: true, status: true, linkedCaseId: true } });
      if (won % 2 === 1) {
        expect(tin).toEqual({ status: "WITHDRAWN", linkedCaseId: null });
        expect(outs).toEqual([]);
      } else {
        expect(tin.status).toBe("AWAITING_FUNDS");
        expect(outs).toEqual([{ id: tin.linkedCaseId, status: "SUBMITTED", linkedCaseId: inId }]);
        expect(await eventsOf(tin.linkedCaseId!)).toEqual(["open"]);
      }
    }
    await expectChainsIntact();
  });
});

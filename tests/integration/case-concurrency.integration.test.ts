/**
 * Races on real PostgreSQL: the compare-and-set on (id, version, status), the unique Payment per
 * case, the (record, month) key of refunded months and the locked chain head must hold when many
 * requests arrive at once — exactly one winner, everyone else a 409, nothing written twice, and
 * the office's hash chain unbroken.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { verifyChain } from "@/lib/audit/chain";
import type { Actor } from "@/lib/service";
import { createCase, transitionCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import type { CaseStatus } from "@/lib/workflow";
import { CaseDriver, currentVersion } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson } from "@/tests/factories/people";

let office: TestOffice;
let driver: CaseDriver;
/** Staff who never touched the cases the driver made: caseworker3…caseworker12, supervisor2. */
let outsiders: Actor[];

beforeAll(async () => {
  await ensureDemo();
  office = await createTestOffice({ label: "并发", staff: { caseworker: 12, supervisor: 2 } });
  const partner = await createTestOffice({ label: "并发转出", province: "广东" });
  driver = new CaseDriver(office, partner);
  outsiders = [...Array.from({ length: 10 }, (_, i) => office.user(`caseworker${i + 3}`)), office.user("supervisor2")];
});

type Outcome = Awaited<ReturnType<typeof transitionCase>>;

function expectOneWinner(results: Outcome[]) {
  const won = results.filter((r) => r.ok);
  expect(won, "exactly one succeeds").toHaveLength(1);
  for (const r of results) if (!r.ok) expect({ code: r.error.code }).toEqual({ code: "conflict" });
  return won[0] as Extract<Outcome, { ok: true }>;
}

async function expectChainIntact() {
  const check = await verifyChain(db, office.id, "case");
  expect(check).toMatchObject({ ok: true });
  const head = await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: office.id, chain: "case" } } });
  expect(check.events).toBe(head.seq);
  expect(await db.caseEvent.count({ where: { officeId: office.id } })).toBe(head.seq);
}

describe("one winner per race", () => {
  test("20 concurrent approvals by one supervisor: one succeeds, 19 conflicts, one approve event", async () => {
    const id = await driver.caseAt("SURRENDER", "PENDING_APPROVAL");
    const version = await currentVersion(id);
    const results = await Promise.all(Array.from({ length: 20 }, () => transitionCase(office.user("supervisor1"), id, { action: "approve", version })));
    expect(expectOneWinner(results).value).toEqual({ id, status: "APPROVED", version: version + 1 });
    expect(await db.caseEvent.count({ where: { caseId: id, action: "approve" } })).toBe(1);
    expect(await currentVersion(id)).toBe(version + 1);
    await expectChainIntact();
  });

  test("11 concurrent approvals by 11 different eligible users: one approver is recorded", async () => {
    const id = await driver.caseAt("SURRENDER", "PENDING_APPROVAL");
    const version = await currentVersion(id);
    const results = await Promise.all(outsiders.map((who) => transitionCase(who, id, { action: "approve", version })));
    expectOneWinner(results);
    const winner = outsiders[results.findIndex((r) => r.ok)];
    const c = await db.case.findUniqueOrThrow({ where: { id }, select: { approvedById: true, status: true } });
    expect(c).toEqual({ approvedById: winner.id, status: "APPROVED" });
    const events = await db.caseEvent.findMany({ where: { caseId: id, action: "approve" }, select: { actorId: true } });
    expect(events).toEqual([{ actorId: winner.id }]);
    await expectChainIntact();
  });

  test.each([2, 10])("%i concurrent payouts of one surrender: one Payment row, paid once", async (n) => {
    const id = await driver.caseAt("SURRENDER", "APPROVED");
    const version = await currentVersion(id);
    const refs = Array.from({ length: n }, (_, i) => `PAY-RACE-${n}-${i}`);
    const results = await Promise.all(
      refs.map((paymentReference, i) => transitionCase(outsiders[i % outsiders.length], id, { action: "complete", version, data: { paymentReference } })),
    );
    expectOneWinner(results);
    const payments = await db.payment.findMany({ where: { caseId: id } });
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ kind: "SURRENDER_PAYOUT", reference: refs[results.findIndex((r) => r.ok)] });
    expect(payments[0].amount.toFixed(2)).toBe("39778.18");
    expect(await db.caseEvent.count({ where: { caseId: id, action: "complete" } })).toBe(1);
    // A retry with the new version finds the case completed: still one payment.
    const retry = await transitionCase(office.user("caseworker1"), id, { action: "complete", version: version + 1, data: { paymentReference: "PAY-RETRY" } });
    expect(!retry.ok && retry.error.key).toBe("cases.errors.wrongState");
    expect(await db.payment.count({ where: { caseId: id } })).toBe(1);
    await expectChainIntact();
  });

  test("11 concurrent claims: one assignee, one claim event", async () => {
    const id = await driver.caseAt("DUPLICATE_REFUND", "SUBMITTED");
    const version = await currentVersion(id);
    const results = await Promise.all(outsiders.map((who) => transitionCase(who, id, { action: "claim", version })));
    expectOneWinner(results);
    const winner = outsiders[results.findIndex((r) => r.ok)];
    expect(await db.case.findUniqueOrThrow({ where: { id }, select: { assigneeId: true, status: true } })).toEqual({ assigneeId: winner.id, status: "IN_REVIEW" });
    expect(await db.caseEvent.findMany({ where: { caseId: id, action: "claim" }, select: { actorId: true } })).toEqual([{ actorId: winner.id }]);
    await expectChainIntact();
  });

  test("10 concurrent completions of a duplicate refund: the three overlap months refunded exactly once", async () => {
    const id = await driver.caseAt("DUPLICATE_REFUND", "APPROVED");
    const version = await currentVersion(id);
    const results = await Promise.all(
      outsiders.slice(0, 10).map((who, i) => transitionCase(who, id, { action: "complete", version, data: { paymentReference: `REF-RACE-${i}` } })),
    );
    expectOneWinner(results);
    const c = await db.case.findUniqueOrThrow({ where: { id }, select: { personId: true } });
    const flexible = await db.contributionRecord.findFirstOrThrow({ where: { personId: c.personId, payerType: "FLEXIBLE" }, select: { id: true } });
    const months = await db.refundedMonth.findMany({ where: { record: { personId: c.personId } }, orderBy: { month: "asc" } });
    expect(months.map((m) => ({ recordId: m.recordId, month: m.month, caseId: m.caseId, amount: m.amount.toFixed(2) }))).toEqual(
      ["2024-01", "2024-02", "2024-03"].map((month) => ({ recordId: flexible.id, month, caseId: id, amount: "1000.00" })),
    );
    const payments = await db.payment.findMany({ where: { caseId: id } });
    expect(payments.map((p) => [p.kind, p.amount.toFixed(2)])).toEqual([["DUPLICATE_REFUND", "3000.00"]]);
    await expectChainIntact();
  });
});

describe("the office's chain under load", () => {
  test("50 concurrent intakes of different people: 50 cases, 50 distinct consecutive numbers, chain intact", async () => {
    const people = await Promise.all(Array.from({ length: 50 }, () => clonePerson("P4", { offices: { "440300": office.code } })));
    const crew = [office.user("caseworker1"), office.user("caseworker2"), ...outsiders];
    const results = await Promise.all(people.map((p, i) => createCase(crew[i % crew.length], { type: "DUPLICATE_REFUND", idNumber: p.idNumber })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const numbers = results.map((r) => (r.ok ? r.value.caseNumber : "")).sort();
    expect(new Set(numbers).size).toBe(50);
    const sequence = numbers.map((n) => Number(n.slice(-6)));
    expect(sequence.at(-1)! - sequence[0]).toBe(49);
    await expectChainIntact();
  });

  test("50 concurrent transitions on 50 cases in every open state: each moves once, chain intact", async () => {
    const plan: Array<{ type: "SURRENDER" | "DUPLICATE_REFUND" | "TRANSFER_IN"; from: CaseStatus; action: string; extra?: Record<string, unknown> }> = [
      { type: "DUPLICATE_REFUND", from: "DRAFT", action: "withdraw" },
      { type: "SURRENDER", from: "SUBMITTED", action: "claim" },
      { type: "DUPLICATE_REFUND", from: "IN_REVIEW", action: "return", extra: { reason: "补正材料" } },
      { type: "SURRENDER", from: "PENDING_APPROVAL", action: "approve" },
      { type: "DUPLICATE_REFUND", from: "APPROVED", action: "complete", extra: { data: { paymentReference: "PAY-LOAD" } } },
    ];
    const cases: Array<{ id: string; action: string; extra?: Record<string, unknown>; version: number }> = [];
    for (let i = 0; i < 50; i++) {
      const p = plan[i % plan.length];
      const id = await driver.caseAt(p.type, p.from);
      cases.push({ id, action: p.action, extra: p.extra, version: await currentVersion(id) });
    }
    const headBefore = (await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: office.id, chain: "case" } } })).seq;
    const results = await Promise.all(
      cases.map((c, i) =>
        transitionCase(outsiders[i % outsiders.length], c.id, {
          action: c.action, version: c.version, ...c.extra,
          ...(c.action === "complete" ? { data: { paymentReference: `PAY-LOAD-${i}` } } : {}),
        }),
      ),
    );
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && `${r.error.code} ${r.error.key}`)).toEqual([]);
    for (const c of cases) expect(await currentVersion(c.id)).toBe(c.version + 1);
    const headAfter = (await db.chainHead.findUniqueOrThrow({ where: { officeId_chain: { officeId: office.id, chain: "case" } } })).seq;
    expect(headAfter - headBefore).toBe(50);
    await expectChainIntact();
  });
});

/**
 * The permission and state matrix of every workflow, GENERATED from lib/workflow/tables.ts and
 * run against the real case service on PostgreSQL: for every row and every state it starts from,
 * each role of the office is allowed or refused as the table says, another office sees nothing,
 * a stale version and a wrong state are conflicts, and a refusal writes nothing anywhere. Then the
 * rules the table names but cannot show by itself: four-eyes, the approval limit, nobody acting
 * on their own case, the document checklist and a ground that does not pay.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { verifyChain } from "@/lib/audit/chain";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/service";
import { createCase, getCaseDetail, getInbox, recordDocument, transitionCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { requiredDocuments } from "@/lib/domain/surrender-documents";
import { actions, caseTypes, workflows, type CaseStatus, type CaseType, type Effect, type Transition } from "@/lib/workflow";
import {
  CaseDriver, currentVersion, perform, reachableStatuses, receiveAllDocuments, requiredExtra, snapshot, startStatus, unwrap,
} from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { addUser, createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson, freshIdNumber } from "@/tests/factories/people";

const ROLES: readonly Role[] = ["caseworker", "supervisor", "auditor", "admin"];

/** What the calculation of a fresh P1 / P4 / P3 clone gives (demo-data.json, golden cases). */
const expectedAmount: Record<CaseType, string | null> = {
  SURRENDER: "39778.18",
  DUPLICATE_REFUND: "3000.00",
  TRANSFER_IN: null,
  TRANSFER_OUT: "43766.49",
};

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;

beforeAll(async () => {
  await ensureDemo();
  home = await createTestOffice({ label: "转入", province: "湖南", staff: { caseworker: 4 } });
  partner = await createTestOffice({ label: "转出", province: "广东" });
  driver = new CaseDriver(home, partner);
});

type Outcome = Awaited<ReturnType<typeof transitionCase>>;

function expectRefused(r: Outcome | Awaited<ReturnType<typeof recordDocument>> | Awaited<ReturnType<typeof createCase>>, code: string, key?: string) {
  expect(r.ok, r.ok ? "expected a refusal" : "").toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe(code);
  if (key) expect(r.error.key).toBe(key);
}

/** The user of a role a test acts as: never one of the crew that drove the case there. */
function roleActor(type: CaseType, role: Role): Actor {
  const office = driver.officeOf(type);
  return office.user(role === "caseworker" ? "caseworker3" : `${role}1`);
}

const otherOfficeActor = (type: CaseType): Actor => (type === "TRANSFER_OUT" ? home : partner).user("caseworker3");

async function attempt(actor: Actor, caseId: string, input: Record<string, unknown>, version?: number): Promise<Outcome> {
  return transitionCase(actor, caseId, { version: version ?? (await currentVersion(caseId)), ...input });
}

async function expectChainsIntact() {
  for (const office of [home, partner]) {
    const check = await verifyChain(db, office.id, "case");
    expect(check, `chain of ${office.code}`).toMatchObject({ ok: true });
    const head = await db.chainHead.findUnique({ where: { officeId_chain: { officeId: office.id, chain: "case" } }, select: { seq: true } });
    expect(check.events).toBe(head?.seq ?? 0);
  }
}

/** What each effect of the row must have written, read back from the database. */
async function expectEffects(row: Transition, caseId: string, actor: Actor, before: { slaLeg: number }, reason?: string) {
  const c = await db.case.findUniqueOrThrow({
    where: { id: caseId },
    include: { payment: true, person: { select: { relationshipStatus: true, officeId: true } } },
  });
  const type = c.type as CaseType;
  for (const effect of row.effects as readonly Effect[]) {
    switch (effect) {
      case "startClock":
        expect(c.dueDate).not.toBeNull();
        expect(c.submittedById).toBe(actor.id);
        break;
      case "pauseClock":
        expect(c.dueDate).toBeNull();
        expect(c.clockPausedAt).not.toBeNull();
        expect(c.slaRemainingDays).toBeGreaterThanOrEqual(1);
        break;
      case "resumeClock":
        expect(c.dueDate).not.toBeNull();
        expect(c.clockPausedAt).toBeNull();
        expect(c.slaRemainingDays).toBeNull();
        break;
      case "nextLeg":
        expect(c.slaLeg).toBe(before.slaLeg + 1);
        if (row.to === "AWAITING_FUNDS") expect(c.dueDate).toBeNull();
        else expect(c.dueDate).not.toBeNull();
        break;
      case "assign":
        expect(c.assigneeId).toBe(actor.id);
        break;
      case "calculate":
        expect(c.calculation).not.toBeNull();
        expect(c.recommendedById).toBe(actor.id);
        expect(c.amount === null ? null : c.amount.toFixed(2)).toBe(expectedAmount[type]);
        break;
      case "decide":
        expect(c.decidedAt).not.toBeNull();
        if (row.action === "approve") expect(c.approvedById).toBe(actor.id);
        if (row.action === "reject") expect(c.rejectReason).toBe(reason);
        break;
      case "openTransferOut": {
        const out = await db.case.findUniqueOrThrow({ where: { id: c.linkedCaseId! }, include: { events: true } });
        expect(out).toMatchObject({ type: "TRANSFER_OUT", status: "SUBMITTED", officeId: partner.id, linkedCaseId: c.id, version: 1 });
        expect(out.events.map((e) => e.action)).toEqual(["open"]);
        break;
      }
      case "pay":
        expect(c.payment).toMatchObject({ kind: "SURRENDER_PAYOUT", reference: expect.stringMatching(/^PAY-/) });
        expect(c.payment!.amount.toFixed(2)).toBe(expectedAmount.SURRENDER);
        expect(c.person.relationshipStatus).toBe("TERMINATED");
        break;
      case "refund":
        expect(c.payment).toMatchObject({ kind: "DUPLICATE_REFUND" });
        expect((await db.refundedMonth.findMany({ where: { caseId }, orderBy: { month: "asc" } })).map((m) => m.month)).toEqual(["2024-01", "2024-02", "2024-03"]);
        break;
      case "sendFunds":
        expect(c.payment).toMatchObject({ kind: "TRANSFER_FUNDS_SENT", reference: expect.stringMatching(/^FUND-/) });
        expect(c.payment!.amount.toFixed(2)).toBe(expectedAmount.TRANSFER_OUT);
        expect(c.person.relationshipStatus).toBe("TRANSFERRED_OUT");
        break;
      case "receiveFunds":
        expect(c.payment).toMatchObject({ kind: "TRANSFER_FUNDS_RECEIVED" });
        expect(c.payment!.amount.toFixed(2)).toBe(expectedAmount.TRANSFER_OUT);
        expect(c.person).toEqual({ relationshipStatus: "ACTIVE", officeId: home.id });
        break;
      case "notifyLinked": {
        const linked = await db.case.findUniqueOrThrow({ where: { id: c.linkedCaseId! }, select: { status: true, rejectReason: true } });
        if (row.action === "complete") expect(linked.status).toBe("FUNDS_RECEIVED");
        if (row.action === "reject") expect(linked).toEqual({ status: "REJECTED", rejectReason: reason });
        break;
      }
    }
  }
  if (row.to === "COMPLETED") expect(c.completedAt).not.toBeNull();
}

// ---------------------------------------------------------------------------------------------
// 1. Every user row of every table, from every state it starts in.
// ---------------------------------------------------------------------------------------------

const userRows = caseTypes.flatMap((type) =>
  workflows[type].filter((row) => row.roles !== "system").flatMap((row) => row.from.map((from) => ({ type, row, from }))),
);

for (const { type, row, from } of userRows) describe(`${type}: ${row.action} from ${from} → ${row.to}`, () => {
  const allowed = ROLES.filter((r) => (row.roles as readonly Role[]).includes(r));
  const refused = ROLES.filter((r) => !allowed.includes(r));
  const cases: Partial<Record<Role, string>> = {};
  let probe: string;

  beforeAll(async () => {
    for (const role of allowed) {
      // recommend is the assignee's: the acting user claims the case on the way.
      const claimant = row.action === "recommend" ? roleActor(type, role) : undefined;
      cases[role] = await driver.caseAt(type, from, { claimant });
      // A case about to be submitted has its papers; missing ones are tested below (checklist).
      if (row.guards.includes("documentsComplete")) await receiveAllDocuments(driver.officeOf(type).user("caseworker1"), cases[role]!);
    }
    probe = cases[allowed[0]]!;
  });

  test.each(refused)("%s of the office → 403, nothing written", async (role) => {
    const before = await snapshot(probe);
    const r = await attempt(roleActor(type, role), probe, { action: row.action, ...(await requiredExtra(row, probe)) });
    expectRefused(r, "forbidden", "errors.forbidden");
    expect(await snapshot(probe)).toEqual(before);
  });

  test("a caseworker of another office → 404, nothing written", async () => {
    const before = await snapshot(probe);
    const r = await attempt(otherOfficeActor(type), probe, { action: row.action, ...(await requiredExtra(row, probe)) });
    expectRefused(r, "not_found", "errors.notFound");
    expect(await snapshot(probe)).toEqual(before);
  });

  test("a stale version → 409, nothing written", async () => {
    const before = await snapshot(probe);
    const version = before.case.version;
    for (const stale of [version + 1, ...(version > 1 ? [version - 1] : [])]) {
      const r = await attempt(roleActor(type, allowed[0]), probe, { action: row.action, ...(await requiredExtra(row, probe)) }, stale);
      expectRefused(r, "conflict", "errors.conflict");
    }
    expect(await snapshot(probe)).toEqual(before);
  });

  if (row.reason === "required")
    test("without a reason (or a blank one) → 400 on `reason`, nothing written", async () => {
      const before = await snapshot(probe);
      for (const reason of [undefined, "   "]) {
        const r = await attempt(roleActor(type, allowed[0]), probe, { action: row.action, ...(reason === undefined ? {} : { reason }) });
        expectRefused(r, "bad_request");
        expect(!r.ok && r.error.issues.map((i) => i.path)).toEqual(["reason"]);
      }
      expect(await snapshot(probe)).toEqual(before);
    });

  for (const field of row.data ?? [])
    test(`without data.${field} → 400, nothing written`, async () => {
      const before = await snapshot(probe);
      for (const data of [undefined, {}]) {
        const r = await attempt(roleActor(type, allowed[0]), probe, { action: row.action, ...(data ? { data } : {}) });
        expectRefused(r, "bad_request");
        expect(!r.ok && r.error.issues.map((i) => i.path)).toEqual([`data.${field}`]);
      }
      expect(await snapshot(probe)).toEqual(before);
    });

  if (row.guards.includes("assignedToActor"))
    test("a staff member who is not the assignee → 403 notAssignee, nothing written", async () => {
      const before = await snapshot(probe);
      const r = await attempt(driver.officeOf(type).user("caseworker1"), probe, { action: row.action });
      expectRefused(r, "forbidden", "cases.errors.notAssignee");
      expect(await snapshot(probe)).toEqual(before);
    });

  if (row.guards.includes("fundsReconciled"))
    test("a received amount that differs from f6 → 422 with the difference, nothing written", async () => {
      const before = await snapshot(probe);
      const r = await attempt(roleActor(type, allowed[0]), probe, { action: row.action, data: { receivedAmount: "43766.50" } });
      expectRefused(r, "unprocessable", "cases.errors.reconciliation");
      expect(!r.ok && r.error.params).toEqual({ expected: "43766.49", received: "43766.50", difference: "0.01" });
      expect(await snapshot(probe)).toEqual(before);
    });

  test.each(allowed)(`%s of the office → ${row.to}, version + 1, one \`${row.action}\` event, chain intact`, async (role) => {
    const id = cases[role]!;
    const actor = roleActor(type, role);
    const before = await db.case.findUniqueOrThrow({ where: { id }, select: { version: true, status: true, slaLeg: true } });
    const eventsBefore = await db.caseEvent.findMany({ where: { caseId: id }, select: { id: true } });
    const extra = await requiredExtra(row, id);
    const r = await attempt(actor, id, { action: row.action, ...extra });
    expect(r).toEqual({ ok: true, value: { id, status: row.to, version: before.version + 1 } });
    const after = await db.case.findUniqueOrThrow({ where: { id }, select: { version: true, status: true } });
    expect(after).toEqual({ status: row.to, version: before.version + 1 });
    const newEvents = await db.caseEvent.findMany({ where: { caseId: id, id: { notIn: eventsBefore.map((e) => e.id) } } });
    expect(newEvents).toHaveLength(1);
    expect(newEvents[0]).toMatchObject({
      action: row.action, fromStatus: from, toStatus: row.to, actorId: actor.id, reason: (extra.reason as string | undefined) ?? null,
      data: expect.objectContaining({ version: before.version + 1 }),
    });
    await expectEffects(row, id, actor, before, extra.reason as string | undefined);
    await expectChainsIntact();
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Rows only the system performs (the linked transfer leg): a user calling them is refused.
// ---------------------------------------------------------------------------------------------

const systemRows = caseTypes.flatMap((type) =>
  workflows[type].filter((row) => row.roles === "system").flatMap((row) => row.from.map((from) => ({ type, row, from }))),
);

for (const { type, row, from } of systemRows) describe(`${type}: ${row.action} from ${from} is the system's (linked leg)`, () => {
  let id: string;
  beforeAll(async () => {
    id = await driver.caseAt(type, from);
  });

  test.each(ROLES)("%s of the office → 403, nothing written", async (role) => {
    const before = await snapshot(id);
    const r = await attempt(roleActor(type, role), id, { action: row.action, reason: "用户不能执行系统转换" });
    expectRefused(r, "forbidden", "errors.forbidden");
    expect(await snapshot(id)).toEqual(before);
  });

  test("a caseworker of another office → 404, nothing written", async () => {
    const before = await snapshot(id);
    expectRefused(await attempt(otherOfficeActor(type), id, { action: row.action, reason: "x" }), "not_found");
    expect(await snapshot(id)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Every action from every reachable state it does not start from → 409; unknown actions → 400.
// ---------------------------------------------------------------------------------------------

for (const type of caseTypes) describe(`${type}: actions from states they do not start from`, () => {
  const statuses = reachableStatuses(type);
  const typeActions = [...new Set(workflows[type].map((t) => t.action))];
  const gallery = new Map<CaseStatus, string>();

  beforeAll(async () => {
    for (const status of statuses) gallery.set(status, await driver.caseAt(type, status));
  });

  const pairs = statuses.flatMap((status) =>
    typeActions
      .filter((action) => !workflows[type].some((t) => t.action === action && t.from.includes(status)))
      .map((action) => ({ status, action })),
  );

  test.each(pairs)("$action from $status → 409 wrongState, nothing written", async ({ status, action }) => {
    const id = gallery.get(status)!;
    const before = await snapshot(id);
    const r = await attempt(roleActor(type, "caseworker"), id, { action, reason: "理由" });
    expectRefused(r, "conflict", "cases.errors.wrongState");
    expect(!r.ok && r.error.params).toEqual({ action, status });
    expect(await snapshot(id)).toEqual(before);
  });

  const unknown = [...actions.filter((a) => !typeActions.includes(a)), "pay", "delete"];
  test.each(unknown)("%s is not an action of this type → 400 on `action`", async (action) => {
    const id = gallery.get(startStatus(type))!;
    const before = await snapshot(id);
    const r = await attempt(roleActor(type, "supervisor"), id, { action });
    expectRefused(r, "bad_request");
    expect(!r.ok && r.error.issues).toEqual([{ path: "action", key: "cases.errors.unknownAction", params: { action } }]);
    expect(await snapshot(id)).toEqual(before);
  });

  test("the table reaches every status the type is meant to have", () => {
    const expected: Record<CaseType, CaseStatus[]> = {
      SURRENDER: ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "APPROVED", "COMPLETED", "RETURNED", "REJECTED", "WITHDRAWN"],
      DUPLICATE_REFUND: ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "APPROVED", "COMPLETED", "RETURNED", "REJECTED", "WITHDRAWN"],
      TRANSFER_IN: ["DRAFT", "SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "AWAITING_FUNDS", "FUNDS_RECEIVED", "COMPLETED", "RETURNED", "REJECTED", "WITHDRAWN"],
      TRANSFER_OUT: ["SUBMITTED", "IN_REVIEW", "PENDING_APPROVAL", "APPROVED", "COMPLETED", "REJECTED"],
    };
    expect([...statuses].sort()).toEqual([...expected[type]].sort());
  });
});

// ---------------------------------------------------------------------------------------------
// 4. Rules the table names: four-eyes, the approval limit, one's own case, documents, eligibility.
// ---------------------------------------------------------------------------------------------

describe("four-eyes: whoever took in, submitted or recommended a case cannot approve it", () => {
  test("the creator, the submitter and the recommender are each refused; a supervisor approves", async () => {
    const [cw1, cw2, cw3, sup] = [home.user("caseworker1"), home.user("caseworker2"), home.user("caseworker3"), home.user("supervisor1")];
    const p = await clonePerson("P1", { offices: { "440300": home.code } });
    const { id } = await unwrap(createCase(cw1, driver.intake("SURRENDER", p.idNumber)));
    await receiveAllDocuments(cw1, id);
    await perform(cw2, id, "submit");
    await perform(cw3, id, "claim");
    await perform(cw3, id, "recommend");
    for (const [who, label] of [[cw1, "creator"], [cw2, "submitter"], [cw3, "recommender"]] as const) {
      const before = await snapshot(id);
      const r = await attempt(who, id, { action: "approve" });
      expectRefused(r, "forbidden", "cases.errors.fourEyes");
      expect(await snapshot(id), label).toEqual(before);
    }
    expect((await perform(sup, id, "approve")).status).toBe("APPROVED");
  });

  test("after a return, the first submitter, the one who resubmitted and the recommender are all refused", async () => {
    const [cw1, cw2, cw3, cw4] = ["caseworker1", "caseworker2", "caseworker3", "caseworker4"].map((h) => home.user(h));
    const p = await clonePerson("P1", { offices: { "440300": home.code } });
    const { id } = await unwrap(createCase(cw1, driver.intake("SURRENDER", p.idNumber)));
    await receiveAllDocuments(cw1, id);
    await perform(cw1, id, "submit");
    await perform(cw2, id, "claim");
    await perform(cw2, id, "return", { reason: "材料不全" });
    await perform(cw3, id, "resubmit");
    await perform(cw2, id, "claim");
    await perform(cw2, id, "recommend");
    for (const who of [cw1, cw3, cw2]) {
      const before = await snapshot(id);
      expectRefused(await attempt(who, id, { action: "approve" }), "forbidden", "cases.errors.fourEyes");
      expect(await snapshot(id)).toEqual(before);
    }
    // A caseworker who had no part in it may approve (the amount is under the limit).
    expect((await perform(cw4, id, "approve")).status).toBe("APPROVED");
  });

  test("the approval queue offers a case to nobody whom approve would refuse", async () => {
    const [cw1, cw2, cw3, cw4] = ["caseworker1", "caseworker2", "caseworker3", "caseworker4"].map((h) => home.user(h));
    const p = await clonePerson("P1", { offices: { "440300": home.code } });
    const { id } = await unwrap(createCase(cw1, driver.intake("SURRENDER", p.idNumber)));
    await receiveAllDocuments(cw1, id);
    await perform(cw1, id, "submit");
    await perform(cw2, id, "claim");
    await perform(cw2, id, "return", { reason: "材料不全" });
    await perform(cw3, id, "resubmit");
    await perform(cw2, id, "claim");
    await perform(cw2, id, "recommend");
    const offered = async (who: Actor) => (await getInbox(who, new Date(), 500)).approval.items.some((i) => i.id === id);
    expect({ cw1: await offered(cw1), cw2: await offered(cw2), cw3: await offered(cw3), cw4: await offered(cw4) }).toEqual({
      cw1: false, cw2: false, cw3: false, cw4: true,
    });
  });
});

describe("approval limit: above it only a supervisor approves", () => {
  let limited: TestOffice;
  let limitedDriver: CaseDriver;
  beforeAll(async () => {
    limited = await createTestOffice({ label: "限额", approvalLimit: "10000.00" });
    limitedDriver = new CaseDriver(limited, partner);
  });

  test("a surrender of 39,778.18 in an office with a limit of 10,000.00: caseworker 403, supervisor approves", async () => {
    const id = await limitedDriver.caseAt("SURRENDER", "PENDING_APPROVAL");
    expect((await db.case.findUniqueOrThrow({ where: { id }, select: { amount: true } })).amount!.toFixed(2)).toBe("39778.18");
    const before = await snapshot(id);
    const r = await attempt(limited.user("caseworker3"), id, { action: "approve" });
    expectRefused(r, "forbidden", "cases.errors.aboveLimit");
    expect(!r.ok && r.error.params).toEqual({ limit: "10000.00" });
    expect(await snapshot(id)).toEqual(before);
    // The approval queue agrees with the check: offered to the supervisor, not to the caseworker.
    const offered = async (who: Actor) => (await getInbox(who, new Date(), 500)).approval.items.some((i) => i.id === id);
    expect([await offered(limited.user("caseworker3")), await offered(limited.user("supervisor1"))]).toEqual([false, true]);
    expect((await perform(limited.user("supervisor1"), id, "approve")).status).toBe("APPROVED");
  });

  test("a refund of 3,000.00 under the same limit: a caseworker approves", async () => {
    const id = await limitedDriver.caseAt("DUPLICATE_REFUND", "PENDING_APPROVAL");
    expect((await getInbox(limited.user("caseworker3"), new Date(), 500)).approval.items.map((i) => i.id)).toContain(id);
    expect((await perform(limited.user("caseworker3"), id, "approve")).status).toBe("APPROVED");
  });
});

describe("nobody acts on a case about themselves", () => {
  test("a caseworker whose ID number is the person's: 403 on intake, on its papers and on every transition", async () => {
    const p = await clonePerson("P1", { offices: { "440300": home.code } });
    const self = await addUser(home, `self-${p.idNumber}`, "caseworker", p.idNumber);
    const selfSupervisor = await addUser(home, `self-sup-${p.idNumber}`, "supervisor", p.idNumber);

    const casesBefore = await db.case.count({ where: { personId: p.id } });
    expectRefused(await createCase(self, driver.intake("SURRENDER", p.idNumber)), "forbidden", "cases.errors.ownCase");
    expect(await db.case.count({ where: { personId: p.id } })).toBe(casesBefore);

    const id = await driver.create("SURRENDER", { intake: driver.intake("SURRENDER", p.idNumber) });
    const papers = await snapshot(id);
    for (const who of [self, selfSupervisor])
      expectRefused(await recordDocument(who, id, { kind: "application-form" }), "forbidden", "cases.errors.ownCase");
    expect(await snapshot(id)).toEqual(papers);
    await receiveAllDocuments(home.user("caseworker1"), id);
    const tries: Array<[CaseStatus, string, Record<string, unknown>]> = [
      ["DRAFT", "submit", {}],
      ["SUBMITTED", "claim", {}],
      ["IN_REVIEW", "return", { reason: "自己的案件" }],
      ["PENDING_APPROVAL", "approve", {}],
      ["APPROVED", "complete", { data: { paymentReference: "PAY-SELF" } }],
    ];
    for (const [status, action, extra] of tries) {
      await driver.drive(id, status);
      for (const who of [self, selfSupervisor]) {
        const before = await snapshot(id);
        expectRefused(await attempt(who, id, { action, ...extra }), "forbidden", "cases.errors.ownCase");
        expect(await snapshot(id)).toEqual(before);
      }
    }
  });

  test("an heir named as payee cannot take in or work the death case", async () => {
    const p = await clonePerson("P2", { offices: { "440300": home.code } });
    const heirId = await freshIdNumber({ birthDate: "2010-01-01", sex: "F" });
    const heir = await addUser(home, `heir-${heirId}`, "caseworker", heirId);
    const intake = { type: "SURRENDER", idNumber: p.idNumber, ground: "death", terminationMonth: "2024-04", payees: [{ name: "继承人", idNumber: heirId, relationship: "child" }] };
    expectRefused(await createCase(heir, intake), "forbidden", "cases.errors.ownCase");
    const id = await driver.create("SURRENDER", { intake });
    expectRefused(await recordDocument(heir, id, { kind: "death-proof" }), "forbidden", "cases.errors.ownCase");
    await receiveAllDocuments(home.user("caseworker1"), id);
    const before = await snapshot(id);
    expectRefused(await attempt(heir, id, { action: "submit" }), "forbidden", "cases.errors.ownCase");
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("the document checklist", () => {
  test("submit lists what is missing; each item recorded writes a `document` event and bumps the version", async () => {
    const cw1 = home.user("caseworker1");
    const id = await driver.create("SURRENDER");
    const required = requiredDocuments("emigration-nationality-lost", {}).filter((d) => d.required).map((d) => d.kind).sort();
    expect(required.length).toBeGreaterThan(2);

    let before = await snapshot(id);
    let r = await attempt(cw1, id, { action: "submit" });
    expectRefused(r, "unprocessable", "cases.errors.missingDocuments");
    expect(!r.ok && r.error.params).toEqual({ kinds: required.join(", ") });
    expect(await snapshot(id)).toEqual(before);

    for (const [i, kind] of required.entries()) {
      const version = await currentVersion(id);
      const events = await db.caseEvent.count({ where: { caseId: id } });
      expect(await recordDocument(cw1, id, { kind, note: `第${i + 1}份` })).toEqual({ ok: true, value: { kind, received: true, version: version + 1 } });
      expect(await currentVersion(id)).toBe(version + 1);
      const last = await db.caseEvent.findFirstOrThrow({ where: { caseId: id }, orderBy: { seq: "desc" } });
      expect(await db.caseEvent.count({ where: { caseId: id } })).toBe(events + 1);
      expect(last).toMatchObject({ action: "document", fromStatus: "DRAFT", toStatus: "DRAFT", actorId: cw1.id, data: { version: version + 1, kind, note: `第${i + 1}份` } });
      // Recording it again changes nothing.
      before = await snapshot(id);
      expect(await recordDocument(cw1, id, { kind })).toEqual({ ok: true, value: { kind, received: true, version: version + 1 } });
      expect(await snapshot(id)).toEqual(before);
      const rest = required.slice(i + 1);
      if (rest.length) {
        r = await attempt(cw1, id, { action: "submit" });
        expect(!r.ok && r.error.params).toEqual({ kinds: rest.join(", ") });
      }
    }
    await expectChainsIntact();
    expect((await perform(cw1, id, "submit")).status).toBe("SUBMITTED");
  });

  test("an unknown kind → 422; another office's case → 404; an auditor → 403; a stale version → 409; each writes nothing", async () => {
    const id = await driver.create("DUPLICATE_REFUND");
    const before = await snapshot(id);
    expectRefused(await recordDocument(home.user("caseworker1"), id, { kind: "passport" }), "unprocessable", "cases.errors.notOnChecklist");
    expectRefused(await recordDocument(partner.user("caseworker1"), id, { kind: "applicant-id" }), "not_found", "errors.notFound");
    expectRefused(await recordDocument(home.user("auditor1"), id, { kind: "applicant-id" }), "forbidden");
    expectRefused(await recordDocument(home.user("admin1"), id, { kind: "applicant-id" }), "forbidden");
    expectRefused(await recordDocument(home.user("caseworker1"), id, { kind: "applicant-id" }, { version: before.case.version + 1 }), "conflict");
    expect(await snapshot(id)).toEqual(before);
  });

  test("a decided case takes no more documents (409)", async () => {
    const id = await driver.caseAt("DUPLICATE_REFUND", "WITHDRAWN");
    const before = await snapshot(id);
    expectRefused(await recordDocument(home.user("caseworker1"), id, { kind: "other-office-statement" }), "conflict", "cases.errors.decided");
    expect(await snapshot(id)).toEqual(before);
  });
});

describe("a surrender on a ground that does not pay", () => {
  test("resignation: recommend 422 notEligible, then reject with a reason → REJECTED, reason stored", async () => {
    const p = await clonePerson("P1", { offices: { "440300": home.code } });
    const id = await driver.caseAt("SURRENDER", "IN_REVIEW", { intake: { type: "SURRENDER", idNumber: p.idNumber, ground: "resignation", terminationMonth: "2024-06" } });
    const reviewer = home.user("caseworker2");
    const before = await snapshot(id);
    const r = await attempt(reviewer, id, { action: "recommend" });
    expectRefused(r, "unprocessable", "cases.errors.notEligible.SURRENDER");
    expect(!r.ok && r.error.params).toEqual({ reason: "no-early-withdrawal" });
    expect(await snapshot(id)).toEqual(before);

    const reason = "辞职不属于个人账户一次性支付情形（国办发〔2009〕66号第三条）";
    expect((await perform(reviewer, id, "reject", { reason })).status).toBe("REJECTED");
    const detail = (await getCaseDetail(reviewer, id))!;
    expect(detail).toMatchObject({ status: "REJECTED", rejectReason: reason, calculation: null });
    expect(detail.events.at(-1)).toMatchObject({ action: "reject", from: "IN_REVIEW", to: "REJECTED", reason });
    expect(await db.payment.count({ where: { caseId: id } })).toBe(0);
    expect((await db.insuredPerson.findUniqueOrThrow({ where: { id: p.id } })).relationshipStatus).toBe("ACTIVE");
  });
});

describe("withdraw", () => {
  test("starts from every open state before a decision and from no other", () => {
    for (const type of ["SURRENDER", "DUPLICATE_REFUND", "TRANSFER_IN"] as const) {
      const row = workflows[type].find((t) => t.action === "withdraw")!;
      expect([...row.from].sort()).toEqual(["DRAFT", "IN_REVIEW", "PENDING_APPROVAL", "RETURNED", "SUBMITTED"]);
      expect(row.to).toBe("WITHDRAWN");
    }
    expect(workflows.TRANSFER_OUT.some((t) => t.action === "withdraw")).toBe(false);
  });
});

/**
 * The inbox's five queues (lib/cases/queries.ts, hand-written SQL since decision 0008): what each
 * holds and counts for a caseworker and a supervisor of one office, on a fixed day.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { getInbox, listCases } from "@/lib/cases";
import { appendCaseEvent } from "@/lib/cases/events";
import { generateIdNumber } from "@/lib/domain/id-number";
import type { CaseStatus } from "@/lib/workflow";
import { createPerson } from "@/prisma/seed/factories";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";

// Monday 23 November 2026, 10:00 in Beijing. Three working days later is Thursday the 26th.
const NOW = new Date("2026-11-23T02:00:00Z");
let office: TestOffice;
const ids: Record<string, string> = {};

beforeAll(async () => {
  office = await createTestOffice({ label: "收件箱", approvalLimit: "100.00" });
  const cw1 = office.user("caseworker1").id;
  const cw2 = office.user("caseworker2").id;
  let n = 0;
  const make = async (
    key: string,
    status: CaseStatus,
    extra: { assigneeId?: string; createdById?: string; submittedById?: string; recommendedById?: string; amount?: string; dueDate?: string } = {},
  ) => {
    n++;
    const person = await createPerson(db, {
      idNumber: generateIdNumber({ addressCode: "430102", birthDate: "1970-01-01", sex: "M", sequence: 100 + n * 2 + 1 }),
      name: `收件${key}`, sex: "M", birthDate: "1970-01-01", hukouProvince: "湖南", officeId: office.id,
    });
    const c = await db.case.create({
      data: {
        caseNumber: `${office.code}-IB-${key}`, type: "SURRENDER", status, officeId: office.id, personId: person.id,
        createdById: extra.createdById ?? cw2, assigneeId: extra.assigneeId ?? null, submittedById: extra.submittedById ?? null,
        recommendedById: extra.recommendedById ?? null, amount: extra.amount ?? null,
        dueDate: extra.dueDate ? new Date(`${extra.dueDate}T00:00:00Z`) : null,
        createdAt: new Date(NOW.getTime() - n * 60_000),
      },
      select: { id: true },
    });
    ids[key] = c.id;
  };
  await make("mine", "IN_REVIEW", { assigneeId: cw1, dueDate: "2026-12-31" });
  await make("unassigned", "SUBMITTED", { dueDate: "2026-12-31" });
  await make("claimedByOther", "IN_REVIEW", { assigneeId: cw2 });
  await make("approve", "PENDING_APPROVAL", { assigneeId: cw2, submittedById: cw2, recommendedById: cw2, amount: "100.00" });
  await make("aboveLimit", "PENDING_APPROVAL", { assigneeId: cw2, submittedById: cw2, recommendedById: cw2, amount: "100.01" });
  await make("recommendedByMe", "PENDING_APPROVAL", { assigneeId: cw2, submittedById: cw2, recommendedById: cw1, amount: "10.00" });
  await make("createdByMe", "PENDING_APPROVAL", { createdById: cw1, submittedById: cw2, recommendedById: cw2, amount: "10.00" });
  await make("resubmittedByMe", "PENDING_APPROVAL", { submittedById: cw2, recommendedById: cw2, amount: "10.00" });
  await make("overdue", "IN_REVIEW", { assigneeId: cw2, dueDate: "2026-11-20" });
  await make("dueToday", "IN_REVIEW", { assigneeId: cw2, dueDate: "2026-11-23" });
  await make("dueThursday", "IN_REVIEW", { assigneeId: cw2, dueDate: "2026-11-26" });
  await make("dueFriday", "IN_REVIEW", { assigneeId: cw2, dueDate: "2026-11-27" });
  await make("pastButDone", "COMPLETED", { dueDate: "2026-11-02" });
  // A resubmit by caseworker1 is in the history only: submittedById still names caseworker2.
  await transaction((tx) =>
    appendCaseEvent(tx, {
      officeId: office.id, caseId: ids.resubmittedByMe, actor: { id: cw1, name: "cw1" }, action: "resubmit",
      from: "RETURNED", to: "SUBMITTED", at: NOW, data: { version: 2 },
    }),
  );
});

const keysOf = (items: Array<{ id: string }>) => items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id)).sort();

describe("the inbox", () => {
  test("a caseworker: own work, unassigned, approvals within the limit and not touched before, overdue, due within 3 working days", async () => {
    const inbox = await getInbox(office.user("caseworker1"), NOW);
    expect(keysOf(inbox.mine.items)).toEqual(["mine"]);
    expect(keysOf(inbox.unassigned.items)).toEqual(["unassigned"]);
    expect(keysOf(inbox.approval.items)).toEqual(["approve"]);
    expect(keysOf(inbox.overdue.items)).toEqual(["overdue"]);
    expect(keysOf(inbox.dueSoon.items)).toEqual(["dueThursday", "dueToday"]);
    for (const queue of Object.values(inbox)) expect([queue.count, queue.capped]).toEqual([queue.items.length, false]);
    expect(inbox.overdue.items[0]).toMatchObject({ dueStatus: "overdue", dueDate: "2026-11-20", assignee: { id: office.user("caseworker2").id } });
    expect(inbox.approval.items[0]).toMatchObject({ amount: "100.00", status: "PENDING_APPROVAL" });
    // Due soon comes first by due date.
    expect(inbox.dueSoon.items.map((i) => i.dueDate)).toEqual(["2026-11-23", "2026-11-26"]);
  });

  test("a supervisor also sees approvals above the office's limit; counts go past the page", async () => {
    const inbox = await getInbox(office.user("supervisor1"), NOW, 2);
    expect(keysOf(inbox.approval.items)).toEqual(["aboveLimit", "approve"]);
    expect(inbox.approval.count).toBe(5);
    expect(inbox.mine.count).toBe(0);
  });

  test("a count stops at the cap and says so; below it, it is exact", async () => {
    const capped = await getInbox(office.user("supervisor1"), NOW, 1, 3);
    expect(capped.approval).toMatchObject({ count: 3, capped: true });
    expect(capped.approval.items).toHaveLength(1);
    expect(capped.mine).toMatchObject({ count: 0, capped: false });
    const exact = await getInbox(office.user("supervisor1"), NOW, 1, 5);
    expect(exact.approval).toMatchObject({ count: 5, capped: false });
  });

  test("the list's overdue filter and due statuses agree with the queues", async () => {
    const { items } = await listCases(office.user("caseworker1"), { overdue: "true" }, NOW);
    expect(keysOf(items)).toEqual(["overdue"]);
    const all = await listCases(office.user("caseworker1"), {}, NOW);
    const status = Object.fromEntries(all.items.map((i) => [keysOf([i])[0], i.dueStatus]));
    expect(status).toMatchObject({ overdue: "overdue", dueToday: "due-soon", dueThursday: "due-soon", dueFriday: "on-time", pastButDone: null, claimedByOther: null });
  });

  test("from/to take whole days in Beijing time", async () => {
    const day = await listCases(office.user("caseworker1"), { from: "2026-11-23", to: "2026-11-23" }, NOW);
    expect(day.items).toHaveLength(Object.keys(ids).length);
    expect((await listCases(office.user("caseworker1"), { to: "2026-11-22" }, NOW)).items).toHaveLength(0);
  });
});

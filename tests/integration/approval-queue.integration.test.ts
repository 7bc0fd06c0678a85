/**
 * The inbox's approval queue is hand-written SQL (lib/cases/queries.ts, decision 0008), an
 * optimisation of the `approve` row's guards (lib/workflow/guards.ts: four eyes, approval limit).
 * Property: on generated cases in a real database — any type and status, any amount around the
 * office's limit, any mix of who took in, submitted, recommended and what the history says — the
 * queue of a caseworker or a supervisor is exactly the set of cases where `approve` starts from
 * the status and its guards pass on the facts the service builds (lib/cases/facts.ts).
 */
import fc from "fast-check";
import { beforeAll, expect, test } from "vitest";
import { getInbox } from "@/lib/cases";
import { intakeToStore } from "@/lib/cases/case-data";
import { appendCaseEvent } from "@/lib/cases/events";
import { caseFactsForWork } from "@/lib/cases/facts";
import { loadCaseForWork } from "@/lib/cases/load";
import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { caseStatuses, caseTypes, findTransition, guardRefusal, roleMayPerform } from "@/lib/workflow";
import { createPerson } from "@/prisma/seed/factories";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { freshIdNumber } from "@/tests/factories/people";

const NOW = new Date("2026-11-23T02:00:00Z");
const HANDLES = ["caseworker1", "caseworker2", "caseworker3", "supervisor1", "supervisor2"] as const;
let office: TestOffice;
let sequence = 0;

beforeAll(async () => {
  office = await createTestOffice({ label: "审批队列", staff: { caseworker: 3, supervisor: 2, auditor: 0, admin: 0 } });
});

const handle = fc.constantFrom(...HANDLES);
const generatedCase = fc.record({
  type: fc.constantFrom(...caseTypes),
  // Mostly waiting for approval, so that the guards decide; the rest must never be offered.
  status: fc.oneof({ weight: 3, arbitrary: fc.constant("PENDING_APPROVAL" as const) }, { weight: 1, arbitrary: fc.constantFrom(...caseStatuses) }),
  amount: fc.option(fc.constantFrom("0.00", "0.01", "99.99", "100.00", "100.01", "50000.00"), { nil: null }),
  createdBy: handle,
  submittedBy: fc.option(handle, { nil: null }),
  recommendedBy: fc.option(handle, { nil: null }),
  assignee: fc.option(handle, { nil: null }),
  history: fc.array(
    fc.record({
      actor: fc.option(handle, { nil: null }),
      action: fc.constantFrom("create", "submit", "resubmit", "recommend", "claim", "document", "return", "finding"),
    }),
    { maxLength: 5 },
  ),
});

type GeneratedCase = typeof generatedCase extends fc.Arbitrary<infer T> ? T : never;

/** A stored intake of each type (lib/cases/case-data.ts): the queue never reads it, the case loader parses it. */
const intakes: Record<GeneratedCase["type"], ReturnType<typeof intakeToStore>> = {
  SURRENDER: intakeToStore("SURRENDER", { ground: "death", terminationMonth: "2026-01", payees: [], filedByAgent: false }),
  DUPLICATE_REFUND: intakeToStore("DUPLICATE_REFUND", {}),
  TRANSFER_IN: intakeToStore("TRANSFER_IN", { fromOffice: "999999", transferMonth: "2026-01" }),
  TRANSFER_OUT: intakeToStore("TRANSFER_OUT", { transferMonth: "2026-01", toOffice: "999999", transferInCase: "999999-ZR-1" }),
};

async function insert(c: GeneratedCase): Promise<string> {
  sequence++;
  const person = await createPerson(db, {
    idNumber: await freshIdNumber({ birthDate: "1971-02-03", sex: "F", addressPrefix: "4301" }),
    name: `队列${sequence}`, sex: "F", birthDate: "1971-02-03", hukouProvince: "湖南", officeId: office.id,
  });
  const id = (await db.case.create({
    data: {
      caseNumber: `${office.code}-AQ-${sequence}`, type: c.type, status: c.status, officeId: office.id, personId: person.id, intake: intakes[c.type],
      createdById: office.user(c.createdBy).id, submittedById: c.submittedBy && office.user(c.submittedBy).id,
      recommendedById: c.recommendedBy && office.user(c.recommendedBy).id, assigneeId: c.assignee && office.user(c.assignee).id,
      amount: c.amount, createdAt: NOW,
    },
    select: { id: true },
  })).id;
  await transaction(async (tx) => {
    for (const e of c.history) {
      const actor = e.actor ? office.user(e.actor) : null;
      await appendCaseEvent(tx, { officeId: office.id, caseId: id, actor, action: e.action, from: null, to: c.status, at: NOW, data: {} });
    }
  });
  return id;
}

test("the approval queue is exactly the cases where `approve` passes its guards, for every actor", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(generatedCase, { minLength: 1, maxLength: 6 }),
      handle,
      fc.constantFrom("0.00", "100.00", "100000.00"),
      async (cases, who, limit) => {
        await db.office.update({ where: { id: office.id }, data: { approvalLimit: limit } });
        const ids = new Set<string>();
        for (const c of cases) ids.add(await insert(c));
        const actor = office.user(who);

        const inbox = await getInbox(actor, NOW, 10_000, 100_000);
        const queue = inbox.approval.items.map((i) => i.id).filter((id) => ids.has(id)).sort();

        const expected: string[] = [];
        await transaction(async (tx) => {
          for (const id of ids) {
            const c = (await loadCaseForWork(tx, actor, id))!;
            const t = findTransition(c.type, "approve", c.status);
            if (t && roleMayPerform(t, actor.role) && guardRefusal(t, await caseFactsForWork(tx, c), actor) === null) expected.push(id);
          }
        });
        expect(queue).toEqual(expected.sort());
      },
    ),
    { numRuns: 30, endOnFailure: true },
  );
}, 240_000);

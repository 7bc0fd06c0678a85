/**
 * lib/workflow is the executable specification of a case's life: every guard, letter and
 * follow-up on the linked leg that exists in code is in a table row, and every one a row names
 * exists in code. Fails when one side gains something the other does not state.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { can, roles } from "@/lib/auth/permissions";
import { documentKinds } from "@/lib/pdf/types";
import {
  caseTypes, guardNames, guards, isAboutSelf, letterKinds, linkedType, workflows,
  type CaseFacts, type CaseType, type Transition,
} from "@/lib/workflow";

const rows = caseTypes.flatMap((type) => workflows[type].map((row) => ({ type, row })));

describe("guards", () => {
  test("every guard function is named by some row, and every named guard has its function", () => {
    const named = new Set(rows.flatMap(({ row }) => row.guards));
    expect([...named].sort()).toEqual(Object.keys(guards).sort());
    expect([...guardNames].sort()).toEqual(Object.keys(guards).sort());
  });
});

describe("the guards read the permission table and the case's facts", () => {
  const facts: CaseFacts = {
    type: "SURRENDER", status: "PENDING_APPROVAL", assigneeId: "u-assignee", createdById: "u-intake", submittedById: "u-submit",
    recommendedById: "u-recommend", history: [{ actorId: "u-resubmit", action: "resubmit" }, { actorId: "u-claim", action: "claim" }],
    amount: "100.01", approvalLimit: "100.00", missingDocuments: [], linked: null,
  };

  test.each(roles)("approvalLimit above the limit: %s passes exactly when it holds case:approve-above-limit", (role) => {
    const refusal = guards.approvalLimit(facts, { id: "u-other", role }, {});
    expect(refusal === null).toBe(can({ role }, "case:approve-above-limit"));
    expect(guards.approvalLimit({ ...facts, amount: "100.00" }, { id: "u-other", role }, {})).toBeNull();
  });

  test("fourEyes refuses whoever took in, submitted, resubmitted or recommended, and nobody else", () => {
    for (const id of ["u-intake", "u-submit", "u-recommend", "u-resubmit"])
      expect(guards.fourEyes(facts, { id, role: "supervisor" }, {})).toMatchObject({ code: "forbidden", key: "cases.errors.fourEyes" });
    for (const id of ["u-claim", "u-assignee", "u-other"]) expect(guards.fourEyes(facts, { id, role: "supervisor" }, {})).toBeNull();
  });

  test("nobody acts on a case about themselves: the person or a payee", () => {
    const subject = { personIdNumber: "P", payeeIdNumbers: ["H1", undefined] };
    expect([isAboutSelf({ idNumber: "P" }, subject), isAboutSelf({ idNumber: "H1" }, subject)]).toEqual([true, true]);
    expect([isAboutSelf({ idNumber: "X" }, subject), isAboutSelf({ idNumber: null }, subject), isAboutSelf({}, subject)]).toEqual([false, false, false]);
  });
});

describe("letters", () => {
  test("every letter kind is issued by some row, and every row's letter is a kind", () => {
    const issued = new Set(rows.flatMap(({ row }) => (row.letter ? [row.letter] : [])));
    expect([...issued].sort()).toEqual([...letterKinds].sort());
  });

  test("every letter has a printed template (lib/pdf), and every template but the certificate is a letter", () => {
    expect(documentKinds.filter((k) => k !== "CERTIFICATE").sort()).toEqual([...letterKinds].sort());
  });

  test("every refusal in writing issues the rejection notice", () => {
    for (const { type, row } of rows.filter(({ row }) => row.to === "REJECTED"))
      expect(row.letter, `${type} ${row.action} from ${row.from.join("/")}`).toBe("REJECTION_NOTICE");
  });

  test("the case service names no letter kind: the table decides (lib/cases/letters.ts prints them)", () => {
    const dir = path.resolve(__dirname, "../../lib/cases");
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "letters.ts" && f !== "case-letters.ts")) {
      const text = readFileSync(path.join(dir, file), "utf8");
      for (const kind of letterKinds) expect(text.includes(`"${kind}"`), `${file} names ${kind}`).toBe(false);
    }
  });
});

describe("follow-ups on the linked leg", () => {
  const followUps = rows.flatMap(({ type, row }) => (row.then ?? []).map((f) => ({ type, row, f })));

  test("the effect notifyLinked and the `then` column go together", () => {
    for (const { type, row } of rows)
      expect(row.effects.includes("notifyLinked"), `${type} ${row.action}`).toBe((row.then ?? []).length > 0);
  });

  test("every follow-up is a system row of the linked type, starting where that leg waits", () => {
    for (const { type, row, f } of followUps) {
      const target = linkedType[type];
      expect(target, `${type} has a linked type`).toBeDefined();
      const system = workflows[target!].filter((t) => t.action === f.action && t.roles === "system");
      expect(system, `${type} ${row.action} → ${target} ${f.action}`).toHaveLength(1);
      // The linked leg waits in the state its own row that opened this case leads to.
      const opener = workflows[target!].find((t) => t.effects.includes("openTransferOut"))!;
      expect(system[0].from).toContain(opener.to);
    }
  });

  test("every system row is some row's follow-up (nothing else performs it)", () => {
    for (const type of caseTypes)
      for (const t of workflows[type].filter((r) => r.roles === "system")) {
        const causes = followUps.filter(({ type: from, f }) => linkedType[from] === type && f.action === t.action);
        expect(causes.length, `${type} ${t.action} (system)`).toBeGreaterThan(0);
      }
  });

  test("only rows of linked types have follow-ups, and a row that opens the linked leg exists for each", () => {
    for (const [from, to] of Object.entries(linkedType) as Array<[CaseType, CaseType]>) {
      expect(linkedType[to]).toBe(from);
      const openers = [...workflows[from], ...workflows[to]].filter((t: Transition) => t.effects.includes("openTransferOut"));
      expect(openers).toHaveLength(1);
    }
  });
});

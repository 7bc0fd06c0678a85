/**
 * Issue 4, surrender (退保) from intake to completion, each user in a browser context of their
 * own: P1 (emigration, with a return for supplement on the way and the four-eyes rule checked in
 * the UI and the API) and P2 (death, paid to an heir, in Chinese). The demo people can end their
 * relationship only once per database: every e2e run starts on a fresh one.
 */
import { expect, test } from "@playwright/test";
import {
  act, caseFromApi, closeDesks, createCase, definition, expectStatus, markRequiredDocuments, openCase, openDesk,
  receiptField, scenarioExpect, statusChip, timelineEvents,
} from "./case-helpers";
import { demoPeople } from "./helpers";

const P1 = demoPeople.P1;
const P2 = demoPeople.P2;

test("surrender of P1: intake, return and resubmit, recommend, four eyes, approve, pay; the relationship ends", async ({ browser }) => {
  test.setTimeout(240_000);
  const cw1 = await openDesk(browser, "caseworker1");
  const cw2 = await openDesk(browser, "caseworker2");
  const sup1 = await openDesk(browser, "supervisor1");
  const scenario = P1.scenario!.case;
  const expected = scenarioExpect("P1");

  // caseworker1 takes it in, collects the documents and submits.
  const c = await createCase(cw1, { type: "SURRENDER", idNumber: P1.idNumber, ground: scenario.ground, terminationMonth: scenario.terminationMonth });
  await expect(definition(cw1.page, cw1.m.casePage.terminationMonth)).toHaveText(scenario.terminationMonth!);
  await expect(definition(cw1.page, cw1.m.casePage.ground)).toHaveText(cw1.m.case.grounds["emigration-nationality-lost"]);
  await markRequiredDocuments(cw1);
  await act(cw1.page, "submit", { to: "SUBMITTED" });

  // caseworker2 claims it and returns it for a supplement, with a reason.
  const reason = "The bank account proof is illegible; please bring a clear copy.";
  await openCase(cw2, c);
  await act(cw2.page, "claim", { to: "IN_REVIEW" });
  await act(cw2.page, "return", { reason, to: "RETURNED" });
  await expect(timelineEvents(cw2.page, "return")).toHaveCount(1);
  await expect(timelineEvents(cw2.page, "return")).toContainText(reason);
  await expect(timelineEvents(cw2.page, "return")).toContainText(`${cw2.m.case.statuses.IN_REVIEW} → ${cw2.m.case.statuses.RETURNED}`);

  // caseworker1 sees the reason and resubmits.
  await openCase(cw1, c);
  await expectStatus(cw1.page, "RETURNED");
  await expect(timelineEvents(cw1.page, "return")).toContainText(reason);
  await act(cw1.page, "resubmit", { to: "SUBMITTED" });

  // caseworker2 claims it again and recommends: the calculation is made and frozen.
  await openCase(cw2, c);
  await act(cw2.page, "claim", { to: "IN_REVIEW" });
  await act(cw2.page, "recommend", { to: "PENDING_APPROVAL" });
  await expect(receiptField(cw2.page, "payout")).toHaveText(expected.payout);
  await expect(receiptField(cw2.page, "priorYearEndBalance")).toHaveText(expected.priorYearEndBalance);
  await expect(receiptField(cw2.page, "currentYearPrincipal")).toHaveText(expected.currentYearPrincipal);
  await expect(receiptField(cw2.page, "currentYearInterest")).toHaveText(expected.currentYearInterest);

  // Four eyes: the recommender is offered no approve button…
  await expect(cw2.page.locator('[data-action="return"]')).toBeVisible();
  await expect(cw2.page.locator('[data-action="approve"]')).toHaveCount(0);
  // …and the API refuses the approve with 403, changing nothing.
  const before = await caseFromApi(cw2.page, c.id);
  expect(before.status).toBe("PENDING_APPROVAL");
  const refused = await cw2.page.request.post(`/api/v1/cases/${c.id}/transitions`, { data: { action: "approve", version: before.version } });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  const after = await caseFromApi(cw2.page, c.id);
  expect(after.status).toBe("PENDING_APPROVAL");
  expect(after.version).toBe(before.version);

  // supervisor1 approves; the receipt is still the frozen one.
  await openCase(sup1, c);
  await expect(receiptField(sup1.page, "payout")).toHaveText(expected.payout);
  await act(sup1.page, "approve", { to: "APPROVED" });

  // caseworker1 pays it out.
  await openCase(cw1, c);
  await act(cw1.page, "complete", { data: { paymentReference: "PAY-E2E-P1-0001" }, to: "COMPLETED" });
  await expect(statusChip(cw1.page)).toHaveText(cw1.m.case.statuses.COMPLETED);
  await expect(definition(cw1.page, cw1.m.casePage.payment)).toContainText("PAY-E2E-P1-0001");
  await expect(definition(cw1.page, cw1.m.casePage.payment)).toContainText(expected.payout);
  await expect(cw1.page.getByText(cw1.m.casePage.noActions)).toBeVisible();
  const events = (await caseFromApi(cw1.page, c.id)).events.map((e) => e.action);
  expect(events.filter((a) => a !== "document")).toEqual(["create", "submit", "claim", "return", "resubmit", "claim", "recommend", "approve", "complete"]);

  // P1's pension relationship has ended.
  await cw1.page.getByRole("region", { name: cw1.m.casePage.person }).getByRole("link", { name: P1.name }).click();
  await expect(cw1.page.getByRole("heading", { level: 1 })).toHaveText(P1.name);
  await expect(definition(cw1.page, cw1.m.people.relationship)).toHaveText(cw1.m.people.relationshipStatus.TERMINATED);

  await closeDesks(cw1, cw2, sup1);
});

test("death case of P2, paid to the heir, in Chinese: through to completion", async ({ browser }) => {
  test.setTimeout(240_000);
  const cw1 = await openDesk(browser, "caseworker1", "zh-CN");
  const cw2 = await openDesk(browser, "caseworker2", "zh-CN");
  const sup1 = await openDesk(browser, "supervisor1", "zh-CN");
  const scenario = P2.scenario!.case;
  const expected = scenarioExpect("P2");
  const heir = scenario.payees![0];

  const c = await createCase(cw1, {
    type: "SURRENDER", idNumber: P2.idNumber, ground: "death", terminationMonth: scenario.terminationMonth, payees: [heir],
  });
  // The heir is on the case, with the ID number masked.
  await expect(definition(cw1.page, cw1.m.casePage.payees)).toContainText(heir.name);
  await expect(definition(cw1.page, cw1.m.casePage.payees)).toContainText(`${heir.idNumber.slice(0, 6)}********${heir.idNumber.slice(-4)}`);
  await expect(definition(cw1.page, cw1.m.casePage.payees)).toContainText(cw1.m.case.relationships.child);
  const kinds = await markRequiredDocuments(cw1);
  expect(kinds).toContain("death-proof");
  await act(cw1.page, "submit", { to: "SUBMITTED" });

  await openCase(cw2, c);
  await act(cw2.page, "claim", { to: "IN_REVIEW" });
  await act(cw2.page, "recommend", { to: "PENDING_APPROVAL" });
  await expect(receiptField(cw2.page, "payout")).toHaveText(expected.payout);
  await expect(receiptField(cw2.page, "priorYearEndBalance")).toHaveText(expected.priorYearEndBalance);
  await expect(cw2.page.locator('[data-action="approve"]')).toHaveCount(0);

  await openCase(sup1, c);
  await act(sup1.page, "approve", { to: "APPROVED" });

  await openCase(cw1, c);
  await act(cw1.page, "complete", { data: { paymentReference: "PAY-E2E-P2-0001" }, to: "COMPLETED" });
  await expect(statusChip(cw1.page)).toHaveText(cw1.m.case.statuses.COMPLETED);
  await expect(definition(cw1.page, cw1.m.casePage.payment)).toContainText(expected.payout);

  await cw1.page.getByRole("region", { name: cw1.m.casePage.person }).getByRole("link", { name: P2.name }).click();
  await expect(definition(cw1.page, cw1.m.people.relationship)).toHaveText(cw1.m.people.relationshipStatus.TERMINATED);

  await closeDesks(cw1, cw2, sup1);
});


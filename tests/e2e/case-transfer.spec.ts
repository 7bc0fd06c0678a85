/**
 * Issue 4, transfer and continuation (转移接续) of P3 from Shenzhen (440300) to Changsha (430100),
 * both offices' desks in browser contexts of their own: the new office takes the application in
 * and approves it (contact letter), the original office finds the linked transfer-out case in its
 * inbox, computes the information table and sends the funds, the new office reconciles.
 * Changsha has three staff and the new office's leg needs all three (four eyes).
 */
import { expect, test } from "@playwright/test";
import {
  act, closeDesks, createCase, definition, expectStatus, fill, markRequiredDocuments, openCase, openDesk, receiptField,
  scenarioExpect, statusChip, timelineEvents,
} from "./case-helpers";
import { demoPeople } from "./helpers";

const P3 = demoPeople.P3;

test("transfer of P3 from Shenzhen to Changsha: contact letter, transfer out, funds, reconciliation", async ({ browser }) => {
  test.setTimeout(360_000);
  const table = scenarioExpect("P3").transferOut!;
  const cw3 = await openDesk(browser, "caseworker3");
  const cw4 = await openDesk(browser, "caseworker4");
  const sup3 = await openDesk(browser, "supervisor3");

  // Changsha (new office): caseworker3 takes the application in and submits it.
  const transferIn = await createCase(cw3, { type: "TRANSFER_IN", idNumber: P3.idNumber, fromOffice: "440300", transferMonth: "2024-08" });
  await expect(definition(cw3.page, cw3.m.casePage.fromOffice)).toHaveText("440300");
  await expect(definition(cw3.page, cw3.m.casePage.transferMonth)).toHaveText("2024-08");
  await markRequiredDocuments(cw3);
  await act(cw3.page, "submit", { to: "SUBMITTED" });

  // caseworker4 reviews and recommends; supervisor3 approves: the contact letter opens the
  // linked transfer-out case in Shenzhen's queue.
  await openCase(cw4, transferIn);
  await act(cw4.page, "claim", { to: "IN_REVIEW" });
  await act(cw4.page, "recommend", { to: "PENDING_APPROVAL" });
  await expect(cw4.page.locator('[data-action="approve"]')).toHaveCount(0);
  await openCase(sup3, transferIn);
  await act(sup3.page, "approve", { to: "AWAITING_FUNDS" });
  const linkedOut = sup3.page.locator('[data-linked="TRANSFER_OUT"]');
  await expect(linkedOut).toHaveCount(1);
  await expect(linkedOut).toContainText(sup3.m.case.types.TRANSFER_OUT);
  await expect(linkedOut.locator("[data-status]")).toHaveAttribute("data-status", "SUBMITTED");
  const outNumber = /^(\S+)/.exec((await linkedOut.textContent())!.trim())![1];
  expect(outNumber).toMatch(/^440300-/);

  // Shenzhen (original office): caseworker1 finds it among the unassigned cases of the inbox.
  const cw1 = await openDesk(browser, "caseworker1");
  const cw2 = await openDesk(browser, "caseworker2");
  await cw1.page.goto("/inbox");
  const row = cw1.page.locator(`[data-queue="unassigned"] [data-case-number="${outNumber}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText(cw1.m.case.types.TRANSFER_OUT);
  await row.getByRole("link", { name: outNumber }).click();
  await expect(cw1.page.getByTestId("case-number")).toHaveText(outNumber);
  await expectStatus(cw1.page, "SUBMITTED");
  const transferOutUrl = new URL(cw1.page.url()).pathname;
  await expect(cw1.page.locator('[data-linked="TRANSFER_IN"]')).toContainText(transferIn.caseNumber);

  // caseworker1 claims and recommends: the information table f1–f6.
  await act(cw1.page, "claim", { to: "IN_REVIEW" });
  await act(cw1.page, "recommend", { to: "PENDING_APPROVAL" });
  for (const field of ["f1", "f2", "f3", "f4", "f5", "f6"]) await expect(receiptField(cw1.page, field)).toHaveText(table[field]);

  // caseworker2 approves; caseworker1 sends the funds.
  await openCase(cw2, transferOutUrl);
  await act(cw2.page, "approve", { to: "APPROVED" });
  await openCase(cw1, transferOutUrl);
  await act(cw1.page, "complete", { data: { fundsReference: "FUNDS-E2E-P3-0001" }, to: "COMPLETED" });

  // Changsha: the funds are in; a wrong amount is refused as a reconciliation difference and
  // changes nothing.
  await openCase(cw3, transferIn);
  await expectStatus(cw3.page, "FUNDS_RECEIVED");
  await expect(cw3.page.locator('[data-linked="TRANSFER_OUT"] [data-status]')).toHaveAttribute("data-status", "COMPLETED");
  const version = await definition(cw3.page, cw3.m.casePage.version).textContent();
  const completes = await timelineEvents(cw3.page, "complete").count();
  await act(cw3.page, "complete", { data: { receivedAmount: "43766.40" } });
  const message = cw3.page.getByTestId("action-message");
  await expect(message).toHaveText(fill(cw3.m.cases.errors.reconciliation, { received: "43766.40", expected: table.f6, difference: "-0.09" }));
  await expect(cw3.page.getByRole("dialog")).toBeHidden();
  await cw3.page.reload();
  await expectStatus(cw3.page, "FUNDS_RECEIVED");
  await expect(definition(cw3.page, cw3.m.casePage.version)).toHaveText(version!);
  await expect(timelineEvents(cw3.page, "complete")).toHaveCount(completes);

  // The right amount completes it.
  await act(cw3.page, "complete", { data: { receivedAmount: table.f6 }, to: "COMPLETED" });
  await expect(statusChip(cw3.page)).toHaveText(cw3.m.case.statuses.COMPLETED);

  await closeDesks(cw3, cw4, sup3, cw1, cw2);
});

/**
 * Issue 4, duplicate contribution refund (重复缴费退费) of P4: 2024-01…03 were paid both by the
 * employer and as a flexible worker; the flexible months are refunded (3 × 5000 × 20% = 3000.00).
 */
import { expect, test } from "@playwright/test";
import {
  act, closeDesks, createCase, definition, fill, markRequiredDocuments, openCase, openDesk, receiptField, scenarioExpect, statusChip,
} from "./case-helpers";
import { demoPeople } from "./helpers";

const P4 = demoPeople.P4;

test("duplicate refund of P4: the receipt shows the flexible refund line and 3000.00; through to completion", async ({ browser }) => {
  test.setTimeout(240_000);
  const expected = scenarioExpect("P4");
  const cw1 = await openDesk(browser, "caseworker1");
  const cw2 = await openDesk(browser, "caseworker2");
  const sup1 = await openDesk(browser, "supervisor1");

  const c = await createCase(cw1, { type: "DUPLICATE_REFUND", idNumber: P4.idNumber });
  await expect(cw1.page.getByText(cw1.m.casePage.noCalculation)).toBeVisible();
  const kinds = await markRequiredDocuments(cw1);
  expect(kinds).toContain("duplicate-application-form");
  await act(cw1.page, "submit", { to: "SUBMITTED" });

  await openCase(cw2, c);
  await act(cw2.page, "claim", { to: "IN_REVIEW" });
  await act(cw2.page, "recommend", { to: "PENDING_APPROVAL" });
  await expect(receiptField(cw2.page, "total")).toHaveText(expected.total);
  // One refund line: the flexible-worker payments of the 3 overlapping months, by name, not code.
  const refundLines = cw2.page.getByTestId("calculation-receipt").locator('[data-field^="refund-"]');
  await expect(refundLines).toHaveCount(1);
  await expect(receiptField(cw2.page, "refund-1")).toHaveText(
    fill(cw2.m.casePage.refundLine, { payerType: cw2.m.people.payerTypes.FLEXIBLE, months: expected.overlapMonths, amount: expected.total }),
  );
  await expect(cw2.page.locator('[data-action="approve"]')).toHaveCount(0);

  await openCase(sup1, c);
  await act(sup1.page, "approve", { to: "APPROVED" });

  await openCase(cw1, c);
  await act(cw1.page, "complete", { data: { paymentReference: "REF-E2E-P4-0001" }, to: "COMPLETED" });
  await expect(statusChip(cw1.page)).toHaveText(cw1.m.case.statuses.COMPLETED);
  await expect(definition(cw1.page, cw1.m.casePage.payment)).toContainText(expected.total);
  await expect(definition(cw1.page, cw1.m.casePage.payment)).toContainText("REF-E2E-P4-0001");
  // The receipt stays the frozen one after completion.
  await expect(receiptField(cw1.page, "total")).toHaveText(expected.total);

  await closeDesks(cw1, cw2, sup1);
});

/**
 * Issue 4's pages against axe-core's WCAG 2 A and AA rules: no serious or critical violation on
 * the inbox, the case list, the intake form for each case type, and a case page with a
 * calculation receipt (and its confirm dialog). No rule is disabled and nothing is excluded.
 *
 * The case is a death surrender of P5 (Changsha) taken to "pending approval" by caseworker3 alone
 * (the workflow lets one person take in, claim and recommend; only approval needs other eyes).
 * No other journey uses P5's surrender, and it is never approved, so P5's relationship stays.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { act, choose, createCase, markRequiredDocuments, openDesk, receiptField, type Desk } from "./case-helpers";
import { demoPeople } from "./helpers";

const P5 = demoPeople.P5;

async function expectNoSeriousViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}: ${n.failureSummary}`).join("\n")}`);
  expect(report, `axe on ${what}`).toEqual([]);
}

async function intakeOf(desk: Desk, type: "SURRENDER" | "DUPLICATE_REFUND" | "TRANSFER_IN") {
  const { page, m } = desk;
  await page.goto("/cases/new");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.intake.title);
  await choose(page, m.intake.type, m.case.types[type]);
}

test("the case pages have no serious or critical WCAG 2 A/AA violation", async ({ browser }) => {
  test.setTimeout(240_000);
  const cw3 = await openDesk(browser, "caseworker3");
  const { page, m } = cw3;

  // A case with a receipt (and so rows in the inbox and the list).
  const c = await createCase(cw3, {
    type: "SURRENDER", idNumber: P5.idNumber, ground: "death", terminationMonth: "2024-01",
    payees: [{ name: "刘小洋", idNumber: "430102200501010018", relationship: "child" }],
  });
  await markRequiredDocuments(cw3);
  await act(page, "submit", { to: "SUBMITTED" });
  await act(page, "claim", { to: "IN_REVIEW" });
  await act(page, "recommend", { to: "PENDING_APPROVAL" });
  await expect(receiptField(page, "payout")).toHaveText(/^\d+\.\d{2}$/);
  await expectNoSeriousViolations(page, "a case page with a receipt");

  // Its confirm dialog with a required reason, and the reason's error state.
  await page.locator('[data-action="return"]').click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.getByTestId("confirm-action").click();
  await expect(page.getByRole("dialog").getByText(m.casePage.reasonRequired)).toBeVisible();
  await expectNoSeriousViolations(page, "the confirm dialog");
  await page.getByRole("dialog").getByRole("button", { name: m.casePage.cancel }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.goto("/inbox");
  await expect(page.locator(`[data-queue="mine"] [data-case-number="${c.caseNumber}"]`)).toBeVisible();
  await expectNoSeriousViolations(page, "the inbox");

  await page.goto("/cases");
  await expect(page.locator(`[data-case-number="${c.caseNumber}"]`)).toBeVisible();
  await expectNoSeriousViolations(page, "the case list");

  await intakeOf(cw3, "SURRENDER");
  await choose(page, m.intake.ground, m.case.grounds.death); // with the heirs' fieldset
  await expect(page.getByLabel(m.intake.payeeName)).toBeVisible();
  await expectNoSeriousViolations(page, "the surrender intake form");
  // With field errors shown.
  await page.getByRole("button", { name: m.intake.create, exact: true }).click();
  await expect(page.locator('input[name="idNumber"]')).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousViolations(page, "the surrender intake form with errors");

  await intakeOf(cw3, "DUPLICATE_REFUND");
  await expect(page.getByText(m.intake.duplicateHelp)).toBeVisible();
  await expectNoSeriousViolations(page, "the duplicate refund intake form");

  await intakeOf(cw3, "TRANSFER_IN");
  await expect(page.locator('input[name="fromOffice"]')).toBeVisible();
  await expectNoSeriousViolations(page, "the transfer intake form");

  await cw3.context.close();
});

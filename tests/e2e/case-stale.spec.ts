/**
 * Issue 4, a stale page: two people have the same case open; one changes it, the other then acts
 * on what they saw. The second is refused with "someone else changed this case" (the version
 * compare-and-set), nothing changes, and the reload button brings the current case.
 *
 * Uses a duplicate-refund draft of the e2e-only Changsha person with overlapping months
 * (DUPLICATE_PERSON; P5 has nothing to refund, and intake refuses that), which no other journey
 * touches, and withdraws it at the end.
 */
import { expect, test } from "@playwright/test";
import { act, closeDesks, createCase, definition, expectStatus, hydrated, openCase, openDesk, timelineEvents } from "./case-helpers";
import { DUPLICATE_PERSON } from "./helpers";

test("acting on a page someone else has changed meanwhile: the stale message, in Chinese, with a reload button", async ({ browser }) => {
  test.setTimeout(180_000);
  const cw3 = await openDesk(browser, "caseworker3");
  const sup3 = await openDesk(browser, "supervisor3", "zh-CN");

  const c = await createCase(cw3, { type: "DUPLICATE_REFUND", idNumber: DUPLICATE_PERSON.idNumber });
  await openCase(sup3, c);
  await expect(definition(sup3.page, sup3.m.casePage.version)).toHaveText("1");

  // caseworker3 records a document: the case moves on to version 2.
  const row = cw3.page.locator('tr[data-kind="duplicate-application-form"]');
  await (await hydrated(row.getByRole("button", { name: cw3.m.casePage.markReceived }))).click();
  await expect(row).toHaveAttribute("data-received", "true");
  await expect(definition(cw3.page, cw3.m.casePage.version)).toHaveText("2");

  // supervisor3, still looking at version 1, withdraws it: refused as stale.
  await act(sup3.page, "withdraw");
  const message = sup3.page.getByTestId("action-message");
  await expect(message).toContainText(sup3.m.errors.conflict);
  await expect(message).toContainText("此案件已被他人修改");
  await expect(sup3.page.getByRole("dialog")).toBeHidden();
  await expectStatus(sup3.page, "DRAFT");

  // Reload shows the current case: still a draft, the document received, no withdrawal.
  await message.getByRole("button", { name: sup3.m.casePage.reload }).click();
  await expect(sup3.page.getByTestId("action-message")).toHaveCount(0);
  await expect(definition(sup3.page, sup3.m.casePage.version)).toHaveText("2");
  await expect(sup3.page.locator('tr[data-kind="duplicate-application-form"]')).toHaveAttribute("data-received", "true");
  await expect(timelineEvents(sup3.page, "withdraw")).toHaveCount(0);

  // Acting on the fresh page works.
  await act(sup3.page, "withdraw", { reason: "演示结束", to: "WITHDRAWN" });

  // And caseworker3's page, now stale in turn, gets the same refusal in English.
  await act(cw3.page, "submit");
  await expect(cw3.page.getByTestId("action-message")).toContainText(cw3.m.errors.conflict);
  await expect(cw3.page.getByTestId("action-message").getByRole("button", { name: cw3.m.casePage.reload })).toBeVisible();

  await closeDesks(cw3, sup3);
});

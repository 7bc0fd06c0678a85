/**
 * Issue 4's pages in both languages: the inbox, the case list, the intake form and a case page,
 * each switched to Chinese and back with the language switch, checking translated headings and
 * labels both ways. The case is a transfer-in draft of P5 (Changsha) that no other journey uses.
 */
import { expect, test, type Page } from "@playwright/test";
import { createCase, hydrated, messages, openDesk, statusChip, type Locale, type Messages } from "./case-helpers";
import { demoPeople } from "./helpers";

const P5 = demoPeople.P5;

async function switchTo(page: Page, locale: Locale) {
  await (await hydrated(page.getByTestId("language-switch"))).click();
  await expect(page.locator("html")).toHaveAttribute("lang", locale);
}

/** Checks the page in English, switches to Chinese and checks again, then back to English. */
async function bothWays(page: Page, check: (m: Messages) => Promise<void>) {
  await check(messages.en);
  await switchTo(page, "zh-CN");
  await check(messages["zh-CN"]);
  await switchTo(page, "en");
  await check(messages.en);
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

test("the inbox, the case list, the intake form and a case page switch to Chinese and back", async ({ browser }) => {
  test.setTimeout(180_000);
  const cw3 = await openDesk(browser, "caseworker3");
  const { page } = cw3;
  const c = await createCase(cw3, { type: "TRANSFER_IN", idNumber: P5.idNumber, fromOffice: "110000" });

  await page.goto("/inbox");
  await bothWays(page, async (m) => {
    await expect(h1(page)).toHaveText(m.inbox.title);
    await expect(page.locator('[data-queue="mine"] h2')).toContainText(m.inbox.mine);
    await expect(page.locator('[data-queue="unassigned"] h2')).toContainText(m.inbox.unassigned);
  });

  await page.goto("/cases");
  await bothWays(page, async (m) => {
    await expect(h1(page)).toHaveText(m.caseList.title);
    await expect(page.getByRole("search", { name: m.caseList.filters })).toBeVisible();
    const row = page.locator(`[data-case-number="${c.caseNumber}"]`);
    await expect(row).toContainText(m.case.types.TRANSFER_IN);
    await expect(row).toContainText(m.case.statuses.DRAFT);
  });

  await page.goto("/cases/new");
  await bothWays(page, async (m) => {
    await expect(h1(page)).toHaveText(m.intake.title);
    await expect(page.getByLabel(m.intake.idNumber)).toBeVisible();
    await expect(page.getByRole("button", { name: m.intake.create, exact: true })).toBeVisible();
  });

  await page.goto(c.url);
  await bothWays(page, async (m) => {
    await expect(page.getByTestId("case-number")).toHaveText(c.caseNumber);
    for (const heading of [m.casePage.actions, m.casePage.summary, m.casePage.checklist, m.casePage.calculation, m.casePage.timeline])
      await expect(page.getByRole("heading", { level: 2, name: heading, exact: true })).toBeVisible();
    await expect(statusChip(page)).toHaveText(m.case.statuses.DRAFT);
    await expect(page.getByText(m.case.types.TRANSFER_IN, { exact: true })).toBeVisible();
    await expect(page.locator('[data-event="create"]')).toContainText(m.case.actions.create);
    await expect(page.locator('[data-action="submit"]')).toHaveText(m.case.actions.submit);
    await expect(page.locator("tr[data-kind]").first().getByRole("button")).toHaveText(m.casePage.markReceived);
  });

  // The choice sticks: a later page comes in the language last chosen.
  await switchTo(page, "zh-CN");
  await page.goto("/inbox");
  await expect(h1(page)).toHaveText(messages["zh-CN"].inbox.title);

  await cw3.context.close();
});

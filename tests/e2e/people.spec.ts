import { expect, test, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import { demoPeople, signIn } from "./helpers";

const P1 = demoPeople.P1;
const P5 = demoPeople.P5;

async function search(page: Page, query: string) {
  await page.goto("/people");
  await page.getByLabel(en.people.searchLabel).fill(query);
  await page.getByRole("button", { name: en.people.search, exact: true }).click();
  await expect(page).toHaveURL(/\/people\?q=/);
}

const results = (page: Page) => page.getByRole("table", { name: en.people.results });

test("caseworker1 (Shenzhen) finds P1 by ID number and sees the records", async ({ page }) => {
  await signIn(page, "caseworker1");
  await search(page, P1.idNumber);
  await expect(results(page).locator("tbody tr")).toHaveCount(1);
  const row = results(page).locator("tbody tr").first();
  await expect(row).toContainText(P1.name);
  // Lists mask the ID number.
  await expect(row).toContainText("440305********1236");

  await row.getByRole("link", { name: P1.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(P1.name);
  // A caseworker may see the full number on the detail page.
  await expect(page.getByTestId("person-id-number")).toHaveText(P1.idNumber);
  const records = page.getByRole("table", { name: en.people.records }).locator("tbody tr");
  await expect(records).toHaveCount(P1.records.length);
  for (const [i, r] of P1.records.entries()) {
    await expect(records.nth(i)).toContainText(`${r.from} – ${r.to}`);
    await expect(records.nth(i)).toContainText(Number(r.monthlyBase).toFixed(2));
  }
  await expect(records.first()).toContainText("91440300MA5FXY125P");
});

test("caseworker3 (Changsha) does not find P1 but finds P5", async ({ page }) => {
  await signIn(page, "caseworker3");
  await search(page, P1.idNumber);
  await expect(page.getByText(en.people.noResults)).toBeVisible();
  await expect(results(page)).toHaveCount(0);

  await search(page, P5.idNumber);
  await expect(results(page).locator("tbody tr")).toHaveCount(1);
  await expect(results(page)).toContainText(P5.name);
});

test("another office's person is not found even by direct link", async ({ browser }) => {
  const shenzhen = await browser.newContext();
  const sz = await shenzhen.newPage();
  await signIn(sz, "caseworker1");
  await search(sz, P1.idNumber);
  const href = await results(sz).getByRole("link", { name: P1.name }).getAttribute("href");
  expect(href).toMatch(/^\/people\/[0-9a-f-]{36}$/);
  await shenzhen.close();

  const changsha = await browser.newContext();
  const cs = await changsha.newPage();
  await signIn(cs, "caseworker3");
  const response = await cs.goto(href!);
  expect(response?.status()).toBe(404);
  await expect(cs.getByRole("heading", { level: 1 })).toHaveText(`404 · ${en.errors.notFound}`);
  await expect(cs.getByText(P1.name)).toHaveCount(0);
  await changsha.close();
});

test("a name search finds a person known to the office through a record", async ({ page }) => {
  const P3 = demoPeople.P3;
  await signIn(page, "caseworker3");
  // P3 has his relationship in Shenzhen but contributes in Changsha since 2024-08: known to both.
  await search(page, P3.name);
  await expect(results(page)).toContainText(`${P3.idNumber.slice(0, 6)}********${P3.idNumber.slice(-4)}`);
});

import { expect, test } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import { signIn } from "./helpers";

test("an auditor opening /admin directly gets the 403 page", async ({ page }) => {
  await signIn(page, "auditor1");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`403 · ${en.errors.forbiddenTitle}`);
  await expect(page.getByText(en.errors.forbidden)).toBeVisible();
  await expect(page.locator('nav [data-nav="admin"]')).toHaveCount(0);
});

test("a caseworker opening /admin directly gets the 403 page", async ({ page }) => {
  await signIn(page, "caseworker1");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("403");
});

test("an admin opening /people directly gets the 403 page", async ({ page }) => {
  await signIn(page, "admin");
  const response = await page.goto("/people");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`403 · ${en.errors.forbiddenTitle}`);
});

test("without a session every page leads to the sign-in page", async ({ page }) => {
  for (const path of ["/", "/admin", "/people", "/inbox"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login$/);
  }
});

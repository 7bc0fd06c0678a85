import { expect, test, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import zh from "../../lib/i18n/messages/zh-CN.json";
import { signIn } from "./helpers";

async function switchLanguage(page: Page, to: "zh-CN" | "en") {
  await page.getByTestId("language-switch").click();
  await expect(page.locator("html")).toHaveAttribute("lang", to);
}

test("the language switch turns the sign-in page into Chinese and back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.login.title);

  await switchLanguage(page, "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.login.title);
  await expect(page.getByRole("button", { name: zh.login.submit, exact: true })).toBeVisible();
  await expect(page.getByLabel(zh.login.username)).toBeVisible();

  // The choice is a cookie, so it survives a reload.
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");

  await switchLanguage(page, "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.login.title);
  await expect(page.getByRole("button", { name: en.login.submit, exact: true })).toBeVisible();
});

test("the language switch translates the app shell", async ({ page }) => {
  await signIn(page, "supervisor1");
  await expect(page.locator('nav [data-nav="supervision"]')).toHaveText(en.shell.nav.supervision);

  await switchLanguage(page, "zh-CN");
  await expect(page.locator('nav [data-nav="supervision"]')).toHaveText(zh.shell.nav.supervision);
  await expect(page.locator('nav [data-nav="people"]')).toHaveText(zh.shell.nav.people);
  await expect(page.getByTestId("current-user")).toContainText(zh.shell.roles.supervisor);
  await expect(page.getByTestId("current-user")).toContainText("深圳市社会保险基金管理局");

  await switchLanguage(page, "en");
  await expect(page.locator('nav [data-nav="people"]')).toHaveText(en.shell.nav.people);
  await expect(page.getByTestId("current-user")).toContainText("Shenzhen Social Insurance Fund Administration");
});

test("a Chinese browser gets Chinese without switching", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(zh.login.title);
  await context.close();
});

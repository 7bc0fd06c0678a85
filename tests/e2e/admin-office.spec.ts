/**
 * The administrator's office form (decision 0009) on the fresh demo seed: the admin changes
 * Changsha's phone and receiving bank account, sees the success message, the bank status and the
 * change record; a bad postcode is refused next to the field and nothing is saved. The spec puts
 * Changsha's demo values back at the end, so the other journeys see the seeded office.
 */
import { expect, test, type Locator, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import { signIn } from "./helpers";

const m = en.admin;
const CHANGSHA = "430100";

async function openOffice(page: Page, code: string): Promise<Locator> {
  await page.getByTestId(`edit-office-${code}`).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { level: 2 })).toContainText(code);
  return dialog;
}

const input = (dialog: Locator, name: string) => dialog.getByTestId(`office-${name}`);

test("admin changes an office's phone and bank account; a bad postcode shows its field error", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.title);
  // The demo offices carry their (made-up) accounts, so their letters are complete.
  await expect(page.getByTestId(`bank-status-${CHANGSHA}`)).toHaveText(m.bankOnFile);

  let dialog = await openOffice(page, CHANGSHA);
  const seeded = {
    phone: await input(dialog, "phone").inputValue(),
    bankName: await input(dialog, "bankName").inputValue(),
    bankCode: await input(dialog, "bankCode").inputValue(),
    accountNumber: await input(dialog, "accountNumber").inputValue(),
  };
  // Transfers' limit is national and shown as such, not as a field.
  await expect(dialog.getByTestId("sla-national")).toHaveText(m.slaNationalNote);
  await expect(input(dialog, "sla.TRANSFER_IN")).toHaveCount(0);

  await input(dialog, "phone").fill("0731-88886666");
  await input(dialog, "bankName").fill("中国银行股份有限公司长沙市分行");
  await input(dialog, "bankCode").fill("104551099990");
  await input(dialog, "accountNumber").fill("4000 0000 0000 0000 430");
  await input(dialog, "reason").fill("E2E: 账户变更");
  await dialog.getByRole("button", { name: m.save, exact: true }).click();
  await expect(dialog.getByTestId("office-saved")).toContainText("Saved");
  // Stored as digits: the grouping spaces are for reading only.
  await expect(input(dialog, "accountNumber")).toHaveValue("4000 0000 0000 0000 430");

  // A bad postcode: the field says why, the rest of the form keeps what was typed, nothing saved.
  await input(dialog, "postcode").fill("41001");
  await input(dialog, "phone").fill("0731-77775555");
  await dialog.getByRole("button", { name: m.save, exact: true }).click();
  await expect(dialog.getByTestId("office-error")).toBeVisible();
  await expect(dialog.getByText(m.errors.postcode)).toBeVisible();
  await expect(input(dialog, "phone")).toHaveValue("0731-77775555");
  await dialog.getByRole("button", { name: m.cancel, exact: true }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // The record of the change, on the page; the office shows what was saved, not the refused form.
  await page.reload();
  const changes = page.getByTestId("office-changes");
  await expect(changes).toContainText("0731-88886666");
  await expect(changes).toContainText("4000000000000000430");
  await expect(changes).toContainText("E2E: 账户变更");
  dialog = await openOffice(page, CHANGSHA);
  await expect(input(dialog, "phone")).toHaveValue("0731-88886666");
  await expect(input(dialog, "accountNumber")).toHaveValue("4000000000000000430");
  await expect(input(dialog, "postcode")).not.toHaveValue("41001");

  // Put the demo's values back for the journeys that print Changsha's letters.
  for (const [name, value] of Object.entries(seeded)) await input(dialog, name).fill(value);
  await input(dialog, "reason").fill("E2E: 恢复演示数据");
  await dialog.getByRole("button", { name: m.save, exact: true }).click();
  await expect(dialog.getByTestId("office-saved")).toContainText("Saved");
});

test("a caseworker never sees the office form", async ({ page }) => {
  await signIn(page, "caseworker3");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId(`edit-office-${CHANGSHA}`)).toHaveCount(0);
});

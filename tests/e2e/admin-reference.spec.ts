/**
 * The administrator's holiday calendar (decision 0010) on the fresh demo seed: the admin adds a
 * holiday of Changsha's own calendar on a weekday, sees it in the chosen year and office, removes
 * it again; a HOLIDAY on a weekend is refused next to the date field and nothing is added. The
 * day is in 2097, so no clock of the other journeys counts it, and the spec leaves none behind.
 */
import { expect, test, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import { hydrated } from "./case-helpers";
import { signIn } from "./helpers";

const m = en.admin;
const CHANGSHA = "430100";
const MONDAY = "2097-03-04";
const SATURDAY = "2097-03-02";

const addForm = (page: Page) => page.getByTestId("add-holiday");

async function chooseOption(page: Page, combobox: ReturnType<Page["getByRole"]>, option: RegExp) {
  await combobox.click();
  await page.getByRole("option", { name: option }).click();
}

test("admin adds a holiday to an office's calendar on a weekday and removes it again", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin?year=2097");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(m.title);
  // The page says what a change does, and does not do, to cases.
  await expect(page.getByTestId("calendar-note")).toHaveText(m.calendarHelp);

  const form = addForm(page);
  // A controlled field typed into before React hydrates it is reset to its state: wait for it.
  await (await hydrated(form.getByTestId("holiday-date"))).fill(MONDAY);
  await chooseOption(page, form.getByRole("combobox", { name: m.holidayScope }), new RegExp(CHANGSHA));
  await form.getByTestId("holiday-name").fill("E2E 地方假日");
  await form.getByTestId("holiday-reason").fill("E2E: 市政府通知");
  await form.getByTestId("holiday-add").click();
  await expect(form.getByTestId("holiday-saved")).toContainText(MONDAY);

  // Changsha's calendar of 2097: the new day is listed as Changsha's own.
  await chooseOption(page, page.getByRole("combobox", { name: m.calendarOffice }), new RegExp(CHANGSHA));
  await expect(page).toHaveURL(/year=2097&office=/);
  const row = page.getByTestId(`day-${MONDAY}-${CHANGSHA}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("E2E 地方假日");
  await expect(page.getByTestId("reference-changes")).toContainText("E2E: 市政府通知");

  await row.getByTestId(`remove-${MONDAY}`).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByTestId("remove-reason").fill("E2E: 撤回");
  await dialog.getByTestId("remove-confirm").click();
  // The page is revalidated: the day's row, and with it its dialog, is gone.
  await expect(page.getByTestId(`day-${MONDAY}-${CHANGSHA}`)).toHaveCount(0);
  await expect(dialog).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId(`day-${MONDAY}-${CHANGSHA}`)).toHaveCount(0);
  await expect(page.getByTestId("reference-changes")).toContainText("E2E: 撤回");
});

test("a holiday on a weekend is refused next to the date and nothing is added", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/admin?year=2097");
  const form = addForm(page);
  await (await hydrated(form.getByTestId("holiday-date"))).fill(SATURDAY);
  await form.getByTestId("holiday-name").fill("E2E 周末假日");
  await form.getByTestId("holiday-add").click();
  await expect(form.getByTestId("holiday-error")).toBeVisible();
  await expect(form.getByText(m.errors.holidayOnWeekend)).toBeVisible();
  // What was typed stays in the form; the calendar has no such day.
  await expect(form.getByTestId("holiday-date")).toHaveValue(SATURDAY);
  await page.reload();
  await expect(page.getByTestId(`day-${SATURDAY}-national`)).toHaveCount(0);
});

test("a caseworker never sees the calendar or the rates", async ({ page }) => {
  await signIn(page, "caseworker3");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByTestId("add-holiday")).toHaveCount(0);
  await expect(page.getByTestId("rates")).toHaveCount(0);
});

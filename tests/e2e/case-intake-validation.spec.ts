/**
 * Issue 4, intake validation: an ID number with a wrong check digit is refused on the field,
 * nothing is created, and what was typed stays in the form to be corrected. Issue 13: a duplicate
 * refund for a person with no overlapping month left to refund, and an ID number born after
 * today, are refused the same way, in the user's language.
 */
import { expect, test } from "@playwright/test";
import { countCases, fillIntake, openDesk } from "./case-helpers";
import { generateIdNumber } from "../../lib/domain/id-number";
import { demoPeople } from "./helpers";

const P1 = demoPeople.P1;
/** P2's records (all flexible, one after another) never overlap: nothing to refund. */
const P2 = demoPeople.P2;

/** P1's number with the check digit changed (…1236 is right, …1237 is not). */
const wrongChecksum = `${P1.idNumber.slice(0, 17)}${P1.idNumber.endsWith("7") ? "8" : "7"}`;

test("a wrong ID checksum shows the field error and creates nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const cw1 = await openDesk(browser, "caseworker1");
  const { page, m } = cw1;
  const before = await countCases(page);

  await fillIntake(cw1, { type: "SURRENDER", idNumber: wrongChecksum, ground: "emigration-nationality-lost", terminationMonth: "2024-06" });
  await page.getByLabel(m.intake.filedByAgent).check();
  await page.getByRole("button", { name: m.intake.create, exact: true }).click();

  const idField = page.locator('input[name="idNumber"]');
  await expect(idField).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(m.validation.idNumber)).toBeVisible();
  // The message is tied to the field for assistive technology.
  const describedBy = await idField.getAttribute("aria-describedby");
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(m.validation.idNumber);
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page).toHaveURL(/\/cases\/new$/);
  // What was typed is kept, so it can be corrected.
  await expect(idField).toHaveValue(wrongChecksum);
  await expect(page.locator('input[name="terminationMonth"]')).toHaveValue("2024-06");
  await expect(page.getByLabel(m.intake.filedByAgent)).toBeChecked();
  await expect(page.getByRole("combobox", { name: m.intake.ground })).toContainText(m.case.grounds["emigration-nationality-lost"]);

  expect(await countCases(page)).toBe(before);

  await cw1.context.close();
});

test("a duplicate refund with no overlapping month is refused at intake, in Chinese, and creates nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const cw1 = await openDesk(browser, "caseworker1", "zh-CN");
  const { page, m } = cw1;
  const before = await countCases(page);

  await fillIntake(cw1, { type: "DUPLICATE_REFUND", idNumber: P2.idNumber });
  await page.getByRole("button", { name: m.intake.create, exact: true }).click();

  const message = m.cases.errors.notEligible.DUPLICATE_REFUND;
  expect(message).toBe("已没有可退还的重复缴费月份。");
  await expect(page.getByTestId("form-error")).toHaveText(message);
  const idField = page.locator('input[name="idNumber"]');
  await expect(idField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`[id="${await idField.getAttribute("aria-describedby")}"]`)).toHaveText(message);
  await expect(page).toHaveURL(/\/cases\/new$/);
  await expect(idField).toHaveValue(P2.idNumber);
  expect(await countCases(page)).toBe(before);

  await cw1.context.close();
});

test("an ID number whose birth date is after today is refused on the field and creates nothing", async ({ browser }) => {
  test.setTimeout(120_000);
  const cw1 = await openDesk(browser, "caseworker1");
  const { page, m } = cw1;
  const before = await countCases(page);
  const bornIn2030 = generateIdNumber({ addressCode: "440305", birthDate: "2030-05-01", sex: "M", sequence: 13 });

  await fillIntake(cw1, { type: "DUPLICATE_REFUND", idNumber: bornIn2030 });
  await page.getByRole("button", { name: m.intake.create, exact: true }).click();

  const idField = page.locator('input[name="idNumber"]');
  await expect(idField).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`[id="${await idField.getAttribute("aria-describedby")}"]`)).toHaveText(m.validation.idNumberDate);
  await expect(page).toHaveURL(/\/cases\/new$/);
  expect(await countCases(page)).toBe(before);

  await cw1.context.close();
});

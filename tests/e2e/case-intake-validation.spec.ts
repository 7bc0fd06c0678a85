/**
 * Issue 4, intake validation: an ID number with a wrong check digit is refused on the field,
 * nothing is created, and what was typed stays in the form to be corrected.
 */
import { expect, test } from "@playwright/test";
import { countCases, fillIntake, openDesk } from "./case-helpers";
import { demoPeople } from "./helpers";

const P1 = demoPeople.P1;

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

import { expect, test } from "@playwright/test";
import { navigationFor, type Role } from "../../lib/auth/permissions";
import en from "../../lib/i18n/messages/en.json";
import demo from "../../prisma/seed/demo-data.json";
import { LOCKOUT_USER, navKeys, signIn } from "./helpers";

// The permission table is the source of truth: each role sees exactly the sections it may use.
const users = demo.users.filter((u) => u.username !== LOCKOUT_USER);

for (const user of users) {
  test(`${user.username} (${user.role}) sees exactly the ${user.role}'s navigation`, async ({ page }) => {
    const expected = navigationFor({ role: user.role as Role });
    await signIn(page, user.username);

    expect(await navKeys(page)).toEqual(expected.map((item) => item.key));
    // Each role lands on its first section, and the shell says who is signed in.
    await expect(page).toHaveURL(new RegExp(`${expected[0].href}$`));
    await expect(page.getByTestId("current-user")).toContainText(user.name);
    await expect(page.getByTestId("current-user")).toContainText(en.shell.roles[user.role as Role]);
  });
}

test("the expected navigation per role is the one the issue asks for", () => {
  const keys = (role: Role) => navigationFor({ role }).map((item) => item.key);
  expect(keys("caseworker")).toEqual(["inbox", "cases", "people", "certificates"]);
  expect(keys("supervisor")).toEqual(["inbox", "cases", "people", "certificates", "supervision"]);
  expect(keys("auditor")).toEqual(["cases", "people", "certificates", "supervision"]);
  expect(keys("admin")).toEqual(["admin"]);
});

test("signing out returns to the sign-in page and the app is closed again", async ({ page }) => {
  await signIn(page, "caseworker1");
  await page.getByRole("button", { name: en.shell.signOut }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/people");
  await expect(page).toHaveURL(/\/login$/);
});

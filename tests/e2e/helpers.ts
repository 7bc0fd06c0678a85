import { expect, type Page } from "@playwright/test";
import demo from "../../prisma/seed/demo-data.json";

export const DEMO_PASSWORD = demo.password;

/** The demo's users by username, straight from the seed's data. */
export const demoUsers = Object.fromEntries(demo.users.map((u) => [u.username, u]));

/** The demo's people by key (P1…P5). */
export const demoPeople = Object.fromEntries(demo.people.map((p) => [p.key, p]));

/**
 * A Changsha caseworker that exists only in the e2e database (tests/tools/e2e-server.ts creates it
 * with the demo password), reserved for tests/e2e/sign-in.spec.ts, which locks it for 15
 * minutes. Every demo user, caseworker4 included, stays free for the other specs in any order.
 */
export const LOCKOUT_USER = "e2e-lockout";

/**
 * A Changsha person that exists only in the e2e database (tests/tools/e2e-server.ts), with P4's
 * three overlapping months, reserved for tests/e2e/case-stale.spec.ts's duplicate-refund draft.
 */
export const DUPLICATE_PERSON = { idNumber: "430102200104209015", name: "重复测试" } as const;

/** Fills the sign-in form without waiting for the outcome. */
export async function submitSignIn(page: Page, username: string, password: string): Promise<void> {
  if (!page.url().endsWith("/login")) await page.goto("/login");
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Signs a demo user in through the sign-in page and waits for the app shell. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  if (username === LOCKOUT_USER) throw new Error(`${LOCKOUT_USER} is reserved for the lockout test`);
  await page.goto("/login");
  await submitSignIn(page, username, password);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page).not.toHaveURL(/\/login$/);
}

/** The `data-nav` keys of the navigation buttons, in order. */
export async function navKeys(page: Page): Promise<string[]> {
  const nav = page.locator("nav [data-nav]");
  await expect(nav.first()).toBeVisible();
  return nav.evaluateAll((elements) => elements.map((e) => e.getAttribute("data-nav") ?? ""));
}

import { expect, test } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import { DEMO_PASSWORD, LOCKOUT_USER, signIn, submitSignIn } from "./helpers";

test("a wrong password and an unknown user get the same neutral message", async ({ page }) => {
  await submitSignIn(page, "caseworker2", "not-the-password");
  const error = page.getByTestId("login-error");
  await expect(error).toHaveText(en.login.failed);
  await expect(page).toHaveURL(/\/login$/);

  await page.reload();
  await submitSignIn(page, "nobody-by-this-name", "not-the-password");
  await expect(error).toHaveText(en.login.failed);
  await expect(page.getByTestId("login-error")).toHaveCount(1);

  // One wrong attempt locks nothing (and the successful sign-in resets the counter).
  await signIn(page, "caseworker2");
});

test("after 5 wrong passwords the 6th attempt is refused even with the right password", async ({ page, request }) => {
  // The right password works before the lock (each run starts on a fresh database).
  const before = await request.post("/api/v1/auth/token", { data: { username: LOCKOUT_USER, password: DEMO_PASSWORD } });
  expect(before.status(), `${LOCKOUT_USER} must not be locked before this test`).toBe(200);

  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await submitSignIn(page, LOCKOUT_USER, `wrong-${attempt}`);
    await expect(page.getByTestId("login-error")).toHaveText(en.login.failed);
    await expect(page.locator('button[type="submit"]')).toBeEnabled();
  }

  await submitSignIn(page, LOCKOUT_USER, DEMO_PASSWORD);
  await expect(page.locator('button[type="submit"]')).toBeEnabled();
  await expect(page.getByTestId("login-error")).toHaveText(en.login.failed);
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByTestId("current-user")).toHaveCount(0);

  // The API shares the lock and answers as neutrally as for a wrong password.
  const locked = await request.post("/api/v1/auth/token", { data: { username: LOCKOUT_USER, password: DEMO_PASSWORD } });
  const wrong = await request.post("/api/v1/auth/token", { data: { username: "caseworker3", password: "wrong" } });
  expect(locked.status()).toBe(401);
  expect(await locked.json()).toEqual(await wrong.json());
});

test("empty fields show field errors and send nothing", async ({ page }) => {
  await page.goto("/login");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByText(en.login.usernameRequired)).toBeVisible();
  await expect(page.getByText(en.login.passwordRequired)).toBeVisible();
  await expect(page.locator('input[name="username"]')).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("login-error")).toHaveCount(0);

  await page.locator('input[name="username"]').fill("caseworker1");
  await page.locator('button[type="submit"]').click();
  await expect(page.getByText(en.login.usernameRequired)).toHaveCount(0);
  await expect(page.getByText(en.login.passwordRequired)).toBeVisible();
  await expect(page).toHaveURL(/\/login$/);
});

test("the sign-in form caps the username and password lengths", async ({ page }) => {
  await page.goto("/login");
  await page.locator('input[name="username"]').fill("u".repeat(10_000));
  expect((await page.locator('input[name="username"]').inputValue()).length).toBe(64);
});

test("the token API answers huge or malformed input with 400, never 500", async ({ request }) => {
  const huge = await request.post("/api/v1/auth/token", { data: { username: "u".repeat(10_000), password: "x" } });
  expect(huge.status()).toBe(400);
  expect((await huge.json()).error.code).toBe("bad_request");

  const hugePassword = await request.post("/api/v1/auth/token", { data: { username: "caseworker1", password: "p".repeat(10_000) } });
  expect(hugePassword.status()).toBe(400);

  const notJson = await request.post("/api/v1/auth/token", { data: "{not json", headers: { "content-type": "application/json" } });
  expect(notJson.status()).toBe(400);

  const wrongTypes = await request.post("/api/v1/auth/token", { data: { username: ["a"], password: 1 } });
  expect(wrongTypes.status()).toBe(400);
});

test("the token API issues a bearer token for the right password", async ({ request }) => {
  const response = await request.post("/api/v1/auth/token", { data: { username: "supervisor3", password: DEMO_PASSWORD } });
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(typeof body.token).toBe("string");
  expect(new Date(body.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + 60 * 60 * 1000 + 5_000);
});

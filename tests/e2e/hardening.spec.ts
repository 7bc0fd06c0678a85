import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO_PASSWORD, demoPeople, signIn } from "./helpers";

/**
 * Hardening on the running app (issue 7): the security headers of real responses, the flags of
 * the session cookie, and CSRF — a forged server-action POST and a forged sign-in POST from a
 * foreign Origin are refused and change nothing, and a browser session cannot be used for a
 * state-changing API call from another site. tests/integration/hardening.integration.test.ts
 * proves the configuration, rate limits and logs without a browser.
 */

const EVIL = "https://evil.example";

function expectSecurityHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const h = response.headers();
  const csp = h["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain("unsafe-eval");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["x-frame-options"]).toBe("DENY");
  expect(h["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(h["x-powered-by"]).toBeUndefined();
}

const setCookies = (response: APIResponse) =>
  response.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value).join("\n");

test("the security headers are on the sign-in page, an app page, API answers and the public key", async ({ page, request }) => {
  const login = await page.goto("/login");
  expectSecurityHeaders(login!);
  // An API error, a public API answer and the public key: every path gets them.
  const unauthorized = await request.get("/api/v1/cases");
  expect(unauthorized.status()).toBe(401);
  expectSecurityHeaders(unauthorized);
  expectSecurityHeaders(await request.get("/api/v1/verify/ABCDEFGHJKMNPQRS"));
  expectSecurityHeaders(await request.get("/.well-known/jingban-signing-key"));
  await signIn(page, "auditor1");
  const inbox = await page.goto("/cases");
  expectSecurityHeaders(inbox!);
});

test("the app refuses to be framed", async ({ page }) => {
  await page.goto("/login");
  // A page of another origin framing the app: the browser blocks the frame (frame-ancestors 'none').
  const framed = await page.evaluate(async (src) => {
    const frame = document.createElement("iframe");
    frame.src = src;
    document.body.append(frame);
    await new Promise((r) => setTimeout(r, 1500));
    try {
      return frame.contentDocument?.body?.innerText ?? "blocked";
    } catch {
      return "blocked";
    }
  }, `${new URL(page.url()).origin}/login`);
  // Even same-origin framing is refused by frame-ancestors 'none': the frame stays empty.
  expect(framed === "blocked" || framed === "").toBe(true);
});

test("the session cookie is httpOnly and SameSite=Lax, lives at most 8 hours, and scripts cannot read it", async ({ page, context }) => {
  await signIn(page, "auditor1");
  const cookies = await context.cookies();
  const session = cookies.find((c) => /next-auth\.session-token$/.test(c.name));
  expect(session, cookies.map((c) => c.name).join(", ")).toBeDefined();
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  // `secure` follows NEXTAUTH_URL: http here, https (and the __Secure- prefix) in production.
  expect(session!.expires * 1000 - Date.now()).toBeLessThanOrEqual(8 * 3600 * 1000 + 60_000);
  const csrf = cookies.find((c) => /next-auth\.csrf-token$/.test(c.name));
  expect(csrf).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await page.evaluate(() => document.cookie)).not.toMatch(/session-token|csrf-token/);
});

test("a server action POSTed from a foreign Origin is refused by Next.js and does not run", async ({ page, context }) => {
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // The language switch is a server action (app/actions.ts setLocale): record its request.
  const [action] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
    page.getByTestId("language-switch").click(),
  ]);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  const locale = async () => (await context.cookies()).find((c) => c.name === "jingban-locale")?.value;
  expect(await locale()).toBe("zh-CN");

  const sent = action.headers();
  const headers = {
    "next-action": sent["next-action"],
    "next-router-state-tree": sent["next-router-state-tree"] ?? "",
    "content-type": sent["content-type"] ?? "text/plain;charset=UTF-8",
    accept: "text/x-component",
  };
  const back = (action.postData() ?? "").replace("zh-CN", "en");
  expect(back).toContain("en");

  // Forged from another site (the browser would send that site as Origin): Next.js compares the
  // Origin with the Host, aborts the action and answers 500; the cookie is unchanged.
  const forged = await page.request.post(action.url(), { headers: { ...headers, origin: EVIL }, data: back });
  expect(forged.status()).toBe(500);
  expect(setCookies(forged)).not.toContain("jingban-locale");
  expect(await locale()).toBe("zh-CN");
  const nullOrigin = await page.request.post(action.url(), { headers: { ...headers, origin: "null" }, data: back });
  expect(nullOrigin.status()).toBe(500);
  expect(await locale()).toBe("zh-CN");

  // The same request from the app's own origin runs.
  const genuine = await page.request.post(action.url(), { headers: { ...headers, origin: new URL(page.url()).origin }, data: back });
  expect(genuine.status()).toBe(200);
  expect(await locale()).toBe("en");
});

test("next-auth's sign-in callback POSTed from another site without its CSRF token signs nobody in", async ({ request }) => {
  // What a forging site can send: the right credentials even, but not the double-submit token
  // (it cannot read the csrf cookie). next-auth redirects to the sign-in page with csrf=true.
  const forged = await request.post("/api/auth/callback/credentials", {
    headers: { origin: EVIL, referer: `${EVIL}/` },
    form: { username: "auditor1", password: DEMO_PASSWORD, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(302);
  expect(forged.headers()["location"]).toMatch(/csrf=true/);
  expect(setCookies(forged)).not.toMatch(/session-token=/);

  // The control: with the token and its cookie (which only a page of this site can read), it signs in.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const genuine = await request.post("/api/auth/callback/credentials", {
    form: { username: "auditor1", password: DEMO_PASSWORD, callbackUrl: "/", csrfToken },
    maxRedirects: 0,
  });
  expect(genuine.status()).toBe(302);
  expect(setCookies(genuine)).toMatch(/session-token=/);
});

test("a browser session cannot make a state-changing API call from another site (401); from this site it can", async ({ page }) => {
  await signIn(page, "caseworker1");
  const body = { type: "DUPLICATE_REFUND", idNumber: demoPeople.P4.idNumber };
  const forged = await page.request.post("/api/v1/cases", { headers: { origin: EVIL }, data: body });
  expect(forged.status()).toBe(401);
  // Reading with the cookie stays possible (GET changes nothing).
  expect((await page.request.get("/api/v1/cases?limit=1", { headers: { origin: EVIL } })).status()).toBe(200);
  // From the app's own origin the same call reaches the service (which answers on its merits).
  const own = await page.request.post("/api/v1/cases", { headers: { origin: new URL(page.url()).origin }, data: { type: "DUPLICATE_REFUND" } });
  expect(own.status()).toBe(400);
});

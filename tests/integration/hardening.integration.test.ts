/**
 * Hardening that can be proven without a browser (tests/e2e/hardening.spec.ts proves the rest on
 * the running app: real response headers, the session cookie's flags, CSRF on server actions and
 * on next-auth's callback):
 * - the security headers next.config.js sets on every path (docs/decisions/0006);
 * - the rate limits of the token, verification and sign-in routes answer 429 after their limit,
 *   per client address, with Retry-After;
 * - no personal data in the logs: refused requests about a person log nothing, and an
 *   unexpected error (whose Prisma message quotes the query, ID number included) is logged
 *   without its message.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { GET as personsRoute } from "@/app/api/v1/persons/route";
import { POST as createCaseRoute } from "@/app/api/v1/cases/route";
import { GET as verifyRoute } from "@/app/api/v1/verify/[code]/route";
import { issueApiToken } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { hitRateLimit, rateLimits } from "@/lib/http/rate-limit";
import { withApiUser } from "@/lib/http/route";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson, freshIdNumber, type ClonedPerson } from "@/tests/factories/people";

interface HeaderRule {
  source: string;
  headers: Array<{ key: string; value: string }>;
}
// The file Next.js itself loads (CommonJS), loaded the way Next.js loads it.
const config = createRequire(import.meta.url)(path.resolve(__dirname, "../../next.config.js")) as { headers: () => Promise<HeaderRule[]>; poweredByHeader?: boolean };

describe("security headers (next.config.js)", () => {
  let rules: HeaderRule[];
  const header = (key: string) => rules[0].headers.find((h) => h.key.toLowerCase() === key.toLowerCase())?.value;

  beforeAll(async () => {
    rules = await config.headers();
  });

  test("one rule for every path", () => {
    expect(rules.map((r) => r.source)).toEqual(["/:path*"]);
  });

  test("CSP: everything from this origin only, no plugins, nobody may frame the app", () => {
    const csp = Object.fromEntries(header("Content-Security-Policy")!.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(csp["frame-ancestors"]).toEqual(["'none'"]);
    expect(csp["default-src"]).toEqual(["'self'"]);
    expect(csp["object-src"]).toEqual(["'none'"]);
    expect(csp["base-uri"]).toEqual(["'self'"]);
    expect(csp["form-action"]).toEqual(["'self'"]);
    expect(csp["connect-src"]).toEqual(["'self'"]);
    // 'unsafe-inline' for Next's bootstrap and emotion is the documented exception; eval never outside dev.
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    for (const sources of Object.values(csp)) for (const s of sources) expect(s).not.toMatch(/^(\*|https?:|http:\/\/|https:\/\/)/);
  });

  test("nosniff, referrer policy, X-Frame-Options, HSTS, a closed Permissions-Policy, no X-Powered-By", () => {
    expect(header("X-Content-Type-Options")).toBe("nosniff");
    expect(header("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(header("X-Frame-Options")).toBe("DENY");
    expect(header("Strict-Transport-Security")).toMatch(/max-age=\d{8,}/);
    expect(header("Permissions-Policy")).toMatch(/camera=\(\)/);
    expect(config.poweredByHeader).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------

/** A client address no other test uses, so that its window starts empty. */
const address = (() => {
  let n = 0;
  return () => `2001:db8:${process.pid.toString(16)}:${(Date.now() % 65536).toString(16)}::${(n++).toString(16)}, 10.0.0.1`;
})();

/** Starts a test early in a fixed window, so that the window cannot roll over half-way. */
async function freshWindow(rule: { windowSeconds: number }, needSeconds = 20) {
  const ms = rule.windowSeconds * 1000;
  const left = ms - (Date.now() % ms);
  if (left < needSeconds * 1000) await new Promise((r) => setTimeout(r, left + 50));
}

describe("rate limits answer 429 after the limit, per client address", () => {
  test(`POST /api/v1/auth/token: ${rateLimits.token.limit} requests, then 429 with Retry-After; another address is not affected`, async () => {
    await freshWindow(rateLimits.token);
    const ip = address();
    const post = (from: string) =>
      tokenRoute(new Request("http://localhost/api/v1/auth/token", { method: "POST", headers: { "x-forwarded-for": from, "accept-language": "en" }, body: "{}" }));
    const statuses: number[] = [];
    for (let i = 0; i < rateLimits.token.limit; i++) statuses.push((await post(ip)).status);
    // Each of these was a malformed body (400): the limit counts requests before reading them.
    expect(new Set(statuses)).toEqual(new Set([400]));
    const limited = await post(ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(rateLimits.token.windowSeconds);
    expect((await limited.json()).error.code).toBe("rate_limited");
    // Even the right credentials are refused now, from this address only.
    expect((await post(ip)).status).toBe(429);
    expect((await post(address())).status).toBe(400);
  });

  test(`GET /api/v1/verify/{code}: ${rateLimits.verify.limit} lookups, then 429`, async () => {
    await freshWindow(rateLimits.verify);
    const ip = address();
    const get = () =>
      verifyRoute(new Request("http://localhost/api/v1/verify/ABCDEFGHJKMNPQRS", { headers: { "x-forwarded-for": ip } }), { params: Promise.resolve({ code: "ABCDEFGHJKMNPQRS" }) });
    for (let i = 0; i < rateLimits.verify.limit; i++) expect((await get()).status).toBe(404);
    expect((await get()).status).toBe(429);
  });

  test("POST /api/auth/callback/credentials (the sign-in form) is refused with 429 once the address is over its limit", async () => {
    await freshWindow(rateLimits.signIn);
    const ip = address();
    // Fill the window as earlier sign-in attempts from this address would have.
    for (let i = 0; i < rateLimits.signIn.limit; i++) await hitRateLimit(rateLimits.signIn, ip.split(",")[0].trim());
    const response = await nextAuthPost(
      new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "x-forwarded-for": ip, "content-type": "application/x-www-form-urlencoded" }, body: "username=a&password=b" }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(response.status).toBe(429);
  });
});

// ---------------------------------------------------------------------------------------------

describe("no personal data in the logs", () => {
  let office: TestOffice;
  let person: ClonedPerson;
  let token: string;
  let logged: string[];

  beforeAll(async () => {
    await ensureDemo();
    office = await createTestOffice({ label: "日志" });
    person = await clonePerson("P1", { offices: { "440300": office.code }, name: "日志测试人" });
    token = (await issueApiToken(office.user("caseworker1").id)).token;
  });

  const capture = () => {
    logged = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === "string" ? a : JSON.stringify(a))).join(" "));
      });
  };
  afterEach(() => vi.restoreAllMocks());

  const request = (path: string, init: RequestInit = {}) =>
    new Request(`http://localhost${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers } });

  test("refused and successful requests about a person log nothing at all", async () => {
    capture();
    const stranger = await freshIdNumber({ birthDate: "1990-03-07", sex: "M" });
    expect((await personsRoute(request(`/api/v1/persons?idNumber=${person.idNumber}`), { params: Promise.resolve({}) })).status).toBe(200);
    // A wrong check character (never the right one, whatever the random number ends with).
    expect((await personsRoute(request(`/api/v1/persons?idNumber=${person.idNumber.slice(0, 17)}${person.idNumber.endsWith("0") ? "1" : "0"}`), { params: Promise.resolve({}) })).status).toBe(400);
    const notFound = await createCaseRoute(request("/api/v1/cases", { method: "POST", body: JSON.stringify({ type: "DUPLICATE_REFUND", idNumber: stranger }) }), { params: Promise.resolve({}) });
    expect(notFound.status).toBe(404);
    const bad = await createCaseRoute(
      request("/api/v1/cases", { method: "POST", body: JSON.stringify({ type: "SURRENDER", idNumber: person.idNumber, ground: "death", terminationMonth: "2024-06", payees: [{ name: "继承人\u0000", idNumber: stranger, relationship: "child" }] }) }),
      { params: Promise.resolve({}) },
    );
    expect(bad.status).toBe(400);
    expect(logged).toEqual([]);
  });

  test("an unexpected error while handling a person is logged (500) without the ID number, the name or the query", async () => {
    capture();
    // A bug in a handler: Prisma refuses the query, and its message quotes the arguments.
    const buggy = withApiUser(async (req) => {
      const idNumber = new URL(req.url).searchParams.get("idNumber")!;
      await db.insuredPerson.findMany({ where: { idNumber, name: person.name, birthDate: "not-a-date" as unknown as Date } });
      return Response.json({});
    });
    const response = await buggy(request(`/api/v1/persons?idNumber=${person.idNumber}&name=${encodeURIComponent(person.name)}`), { params: Promise.resolve({}) });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: "internal", message: expect.any(String) } });
    const text = logged.join("\n");
    expect(text, "the error is logged").toMatch(/\[api\] unexpected error GET \/api\/v1\/persons PrismaClientValidationError/);
    expect(text).not.toContain(person.idNumber);
    expect(text).not.toContain(person.idNumber.slice(6, 14));
    expect(text).not.toContain(person.name);
    expect(text).not.toContain("idNumber=");
  });
});

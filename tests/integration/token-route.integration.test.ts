import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { API_TOKEN_MAX_AGE_SECONDS, getApiUser } from "@/lib/auth/session";
import en from "@/lib/i18n/messages/en.json";
import zh from "@/lib/i18n/messages/zh-CN.json";
import { createOffice, createUser } from "@/prisma/seed/factories";
import { POST } from "@/app/api/v1/auth/token/route";

const PASSWORD = "Token-Test-Password-1";
const USERNAME = "token-it-user";
let userId: string;

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request("http://localhost/api/v1/auth/token", {
      method: "POST",
      // An address of its own, so other files' requests never share this file's rate-limit window.
      headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.10", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

interface ErrorBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

async function error(response: Response): Promise<ErrorBody["error"]> {
  return ((await response.json()) as ErrorBody).error;
}

const bearer = (token: string) =>
  new Request("http://localhost/api/v1/cases", { headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  const office = await createOffice(db, { code: "IT-TOKEN", name: "令牌测试机构", nameEn: "Token test office", province: "湖南", approvalLimit: "50000.00" });
  userId = (await createUser(db, { username: USERNAME, name: "令牌测试", role: "auditor", officeId: office.id, password: PASSWORD })).id;
  await createUser(db, { username: "token-it-locked", name: "锁定测试", role: "caseworker", officeId: office.id, password: PASSWORD });
});

describe("POST /api/v1/auth/token", () => {
  test("200 with a bearer token that expires within the hour", async () => {
    const before = Date.now();
    const response = await post({ username: USERNAME, password: PASSWORD });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as { token: string; expiresAt: string };
    expect(Object.keys(body).sort()).toEqual(["expiresAt", "token"]);
    const expires = new Date(body.expiresAt).getTime();
    expect(expires).toBeGreaterThan(before);
    expect(expires).toBeLessThanOrEqual(Date.now() + API_TOKEN_MAX_AGE_SECONDS * 1000);
    expect(expires).toBeGreaterThanOrEqual(before + API_TOKEN_MAX_AGE_SECONDS * 1000 - 1000);
  });

  test("the token authenticates through getApiUser; a tampered or foreign token does not", async () => {
    const { token } = (await (await post({ username: USERNAME, password: PASSWORD })).json()) as { token: string };
    const user = await getApiUser(bearer(token));
    expect(user).toMatchObject({ id: userId, username: USERNAME, role: "auditor", officeCode: "IT-TOKEN" });

    const middle = Math.floor(token.length / 2);
    const flipped = token.slice(0, middle) + (token[middle] === "A" ? "B" : "A") + token.slice(middle + 1);
    expect(await getApiUser(bearer(flipped))).toBeNull();
    expect(await getApiUser(bearer(`${token}x`))).toBeNull();
    expect(await getApiUser(bearer("not-a-token"))).toBeNull();
    expect(await getApiUser(new Request("http://localhost/", { headers: { authorization: `Basic ${token}` } }))).toBeNull();
    expect(await getApiUser(bearer("a".repeat(5000)))).toBeNull();
  });

  test("a deactivated user's token stops working at once", async () => {
    const office = await db.office.findUniqueOrThrow({ where: { code: "IT-TOKEN" }, select: { id: true } });
    await createUser(db, { username: "token-it-leaver", name: "离职测试", role: "caseworker", officeId: office.id, password: PASSWORD });
    const { token } = (await (await post({ username: "token-it-leaver", password: PASSWORD })).json()) as { token: string };
    expect(await getApiUser(bearer(token))).not.toBeNull();
    await db.user.update({ where: { username: "token-it-leaver" }, data: { active: false } });
    expect(await getApiUser(bearer(token))).toBeNull();
  });

  test("401 with one neutral body for a wrong password and an unknown user", async () => {
    const wrong = await post({ username: USERNAME, password: "wrong-password" });
    const unknown = await post({ username: "token-it-nobody", password: "wrong-password" });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = await wrong.json();
    expect(await unknown.json()).toEqual(wrongBody);
    expect(wrongBody).toEqual({ error: { code: "unauthorized", message: zh.errors.badCredentials } });
    // The wrong password counted, and the right one still works (and resets the count).
    expect((await post({ username: USERNAME, password: PASSWORD })).status).toBe(200);
  });

  test("a locked account gets the same 401 even with the right password", async () => {
    for (let i = 0; i < 5; i++) expect((await post({ username: "token-it-locked", password: "wrong" })).status).toBe(401);
    const locked = await post({ username: "token-it-locked", password: PASSWORD });
    expect(locked.status).toBe(401);
    expect(await locked.json()).toEqual({ error: { code: "unauthorized", message: zh.errors.badCredentials } });
  });
});

describe("bad requests are 400 with field paths, never 500", () => {
  const huge = "x".repeat(10_000);
  const cases: Array<[string, unknown, string[]]> = [
    ["{}", {}, ["username", "password"]],
    ["a missing password", { username: USERNAME }, ["password"]],
    ["wrong types", { username: 123, password: ["x"] }, ["username", "password"]],
    ["null fields", { username: null, password: null }, ["username", "password"]],
    ["empty strings", { username: "", password: "" }, ["username", "password"]],
    ["an extra key", { username: USERNAME, password: PASSWORD, role: "admin" }, ["role"]],
    ["a 10k-character username", { username: huge, password: PASSWORD }, ["username"]],
    ["a 10k-character password", { username: USERNAME, password: huge }, ["password"]],
    ["an array body", [USERNAME, PASSWORD], ["(body)"]],
    ["a JSON string body", "\"hello\"", ["(body)"]],
    ["a JSON null body", "null", ["(body)"]],
  ];

  test.each(cases)("%s", async (_label, body, paths) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const e = await error(response);
    expect(e.code).toBe("bad_request");
    expect(e.message).toBe(zh.errors.badRequest);
    expect(e.issues?.map((i) => i.path).sort()).toEqual([...paths].sort());
    for (const issue of e.issues ?? []) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test("an extra key is reported as not expected, in the caller's language", async () => {
    const e = await error(await post({ username: USERNAME, password: PASSWORD, role: "admin" }, { "accept-language": "en" }));
    expect(e.issues).toEqual([{ path: "role", message: en.validation.unknownKey }]);
  });

  test.each([
    ["an empty body", ""],
    ["invalid JSON", "{username: caseworker1"],
    ["a truncated body", '{"username": "a", "password": '],
  ])("%s → 400 invalid JSON", async (_label, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await error(response)).toEqual({ code: "bad_request", message: zh.errors.invalidJson });
  });

  test("a body over 1 MB → 413", async () => {
    const response = await post({ username: USERNAME, password: "p".repeat(1_100_000) });
    expect(response.status).toBe(413);
  });
});

describe("language", () => {
  test("messages are Chinese by default and English with accept-language: en", async () => {
    const zhBody = await error(await post({}));
    expect(zhBody.message).toBe(zh.errors.badRequest);
    expect(zhBody.issues?.[0].message).toBe(zh.validation.required);

    const enBody = await error(await post({}, { "accept-language": "en" }));
    expect(enBody.message).toBe(en.errors.badRequest);
    expect(enBody.issues?.[0].message).toBe(en.validation.required);

    const enUnauthorized = await error(await post({ username: "token-it-nobody", password: "x" }, { "accept-language": "en-GB,en;q=0.9" }));
    expect(enUnauthorized.message).toBe(en.errors.badCredentials);
    const zhUnauthorized = await error(await post({ username: "token-it-nobody", password: "x" }, { "accept-language": "zh-TW,en;q=0.5" }));
    expect(zhUnauthorized.message).toBe(zh.errors.badCredentials);
  });
});

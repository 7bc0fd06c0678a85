import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate, LOCK_MINUTES, MAX_FAILED_ATTEMPTS } from "@/lib/auth/sign-in";
import { hashPassword } from "@/lib/auth/password";
import { createOffice, createUser } from "@/prisma/seed/factories";

// Usernames and the office code are unique to this file: the integration database is shared.
const PASSWORD = "Auth-Test-Password-1";
let officeId: string;
let passwordHash: string;
let counter = 0;

async function newUser(): Promise<string> {
  const username = `auth-it-${++counter}`;
  await createUser(db, { username, name: `认证测试${counter}`, role: "caseworker", officeId, password: PASSWORD }, passwordHash);
  return username;
}

const state = (username: string) =>
  db.user.findUniqueOrThrow({ where: { username }, select: { failedLoginCount: true, lockedUntil: true, updatedAt: true } });

const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);

beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
  const office = await createOffice(db, { code: "IT-AUTH", name: "认证测试机构", nameEn: "Auth test office", province: "广东", approvalLimit: "50000.00" });
  officeId = office.id;
});

describe("authenticate", () => {
  test("the right password signs in and returns only id and name", async () => {
    const username = await newUser();
    const user = await authenticate({ username, password: PASSWORD });
    expect(user).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "认证测试1" });
  });

  test("the username is trimmed but the password is not", async () => {
    const username = await newUser();
    expect(await authenticate({ username: `  ${username} `, password: PASSWORD })).not.toBeNull();
    expect(await authenticate({ username, password: ` ${PASSWORD}` })).toBeNull();
  });

  test("a wrong password is a plain null and counts one failure", async () => {
    const username = await newUser();
    expect(await authenticate({ username, password: "wrong" })).toBeNull();
    expect((await state(username)).failedLoginCount).toBe(1);
  });

  test("an unknown user is the same plain null", async () => {
    expect(await authenticate({ username: "auth-it-nobody", password: PASSWORD })).toBeNull();
  });

  test("a success resets the failure count", async () => {
    const username = await newUser();
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await authenticate({ username, password: "wrong" });
    expect((await state(username)).failedLoginCount).toBe(MAX_FAILED_ATTEMPTS - 1);
    expect(await authenticate({ username, password: PASSWORD })).not.toBeNull();
    expect(await state(username)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
  });

  test("an inactive user is refused even with the right password", async () => {
    const username = await newUser();
    await db.user.update({ where: { username }, data: { active: false } });
    expect(await authenticate({ username, password: PASSWORD })).toBeNull();
  });
});

describe("lockout", () => {
  test(`${MAX_FAILED_ATTEMPTS} wrong passwords lock the account for ${LOCK_MINUTES} minutes, then it opens again`, async () => {
    const username = await newUser();
    const t0 = new Date("2026-03-02T09:00:00Z");
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) expect(await authenticate({ username, password: `wrong-${i}` }, minutes(t0, i / 10))).toBeNull();
    const locked = await state(username);
    expect(locked.lockedUntil?.getTime()).toBe(minutes(t0, 0.4 + LOCK_MINUTES).getTime());

    // While locked even the right password is refused, and refusals do not extend the lock.
    expect(await authenticate({ username, password: PASSWORD }, minutes(t0, 1))).toBeNull();
    expect(await authenticate({ username, password: PASSWORD }, minutes(t0, LOCK_MINUTES))).toBeNull();
    expect((await state(username)).lockedUntil).toEqual(locked.lockedUntil);

    // After the lock the right password is accepted and the counter starts from zero again.
    expect(await authenticate({ username, password: PASSWORD }, minutes(t0, LOCK_MINUTES + 1))).not.toBeNull();
    expect(await state(username)).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    const t1 = minutes(t0, 30);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) await authenticate({ username, password: "wrong" }, t1);
    expect(await authenticate({ username, password: PASSWORD }, t1)).not.toBeNull();
  });

  test("a wrong password after the lock has expired starts a new count, not a new lock", async () => {
    const username = await newUser();
    const t0 = new Date("2026-03-02T09:00:00Z");
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await authenticate({ username, password: "wrong" }, t0);
    const after = minutes(t0, LOCK_MINUTES + 1);
    expect(await authenticate({ username, password: "wrong" }, after)).toBeNull();
    expect((await state(username)).failedLoginCount).toBe(1);
    expect(await authenticate({ username, password: PASSWORD }, after)).not.toBeNull();
  });

  test("10 parallel wrong attempts leave the account locked (the counter is atomic)", async () => {
    const username = await newUser();
    const now = new Date();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => authenticate({ username, password: `wrong-${i}` }, now)),
    );
    expect(results.every((r) => r === null)).toBe(true);
    const after = await state(username);
    expect(after.lockedUntil).not.toBeNull();
    expect(after.lockedUntil!.getTime()).toBeGreaterThan(now.getTime());
    expect(await authenticate({ username, password: PASSWORD }, minutes(now, 1))).toBeNull();
  });

  test("exactly the 5th of 5 parallel wrong attempts locks (no count is lost)", async () => {
    const username = await newUser();
    const now = new Date();
    await Promise.all(Array.from({ length: MAX_FAILED_ATTEMPTS }, () => authenticate({ username, password: "wrong" }, now)));
    const after = await state(username);
    expect(after.lockedUntil).not.toBeNull();
    expect(after.failedLoginCount).toBe(0);
  });
});

describe("malformed input is refused without touching the database", () => {
  const huge = "x".repeat(10_000);
  const cases: Array<[string, (username: string) => unknown]> = [
    ["null", () => null],
    ["undefined", () => undefined],
    ["a number", () => 42],
    ["a string", (u) => u],
    ["an array", (u) => [u, PASSWORD]],
    ["an empty object", () => ({})],
    ["a numeric password", (u) => ({ username: u, password: 123456 })],
    ["a numeric username", () => ({ username: 123, password: PASSWORD })],
    ["array fields", (u) => ({ username: [u], password: [PASSWORD] })],
    ["object fields", (u) => ({ username: { $ne: "" }, password: { toString: () => u } })],
    ["null fields", () => ({ username: null, password: null })],
    ["an empty username", () => ({ username: "", password: PASSWORD })],
    ["a blank username", () => ({ username: "   ", password: PASSWORD })],
    ["an empty password", (u) => ({ username: u, password: "" })],
    ["a 10k-character username", () => ({ username: huge, password: PASSWORD })],
    ["a 10k-character password", (u) => ({ username: u, password: huge })],
  ];

  test.each(cases)("%s → null, nothing written", async (_label, make) => {
    const username = await newUser();
    const before = await state(username);
    expect(await authenticate(make(username))).toBeNull();
    expect(await state(username)).toEqual(before);
  });
});

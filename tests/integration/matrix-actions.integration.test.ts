/**
 * The permission matrix of the server actions, generated from the permission table and run on
 * PostgreSQL by calling the REAL exported actions.
 *
 * Approach: the actions cannot run outside a Next.js request (requireUser reads the next-auth
 * session through next/headers, revalidatePath and next-intl need the request store), so only
 * that framework edge is replaced: `requireUser` returns the user the test signs in as (or
 * redirects to /login like the real one when nobody is), `headers`/`cookies`, `revalidatePath`
 * and `getTranslations` are stand-ins. Everything behind the edge — parsing, the lib/ service,
 * its permission and office checks, the database — is the real code.
 *
 * Every file under app/ that starts with "use server" is found on disk and imported; an exported
 * action missing from `actionMatrix` fails the first test.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { can, permissionTable, roles, type Permission, type Role } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { stopBatchQueue } from "@/lib/certificates/batch-queue";
import { issueCertificate } from "@/lib/certificates/certificates";
import type { Actor } from "@/lib/service";
import { createCase } from "@/lib/cases";
import { db } from "@/lib/db/client";
import { getTranslator } from "@/lib/i18n/translate";
import { drawSample } from "@/lib/supervision/draw-sample";
import { recordReview } from "@/lib/supervision/review";
import { CaseDriver, unwrap } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { clonePerson } from "@/tests/factories/people";
import { writeCounts } from "@/tests/factories/write-counts";

process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");

// ---- the framework edge ----------------------------------------------------------------------

const edge = vi.hoisted(() => ({
  user: null as unknown,
  cookies: new Map<string, string>(),
  revalidated: [] as string[],
  requireUserCalls: 0,
}));

vi.mock("@/lib/auth/session", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/auth/session")>();
  const { redirect } = await import("next/navigation");
  return {
    ...actual,
    requireUser: async () => {
      edge.requireUserCalls += 1;
      if (!edge.user) redirect("/login");
      return edge.user;
    },
  };
});
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost:3000" }),
  cookies: async () => ({
    get: (name: string) => (edge.cookies.has(name) ? { name, value: edge.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void edge.cookies.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (p: string) => void edge.revalidated.push(p) }));
vi.mock("next-intl/server", async () => {
  const { getTranslator: translator } = await import("@/lib/i18n/translate");
  const t = translator("en");
  return { getTranslations: async (namespace?: string) => (key: string, params?: Record<string, string | number>) => t(namespace ? `${namespace}.${key}` : key, params) };
});

// ---- the matrix ------------------------------------------------------------------------------

type Rule = Permission | "public";

/** file (relative to app/) → exported action → who may call it. */
const actionMatrix: Record<string, Record<string, Rule>> = {
  // Sets the caller's own language cookie and nothing else: no user needed.
  "actions.ts": { setLocale: "public" },
  "(app)/cases/actions.ts": {
    createCaseAction: "case:create",
    transitionAction: "case:work",
    recordDocumentAction: "case:work",
    reassignAction: "case:reassign",
  },
  "(app)/certificates/actions.ts": { revokeAction: "certificate:revoke", supersedeAction: "certificate:revoke", startBatchAction: "certificate:issue" },
  "(app)/people/[id]/certificate-actions.ts": { issueCertificateAction: "certificate:issue" },
  "(app)/supervision/actions.ts": { drawSampleAction: "audit:sample", recordReviewAction: "audit:sample", recordFindingAction: "audit:sample" },
  // Office details and local limits: admin:manage is deployment-wide (decision 0009).
  // The holiday calendar and the crediting rates: admin:manage too (decision 0010).
  "(app)/admin/actions.ts": {
    updateOfficeAction: "admin:manage",
    addHolidayAction: "admin:manage",
    removeHolidayAction: "admin:manage",
    addCreditingRateAction: "admin:manage",
    correctCreditingRateAction: "admin:manage",
  },
};

const APP = path.resolve(__dirname, "../../app");

/** Files whose first statement is the "use server" directive: every export is a server action. */
function discoverActionFiles(): string[] {
  return (fs.readdirSync(APP, { recursive: true }) as string[])
    .filter((f) => /\.(ts|tsx|js|mjs)$/.test(f))
    .filter((f) => /^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(fs.readFileSync(path.join(APP, f), "utf8")))
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = (...args: any[]) => Promise<any>;
const actions = new Map<string, AnyAction>();

// ---- offices and users -----------------------------------------------------------------------

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;
type Staff = Actor & { username: string };
const roleUser = (office: TestOffice, role: Role): Staff => office.user(role === "caseworker" ? "caseworker3" : `${role}1`);

function signInAs(u: Staff | null, office?: TestOffice) {
  edge.user = u ? ({ ...u, officeCode: office!.code, officeName: "", officeNameEn: "" } as SessionUser) : null;
}

beforeAll(async () => {
  for (const file of discoverActionFiles()) {
    const mod = (await import(path.join(APP, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) if (typeof value === "function") actions.set(`${file}#${name}`, value as AnyAction);
  }
  await ensureDemo();
  home = await createTestOffice({ label: "动作矩阵", province: "湖南" });
  partner = await createTestOffice({ label: "动作他所", province: "广东" });
  driver = new CaseDriver(home, partner);
});

afterAll(async () => {
  await stopBatchQueue();
});


const en = getTranslator("en");

/** What an action's answer means: ok, a redirect, or a refusal code. */
async function outcome(run: () => Promise<unknown>): Promise<{ kind: string; value?: unknown }> {
  try {
    const r = (await run()) as { ok?: boolean; code?: string; message?: string } | undefined;
    if (r === undefined || r.ok) return { kind: "ok", value: r };
    if (r.code) return { kind: r.code };
    // The certificate actions answer with a message only: map it back to its code.
    const byMessage: Record<string, string> = {
      [en("errors.forbidden")]: "forbidden", [en("errors.notFound")]: "not_found", [en("certificates.errors.batchEmpty")]: "unprocessable",
    };
    return { kind: byMessage[r.message ?? ""] ?? `message:${r.message}` };
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { kind: "redirect", value: digest.split(";")[2] };
    throw error;
  }
}

describe("every server action is in the matrix", () => {
  test("the exported actions on disk are exactly the matrix's keys", () => {
    const inMatrix = Object.entries(actionMatrix).flatMap(([file, names]) => Object.keys(names).map((n) => `${file}#${n}`)).sort();
    expect(actions.size).toBeGreaterThan(0);
    expect([...actions.keys()].sort(), "an exported server action without a matrix entry (add it to actionMatrix), or an entry without an action").toEqual(inMatrix);
  });

  test("every permission the matrix names is a row of the permission table", () => {
    for (const names of Object.values(actionMatrix))
      for (const rule of Object.values(names)) if (rule !== "public") expect(Object.keys(permissionTable)).toContain(rule);
  });

  test("every non-public action asks who is calling before it does anything", () => {
    for (const [file, names] of Object.entries(actionMatrix)) {
      const source = fs.readFileSync(path.join(APP, file), "utf8");
      for (const [name, rule] of Object.entries(names)) {
        if (rule === "public") continue;
        const body = source.slice(source.indexOf(`export async function ${name}(`)).split(/\nexport /)[0];
        expect(body, `${name} calls requireUser()`).toMatch(/const user = await requireUser\(\);/);
      }
    }
  });
});

// ---- how to call each action on a thing of `home` -------------------------------------------

interface Fixture {
  args(who: Staff): Promise<unknown[]>;
  /** What an allowed caller of the home office gets. */
  ok: (o: { kind: string; value?: unknown }) => void;
  /** What a permitted caller of another office gets. */
  foreign: string;
  /**
   * The permission is deployment-wide, not office-scoped (admin:manage: offices, rate tables, the
   * national calendar): a permitted caller of another office is answered `foreign` and writes.
   */
  foreignWrites?: boolean;
  after?: () => Promise<void>;
}

const p4 = () => clonePerson("P4", { offices: { "440300": home.code } });
let homePersonP1: Promise<{ id: string; idNumber: string }> | undefined;
const homePerson = () => (homePersonP1 ??= clonePerson("P1", { offices: { "440300": home.code } }));
const freshCase = async () => unwrap(createCase(home.user("caseworker1"), { type: "DUPLICATE_REFUND", idNumber: (await p4()).idNumber }));
async function freshCertificate() {
  const r = await issueCertificate(home.user("caseworker1"), { personId: (await homePerson()).id }, { baseUrl: "http://localhost" });
  if (!r.ok) throw new Error(r.error.key);
  return r.value;
}

async function waitForBatches() {
  for (let i = 0; i < 600; i++) {
    // This file's batches only: other files of the run may leave theirs queued.
    if (!(await db.batchJob.count({ where: { officeId: home.id, status: { in: ["QUEUED", "RUNNING"] } } }))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("batches did not finish");
}

const expectOk = (o: { kind: string }) => expect(o.kind).toBe("ok");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
/** A newly rejected case of home (decided by the driver's crew), sampled; its item. */
async function freshSampleItem() {
  const caseId = await driver.caseAt("DUPLICATE_REFUND", "REJECTED");
  const sample = await unwrap(drawSample(home.user("auditor1"), { percentage: 100 }));
  return (await db.auditSampleItem.findFirstOrThrow({ where: { sampleId: sample.id, caseId }, select: { id: true } })).id;
}
let reviewed: Promise<string> | undefined;
const reviewedItem = () =>
  (reviewed ??= freshSampleItem().then(async (id) => {
    await unwrap(recordReview(home.user("auditor1"), id, { decision: "REJECT", note: "复核同意" }));
    return id;
  }));

let phoneSerial = 0;
/** An office form that changes the phone of home, at the version stored now. */
async function officeForm() {
  const { version } = await db.office.findUniqueOrThrow({ where: { id: home.id }, select: { version: true } });
  return form({ version: String(version), phone: `0731-${String(8_000_000 + ++phoneSerial)}` });
}

/**
 * Reference data the matrix writes: days of home's own calendar in 2097 (weekdays, one per call),
 * pre-2016 rates of a province no test office is in (their rows touch no calculation here).
 */
let daySerial = 0;
function nextWeekday2097() {
  for (;;) {
    const d = new Date(Date.UTC(2097, 0, 1 + daySerial++));
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) return d.toISOString().slice(0, 10);
  }
}
async function homeHoliday() {
  const row = await db.holiday.create({ data: { date: new Date(`${nextWeekday2097()}T00:00:00Z`), kind: "HOLIDAY", officeId: home.id }, select: { id: true } });
  return row.id;
}
let rateYear = 1989;
let correctedRate: Promise<string> | undefined;
const rateToCorrect = () =>
  (correctedRate ??= db.creditingRate.create({ data: { year: 2000, scope: "新疆", rate: "0.02", source: "矩阵" }, select: { id: true } }).then((r) => r.id));
let rateSerial = 0;

const fixtures: Record<string, Fixture> = {
  "(app)/admin/actions.ts#addHolidayAction": {
    args: async () => [{ ok: true }, form({ date: nextWeekday2097(), kind: "HOLIDAY", name: "矩阵", officeId: home.id })],
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { ok: true, message: expect.stringMatching(/^Added/) } }),
    foreign: "ok",
    foreignWrites: true,
  },
  "(app)/admin/actions.ts#removeHolidayAction": {
    args: async () => [await homeHoliday(), { ok: true }, form({ reason: "矩阵" })],
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { ok: true, message: expect.stringMatching(/^Removed/) } }),
    foreign: "ok",
    foreignWrites: true,
  },
  "(app)/admin/actions.ts#addCreditingRateAction": {
    args: async () => [{ ok: true }, form({ year: String(++rateYear), scope: "宁夏", rate: "0.0225", source: "矩阵" })],
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { ok: true, message: expect.stringMatching(/^Added/) } }),
    foreign: "ok",
    foreignWrites: true,
  },
  "(app)/admin/actions.ts#correctCreditingRateAction": {
    args: async () => {
      const id = await rateToCorrect();
      const { version } = await db.creditingRate.findUniqueOrThrow({ where: { id }, select: { version: true } });
      return [id, { ok: true }, form({ version: String(version), rate: `0.0${1000 + ++rateSerial}`, reason: "矩阵" })];
    },
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { ok: true, message: expect.stringMatching(/^Saved/) } }),
    foreign: "ok",
    foreignWrites: true,
  },
  "(app)/admin/actions.ts#updateOfficeAction": {
    args: async () => [home.id, { ok: true }, await officeForm()],
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { ok: true, message: expect.stringMatching(/^Saved/) } }),
    foreign: "ok",
    foreignWrites: true,
  },
  "(app)/supervision/actions.ts#drawSampleAction": {
    args: async () => {
      await reviewedItem(); // home has decided cases
      return [{ ok: true }, form({ percentage: "100" })];
    },
    ok: (o) => expect(o).toEqual({ kind: "redirect", value: expect.stringMatching(/^\/supervision\/samples\/[0-9a-f-]{36}$/) }),
    // Another office's sample is drawn from that office's decided cases only: it has none.
    foreign: "unprocessable",
  },
  "(app)/supervision/actions.ts#recordReviewAction": {
    args: async () => [await freshSampleItem(), { ok: true }, form({ decision: "REJECT", note: "复核同意驳回" })],
    ok: expectOk,
    foreign: "not_found",
  },
  "(app)/supervision/actions.ts#recordFindingAction": {
    args: async () => [await reviewedItem(), { ok: true }, form({ severity: "MINOR", text: "告知书未盖章" })],
    ok: expectOk,
    foreign: "not_found",
  },
  "(app)/cases/actions.ts#createCaseAction": {
    args: async () => {
      const form = new FormData();
      form.set("type", "DUPLICATE_REFUND");
      form.set("idNumber", (await p4()).idNumber);
      return [{ ok: true }, form];
    },
    // Success ends on the new case's page.
    ok: (o) => expect(o).toEqual({ kind: "redirect", value: expect.stringMatching(/^\/cases\/[0-9a-f-]{36}$/) }),
    foreign: "not_found",
  },
  "(app)/cases/actions.ts#transitionAction": {
    args: async () => [(await freshCase()).id, { action: "withdraw", version: 1 }],
    ok: expectOk,
    foreign: "not_found",
  },
  "(app)/cases/actions.ts#recordDocumentAction": {
    args: async () => {
      const c = await freshCase();
      const item = await db.caseDocument.findFirstOrThrow({ where: { caseId: c.id, required: true }, orderBy: { kind: "asc" } });
      return [c.id, item.kind, 1];
    },
    ok: expectOk,
    foreign: "not_found",
  },
  "(app)/cases/actions.ts#reassignAction": {
    args: async (who) => [{ caseIds: [(await freshCase()).id], assigneeId: (who.officeId === home.id ? home : partner).user("caseworker2").id, reason: "休假" }],
    ok: expectOk,
    foreign: "not_found",
  },
  "(app)/certificates/actions.ts#revokeAction": {
    args: async () => [(await freshCertificate()).serial, "信息有误"],
    ok: expectOk,
    foreign: "not_found",
  },
  "(app)/certificates/actions.ts#supersedeAction": {
    args: async () => [(await freshCertificate()).serial, "更正"],
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { value: { serial: expect.stringMatching(new RegExp(`^${home.code}-`)) } } }),
    foreign: "not_found",
  },
  "(app)/certificates/actions.ts#startBatchAction": {
    args: async () => {
      await freshCertificate();
      return [{}];
    },
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { value: { status: "QUEUED" } } }),
    // Another office's batch selects that office's certificates only: it has none.
    foreign: "unprocessable",
    after: waitForBatches,
  },
  "(app)/people/[id]/certificate-actions.ts#issueCertificateAction": {
    args: async () => [(await homePerson()).id],
    ok: (o) => expect(o).toMatchObject({ kind: "ok", value: { serial: expect.stringMatching(new RegExp(`^${home.code}-`)) } }),
    foreign: "not_found",
  },
};

const protectedActions = Object.entries(actionMatrix).flatMap(([file, names]) =>
  Object.entries(names).filter(([, rule]) => rule !== "public").map(([name, rule]) => ({ key: `${file}#${name}`, permission: rule as Permission })),
);

test("every protected action of the matrix has a fixture", () => {
  expect(protectedActions.map((a) => a.key).sort()).toEqual(Object.keys(fixtures).sort());
});

for (const { key, permission } of protectedActions) {
  describe(`${key} needs ${permission} (${permissionTable[permission].roles.join(", ")})`, () => {
    const fixture = fixtures[key];
    const run = (args: unknown[]) => actions.get(key)!(...args);

    test("nobody signed in → redirect to /login before anything is read or written", async () => {
      const args = await fixture.args(roleUser(home, "supervisor"));
      signInAs(null);
      const before = await writeCounts();
      expect(await outcome(() => run(args))).toEqual({ kind: "redirect", value: "/login" });
      expect(await writeCounts()).toEqual(before);
    });

    for (const role of roles) {
      const allowed = can({ role }, permission);
      test(`${role} of the office → ${allowed ? "done" : "forbidden"}`, async () => {
        const who = roleUser(home, role);
        const args = await fixture.args(who);
        signInAs(who, home);
        const before = await writeCounts();
        const o = await outcome(() => run(args));
        if (!allowed) {
          expect(o.kind).toBe("forbidden");
          expect(await writeCounts()).toEqual(before);
          return;
        }
        fixture.ok(o);
        await fixture.after?.();
      });

      test(`${role} of another office → ${allowed ? fixture.foreign : "forbidden or not_found"}${allowed && fixture.foreignWrites ? "" : ", nothing written"}`, async () => {
        const who = roleUser(partner, role);
        const args = await fixture.args(who);
        signInAs(who, partner);
        const before = await writeCounts();
        const o = await outcome(() => run(args));
        if (allowed) expect(o.kind).toBe(fixture.foreign);
        else expect(["forbidden", "not_found"]).toContain(o.kind);
        if (!(allowed && fixture.foreignWrites)) expect(await writeCounts()).toEqual(before);
      });
    }
  });
}

describe("the public action", () => {
  test("setLocale sets only the caller's language cookie, signed in or not, and ignores anything but a locale", async () => {
    const setLocale = actions.get("actions.ts#setLocale")!;
    signInAs(null);
    const calls = edge.requireUserCalls;
    const before = await writeCounts();
    await setLocale("en");
    expect([...edge.cookies.values()]).toEqual(["en"]);
    for (const junk of ["fr", "", null, { toString: () => "en" }, ["en"], "en\u0000", "zh-CN; Path=/; Domain=evil.example"]) await setLocale(junk);
    expect([...edge.cookies.values()]).toEqual(["en"]);
    expect(edge.requireUserCalls).toBe(calls);
    expect(await writeCounts()).toEqual(before);
  });
});

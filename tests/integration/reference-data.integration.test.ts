/**
 * Reference data on PostgreSQL (decision 0010): an administrator edits the holiday calendar and
 * the crediting rates through lib/admin/edit-holidays.ts and lib/admin/edit-crediting-rates.ts —
 * permission, validation, conflicts, compare-and-set, the append-only ReferenceChange record — and
 * cases started or calculated afterwards use the change while due dates and frozen receipts of
 * earlier cases stay as they were.
 *
 * National rows are shared by every file of the run (files run one after another): each test that
 * changes one puts it back through the service before it ends.
 */
import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from "vitest";
import { addHoliday, removeHoliday } from "@/lib/admin/edit-holidays";
import { addCreditingRate, correctCreditingRate } from "@/lib/admin/edit-crediting-rates";
import { holidayYears, listHolidays } from "@/lib/admin/queries";
import { cachedOfficeCalendar, loadOfficeCalendar, shanghaiDate, slaDays } from "@/lib/cases/clock";
import { db } from "@/lib/db/client";
import { addDays, dayOfWeek } from "@/lib/domain/dates";
import { addWorkingDays, isWorkingDay } from "@/lib/domain/calendar";
import { getTranslator, hasMessage } from "@/lib/i18n/translate";
import { CaseDriver } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";

process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;

beforeAll(async () => {
  await ensureDemo();
  home = await createTestOffice({ label: "参考数据", province: "湖南" });
  partner = await createTestOffice({ label: "参考数据转出", province: "广东" });
  driver = new CaseDriver(home, partner);
});

const admin = () => home.user("admin1");

/** Everything a refused call could have written. */
async function written() {
  const [holidays, rates, changes] = await Promise.all([
    db.holiday.findMany({ orderBy: { id: "asc" }, select: { id: true, date: true, kind: true, name: true, officeId: true } }),
    db.creditingRate.findMany({ orderBy: { id: "asc" } }),
    db.referenceChange.count(),
  ]);
  return { holidays, rates: rates.map((r) => ({ ...r, rate: r.rate.toString() })), changes };
}

async function dueDateOf(caseId: string) {
  const { dueDate } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { dueDate: true } });
  return dueDate!.toISOString().slice(0, 10);
}

/** The n-th weekday after today (Beijing) that the office's calendar counts as a working day. */
async function workingWeekdayAhead(officeId: string, n: number) {
  const calendar = await loadOfficeCalendar(db, officeId);
  let date = shanghaiDate(new Date());
  for (let found = 0; found < n; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar) && dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6) found++;
  }
  return date;
}
/** The first weekend day after today that is not already a make-up working day. */
async function weekendAhead(officeId: string) {
  const calendar = await loadOfficeCalendar(db, officeId);
  let date = addDays(shanghaiDate(new Date()), 2);
  while (!(dayOfWeek(date) === 0 || dayOfWeek(date) === 6) || calendar.makeUpWorkdays.has(date)) date = addDays(date, 1);
  return date;
}

/** The due date a surrender submitted now gets in this office (either side of midnight accepted). */
async function expectedDue(officeId: string) {
  const [calendar, days] = await Promise.all([loadOfficeCalendar(db, officeId), slaDays(db, officeId, "SURRENDER")]);
  return [shanghaiDate(new Date()), shanghaiDate(new Date(Date.now() - 120_000))].map((d) => addWorkingDays(d, days, calendar));
}

describe("the holiday calendar", () => {
  test("an office holiday moves the due date of a case submitted afterwards, not of one submitted before; removing it moves new ones back", async () => {
    const office = await createTestOffice({ label: "日历机构" });
    const local = new CaseDriver(office, partner);
    const before = await local.caseAt("SURRENDER", "SUBMITTED");
    const dueBefore = await dueDateOf(before);
    expect(await expectedDue(office.id)).toContain(dueBefore);

    const day = await workingWeekdayAhead(office.id, 2);
    const added = await addHoliday(admin(), { date: day, kind: "HOLIDAY", name: "地方假日", officeId: office.id, reason: "市政府通知" });
    expect(added).toMatchObject({ ok: true, value: { date: day, kind: "HOLIDAY", officeId: office.id } });
    expect((await loadOfficeCalendar(db, office.id)).holidays.has(day)).toBe(true);
    // Only this office: the national calendar and the others are untouched.
    expect((await loadOfficeCalendar(db, home.id)).holidays.has(day)).toBe(false);

    const after = await local.caseAt("SURRENDER", "SUBMITTED");
    const dueAfter = await dueDateOf(after);
    expect(await expectedDue(office.id)).toContain(dueAfter);
    expect(dueAfter > dueBefore).toBe(true);
    expect(await dueDateOf(before)).toBe(dueBefore);

    const change = await db.referenceChange.findFirstOrThrow({ where: { table: "holiday", officeId: office.id } });
    expect(change).toMatchObject({
      actorId: admin().id, actorName: admin().name, action: "add", subject: `${day} ${office.code}`, before: null,
      after: { date: day, kind: "HOLIDAY", name: "地方假日", officeId: office.id }, reason: "市政府通知",
    });

    expect(await removeHoliday(admin(), added.ok ? added.value.id : "", { reason: "通知撤回" })).toMatchObject({ ok: true, value: { date: day } });
    const again = await local.caseAt("SURRENDER", "SUBMITTED");
    expect([dueBefore, ...(await expectedDue(office.id))]).toContain(await dueDateOf(again));
    expect(await dueDateOf(after)).toBe(dueAfter);
    expect(await db.referenceChange.findFirstOrThrow({ where: { officeId: office.id, action: "remove" } })).toMatchObject({
      before: { date: day, kind: "HOLIDAY" }, after: null, reason: "通知撤回",
    });
  });

  test("a national holiday and a national make-up working day change every office's calendar for clocks started afterwards", async () => {
    const holiday = await workingWeekdayAhead(home.id, 3);
    const workday = await weekendAhead(home.id);
    const start = shanghaiDate(new Date());
    const calendar0 = await loadOfficeCalendar(db, home.id);
    const existing = await driver.caseAt("SURRENDER", "SUBMITTED");
    const existingDue = await dueDateOf(existing);
    const h = await addHoliday(admin(), { date: holiday, kind: "HOLIDAY", name: "测试假日" });
    const w = await addHoliday(admin(), { date: workday, kind: "WORKDAY", name: "测试调休", officeId: "" });
    try {
      expect(h.ok && w.ok).toBe(true);
      for (const officeId of [home.id, partner.id]) {
        const calendar = await loadOfficeCalendar(db, officeId);
        expect(calendar.holidays.has(holiday)).toBe(true);
        expect(calendar.makeUpWorkdays.has(workday)).toBe(true);
      }
      const calendar1 = await loadOfficeCalendar(db, home.id);
      // One day off and one weekend day worked: the 2nd working day after the holiday's eve moves.
      expect(addWorkingDays(start, 20, calendar1)).toBe(addWorkingDays(start, 20, calendar0));
      expect(addWorkingDays(addDays(holiday, -1), 1, calendar1)).not.toBe(addWorkingDays(addDays(holiday, -1), 1, calendar0));
      const fresh = await driver.caseAt("SURRENDER", "SUBMITTED");
      expect(await expectedDue(home.id)).toContain(await dueDateOf(fresh));
      expect(await dueDateOf(existing)).toBe(existingDue);
      // The years on file and the year's list show the new rows.
      expect((await listHolidays(Number(holiday.slice(0, 4)), null)).map((d) => d.date)).toContain(holiday);
      expect((await holidayYears()).some((y) => y.officeId === null && y.year === Number(holiday.slice(0, 4)))).toBe(true);
    } finally {
      if (h.ok) expect(await removeHoliday(admin(), h.value.id, {})).toMatchObject({ ok: true });
      if (w.ok) expect(await removeHoliday(admin(), w.value.id, {})).toMatchObject({ ok: true });
    }
    expect(await loadOfficeCalendar(db, home.id)).toEqual(calendar0);
  });

  test("this process's cached calendar (lists, inbox) sees a change at once", async () => {
    const office = await createTestOffice({ label: "日历缓存" });
    const day = await workingWeekdayAhead(office.id, 1);
    expect((await cachedOfficeCalendar(office.id)).holidays.has(day)).toBe(false);
    const added = await addHoliday(admin(), { date: day, kind: "HOLIDAY", name: "", officeId: office.id });
    expect((await cachedOfficeCalendar(office.id)).holidays.has(day)).toBe(true);
    await removeHoliday(admin(), added.ok ? added.value.id : "", {});
    expect((await cachedOfficeCalendar(office.id)).holidays.has(day)).toBe(false);
  });

  test.each([
    ["a HOLIDAY on a Saturday", { date: "2030-01-05", kind: "HOLIDAY" }, "date", "admin.errors.holidayOnWeekend"],
    ["a HOLIDAY on a Sunday", { date: "2030-01-06", kind: "HOLIDAY" }, "date", "admin.errors.holidayOnWeekend"],
    ["a WORKDAY on a Monday", { date: "2030-01-07", kind: "WORKDAY" }, "date", "admin.errors.workdayOnWeekday"],
    ["a WORKDAY on a Friday", { date: "2030-01-11", kind: "WORKDAY" }, "date", "admin.errors.workdayOnWeekday"],
    ["30 February", { date: "2030-02-30", kind: "HOLIDAY" }, "date", "admin.errors.holidayDate"],
    ["a year before 1990", { date: "1989-12-29", kind: "HOLIDAY" }, "date", "admin.errors.holidayDate"],
    ["a year after 2100", { date: "2101-01-03", kind: "HOLIDAY" }, "date", "admin.errors.holidayDate"],
    ["a date with a time", { date: "2030-01-07T00:00:00Z", kind: "HOLIDAY" }, "date", "admin.errors.holidayDate"],
    ["a date as a number", { date: 20300107, kind: "HOLIDAY" }, "date", "admin.errors.holidayDate"],
    ["an unknown kind", { date: "2030-01-07", kind: "HALFDAY" }, "kind", "admin.errors.holidayKind"],
    ["a name over 100 characters", { date: "2030-01-07", kind: "HOLIDAY", name: "节".repeat(101) }, "name", "validation.tooLong"],
    ["a name with a NUL", { date: "2030-01-07", kind: "HOLIDAY", name: "春\u0000节" }, "name", "validation.invalid"],
    ["an office that does not exist", { date: "2030-01-07", kind: "HOLIDAY", officeId: "00000000-0000-0000-0000-000000000000" }, "officeId", "errors.notFound"],
    ["an office id that is not one", { date: "2030-01-07", kind: "HOLIDAY", officeId: "x" }, "officeId", "errors.notFound"],
    ["an unknown field", { date: "2030-01-07", kind: "HOLIDAY", id: "x" }, "id", "validation.unknownKey"],
  ])("%s → field error %s: %s, nothing written", async (_label, input, field, key) => {
    const before = await written();
    const result = await addHoliday(admin(), { name: "测试", ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("bad_request");
    expect(result.error.issues).toContainEqual(expect.objectContaining({ path: field, key }));
    expect(await written()).toEqual(before);
  });

  test("the same date twice in one calendar is a conflict (national and office alike); the other calendar may have it", async () => {
    const office = await createTestOffice({ label: "日历重复" });
    const date = "2099-06-01"; // a Monday
    const first = await addHoliday(admin(), { date, kind: "HOLIDAY", name: "一", officeId: office.id });
    expect(first.ok).toBe(true);
    const before = await written();
    expect(await addHoliday(admin(), { date, kind: "HOLIDAY", name: "二", officeId: office.id })).toMatchObject({
      ok: false, error: { code: "conflict", key: "admin.errors.holidayExists", issues: [{ path: "date", key: "admin.errors.holidayExists" }] },
    });
    expect(await written()).toEqual(before);

    const national = await addHoliday(admin(), { date, kind: "HOLIDAY", name: "全国" });
    expect(national.ok).toBe(true);
    try {
      // Five admins at once on the same national day: the unique index lets one through.
      const both = await Promise.all(Array.from({ length: 5 }, () => addHoliday(admin(), { date: "2099-06-02", kind: "HOLIDAY", name: "并发" })));
      expect(both.filter((r) => r.ok)).toHaveLength(1);
      for (const r of both) if (!r.ok) expect(r.error.code).toBe("conflict");
      const won = both.find((r) => r.ok);
      if (won?.ok) await removeHoliday(admin(), won.value.id, {});
      expect(await addHoliday(admin(), { date, kind: "HOLIDAY", name: "全国二" })).toMatchObject({ ok: false, error: { code: "conflict" } });
    } finally {
      if (national.ok) await removeHoliday(admin(), national.value.id, {});
      if (first.ok) await removeHoliday(admin(), first.value.id, {});
    }
  });

  test("removing a day already removed is a conflict; an id that is not one is not found; nothing written", async () => {
    const office = await createTestOffice({ label: "日历删除" });
    const added = await addHoliday(admin(), { date: "2099-06-03", kind: "HOLIDAY", officeId: office.id });
    if (!added.ok) throw added.error;
    const removals = await Promise.all([removeHoliday(admin(), added.value.id, {}), removeHoliday(admin(), added.value.id, {})]);
    expect(removals.filter((r) => r.ok)).toHaveLength(1);
    const before = await written();
    expect(await removeHoliday(admin(), added.value.id, { reason: "再删" })).toMatchObject({ ok: false, error: { code: "conflict", key: "admin.errors.holidayGone" } });
    expect(await removeHoliday(admin(), "not-an-id", {})).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await removeHoliday(admin(), added.value.id, { reason: "x".repeat(501) })).toMatchObject({ ok: false, error: { code: "bad_request" } });
    expect(await written()).toEqual(before);
  });
});

describe("who may change the reference data", () => {
  test.each(["caseworker1", "supervisor1", "auditor1"])("%s is refused (403) for every change, nothing written", async (handle) => {
    const who = home.user(handle);
    const rate = await db.creditingRate.findFirstOrThrow({ where: { year: 2023, scope: "national" } });
    const holiday = await db.holiday.findFirstOrThrow({ where: { officeId: null } });
    const before = await written();
    for (const result of [
      await addHoliday(who, { date: "2099-06-08", kind: "HOLIDAY" }),
      await removeHoliday(who, holiday.id, {}),
      await addCreditingRate(who, { year: 2099, rate: "0.01", source: "x" }),
      await correctCreditingRate(who, rate.id, { version: rate.version, rate: "0.05", reason: "x" }),
      // Refused before the input is looked at.
      await addHoliday(who, { date: "bad" }),
    ])
      expect(result).toMatchObject({ ok: false, error: { code: "forbidden", key: "errors.forbidden" } });
    expect(await written()).toEqual(before);
  });

  test("an unknown role is refused (fail closed)", async () => {
    const ghost = { ...admin(), role: "superadmin" };
    expect(await addHoliday(ghost, { date: "2099-06-08", kind: "HOLIDAY" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await addCreditingRate(ghost, { year: 2099, rate: "0.01", source: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });
});

describe("the crediting rates", () => {
  const terminated2024 = { ground: "emigration-nationality-lost", terminationMonth: "2024-06" };
  /** A surrender recommended now: its frozen receipt. */
  async function recommendedSurrender(intake: Record<string, unknown> = terminated2024) {
    const person = await driver.newPerson("SURRENDER");
    const id = await driver.caseAt("SURRENDER", "PENDING_APPROVAL", { intake: { type: "SURRENDER", idNumber: person.idNumber, ...intake } });
    const c = await db.case.findUniqueOrThrow({ where: { id }, select: { calculation: true } });
    return { id, receipt: c.calculation as { amount: string; fields: { rate: string; provisional: boolean; payout: string } } };
  }
  const stored = async (year: number, scope = "national") => db.creditingRate.findUniqueOrThrow({ where: { year_scope: { year, scope } } });

  test("a corrected national rate is used by the next calculation; the receipt frozen on an earlier case does not change", async () => {
    const earlier = await recommendedSurrender();
    const frozen = await db.case.findUniqueOrThrow({ where: { id: earlier.id }, select: { calculation: true, amount: true } });
    const rate2023 = await stored(2023);
    const at = new Date("2026-11-22T02:00:00Z");
    const corrected = await correctCreditingRate(admin(), rate2023.id, { version: rate2023.version, rate: "0.0500", reason: "测试更正" }, at);
    try {
      expect(corrected).toEqual({ ok: true, value: { id: rate2023.id, version: rate2023.version + 1, changed: ["rate"] } });
      expect(await db.referenceChange.findFirstOrThrow({ where: { table: "creditingRate", at } })).toMatchObject({
        action: "correct", subject: "2023 national", before: { rate: "0.0397" }, after: { rate: "0.05" }, reason: "测试更正", actorId: admin().id,
      });
      const later = await recommendedSurrender();
      expect(later.receipt.amount).not.toBe(earlier.receipt.amount);
      expect(await db.case.findUniqueOrThrow({ where: { id: earlier.id }, select: { calculation: true, amount: true } })).toEqual(frozen);
    } finally {
      const now = await stored(2023);
      expect(await correctCreditingRate(admin(), now.id, { version: now.version, rate: "0.0397", reason: "测试还原" })).toMatchObject({ ok: true });
    }
    expect((await recommendedSurrender()).receipt.amount).toBe(earlier.receipt.amount);
  });

  test("a year's rate added provisional is not used; marked final, the next calculation uses it instead of the provisional fallback", async () => {
    // 2025's national rate is not published (docs/rules.md §5.3): the 2024 rate is used provisionally.
    const in2025 = { ground: "emigration-nationality-lost", terminationMonth: "2025-03" };
    const fallback = await recommendedSurrender(in2025);
    expect(fallback.receipt.fields).toMatchObject({ provisional: true, rate: "0.0262" });
    const added = await addCreditingRate(admin(), { year: "2025", scope: "national", rate: "0.015", provisional: "on", source: "测试公告（暂定）" });
    expect(added).toMatchObject({ ok: true, value: { year: 2025, scope: "national", rate: "0.015", provisional: true, version: 1 } });
    if (!added.ok) return;
    try {
      expect((await recommendedSurrender(in2025)).receipt).toMatchObject({ amount: fallback.receipt.amount, fields: { provisional: true, rate: "0.0262" } });
      expect(await correctCreditingRate(admin(), added.value.id, { version: 1, provisional: "false", reason: "正式公布" })).toMatchObject({
        ok: true, value: { version: 2, changed: ["provisional"] },
      });
      const final = await recommendedSurrender(in2025);
      expect(final.receipt.fields).toMatchObject({ rate: "0.015", provisional: false });
      expect(final.receipt.amount).not.toBe(fallback.receipt.amount);
      // Corrected again: the next calculation follows, the previous receipt stays.
      expect(await correctCreditingRate(admin(), added.value.id, { version: 2, rate: "0.0150", source: "测试公告", reason: "来源更正" })).toMatchObject({
        ok: true, value: { version: 3, changed: ["source"] },
      });
    } finally {
      // Test hygiene, not a feature: no 2025 rate may stay for the files after this one (the
      // service has no removal; its ReferenceChange rows stay, as they must).
      await db.creditingRate.delete({ where: { id: added.value.id } });
    }
  });

  test("a year already in the table for that scope is a conflict; a province's pre-2016 rate is its own row", async () => {
    const before = await written();
    expect(await addCreditingRate(admin(), { year: 2023, rate: "0.04", source: "重复" })).toMatchObject({ ok: false, error: { code: "conflict", key: "admin.errors.rateExists" } });
    expect(await written()).toEqual(before);
    // A province no test office is in: certificates read provincial rows of their office's province.
    const provincial = await addCreditingRate(admin(), { year: 2010, scope: "西藏", rate: "0.0225", source: "西藏自治区人社厅通知" });
    expect(provincial).toMatchObject({ ok: true, value: { scope: "西藏", rate: "0.0225" } });
    if (provincial.ok) await db.creditingRate.delete({ where: { id: provincial.value.id } });
  });

  test("ten concurrent corrections of the same version: one wins, the others conflict, one record", async () => {
    const added = await addCreditingRate(admin(), { year: 2005, scope: "青海", rate: "0.02", source: "青海省通知" });
    if (!added.ok) throw added.error;
    onTestFinished(() => db.creditingRate.delete({ where: { id: added.value.id } }).then(() => undefined));
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => correctCreditingRate(admin(), added.value.id, { version: 1, rate: `0.03${i + 1}`, reason: `并发 ${i}` })),
    );
    const won = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: "conflict" });
    expect((await stored(2005, "青海")).rate.toString()).toBe(`0.03${won[0] + 1}`);
    expect(await db.referenceChange.count({ where: { subject: "2005 青海", action: "correct" } })).toBe(1);
    // The losers' page is stale: the next try at version 1 is refused with the reload message.
    expect(await correctCreditingRate(admin(), added.value.id, { version: 1, rate: "0.04", reason: "迟到" })).toMatchObject({
      ok: false, error: { code: "conflict", key: "admin.errors.rateStale" },
    });
  });

  test("a correction that changes nothing writes nothing", async () => {
    const row = await stored(2022);
    const before = await written();
    expect(await correctCreditingRate(admin(), row.id, { version: row.version, rate: "0.061200", provisional: false, reason: "核对" })).toEqual({
      ok: true, value: { id: row.id, version: row.version, changed: [] },
    });
    expect(await written()).toEqual(before);
  });

  test.each([
    ["a rate above 0.2", { rate: "0.2000001" }, "rate", "admin.errors.rate"],
    ["a rate of 0.21", { rate: "0.21" }, "rate", "admin.errors.rate"],
    ["a negative rate", { rate: "-0.01" }, "rate", "admin.errors.rate"],
    ["seven decimals", { rate: "0.0262001" }, "rate", "admin.errors.rate"],
    ["exponent notation", { rate: "2.62e-2" }, "rate", "admin.errors.rate"],
    ["a percent sign", { rate: "2.62%" }, "rate", "admin.errors.rate"],
    ["a JS number (rates are never floats)", { rate: 0.0262 }, "rate", "admin.errors.rate"],
    ["a year before 1990", { year: 1989 }, "year", "admin.errors.rateYear"],
    ["a year after 2100", { year: "2101" }, "year", "admin.errors.rateYear"],
    ["a year with a fraction", { year: 2020.5 }, "year", "admin.errors.rateYear"],
    ["an unknown scope", { scope: "火星" }, "scope", "admin.errors.rateScope"],
    ["a provincial rate after 2015", { scope: "湖南", year: 2016 }, "scope", "admin.errors.rateProvincialYear"],
    ["no source", { source: "" }, "source", "admin.errors.rateSource"],
    ["a source over 300 characters", { source: "文".repeat(301) }, "source", "validation.tooLong"],
  ])("add: %s → field error %s: %s, nothing written", async (_label, input, field, key) => {
    const before = await written();
    const result = await addCreditingRate(admin(), { year: 2098, scope: "national", rate: "0.03", source: "测试", ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("bad_request");
    expect(result.error.issues).toContainEqual(expect.objectContaining({ path: field, key }));
    expect(await written()).toEqual(before);
  });

  test.each([
    ["no reason", { reason: undefined }, "reason", "admin.errors.reasonRequired"],
    ["an empty reason", { reason: "" }, "reason", "admin.errors.reasonRequired"],
    ["a bad rate", { rate: "1" }, "rate", "admin.errors.rate"],
    ["no version", { version: undefined }, "version", "validation.integer"],
    ["a new year (not correctable)", { year: 2030 }, "year", "validation.unknownKey"],
  ])("correct: %s → field error %s: %s, nothing written", async (_label, input, field, key) => {
    const row = await stored(2021);
    const before = await written();
    const result = await correctCreditingRate(admin(), row.id, { version: row.version, rate: "0.07", reason: "更正", ...input });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues).toContainEqual(expect.objectContaining({ path: field, key }));
    expect(await written()).toEqual(before);
  });

  test("every message key the services answer with is a message in both languages", () => {
    const keys = ["holidayDate", "holidayKind", "holidayOnWeekend", "workdayOnWeekday", "holidayExists", "holidayGone", "rate", "rateYear", "rateScope",
      "rateProvincialYear", "rateSource", "rateExists", "rateStale", "reasonRequired"].map((k) => `admin.errors.${k}`);
    for (const key of keys) {
      expect(hasMessage(key), key).toBe(true);
      expect(getTranslator("zh-CN")(key)).not.toBe(getTranslator("en")(key));
    }
  });
});

describe("ReferenceChange is append-only in the database", () => {
  test.each([
    ["UPDATE", `UPDATE "ReferenceChange" SET "actorName" = '改过了' WHERE "actorId" = $1::uuid`],
    ["DELETE", `DELETE FROM "ReferenceChange" WHERE "actorId" = $1::uuid`],
  ])("%s is refused by the trigger", async (op, sql) => {
    const rows = await db.referenceChange.findMany({ where: { actorId: admin().id }, orderBy: { id: "asc" } });
    expect(rows.length).toBeGreaterThan(0);
    const error = await db.$executeRawUnsafe(sql, admin().id).then(() => null, (e: Error) => e);
    expect(String(error)).toContain(`table ReferenceChange is append-only: ${op} refused`);
    expect(await db.referenceChange.findMany({ where: { actorId: admin().id }, orderBy: { id: "asc" } })).toEqual(rows);
  });
});

afterAll(async () => {
  // Nothing national this file added may stay for the files after it.
  const left = await db.holiday.count({ where: { officeId: null, name: { in: ["测试假日", "测试调休", "全国", "并发"] } } });
  expect(left).toBe(0);
});

/**
 * Office details on PostgreSQL (decision 0009): an administrator changes an office's contact
 * details, receiving bank account, approval limit and LOCAL working-day limits through
 * lib/admin/update-office.ts — permission, validation, compare-and-set, the append-only change
 * record — and the contact letter of a transfer-in then prints the account.
 */
import crypto from "node:crypto";
import { beforeAll, describe, expect, test } from "vitest";
import { defaultLocalSlaDays } from "@/lib/admin/queries";
import { updateOffice } from "@/lib/admin/update-office";
import { printCertificate } from "@/lib/certificates/certificates";
import { loadOfficeCalendar, shanghaiDate, slaDays } from "@/lib/cases/clock";
import { db } from "@/lib/db/client";
import { addWorkingDays } from "@/lib/domain/calendar";
import { getTranslator, hasMessage } from "@/lib/i18n/translate";
import { CaseDriver } from "@/tests/factories/case-driver";
import { ensureDemo } from "@/tests/factories/demo";
import { createTestOffice, type TestOffice } from "@/tests/factories/offices";
import { pdfText } from "@/tests/factories/pdf";

process.env.JINGBAN_SIGNING_KEY ??= Buffer.from(
  crypto.generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
).toString("base64");

/** A receiving account in the demo's style: a real bank's branch, an obviously made-up number. */
const bank = {
  bankName: "中国农业银行股份有限公司长沙芙蓉支行",
  bankCode: "103551099990",
  accountName: "测试社会保险经办机构",
  accountNumber: "4000000000000000777",
};

let home: TestOffice;
let partner: TestOffice;
let driver: CaseDriver;

beforeAll(async () => {
  await ensureDemo();
  home = await createTestOffice({ label: "机构信息", province: "湖南" });
  partner = await createTestOffice({ label: "机构信息转出", province: "广东" });
  driver = new CaseDriver(home, partner);
});

/** A fresh office of its own for a test that changes it (tests never share an office's version). */
const freshOffice = () => createTestOffice({ label: "机构编辑" });

async function stored(officeId: string) {
  return db.office.findUniqueOrThrow({
    where: { id: officeId },
    select: {
      version: true, address: true, postcode: true, phone: true, approvalLimit: true,
      bankName: true, bankCode: true, accountName: true, accountNumber: true,
    },
  });
}

/** Everything a refused call could have written for the office. */
async function state(officeId: string) {
  const [office, changes, settings] = await Promise.all([
    stored(officeId),
    db.officeChange.count({ where: { officeId } }),
    db.setting.findMany({ where: { officeId }, orderBy: { key: "asc" }, select: { key: true, value: true } }),
  ]);
  return { office: { ...office, approvalLimit: office.approvalLimit.toFixed(2) }, changes, settings };
}

describe("an administrator changes an office", () => {
  test("details, bank account and approval limit are stored, the version goes up by one, and the change is recorded with only what changed", async () => {
    const office = await freshOffice();
    const admin = office.user("admin1");
    const at = new Date("2026-11-20T02:00:00Z");
    const result = await updateOffice(admin, office.id, {
      version: 1, address: "  长沙市芙蓉区五一大道1号 ", postcode: "410011", phone: "0731-12333",
      ...bank, accountNumber: "4000 0000 0000 0000 777", approvalLimit: "80000.5", reason: "机构账户变更",
    }, at);
    expect(result).toEqual({
      ok: true,
      value: { id: office.id, version: 2, changed: ["address", "postcode", "phone", "bankName", "bankCode", "accountName", "accountNumber", "approvalLimit"] },
    });
    const after = await stored(office.id);
    expect({ ...after, approvalLimit: after.approvalLimit.toFixed(2) }).toEqual({
      version: 2, address: "长沙市芙蓉区五一大道1号", postcode: "410011", phone: "0731-12333", approvalLimit: "80000.50", ...bank,
    });
    const changes = await db.officeChange.findMany({ where: { officeId: office.id } });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      actorId: admin.id, actorName: admin.name, at, version: 2, reason: "机构账户变更",
      before: { address: "", postcode: "", phone: "", bankName: "", bankCode: "", accountName: "", accountNumber: "", approvalLimit: "50000.00" },
      after: { address: "长沙市芙蓉区五一大道1号", postcode: "410011", phone: "0731-12333", ...bank, approvalLimit: "80000.50" },
    });

    // A second change records only the field that changed, against the new version.
    expect(await updateOffice(admin, office.id, { version: 2, phone: "0731-88880000", postcode: "410011" })).toMatchObject({ ok: true, value: { version: 3, changed: ["phone"] } });
    const latest = await db.officeChange.findFirstOrThrow({ where: { officeId: office.id, version: 3 } });
    expect({ before: latest.before, after: latest.after, reason: latest.reason }).toEqual({ before: { phone: "0731-12333" }, after: { phone: "0731-88880000" }, reason: null });
  });

  test("an admin of another office of the deployment may change it too (admin:manage is deployment-wide), and is named in the record", async () => {
    const office = await freshOffice();
    const other = home.user("admin1");
    expect(await updateOffice(other, office.id, { version: 1, phone: "0731-1" })).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await db.officeChange.findFirstOrThrow({ where: { officeId: office.id } })).toMatchObject({ actorId: other.id, actorName: other.name });
  });

  test("values equal to the stored ones change nothing: no new version, no record", async () => {
    const office = await freshOffice();
    const before = await state(office.id);
    expect(await updateOffice(office.user("admin1"), office.id, { version: 1, address: "", approvalLimit: "50000", sla: { SURRENDER: "" } })).toEqual({
      ok: true, value: { id: office.id, version: 1, changed: [] },
    });
    expect(await state(office.id)).toEqual(before);
  });

  test("the bank account can be removed again, all four fields at once", async () => {
    const office = await freshOffice();
    const admin = office.user("admin1");
    await updateOffice(admin, office.id, { version: 1, ...bank });
    const cleared = await updateOffice(admin, office.id, { version: 2, bankName: "", bankCode: "", accountName: "", accountNumber: "" });
    expect(cleared).toMatchObject({ ok: true, value: { version: 3 } });
    expect(await stored(office.id)).toMatchObject({ bankName: "", bankCode: "", accountName: "", accountNumber: "" });
  });
});

describe("who may change an office", () => {
  test.each(["caseworker1", "supervisor1", "auditor1"])("%s is refused (403) and nothing is written", async (handle) => {
    const office = await freshOffice();
    const before = await state(office.id);
    const result = await updateOffice(office.user(handle), office.id, { version: 1, phone: "0731-99999999", ...bank, sla: { SURRENDER: 5 } });
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden", key: "errors.forbidden" } });
    expect(await state(office.id)).toEqual(before);
  });

  test("refused before the input is looked at: bad input from a caseworker is still a 403", async () => {
    const office = await freshOffice();
    expect(await updateOffice(office.user("caseworker1"), office.id, { version: "x", approvalLimit: "-1" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  test("an unknown role is refused (fail closed)", async () => {
    const office = await freshOffice();
    const ghost = { ...office.user("admin1"), role: "superadmin" };
    expect(await updateOffice(ghost, office.id, { version: 1, phone: "1" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  test.each([["not a uuid"], ["00000000-0000-0000-0000-000000000000"], ["------------------------------------"]])("office %j → not found", async (id) => {
    expect(await updateOffice(home.user("admin1"), id, { version: 1, phone: "1" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("bad input: field errors with message keys, nothing written", () => {
  let office: TestOffice;
  beforeAll(async () => {
    office = await freshOffice();
  });

  test.each([
    ["approval limit with three decimals", { approvalLimit: "1.234" }, "approvalLimit", "admin.errors.approvalLimit"],
    ["negative approval limit", { approvalLimit: "-1" }, "approvalLimit", "admin.errors.approvalLimit"],
    ["approval limit not a number", { approvalLimit: "abc" }, "approvalLimit", "admin.errors.approvalLimit"],
    ["approval limit with a 15-digit integer part", { approvalLimit: "123456789012345" }, "approvalLimit", "admin.errors.approvalLimit"],
    ["approval limit with a 13-digit integer part (Decimal(14,2) holds 12)", { approvalLimit: "1234567890123.00" }, "approvalLimit", "admin.errors.approvalLimit"],
    ["approval limit in exponent notation", { approvalLimit: "1e5" }, "approvalLimit", "admin.errors.approvalLimit"],
    ["approval limit as a JS number (money is never a float)", { approvalLimit: 50000 }, "approvalLimit", "admin.errors.approvalLimit"],
    ["CNAPS code of 11 digits", { ...bank, bankCode: "10355109999" }, "bankCode", "admin.errors.bankCode"],
    ["CNAPS code with a letter", { ...bank, bankCode: "10355109999X" }, "bankCode", "admin.errors.bankCode"],
    ["account number of 7 digits", { ...bank, accountNumber: "1234567" }, "accountNumber", "admin.errors.accountNumber"],
    ["account number of 31 digits", { ...bank, accountNumber: "1".repeat(31) }, "accountNumber", "admin.errors.accountNumber"],
    ["account number with a letter", { ...bank, accountNumber: "40000000000A" }, "accountNumber", "admin.errors.accountNumber"],
    ["bank name over 100 characters", { ...bank, bankName: "银".repeat(101) }, "bankName", "validation.tooLong"],
    ["account name over 100 characters", { ...bank, accountName: "户".repeat(101) }, "accountName", "validation.tooLong"],
    ["a bank name alone (the letter needs the whole account)", { bankName: bank.bankName }, "bankCode", "admin.errors.bankIncomplete"],
    ["postcode of 5 digits", { postcode: "41001" }, "postcode", "admin.errors.postcode"],
    ["postcode with a letter", { postcode: "41001A" }, "postcode", "admin.errors.postcode"],
    ["phone with a space", { phone: "0731 12333" }, "phone", "admin.errors.phone"],
    ["phone over 20 characters", { phone: "0".repeat(21) }, "phone", "admin.errors.phone"],
    ["phone with a plus in the middle", { phone: "0731+12333" }, "phone", "admin.errors.phone"],
    ["address with a NUL", { address: "长沙\u0000市" }, "address", "validation.invalid"],
    ["surrender limit of 0 days", { sla: { SURRENDER: "0" } }, "sla.SURRENDER", "admin.errors.slaDays"],
    ["surrender limit of 2.5 days", { sla: { SURRENDER: 2.5 } }, "sla.SURRENDER", "admin.errors.slaDays"],
    ["refund limit over 250 days", { sla: { DUPLICATE_REFUND: "251" } }, "sla.DUPLICATE_REFUND", "admin.errors.slaDays"],
    ["refund limit not a number", { sla: { DUPLICATE_REFUND: "abc" } }, "sla.DUPLICATE_REFUND", "admin.errors.slaDays"],
    ["the office code (not editable)", { code: "999999" }, "code", "validation.unknownKey"],
    ["no version", { version: undefined, phone: "1" }, "version", "validation.integer"],
  ])("%s → %s: %s", async (_label, input, field, key) => {
    const before = await state(office.id);
    const result = await updateOffice(office.user("admin1"), office.id, { version: before.office.version, ...input });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("bad_request");
    expect(result.error.issues).toContainEqual(expect.objectContaining({ path: field, key }));
    expect(await state(office.id)).toEqual(before);
  });

  test("every message key the service answers with is a message in both languages", () => {
    const keys = ["approvalLimit", "bankCode", "accountNumber", "postcode", "phone", "slaDays", "slaNational", "bankIncomplete", "stale"].map((k) => `admin.errors.${k}`);
    for (const key of keys) {
      expect(hasMessage(key), key).toBe(true);
      expect(getTranslator("zh-CN")(key)).not.toBe(getTranslator("en")(key));
    }
  });

  test("several bad fields are all reported at once", async () => {
    const result = await updateOffice(office.user("admin1"), office.id, { version: 1, postcode: "1", phone: "x", approvalLimit: "1.234", ...bank, bankCode: "1" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.issues.map((i) => i.path).sort()).toEqual(["approvalLimit", "bankCode", "phone", "postcode"]);
  });
});

describe("compare-and-set on the office's version", () => {
  test("a form of an older version is refused with the stale-page message; nothing written", async () => {
    const office = await freshOffice();
    const admin = office.user("admin1");
    await updateOffice(admin, office.id, { version: 1, phone: "0731-1" });
    const before = await state(office.id);
    const result = await updateOffice(admin, office.id, { version: 1, phone: "0731-2" });
    expect(result).toMatchObject({ ok: false, error: { code: "conflict", key: "admin.errors.stale" } });
    expect(getTranslator("en")("admin.errors.stale")).toMatch(/Reload the page/);
    expect(await state(office.id)).toEqual(before);
  });

  test("ten concurrent saves of the same version: exactly one wins, the others conflict, one record", async () => {
    const office = await freshOffice();
    const admin = office.user("admin1");
    const phones = Array.from({ length: 10 }, (_, i) => `0731-${1000 + i}`);
    const results = await Promise.all(phones.map((phone) => updateOffice(admin, office.id, { version: 1, phone, sla: { SURRENDER: 10 } })));
    const won = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(r.error).toMatchObject({ code: "conflict" });
    const after = await state(office.id);
    expect(after.office).toMatchObject({ version: 2, phone: phones[won[0]] });
    expect(after.changes).toBe(1);
    expect(after.settings).toEqual([{ key: "sla.SURRENDER", value: 10 }]);
  });
});

describe("LOCAL working-day limits", () => {
  test("an office's surrender limit sets the due date of a case submitted after it; clearing it restores the default", async () => {
    const office = await freshOffice();
    const local = new CaseDriver(office, partner);
    const admin = office.user("admin1");
    expect(await updateOffice(admin, office.id, { version: 1, sla: { SURRENDER: "5" } })).toMatchObject({ ok: true, value: { changed: ["sla.SURRENDER"] } });
    expect(await db.officeChange.findFirstOrThrow({ where: { officeId: office.id } })).toMatchObject({ before: { "sla.SURRENDER": null }, after: { "sla.SURRENDER": 5 } });
    expect(await slaDays(db, office.id, "SURRENDER")).toBe(5);

    const calendar = await loadOfficeCalendar(db, office.id);
    const expectDue = async (caseId: string, days: number) => {
      const { dueDate } = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { dueDate: true } });
      // Submitted just now (Beijing day); either side of midnight is accepted.
      const today = shanghaiDate(new Date());
      expect([addWorkingDays(today, days, calendar), addWorkingDays(shanghaiDate(new Date(Date.now() - 60_000)), days, calendar)]).toContain(dueDate!.toISOString().slice(0, 10));
    };
    await expectDue(await local.caseAt("SURRENDER", "SUBMITTED"), 5);

    expect(await updateOffice(admin, office.id, { version: 2, sla: { SURRENDER: "" } })).toMatchObject({ ok: true, value: { version: 3 } });
    expect(await db.setting.count({ where: { officeId: office.id } })).toBe(0);
    await expectDue(await local.caseAt("SURRENDER", "SUBMITTED"), (await defaultLocalSlaDays()).SURRENDER);
  });

  test.each(["TRANSFER_IN", "TRANSFER_OUT"])("the %s limit is national (66号: 15 working days): refused, nothing written", async (type) => {
    const office = await freshOffice();
    const before = await state(office.id);
    const result = await updateOffice(office.user("admin1"), office.id, { version: 1, sla: { [type]: 10 } });
    expect(result).toMatchObject({ ok: false, error: { code: "bad_request", issues: [{ path: `sla.${type}`, key: "admin.errors.slaNational" }] } });
    expect(await state(office.id)).toEqual(before);
    expect(await slaDays(db, office.id, type as "TRANSFER_IN")).toBe(15);
  });
});

describe("the contact letter carries the office's bank account", () => {
  async function contactLetterText(caseId: string) {
    const letter = await db.certificate.findFirstOrThrow({ where: { caseId, kind: "CONTACT_LETTER" }, select: { serial: true } });
    const printed = await printCertificate(home.user("caseworker1"), letter.serial);
    if (!printed.ok) throw new Error(printed.error.key);
    return pdfText(printed.value.pdf);
  }

  test("without an account on file the letter says so; once the admin sets one, the next transfer-in's letter prints it", async () => {
    const before = await contactLetterText(await driver.caseAt("TRANSFER_IN", "AWAITING_FUNDS"));
    expect(before).toContain("未登记");
    expect(before).not.toContain(bank.accountNumber);

    const { version } = await stored(home.id);
    expect(await updateOffice(home.user("admin1"), home.id, { version, ...bank, phone: "0731-12333" })).toMatchObject({ ok: true });
    const after = await contactLetterText(await driver.caseAt("TRANSFER_IN", "AWAITING_FUNDS"));
    // A long bank name wraps in its cell: compare without line breaks.
    const joined = after.replace(/\s+/g, "");
    expect(after).toContain(bank.accountNumber);
    expect(joined).toContain(bank.bankName);
    expect(after).toContain(bank.bankCode);
    expect(joined).toContain(bank.accountName);
    expect(after).toContain("0731-12333");
    expect(after).not.toContain("未登记");
  });
});

describe("OfficeChange is append-only in the database", () => {
  test.each([
    ["UPDATE", `UPDATE "OfficeChange" SET "actorName" = '改过了' WHERE "officeId" = $1::uuid`],
    ["DELETE", `DELETE FROM "OfficeChange" WHERE "officeId" = $1::uuid`],
  ])("%s is refused by the trigger", async (op, sql) => {
    const office = await freshOffice();
    await updateOffice(office.user("admin1"), office.id, { version: 1, phone: "0731-5" });
    const rows = await db.officeChange.findMany({ where: { officeId: office.id } });
    expect(rows).toHaveLength(1);
    const error = await db.$executeRawUnsafe(sql, office.id).then(() => null, (e: Error) => e);
    expect(String(error)).toContain(`table OfficeChange is append-only: ${op} refused`);
    expect(await db.officeChange.findMany({ where: { officeId: office.id } })).toEqual(rows);
  });
});

import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Prisma, db, disconnectDb } from "@/lib/db/client";
import { dropDatabase } from "@/tests/tools/postgres";
import { authenticate } from "@/lib/auth/sign-in";
import { validateIdNumber } from "@/lib/domain/id-number";
import { CN_HOLIDAY_YEARS } from "@/lib/domain/holidays-cn";
import { payerTypeToDb, type RecordInput } from "@/prisma/seed/factories";
import { seedDemo } from "@/prisma/seed/demo";
import demo from "@/prisma/seed/demo-data.json";
import { freshMigratedDatabase } from "@/tests/setup/test-databases";

// The demo seed needs a database without offices, and other test files create offices in the
// worker's integration database; so this file seeds its own fresh copy of the run's migrated
// template (decision 0016).
const GENERATED_PER_OFFICE = 20;
let sharedUrl: string;
let seedUrl: string;

beforeAll(async () => {
  sharedUrl = process.env.DATABASE_URL!;
  seedUrl = await freshMigratedDatabase("seed");
  await disconnectDb();
  process.env.DATABASE_URL = seedUrl;
  await seedDemo({ generatedPerOffice: GENERATED_PER_OFFICE });
});

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = sharedUrl;
  if (seedUrl && !process.env.KEEP_TEST_DATABASE) await dropDatabase(seedUrl);
});

const dec = (value: string) => new Prisma.Decimal(value);

describe("offices and users", () => {
  test("the offices are exactly demo-data.json's", async () => {
    const offices = await db.office.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true, nameEn: true, province: true, approvalLimit: true } });
    expect(offices.map((o) => ({ ...o, approvalLimit: o.approvalLimit.toFixed(2) }))).toEqual(
      [...demo.offices].sort((a, b) => a.code.localeCompare(b.code)),
    );
  });

  test("every demo office has its contact details and a complete receiving account for the contact letter", async () => {
    const offices = await db.office.findMany({
      select: { code: true, address: true, postcode: true, phone: true, bankName: true, bankCode: true, accountName: true, accountNumber: true },
    });
    expect(offices).toHaveLength(demo.offices.length);
    for (const o of offices) {
      expect(o.address, o.code).not.toBe("");
      expect(o.postcode, o.code).toMatch(/^\d{6}$/);
      expect(o.phone, o.code).not.toBe("");
      expect(o.bankName, o.code).not.toBe("");
      expect(o.accountName, o.code).not.toBe("");
      expect(o.bankCode, o.code).toMatch(/^\d{12}$/);
      // Obviously a demo account: 4000 0000 0000 0000 00x.
      expect(o.accountNumber, o.code).toMatch(/^40{15}\d{3}$/);
    }
  });

  test("the users are exactly demo-data.json's, with role and office", async () => {
    const users = await db.user.findMany({ select: { username: true, name: true, role: true, active: true, office: { select: { code: true } } } });
    expect(users.map((u) => ({ username: u.username, name: u.name, role: u.role, office: u.office.code, active: u.active })).sort((a, b) => a.username.localeCompare(b.username))).toEqual(
      demo.users.map((u) => ({ ...u, active: true })).sort((a, b) => a.username.localeCompare(b.username)),
    );
  });

  test.each(demo.users.map((u) => [u.username]))("%s signs in with the demo password", async (username) => {
    expect(await authenticate({ username, password: demo.password })).toMatchObject({ name: demo.users.find((u) => u.username === username)!.name });
    expect(await authenticate({ username, password: `${demo.password}x` })).toBeNull();
  });

  test("no password hash is stored in clear or shared by accident", async () => {
    const rows = await db.user.findMany({ select: { passwordHash: true } });
    for (const { passwordHash } of rows) {
      expect(passwordHash).toMatch(/^\$argon2id\$/);
      expect(passwordHash).not.toContain(demo.password);
    }
  });
});

describe("the five demo people (P1–P5)", () => {
  test.each(demo.people.map((p) => [p.key, p] as const))("%s matches demo-data.json exactly", async (_key, expected) => {
    const person = await db.insuredPerson.findUniqueOrThrow({
      where: { idNumber: expected.idNumber },
      select: {
        name: true, sex: true, birthDate: true, hukouProvince: true, relationshipStatus: true, accountType: true,
        office: { select: { code: true } },
        records: {
          orderBy: [{ fromMonth: "asc" }, { payerType: "asc" }],
          select: {
            fromMonth: true, toMonth: true, monthlyBase: true, payerType: true, totalRate: true, accountRate: true, status: true,
            office: { select: { code: true } }, employer: { select: { creditCode: true } },
          },
        },
      },
    });
    expect(person).toMatchObject({
      name: expected.name, sex: expected.sex, hukouProvince: expected.hukouProvince,
      relationshipStatus: "ACTIVE", accountType: "GENERAL", office: { code: expected.office },
    });
    expect(person.birthDate.toISOString().slice(0, 10)).toBe(expected.birthDate);

    const want = [...expected.records]
      .map((r) => r as RecordInput & { office?: string; employerCreditCode?: string })
      .sort((a, b) => a.from.localeCompare(b.from) || payerTypeToDb[a.payerType].localeCompare(payerTypeToDb[b.payerType]));
    expect(person.records).toHaveLength(want.length);
    person.records.forEach((got, i) => {
      const r = want[i];
      expect({ from: got.fromMonth, to: got.toMonth, payerType: got.payerType, office: got.office.code, employer: got.employer?.creditCode ?? null, status: got.status }).toEqual({
        from: r.from, to: r.to, payerType: payerTypeToDb[r.payerType], office: r.office ?? expected.office, employer: r.employerCreditCode ?? null, status: "ACTIVE",
      });
      // Exact decimals, compared as decimals and as the strings the database holds.
      expect(got.monthlyBase.equals(dec(r.monthlyBase)), `${r.from} base`).toBe(true);
      expect(got.monthlyBase.toFixed(2)).toBe(dec(r.monthlyBase).toFixed(2));
      expect(got.totalRate.equals(dec(r.rate)), `${r.from} rate`).toBe(true);
      expect(got.accountRate.equals(dec(r.accountRate)), `${r.from} account rate`).toBe(true);
    });
  });

  test("P3 is known in Shenzhen (relationship) and has his Changsha record since 2024-08", async () => {
    const p3 = demo.people.find((p) => p.key === "P3")!;
    const records = await db.contributionRecord.findMany({
      where: { person: { idNumber: p3.idNumber }, office: { code: "430100" } },
      select: { fromMonth: true, toMonth: true },
    });
    expect(records).toEqual([{ fromMonth: "2024-08", toMonth: "2024-12" }]);
  });
});

describe("reference data", () => {
  test("the national crediting rates 2016–2024 are the published ones", async () => {
    const rows = await db.creditingRate.findMany({ orderBy: { year: "asc" }, select: { year: true, scope: true, rate: true, provisional: true } });
    expect(rows.map((r) => r.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);
    for (const r of rows) {
      expect(r.scope).toBe("national");
      expect(r.provisional).toBe(false);
      expect(r.rate.equals(dec(demo.creditingRates[String(r.year) as keyof typeof demo.creditingRates])), String(r.year)).toBe(true);
    }
    // Spot checks written out, independent of the data file.
    expect(rows.find((r) => r.year === 2016)!.rate.toString()).toBe("0.0831");
    expect(rows.find((r) => r.year === 2024)!.rate.toString()).toBe("0.0262");
  });

  test("the 2025 and 2026 holiday calendars, make-up working days included, are all there", async () => {
    const rows = await db.holiday.findMany({ select: { date: true, kind: true, officeId: true } });
    const day = (d: Date) => d.toISOString().slice(0, 10);
    expect(rows.every((r) => r.officeId === null)).toBe(true);
    const holidays = rows.filter((r) => r.kind === "HOLIDAY").map((r) => day(r.date)).sort();
    const workdays = rows.filter((r) => r.kind === "WORKDAY").map((r) => day(r.date)).sort();
    expect(holidays).toEqual(CN_HOLIDAY_YEARS.flatMap((y) => y.holidays).sort());
    expect(workdays).toEqual(CN_HOLIDAY_YEARS.flatMap((y) => y.makeUpWorkdays).sort());

    // Written out from the State Council notices, independent of lib/domain/holidays-cn.ts.
    for (const d of ["2025-01-01", "2025-01-28", "2025-02-04", "2025-05-05", "2025-10-08", "2026-01-01", "2026-02-23", "2026-10-07"])
      expect(holidays, d).toContain(d);
    expect(workdays.filter((d) => d.startsWith("2025"))).toEqual(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);
    for (const d of ["2026-01-04", "2026-02-14", "2026-02-28", "2026-09-20", "2026-10-10"]) expect(workdays, d).toContain(d);
    // A make-up working day is a weekend day; a holiday never is one of them.
    for (const d of workdays) expect([0, 6], d).toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
    expect(holidays.filter((d) => workdays.includes(d))).toEqual([]);
  });
});

describe("generated people", () => {
  test(`${GENERATED_PER_OFFICE} per office, each with a valid ID number and records`, async () => {
    const named = new Set(demo.people.map((p) => p.idNumber));
    const people = await db.insuredPerson.findMany({
      select: { idNumber: true, sex: true, birthDate: true, office: { select: { code: true } }, _count: { select: { records: true } } },
    });
    const generated = people.filter((p) => !named.has(p.idNumber));
    expect(people).toHaveLength(demo.people.length + 2 * GENERATED_PER_OFFICE);
    for (const code of ["440300", "430100"]) expect(generated.filter((p) => p.office.code === code)).toHaveLength(GENERATED_PER_OFFICE);
    for (const p of people) {
      const check = validateIdNumber(p.idNumber);
      expect(check, p.idNumber).toMatchObject({ valid: true, sex: p.sex, birthDate: p.birthDate.toISOString().slice(0, 10) });
    }
    for (const p of generated) {
      expect(p._count.records, p.idNumber).toBeGreaterThan(0);
      expect(p.idNumber.slice(0, 4), p.idNumber).toBe(p.office.code.slice(0, 4));
    }
  });

  test("generated records are well-formed months with positive bases", async () => {
    const records = await db.contributionRecord.findMany({ select: { fromMonth: true, toMonth: true, monthlyBase: true, accountRate: true, totalRate: true } });
    for (const r of records) {
      expect(r.fromMonth).toMatch(/^(199[89]|20[0-2]\d)-(0[1-9]|1[0-2])$/);
      expect(r.toMonth >= r.fromMonth, `${r.fromMonth}–${r.toMonth}`).toBe(true);
      expect(r.toMonth <= "2024-12").toBe(true);
      expect(r.monthlyBase.greaterThan(0)).toBe(true);
      expect(r.accountRate.lessThan(r.totalRate)).toBe(true);
    }
  });
});

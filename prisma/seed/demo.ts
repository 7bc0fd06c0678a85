/**
 * The demo that `npm start` seeds when the database has no offices: the offices, users, people
 * and crediting rates of demo-data.json exactly (the journeys and golden amounts depend on them),
 * the official 2025 and 2026 holiday calendars, and a few hundred generated people per office.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { hashPassword } from "@/lib/auth/password";
import { CN_HOLIDAY_YEARS } from "@/lib/domain/holidays-cn";
import { generateCreditCode } from "@/lib/domain/credit-code";
import type { Role } from "@/lib/auth/permissions";
import demo from "./demo-data.json";
import { createOffice, createPerson, createUser, recordRow, type RecordInput } from "./factories";
import { generatePeople } from "./generated-people";

/**
 * Contact details and the receiving account printed on the contact letter. The banks are real
 * banks' branch names; the bank codes and account numbers are made up and obviously so (a demo
 * account is 4000 0000 0000 0000 00x): never send money to them.
 */
const officeDetails: Record<string, {
  address: string; postcode: string; phone: string;
  bankName: string; bankCode: string; accountName: string; accountNumber: string;
  districts: string[]; employers: string[];
}> = {
  "440300": {
    address: "深圳市福田区福中三路市民中心C区",
    postcode: "518035",
    phone: "0755-12333",
    bankName: "中国工商银行股份有限公司深圳市分行营业部",
    bankCode: "102584099990",
    accountName: "深圳市社会保险基金管理局",
    accountNumber: "4000000000000000001",
    districts: ["440303", "440304", "440305", "440306", "440307"],
    employers: ["深圳市南山科技有限公司", "深圳市福田贸易有限公司", "深圳市宝安精密制造有限公司", "深圳市前海金融服务有限公司"],
  },
  "430100": {
    address: "长沙市岳麓区岳麓大道218号",
    postcode: "410013",
    phone: "0731-12333",
    bankName: "中国建设银行股份有限公司长沙岳麓支行",
    bankCode: "105551099990",
    accountName: "长沙市社会保险服务中心",
    accountNumber: "4000000000000000002",
    districts: ["430102", "430103", "430104", "430105", "430111"],
    employers: ["长沙市湘江机械有限公司", "长沙市岳麓软件有限公司", "长沙市芙蓉商贸有限公司"],
  },
};

/** The demo's named employers (their credit codes appear in demo-data.json). */
const namedEmployers: Record<string, string> = {
  "91440300MA5FXY125P": "深圳市华南电子科技有限公司",
  "91430100MA4L0XX12W": "长沙市湘中建设工程有限公司",
};

export const DEMO_LAST_MONTH = "2024-12";

export async function seedDemo(options: { generatedPerOffice?: number } = {}) {
  const generatedPerOffice = options.generatedPerOffice ?? 300;
  const passwordHash = await hashPassword(demo.password);
  await transaction(
    async (tx) => {
      const offices = new Map<string, { id: string; province: string }>();
      for (const o of demo.offices) {
        const details = officeDetails[o.code];
        const office = await createOffice(tx, {
          ...o,
          address: details?.address ?? "",
          postcode: details?.postcode ?? "",
          phone: details?.phone ?? "",
          bankName: details?.bankName ?? "",
          bankCode: details?.bankCode ?? "",
          accountName: details?.accountName ?? "",
          accountNumber: details?.accountNumber ?? "",
        });
        offices.set(o.code, office);
      }
      const officeId = (code: string) => offices.get(code)!.id;

      for (const u of demo.users) {
        await createUser(
          tx,
          { username: u.username, name: u.name, role: u.role as Role, officeId: officeId(u.office), password: demo.password },
          passwordHash,
        );
      }

      await tx.creditingRate.createMany({
        data: Object.entries(demo.creditingRates).map(([year, rate]) => ({
          year: Number(year),
          scope: "national",
          rate: new Prisma.Decimal(rate),
          source: "人社部 财政部 年度职工基本养老保险个人账户记账利率公告",
        })),
      });

      for (const y of CN_HOLIDAY_YEARS) {
        await tx.holiday.createMany({
          data: [
            ...y.holidays.map((d) => ({ date: new Date(`${d}T00:00:00Z`), kind: "HOLIDAY" as const, name: y.source })),
            ...y.makeUpWorkdays.map((d) => ({ date: new Date(`${d}T00:00:00Z`), kind: "WORKDAY" as const, name: y.source })),
          ],
        });
      }

      const employerIds = await seedEmployers(tx, offices);

      const taken = new Set<string>();
      for (const p of demo.people) {
        taken.add(p.idNumber);
        await createPerson(tx, {
          idNumber: p.idNumber,
          name: p.name,
          sex: p.sex as "M" | "F",
          birthDate: p.birthDate,
          hukouProvince: p.hukouProvince,
          officeId: officeId(p.office),
          records: p.records.map((r) => ({
            ...(r as RecordInput),
            officeId: officeId((r as { office?: string }).office ?? p.office),
            employerId: "employerCreditCode" in r ? employerIds.get(r.employerCreditCode as string) : null,
          })),
        });
      }

      let seed = 20260101;
      for (const [code, office] of offices) {
        const details = officeDetails[code];
        if (!details) continue;
        const generated = generatePeople({
          seed: seed++,
          count: generatedPerOffice,
          districtCodes: details.districts,
          hukouProvince: office.province,
          employerCount: details.employers.length,
          lastMonth: DEMO_LAST_MONTH,
          taken,
        });
        await tx.insuredPerson.createMany({
          data: generated.map((g) => ({
            idNumber: g.idNumber, name: g.name, sex: g.sex, birthDate: new Date(`${g.birthDate}T00:00:00Z`),
            hukouProvince: g.hukouProvince, officeId: office.id,
          })),
        });
        const ids = await tx.insuredPerson.findMany({
          where: { idNumber: { in: generated.map((g) => g.idNumber) } },
          select: { id: true, idNumber: true },
        });
        const idOf = new Map(ids.map((r) => [r.idNumber, r.id]));
        const officeEmployers = details.employers.map((name) => employerIds.get(name)!);
        await tx.contributionRecord.createMany({
          data: generated.flatMap((g) =>
            g.records.map((r) =>
              recordRow(idOf.get(g.idNumber)!, office.id, {
                ...r,
                employerId: r.employerIndex === null ? null : officeEmployers[r.employerIndex],
              }),
            ),
          ),
        });
      }
    },
    { timeout: 120_000, maxWait: 20_000 },
  );
}

/** Employers keyed by credit code (named ones) and by name (generated ones). */
async function seedEmployers(tx: Tx, offices: Map<string, { id: string }>) {
  const ids = new Map<string, string>();
  for (const [creditCode, name] of Object.entries(namedEmployers)) {
    const officeCode = creditCode.slice(2, 8);
    const office = offices.get(officeCode) ?? [...offices.values()][0];
    const e = await tx.employer.create({ data: { creditCode, name, officeId: office.id }, select: { id: true } });
    ids.set(creditCode, e.id);
  }
  let n = 0;
  for (const [code, details] of Object.entries(officeDetails)) {
    const office = offices.get(code);
    if (!office) continue;
    for (const name of details.employers) {
      // 91 = enterprise; the organisation code body is derived from a counter, check characters computed.
      const creditCode = generateCreditCode(`91${code}MA${String(1000 + n++).padStart(4, "0")}Q8`);
      const e = await tx.employer.create({ data: { creditCode, name, officeId: office.id }, select: { id: true } });
      ids.set(name, e.id);
    }
  }
  return ids;
}

export async function seedDemoIfEmpty(): Promise<boolean> {
  if ((await db.office.count()) > 0) return false;
  console.log("[jingban] empty database: seeding the demo");
  await seedDemo();
  return true;
}

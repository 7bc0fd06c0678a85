/**
 * Fresh people with the records of the demo people (prisma/seed/demo-data.json), for test files
 * that must not touch the shared demo people: every integration file of a run shares one
 * database, and case-journeys already surrenders P1, refunds P4 and transfers P3.
 */
import { randomInt } from "node:crypto";
import { db } from "@/lib/db/client";
import { generateIdNumber } from "@/lib/domain/id-number";
import demo from "@/prisma/seed/demo-data.json";
import { createPerson, type RecordInput } from "@/prisma/seed/factories";

export type DemoPersonKey = "P1" | "P2" | "P3" | "P4" | "P5";

export function demoPerson(key: DemoPersonKey) {
  const p = demo.people.find((x) => x.key === key);
  if (!p) throw new Error(`no demo person ${key}`);
  return p;
}

const issued = new Set<string>();

/**
 * A valid ID number nobody in the database has (neither a person nor a user), with the given
 * birth date and sex. The address code varies in its last two digits so that hundreds of clones
 * of one demo person never run out of sequence numbers.
 */
export async function freshIdNumber(args: { birthDate: string; sex: "M" | "F"; addressPrefix?: string }): Promise<string> {
  const prefix = (args.addressPrefix ?? "4403").slice(0, 4);
  for (let attempt = 0; attempt < 200; attempt++) {
    const idNumber = generateIdNumber({
      addressCode: `${prefix}${String(randomInt(1, 100)).padStart(2, "0")}`,
      birthDate: args.birthDate,
      sex: args.sex,
      sequence: randomInt(0, 1000),
    });
    if (issued.has(idNumber)) continue;
    issued.add(idNumber);
    const [person, user] = await Promise.all([
      db.insuredPerson.findUnique({ where: { idNumber }, select: { id: true } }),
      db.user.findFirst({ where: { idNumber }, select: { id: true } }),
    ]);
    if (!person && !user) return idNumber;
  }
  throw new Error("could not find a free ID number");
}

export interface ClonedPerson {
  key: DemoPersonKey;
  id: string;
  idNumber: string;
  name: string;
  officeId: string;
}

/**
 * A new person with the demo person's sex, birth date, hukou and records, but a new ID number.
 * `offices` maps the demo's office codes to other offices (e.g. {"440300": "912345"}); unmapped
 * codes stay as they are. Employers are kept only where the record's office is unchanged.
 */
export async function clonePerson(
  key: DemoPersonKey,
  options: { offices?: Record<string, string>; name?: string } = {},
): Promise<ClonedPerson> {
  const p = demoPerson(key);
  const mapCode = (code: string) => options.offices?.[code] ?? code;
  const codes = [...new Set([p.office, ...p.records.map((r) => (r as { office?: string }).office ?? p.office)].map(mapCode))];
  const offices = await db.office.findMany({ where: { code: { in: codes } }, select: { id: true, code: true } });
  const idOf = new Map(offices.map((o) => [o.code, o.id]));
  for (const code of codes) if (!idOf.has(code)) throw new Error(`office ${code} is not in the database`);

  const records: RecordInput[] = [];
  for (const r of p.records) {
    const demoCode = (r as { office?: string }).office ?? p.office;
    const creditCode = (r as { employerCreditCode?: string }).employerCreditCode;
    const employer =
      creditCode && mapCode(demoCode) === demoCode
        ? await db.employer.findUnique({ where: { creditCode }, select: { id: true } })
        : null;
    records.push({
      from: r.from, to: r.to, monthlyBase: r.monthlyBase, payerType: r.payerType as RecordInput["payerType"],
      rate: r.rate, accountRate: r.accountRate, officeId: idOf.get(mapCode(demoCode))!, employerId: employer?.id ?? null,
    });
  }
  const idNumber = await freshIdNumber({ birthDate: p.birthDate, sex: p.sex as "M" | "F", addressPrefix: p.idNumber.slice(0, 4) });
  const person = await createPerson(db, {
    idNumber, name: options.name ?? p.name, sex: p.sex as "M" | "F", birthDate: p.birthDate, hukouProvince: p.hukouProvince,
    officeId: idOf.get(mapCode(p.office))!, records,
  });
  return { key, ...person };
}

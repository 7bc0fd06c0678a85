import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { generateIdNumber } from "@/lib/domain/id-number";
import { findPeople, getPersonForOffice } from "@/lib/people/queries";
import { createOffice, createPerson, type RecordInput } from "@/prisma/seed/factories";

// Office codes, ID numbers (address code 110101, born 1970) and names are unique to this file.
let officeA: { officeId: string };
let officeB: { officeId: string };
const ids = {
  onlyB: generateIdNumber({ addressCode: "110101", birthDate: "1970-01-01", sex: "M", sequence: 11 }),
  relationshipB_recordA: generateIdNumber({ addressCode: "110101", birthDate: "1970-01-02", sex: "F", sequence: 12 }),
  onlyA: generateIdNumber({ addressCode: "110101", birthDate: "1970-01-03", sex: "M", sequence: 13 }),
  withX: "",
};
const personIds: Record<string, string> = {};

const record = (officeId: string, from: string, to: string, base = "5000"): RecordInput => ({
  from, to, monthlyBase: base, payerType: "employer", rate: "0.24", accountRate: "0.08", officeId,
});

beforeAll(async () => {
  const a = await createOffice(db, { code: "IT-PPL-A", name: "甲测试机构", nameEn: "Test office A", province: "北京", approvalLimit: "50000.00" });
  const b = await createOffice(db, { code: "IT-PPL-B", name: "乙测试机构", nameEn: "Test office B", province: "天津", approvalLimit: "50000.00" });
  officeA = { officeId: a.id };
  officeB = { officeId: b.id };

  personIds.onlyB = (await createPerson(db, {
    idNumber: ids.onlyB, name: "乙地甲", sex: "M", birthDate: "1970-01-01", hukouProvince: "天津", officeId: b.id,
    records: [record(b.id, "2020-01", "2020-12")],
  })).id;
  personIds.relationshipB_recordA = (await createPerson(db, {
    idNumber: ids.relationshipB_recordA, name: "乙地乙", sex: "F", birthDate: "1970-01-02", hukouProvince: "天津", officeId: b.id,
    records: [record(b.id, "2019-01", "2019-12", "4000"), record(a.id, "2021-01", "2021-06", "6000.50")],
  })).id;
  personIds.onlyA = (await createPerson(db, {
    idNumber: ids.onlyA, name: "甲地甲", sex: "M", birthDate: "1970-01-03", hukouProvince: "北京", officeId: a.id,
  })).id;

  // An ID number whose check character is X (searching with a lower-case x finds it).
  for (let seq = 100; !ids.withX; seq += 2) {
    const candidate = generateIdNumber({ addressCode: "110101", birthDate: "1970-02-01", sex: "M", sequence: seq });
    if (candidate.endsWith("X")) ids.withX = candidate;
  }
  personIds.withX = (await createPerson(db, {
    idNumber: ids.withX, name: "甲地叉", sex: "M", birthDate: "1970-02-01", hukouProvince: "北京", officeId: a.id,
  })).id;

  // 205 people whose names start with 测 in office A: more than the hard cap of 200.
  await db.insuredPerson.createMany({
    data: Array.from({ length: 205 }, (_, i) => ({
      idNumber: generateIdNumber({ addressCode: "110102", birthDate: `1971-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + Math.floor(i / 12)).padStart(2, "0")}`, sex: "F", sequence: 20 }),
      name: `测${String(i).padStart(3, "0")}`,
      sex: "F" as const,
      birthDate: new Date("1971-01-01T00:00:00Z"),
      hukouProvince: "北京",
      officeId: a.id,
    })),
  });
});

describe("office isolation", () => {
  test("a person with records only in office B is not found by office A", async () => {
    expect(await findPeople(officeA, ids.onlyB)).toEqual([]);
    expect(await findPeople(officeA, "乙地甲")).toEqual([]);
    expect(await getPersonForOffice(officeA, personIds.onlyB)).toBeNull();
    expect((await findPeople(officeB, ids.onlyB)).map((p) => p.name)).toEqual(["乙地甲"]);
  });

  test("a person with a record in office A is found by A, with every record", async () => {
    const found = await findPeople(officeA, ids.relationshipB_recordA);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ name: "乙地乙", office: { code: "IT-PPL-B" } });

    const person = await getPersonForOffice(officeA, personIds.relationshipB_recordA);
    expect(person?.records.map((r) => [r.fromMonth, r.toMonth, r.monthlyBase.toFixed(2), r.office.code])).toEqual([
      ["2019-01", "2019-12", "4000.00", "IT-PPL-B"],
      ["2021-01", "2021-06", "6000.50", "IT-PPL-A"],
    ]);
  });

  test("a person whose relationship is in A is found by A only", async () => {
    expect(await findPeople(officeA, ids.onlyA)).toHaveLength(1);
    expect(await findPeople(officeB, ids.onlyA)).toEqual([]);
    expect(await getPersonForOffice(officeB, personIds.onlyA)).toBeNull();
  });

  test("a malformed or unknown id is null, not an error", async () => {
    expect(await getPersonForOffice(officeA, "not-a-uuid")).toBeNull();
    expect(await getPersonForOffice(officeA, "'; DROP TABLE \"InsuredPerson\"; --")).toBeNull();
    expect(await getPersonForOffice(officeA, "00000000-0000-0000-0000-000000000000")).toBeNull();
  });
});

describe("search", () => {
  test("a full ID number matches exactly, never as a prefix", async () => {
    expect((await findPeople(officeA, ids.onlyA)).map((p) => p.idNumber)).toEqual([ids.onlyA]);
    expect(await findPeople(officeA, ids.onlyA.slice(0, 17))).toEqual([]);
    expect(await findPeople(officeA, `  ${ids.onlyA}  `)).toHaveLength(1);
  });

  test("a lower-case x check character finds the upper-case X", async () => {
    expect((await findPeople(officeA, ids.withX.toLowerCase())).map((p) => p.idNumber)).toEqual([ids.withX]);
  });

  test("a name matches by prefix only", async () => {
    expect((await findPeople(officeA, "甲地")).map((p) => p.name)).toEqual(["甲地叉", "甲地甲"].sort());
    expect(await findPeople(officeA, "地甲")).toEqual([]);
    expect((await findPeople(officeB, "乙地")).map((p) => p.name).sort()).toEqual(["乙地乙", "乙地甲"]);
  });

  test("results are ordered by name", async () => {
    const names = (await findPeople(officeA, "测", 10)).map((p) => p.name);
    expect(names).toEqual(["测000", "测001", "测002", "测003", "测004", "测005", "测006", "测007", "测008", "测009"]);
  });

  test("an empty or blank query finds nobody", async () => {
    expect(await findPeople(officeA, "")).toEqual([]);
    expect(await findPeople(officeA, "   ")).toEqual([]);
  });

  // Prisma's startsWith does not escape LIKE wildcards (prisma/prisma#19506); lib/db/scope.ts
  // likePrefix does, so "%" and "_" are plain text: no name here begins with them.
  test("LIKE wildcards are text, and a search never crosses offices", async () => {
    expect(await findPeople(officeB, "%", 200)).toEqual([]);
    expect(await findPeople(officeB, "_", 200)).toEqual([]);
    expect((await findPeople(officeB, "乙", 200)).map((p) => p.name).sort()).toEqual(["乙地乙", "乙地甲"]);
  });

  test("a query over 64 characters is cut, not an error", async () => {
    expect(await findPeople(officeA, `测${"0".repeat(10_000)}`)).toEqual([]);
  });
});

describe("limit", () => {
  test.each([
    ["the default", undefined, 50],
    ["a small limit", 3, 3],
    ["zero (at least one)", 0, 1],
    ["a negative limit", -10, 1],
    ["a huge limit (capped at 200)", 100_000, 200],
  ])("%s", async (_label, limit, expected) => {
    expect(await findPeople(officeA, "测", limit)).toHaveLength(expected);
  });

  test("the cap holds in the other office too: B sees none of A's people", async () => {
    expect(await findPeople(officeB, "测", 1000)).toEqual([]);
  });
});

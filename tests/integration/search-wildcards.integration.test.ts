import { describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { findPeople } from "@/lib/people/queries";
import { generateIdNumber } from "@/lib/domain/id-number";
import { createOffice, createPerson } from "@/prisma/seed/factories";

describe("prefix searches treat % and _ as text", () => {
  test("a name search for '%' or '_' finds only names that begin with them", async () => {
    const code = `8${String(Date.now()).slice(-5)}`;
    const office = await createOffice(db, { code, name: "通配符测试局", nameEn: "Wildcard Office", province: "广东", approvalLimit: "50000.00" });
    const make = (name: string, seq: number) =>
      createPerson(db, { idNumber: generateIdNumber({ addressCode: "440305", birthDate: "1980-01-01", sex: "M", sequence: 100 + seq * 2 + 1 }), name, sex: "M", birthDate: "1980-01-01", hukouProvince: "广东", officeId: office.id });
    await make("王_芳", 1);
    await make("王小芳", 2);
    await make("%李", 3);
    const user = { officeId: office.id };
    expect((await findPeople(user, "王_")).map((p) => p.name)).toEqual(["王_芳"]);
    expect((await findPeople(user, "%")).map((p) => p.name)).toEqual(["%李"]);
    expect((await findPeople(user, "王")).map((p) => p.name).sort()).toEqual(["王_芳", "王小芳"].sort());
  });
});

import { describe, expect, test, vi } from "vitest";
import { db } from "@/lib/db/client";
import { join, q, raw, render, sql, sqlOf, transaction } from "@/lib/db/sql";
import { createOffice } from "@/prisma/seed/factories";

describe("q renders bound parameters, never text", () => {
  test("values become $n in order; nested fragments and raw text keep their place", () => {
    const scope = q`c."officeId" = ${"o-1"}`;
    const where = join([q`c.id = ${"x'; DROP TABLE \"Case\"; --"}`, scope, q`c.amount <= ${"10.00"}`], " AND ");
    const { text, values } = render(q`SELECT ${raw("c.id")} FROM "Case" c WHERE ${where} LIMIT ${5}`);
    expect(text).toBe(`SELECT c.id FROM "Case" c WHERE c.id = $1 AND c."officeId" = $2 AND c.amount <= $3 LIMIT $4`);
    expect(values).toEqual([`x'; DROP TABLE "Case"; --`, "o-1", "10.00", 5]);
  });

  test("dates go as ISO instants and objects as JSON", () => {
    const at = new Date("2026-11-22T01:02:03.456Z");
    expect(render(q`${at} ${{ a: ["1.10"] }} ${null}`).values).toEqual(["2026-11-22T01:02:03.456Z", `{"a":["1.10"]}`, null]);
  });
});

describe("sqlOf(tx) runs on the transaction's own connection", () => {
  const office = () => createOffice(db, { code: `S${String(Date.now()).slice(-5)}${Math.floor(Math.random() * 90 + 10)}`, name: "SQL测试局", nameEn: "SQL Office", province: "广东", approvalLimit: "100.00" });

  test("it sees the transaction's uncommitted Prisma writes, Prisma sees its writes, and both roll back together", async () => {
    const o = await office();
    await expect(
      transaction(async (tx) => {
        await tx.office.update({ where: { id: o.id }, data: { approvalLimit: "200.00" } });
        const [inside] = await sqlOf(tx).rows<{ limit: string }>(q`SELECT "approvalLimit"::text AS limit FROM "Office" WHERE id = ${o.id}`);
        const [outside] = await sql.rows<{ limit: string }>(q`SELECT "approvalLimit"::text AS limit FROM "Office" WHERE id = ${o.id}`);
        expect([inside.limit, outside.limit]).toEqual(["200.00", "100.00"]);
        expect(await sqlOf(tx).exec(q`UPDATE "Office" SET "approvalLimit" = ${"300.00"} WHERE id = ${o.id}`)).toBe(1);
        expect((await tx.office.findUniqueOrThrow({ where: { id: o.id } })).approvalLimit.toFixed(2)).toBe("300.00");
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    expect((await db.office.findUniqueOrThrow({ where: { id: o.id } })).approvalLimit.toFixed(2)).toBe("100.00");
  });

  test("concurrent transactions each get their own connection and commit their own writes", async () => {
    const o = await office();
    const ids = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        transaction(async (tx) => {
          const [{ pid }] = await sqlOf(tx).rows<{ pid: number }>(q`SELECT pg_backend_pid() AS pid`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          const [{ pid: again }] = await sqlOf(tx).rows<{ pid: number }>(q`SELECT pg_backend_pid() AS pid`);
          const [{ prismaPid }] = await tx.$queryRaw<{ prismaPid: number }[]>`SELECT pg_backend_pid() AS "prismaPid"`;
          expect([again, prismaPid]).toEqual([pid, pid]);
          await sqlOf(tx).exec(q`INSERT INTO "Setting" (id, "officeId", key, value) VALUES (gen_random_uuid(), ${o.id}, ${`sql.test.${i}`}, ${String(i)})`);
          return pid;
        }),
      ),
    );
    expect(new Set(ids).size).toBe(6);
    expect(await db.setting.count({ where: { officeId: o.id, key: { startsWith: "sql.test." } } })).toBe(6);
  });

  test("a second copy of the module, as a bundler may load one, shares the transactions of the first", async () => {
    vi.resetModules();
    const copy = await import("@/lib/db/sql");
    expect(copy.transaction).not.toBe(transaction);
    await copy.transaction(async (tx) => expect(await sqlOf(tx).rows(q`SELECT 1 AS one`)).toEqual([{ one: 1 }]));
    await transaction(async (tx) => expect(await copy.sqlOf(tx).rows(copy.q`SELECT 2 AS two`)).toEqual([{ two: 2 }]));
  });

  test("a tx from elsewhere, or one that has ended, is refused loudly", async () => {
    await expect(db.$transaction(async (tx) => sqlOf(tx))).rejects.toThrow(/not opened by transaction/);
    let leaked: Parameters<typeof sqlOf>[0] | undefined;
    await transaction(async (tx) => {
      leaked = tx;
    });
    await expect(sqlOf(leaked!).rows(q`SELECT 1`)).rejects.toThrow(/has ended/);
  });
});

import type { Tx } from "@/lib/db/client";

/**
 * The next number of a per-office, per-year series (case numbers, document serials). One
 * upsert-increment statement: concurrent transactions queue on the row and never get the same
 * number; a rolled-back transaction gives its number back.
 */
export async function nextNumber(tx: Tx, officeId: string, kind: string, year: number): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ value: number }>>`
    INSERT INTO "Counter" ("officeId", kind, year, value) VALUES (${officeId}::uuid, ${kind}, ${year}, 1)
    ON CONFLICT ("officeId", kind, year) DO UPDATE SET value = "Counter".value + 1
    RETURNING value`;
  return rows[0].value;
}

const prefixes = { SURRENDER: "TB", DUPLICATE_REFUND: "TF", TRANSFER_IN: "ZR", TRANSFER_OUT: "ZC" } as const;

/** 440300-TB-2026-000012: office, type (退保 TB, 退费 TF, 转入 ZR, 转出 ZC), year, sequence. */
export async function nextCaseNumber(
  tx: Tx,
  office: { id: string; code: string },
  type: keyof typeof prefixes,
  year: number,
): Promise<string> {
  const n = await nextNumber(tx, office.id, `case-${type}`, year);
  return `${office.code}-${prefixes[type]}-${year}-${String(n).padStart(6, "0")}`;
}

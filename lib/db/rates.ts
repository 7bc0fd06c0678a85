import type { Tx } from "./client";
import { Money, type Dec } from "@/lib/domain/money";

/** The published national crediting rates (记账利率) by year, as exact decimals. */
export async function loadCreditingRates(tx: Tx): Promise<Map<number, Dec>> {
  const rows = await tx.creditingRate.findMany({ where: { scope: "national", provisional: false }, select: { year: true, rate: true } });
  return new Map(rows.map((r) => [r.year, new Money(r.rate.toString())]));
}

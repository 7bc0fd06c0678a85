import type { Tx } from "@/lib/db/client";
import { chainNames, GENESIS_HASH, type ChainName } from "./chain";

/**
 * The daily chain head (日终链头): for each of an office's chains, the last event written before
 * the end of a calendar day in Beijing time — its seq and hash. Printed or exported and kept
 * outside the system (a register, another office, a notary), it pins the history up to that day:
 * any later edit of an earlier event changes every hash after it, and no longer reaches this one.
 */
export interface DailyHead {
  chain: ChainName;
  /** 0 and the genesis hash when the chain had no event yet. */
  seq: number;
  hash: string;
  /** When that event was written (ISO, UTC); null for the genesis. */
  at: string | null;
}

export interface DailyHeads {
  office: { code: string; name: string; nameEn: string };
  /** The day, YYYY-MM-DD, in Asia/Shanghai. */
  date: string;
  timeZone: "Asia/Shanghai";
  /** The first instant after the day (exclusive bound), ISO UTC. */
  endsAt: string;
  heads: DailyHead[];
}

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** YYYY-MM-DD naming a real calendar day (not 2026-02-30, which Date would roll into March). */
export function isCalendarDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant a Beijing day ends: YYYY-MM-DD + 1 day at 00:00 +08:00. */
export function endOfShanghaiDay(date: string): Date {
  if (!isCalendarDate(date)) throw new RangeError(`not a date: ${date}`);
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000);
}

async function lastBefore(db: Tx, chain: ChainName, officeId: string, end: Date) {
  // By seq, not by time: the head is the highest link written before the end of the day.
  const args = {
    where: { officeId, at: { lt: end } },
    orderBy: { seq: "desc" as const },
    select: { seq: true, hash: true, at: true },
  };
  return chain === "case" ? db.caseEvent.findFirst(args) : db.certificateEvent.findFirst(args);
}

export async function getDailyHeads(db: Tx, officeId: string, date: string): Promise<DailyHeads> {
  const end = endOfShanghaiDay(date);
  const office = await db.office.findUniqueOrThrow({ where: { id: officeId }, select: { code: true, name: true, nameEn: true } });
  const heads: DailyHead[] = [];
  for (const chain of chainNames) {
    const row = await lastBefore(db, chain, officeId, end);
    heads.push(row ? { chain, seq: row.seq, hash: row.hash, at: row.at.toISOString() } : { chain, seq: 0, hash: GENESIS_HASH, at: null });
  }
  return { office, date, timeZone: "Asia/Shanghai", endsAt: end.toISOString(), heads };
}

/** Yesterday in Beijing time: the last whole day, the default day of a chain-head sheet. */
export function lastWholeShanghaiDay(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(now.getTime() - 86_400_000),
  );
}

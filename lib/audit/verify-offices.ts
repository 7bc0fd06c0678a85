import type { Tx } from "@/lib/db/client";
import { chainNames, verifyChain, type ChainName, type ChainProblem } from "./chain";

/**
 * The chain check over offices: every office's "case" and "certificate" chains, each recomputed
 * with `verifyChain`. A broken chain is described by the event where it breaks — its office
 * code, chain, seq and row id — so that an auditor can find the row (`audit:verify`, the
 * auditor's page and GET /api/v1/audit/verify all print this).
 */
export interface ChainReport {
  officeId: string;
  officeCode: string;
  chain: ChainName;
  ok: boolean;
  events: number;
  headHash?: string;
  broken?: BrokenEvent;
}

export interface BrokenEvent {
  seq: number;
  problem: ChainProblem;
  /** The row at `seq` (or, for a gap, the first row after it); null when there is none. */
  eventId: string | null;
  at: string | null;
}

async function findEvent(db: Tx, chain: ChainName, officeId: string, seq: number): Promise<{ id: string; at: Date } | null> {
  const where = { officeId, seq: { gte: seq } };
  const select = { id: true, at: true } as const;
  const orderBy = { seq: "asc" } as const;
  return chain === "case"
    ? db.caseEvent.findFirst({ where, select, orderBy })
    : db.certificateEvent.findFirst({ where, select, orderBy });
}

/** One office's chains (the auditor's page checks their own office). */
export async function verifyOfficeChains(db: Tx, office: { id: string; code: string }): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for (const chain of chainNames) {
    const result = await verifyChain(db, office.id, chain);
    if (result.ok) {
      reports.push({ officeId: office.id, officeCode: office.code, chain, ok: true, events: result.events, headHash: result.headHash });
      continue;
    }
    const row = await findEvent(db, chain, office.id, result.brokenAtSeq);
    reports.push({
      officeId: office.id, officeCode: office.code, chain, ok: false, events: result.events,
      broken: { seq: result.brokenAtSeq, problem: result.problem, eventId: row?.id ?? null, at: row ? row.at.toISOString() : null },
    });
  }
  return reports;
}

/** Every office of the deployment, in code order. */
export async function verifyAllChains(db: Tx): Promise<ChainReport[]> {
  const offices = await db.office.findMany({ select: { id: true, code: true }, orderBy: { code: "asc" } });
  const reports: ChainReport[] = [];
  for (const office of offices) reports.push(...(await verifyOfficeChains(db, office)));
  return reports;
}

/** One line per chain, e.g. `440300 case ok 1234 events` or `440300 case BROKEN seq 17 …`. */
export function formatReport(r: ChainReport): string {
  if (r.ok) return `${r.officeCode} ${r.chain} ok ${r.events} events head ${r.headHash}`;
  const b = r.broken!;
  return `${r.officeCode} ${r.chain} BROKEN at seq ${b.seq}: ${b.problem} (event ${b.eventId ?? "none"}${b.at ? ` at ${b.at}` : ""}); ${r.events} events verified before it`;
}

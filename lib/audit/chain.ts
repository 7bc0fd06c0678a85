import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/client";
import { q, sqlOf, type Sql } from "@/lib/db/sql";
import { canonicalJson, sha256Hex, type JsonObject, type JsonValue } from "./canonical-json";

/**
 * Hash chains per office (DESIGN.md: "hash-chained per office"). Each chain is one append-only
 * table — CertificateEvent for "certificate", CaseEvent for "case" — whose rows carry
 * `seq`, `prevHash` and `hash`; the head of each chain is a ChainHead row.
 *
 * Writers call `appendToChain` inside their transaction, then insert their event row with the
 * returned seq/prevHash/hash. The ChainHead row is locked FOR UPDATE until the transaction ends,
 * so two writers of one office never fork the chain, and a rolled-back transaction leaves no gap.
 * Deleting or editing an event (which the append-only trigger refuses to anyone but a superuser)
 * is found by `verifyChain`.
 */
export type ChainName = "certificate" | "case";
export const chainNames: readonly ChainName[] = ["certificate", "case"];

export const GENESIS_HASH = "0".repeat(64);

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/** sha256 over the canonical JSON of {chain, officeId, seq, prevHash, content}. */
export function chainHash(args: { chain: ChainName; officeId: string; seq: number; prevHash: string; content: JsonValue }): string {
  return sha256Hex(
    canonicalJson({ chain: args.chain, officeId: args.officeId, seq: args.seq, prevHash: args.prevHash, content: args.content }),
  );
}

async function lockHead(sql: Sql, officeId: string, chain: ChainName): Promise<{ seq: number; hash: string }> {
  const select = () => sql.rows<{ seq: number; hash: string }>(
    q`SELECT "seq", "hash" FROM "ChainHead" WHERE "officeId" = ${officeId} AND "chain" = ${chain} FOR UPDATE`);
  // After an office's first event the row exists: one statement locks and reads it (every event
  // paid for an extra INSERT … ON CONFLICT before; npm run bench). The first writer creates it,
  // racing safely with another first writer.
  let rows = await select();
  if (rows.length === 0) {
    await sql.exec(q`INSERT INTO "ChainHead" ("officeId", "chain", "seq", "hash")
      VALUES (${officeId}, ${chain}, 0, ${GENESIS_HASH}) ON CONFLICT DO NOTHING`);
    rows = await select();
  }
  if (rows.length !== 1) throw new Error(`chain head ${chain}/${officeId} missing after insert`);
  return { seq: Number(rows[0].seq), hash: rows[0].hash };
}

/**
 * Appends events to the office's chain, in order, and moves the head. Returns one link per
 * content. Must run inside the transaction that inserts the rows (lib/db/sql.ts `transaction`);
 * its statements run over pg on that transaction's connection (decision 0008).
 */
export async function appendManyToChain(
  tx: Tx,
  args: { officeId: string; chain: ChainName; contents: readonly JsonValue[] },
): Promise<ChainLink[]> {
  if (args.contents.length === 0) return [];
  const sql = sqlOf(tx);
  const head = await lockHead(sql, args.officeId, args.chain);
  const links: ChainLink[] = [];
  let prevHash = head.hash;
  let seq = head.seq;
  for (const content of args.contents) {
    seq += 1;
    const hash = chainHash({ chain: args.chain, officeId: args.officeId, seq, prevHash, content });
    links.push({ seq, prevHash, hash });
    prevHash = hash;
  }
  await sql.exec(q`UPDATE "ChainHead" SET "seq" = ${seq}, "hash" = ${prevHash}
    WHERE "officeId" = ${args.officeId} AND "chain" = ${args.chain}`);
  return links;
}

/** One event: lock the head, hash `content` with the previous hash, move the head. */
export async function appendToChain(
  tx: Tx,
  args: { officeId: string; chain: ChainName; content: JsonValue },
): Promise<ChainLink> {
  const [link] = await appendManyToChain(tx, { officeId: args.officeId, chain: args.chain, contents: [args.content] });
  return link;
}

// ---- What is hashed for each table: one function used when writing and when verifying. ----

export interface CertificateEventContentInput {
  certificateId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  reason?: string | null;
  data?: unknown;
  at: Date;
}

export function certificateEventContent(e: CertificateEventContentInput): JsonObject {
  return {
    certificateId: e.certificateId,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    reason: e.reason ?? null,
    data: (e.data ?? {}) as JsonValue,
    at: e.at.toISOString(),
  };
}

export interface CaseEventContentInput {
  caseId: string;
  action: string;
  actorId: string | null;
  actorName: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: unknown;
  /** Set it explicitly on the row (not the column default) so the hash covers the stored time. */
  at: Date;
}

/** The content of a CaseEvent row as hashed: pass it to appendToChain, insert the same values. */
export function caseEventContent(e: CaseEventContentInput): JsonObject {
  return {
    caseId: e.caseId,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    fromStatus: e.fromStatus ?? null,
    toStatus: e.toStatus ?? null,
    reason: e.reason ?? null,
    data: (e.data ?? {}) as JsonValue,
    at: e.at.toISOString(),
  };
}

// ---- Verification ----

export type ChainVerification =
  | { ok: true; chain: ChainName; officeId: string; events: number; headHash: string }
  | { ok: false; chain: ChainName; officeId: string; events: number; brokenAtSeq: number; problem: ChainProblem };

export type ChainProblem = "seq-gap" | "prev-hash-mismatch" | "hash-mismatch" | "head-mismatch";

interface StoredLink extends ChainLink {
  content: JsonValue;
}

const PAGE = 1000;

async function loadPage(db: Tx, chain: ChainName, officeId: string, afterSeq: number): Promise<StoredLink[]> {
  if (chain === "certificate") {
    const rows = await db.certificateEvent.findMany({
      where: { officeId, seq: { gt: afterSeq } },
      orderBy: { seq: "asc" },
      take: PAGE,
      select: { seq: true, prevHash: true, hash: true, certificateId: true, action: true, actorId: true, actorName: true, reason: true, data: true, at: true },
    });
    return rows.map((r) => ({ seq: r.seq, prevHash: r.prevHash, hash: r.hash, content: certificateEventContent(r) }));
  }
  const rows = await db.caseEvent.findMany({
    where: { officeId, seq: { gt: afterSeq } },
    orderBy: { seq: "asc" },
    take: PAGE,
    select: {
      seq: true, prevHash: true, hash: true, caseId: true, action: true, actorId: true, actorName: true,
      fromStatus: true, toStatus: true, reason: true, data: true, at: true,
    },
  });
  return rows.map((r) => ({ seq: r.seq, prevHash: r.prevHash, hash: r.hash, content: caseEventContent(r) }));
}

/**
 * Recomputes an office's chain from its first event: sequence numbers 1, 2, 3 … without gaps,
 * each prevHash equal to the previous hash, each hash equal to the hash of the stored content,
 * and the head equal to the last event. Reads in pages, so a long chain needs little memory.
 */
export async function verifyChain(db: Tx, officeId: string, chain: ChainName): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  const fail = (seq: number, problem: ChainProblem): ChainVerification => ({
    ok: false, chain, officeId, events, brokenAtSeq: seq, problem,
  });
  for (;;) {
    const page = await loadPage(db, chain, officeId, expectedSeq - 1);
    for (const link of page) {
      if (link.seq !== expectedSeq) return fail(expectedSeq, "seq-gap");
      if (link.prevHash !== prevHash) return fail(link.seq, "prev-hash-mismatch");
      if (chainHash({ chain, officeId, seq: link.seq, prevHash, content: link.content }) !== link.hash)
        return fail(link.seq, "hash-mismatch");
      prevHash = link.hash;
      expectedSeq += 1;
      events += 1;
    }
    if (page.length < PAGE) break;
  }
  const head = await db.chainHead.findUnique({ where: { officeId_chain: { officeId, chain } }, select: { seq: true, hash: true } });
  const headSeq = head?.seq ?? 0;
  const headHash = head?.hash ?? GENESIS_HASH;
  if (headSeq !== events || headHash !== prevHash) return fail(Math.max(headSeq, events), "head-mismatch");
  return { ok: true, chain, officeId, events, headHash };
}

/** A Prisma JSON input from a plain JSON value (the `data` column of an event row). */
export function jsonInput(value: JsonValue | undefined): Prisma.InputJsonValue {
  return (value ?? {}) as Prisma.InputJsonValue;
}

import type { Tx } from "@/lib/db/client";
import { randomUUID } from "node:crypto";
import { appendToChain, caseEventContent } from "@/lib/audit/chain";
import { q, sqlOf } from "@/lib/db/sql";
import type { JsonObject } from "@/lib/audit/canonical-json";
import type { CaseStatus } from "@/lib/workflow";

export interface EventActor {
  id: string;
  name: string;
}

/**
 * Appends a CaseEvent to the office's hash chain, in the caller's transaction. `data` must be
 * plain JSON (strings for money) so that the stored row hashes the same when verified. Written over
 * the transaction's own connection (lib/db/sql.ts), like the chain head it moves.
 */
export async function appendCaseEvent(
  tx: Tx,
  e: {
    officeId: string;
    caseId: string;
    actor: EventActor | null;
    action: string;
    from: CaseStatus | null;
    to: CaseStatus | null;
    reason?: string | null;
    data?: JsonObject;
    at: Date;
  },
): Promise<void> {
  const row = {
    caseId: e.caseId,
    action: e.action,
    actorId: e.actor?.id ?? null,
    actorName: e.actor?.name ?? "system",
    fromStatus: e.from,
    toStatus: e.to,
    reason: e.reason ?? null,
    data: e.data ?? {},
    at: e.at,
  };
  const link = await appendToChain(tx, { officeId: e.officeId, chain: "case", content: caseEventContent(row) });
  await sqlOf(tx).exec(q`
    INSERT INTO "CaseEvent" (id, "officeId", "caseId", seq, "actorId", "actorName", action, "fromStatus", "toStatus", reason, data, at, "prevHash", hash)
    VALUES (${randomUUID()}, ${e.officeId}, ${row.caseId}, ${link.seq}, ${row.actorId}, ${row.actorName}, ${row.action},
            ${row.fromStatus}, ${row.toStatus}, ${row.reason}, ${row.data}, ${row.at}, ${link.prevHash}, ${link.hash})`);
}

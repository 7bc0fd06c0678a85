import type { Tx } from "@/lib/db/client";
import { appendToChain, caseEventContent, jsonInput } from "@/lib/audit/chain";
import type { JsonObject } from "@/lib/audit/canonical-json";
import type { CaseStatus } from "@/lib/workflow";

export interface EventActor {
  id: string;
  name: string;
}

/**
 * Appends a CaseEvent to the office's hash chain, in the caller's transaction. `data` must be
 * plain JSON (strings for money) so that the stored row hashes the same when verified.
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
  await tx.caseEvent.create({
    data: { ...row, data: jsonInput(row.data), officeId: e.officeId, seq: link.seq, prevHash: link.prevHash, hash: link.hash },
  });
}

import type { Tx } from "@/lib/db/client";
import { appendManyToChain, caseEventContent, jsonInput } from "@/lib/audit/chain";
import type { JsonObject } from "@/lib/audit/canonical-json";
import type { EventActor } from "@/lib/cases/events";
import type { CaseStatus } from "@/lib/workflow";

/**
 * Supervision's marks on a case's history — `sample`, `review`, `finding` — are CaseEvents in
 * the office's hash chain, like every other event, but never change the status (from = to):
 * decided cases are never edited. Many at once (a drawn sample) lock the chain head once.
 */
export interface SupervisionEvent {
  caseId: string;
  status: CaseStatus;
  action: "sample" | "review" | "finding";
  reason?: string | null;
  data: JsonObject;
}

export async function appendSupervisionEvents(
  tx: Tx,
  args: { officeId: string; actor: EventActor; at: Date; events: SupervisionEvent[] },
): Promise<void> {
  const rows = args.events.map((e) => ({
    caseId: e.caseId,
    action: e.action,
    actorId: args.actor.id,
    actorName: args.actor.name,
    fromStatus: e.status,
    toStatus: e.status,
    reason: e.reason ?? null,
    data: e.data,
    at: args.at,
  }));
  const links = await appendManyToChain(tx, { officeId: args.officeId, chain: "case", contents: rows.map((r) => caseEventContent(r)) });
  await tx.caseEvent.createMany({
    data: rows.map((r, i) => ({
      ...r, data: jsonInput(r.data), officeId: args.officeId, seq: links[i].seq, prevHash: links[i].prevHash, hash: links[i].hash,
    })),
  });
}

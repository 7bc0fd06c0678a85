import type { Tx } from "@/lib/db/client";
import { appendManyToChain, certificateEventContent, jsonInput } from "@/lib/audit/chain";
import type { JsonObject } from "@/lib/audit/canonical-json";

export const certificateActions = ["issue", "print", "reprint", "verify", "revoke", "supersede"] as const;
export type CertificateAction = (typeof certificateActions)[number];

export interface CertificateEventInput {
  certificateId: string;
  action: CertificateAction;
  /** null for the public (verification) */
  actorId: string | null;
  actorName: string;
  reason?: string | null;
  data?: JsonObject;
}

/** Display name of the public verifier in the log. */
export const PUBLIC_ACTOR = "公众核验 public";

/**
 * Appends events of one office to its certificate chain and inserts them, in the caller's
 * transaction: the event exists if and only if what it records happened.
 */
export async function appendCertificateEvents(tx: Tx, officeId: string, events: readonly CertificateEventInput[], at = new Date()): Promise<void> {
  if (!events.length) return;
  const rows = events.map((e) => ({
    officeId,
    certificateId: e.certificateId,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    reason: e.reason ?? null,
    data: e.data ?? {},
    at,
  }));
  const links = await appendManyToChain(tx, { officeId, chain: "certificate", contents: rows.map(certificateEventContent) });
  await tx.certificateEvent.createMany({
    data: rows.map((r, i) => ({ ...r, data: jsonInput(r.data), seq: links[i].seq, prevHash: links[i].prevHash, hash: links[i].hash })),
  });
}

export function appendCertificateEvent(tx: Tx, officeId: string, event: CertificateEventInput, at = new Date()): Promise<void> {
  return appendCertificateEvents(tx, officeId, [event], at);
}

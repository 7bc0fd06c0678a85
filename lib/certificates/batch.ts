import { db } from "@/lib/db/client";
import { transaction } from "@/lib/db/sql";
import { can } from "@/lib/auth/permissions";
import { renderBatch } from "@/lib/pdf/render-document";
import type { DocumentViewModel } from "@/lib/pdf/types";
import { appendCertificateEvents } from "./events";
import { filterWhere, type CertificateFilter } from "./queries";
import { asResult, fail, type Actor, type Result } from "@/lib/service";

/** More than this in one file is refused: narrow the filter (a day of an office is far less). */
export const BATCH_LIMIT = 5000;
const LOAD_CHUNK = 200;
const PROGRESS_EVERY = 20;

export interface BatchView {
  id: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  total: number;
  done: number;
  /** 0 … 100 */
  percent: number;
  filter: CertificateFilter;
  error: string | null;
  pdfBytes: number | null;
  createdAt: string;
  finishedAt: string | null;
}

const batchSelect = {
  id: true, status: true, total: true, done: true, filter: true, error: true, pdfBytes: true, createdAt: true, finishedAt: true,
} as const;

function view(b: { id: string; status: BatchView["status"]; total: number; done: number; filter: unknown; error: string | null; pdfBytes: number | null; createdAt: Date; finishedAt: Date | null }): BatchView {
  return {
    id: b.id,
    status: b.status,
    total: b.total,
    done: b.done,
    percent: b.status === "DONE" ? 100 : b.total ? Math.floor((b.done * 100) / b.total) : 0,
    filter: (b.filter ?? {}) as CertificateFilter,
    error: b.error,
    pdfBytes: b.pdfBytes,
    createdAt: b.createdAt.toISOString(),
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Freezes the selection (oldest first, the order they were issued) and queues the job. The
 * caller enqueues with `enqueue` (lib/certificates/batch-queue.ts in the server).
 */
export function createBatch(
  actor: Actor,
  filter: CertificateFilter,
  enqueue: (batchId: string) => Promise<void>,
): Promise<Result<BatchView>> {
  return asResult(async () => {
    if (!can(actor, "certificate:issue")) fail("forbidden", "errors.forbidden");
    const rows = await db.certificate.findMany({
      where: filterWhere(actor, filter),
      orderBy: [{ issuedAt: "asc" }, { id: "asc" }],
      take: BATCH_LIMIT + 1,
      select: { id: true },
    });
    if (!rows.length) fail("unprocessable", "certificates.errors.batchEmpty");
    if (rows.length > BATCH_LIMIT) fail("unprocessable", "certificates.errors.batchTooLarge");
    const batch = await db.batchJob.create({
      data: { officeId: actor.officeId, filter, certificateIds: rows.map((r) => r.id), total: rows.length, createdById: actor.id },
      select: batchSelect,
    });
    await enqueue(batch.id);
    return view(batch);
  });
}

export function getBatch(actor: Actor, id: string): Promise<Result<BatchView>> {
  return asResult(async () => {
    if (!can(actor, "certificate:read")) fail("forbidden", "errors.forbidden");
    if (!/^[0-9a-f-]{36}$/i.test(id)) fail("not_found", "errors.notFound");
    const batch = await db.batchJob.findFirst({ where: { id, officeId: actor.officeId }, select: batchSelect });
    if (!batch) fail("not_found", "errors.notFound");
    return view(batch);
  });
}

export function listBatches(actor: Actor, limit = 5): Promise<Result<BatchView[]>> {
  return asResult(async () => {
    if (!can(actor, "certificate:read")) fail("forbidden", "errors.forbidden");
    const rows = await db.batchJob.findMany({
      where: { officeId: actor.officeId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      select: batchSelect,
    });
    return rows.map(view);
  });
}

export function getBatchPdf(actor: Actor, id: string): Promise<Result<{ pdf: Buffer; id: string }>> {
  return asResult(async () => {
    if (!can(actor, "certificate:read")) fail("forbidden", "errors.forbidden");
    if (!/^[0-9a-f-]{36}$/i.test(id)) fail("not_found", "errors.notFound");
    const batch = await db.batchJob.findFirst({ where: { id, officeId: actor.officeId }, select: { status: true, pdf: true } });
    if (!batch) fail("not_found", "errors.notFound");
    if (batch.status !== "DONE" || !batch.pdf) fail("conflict", "certificates.errors.batchNotReady");
    return { pdf: Buffer.from(batch.pdf), id };
  });
}

async function* storedDocuments(ids: readonly string[]): AsyncGenerator<{ id: string; vm: DocumentViewModel }> {
  for (let i = 0; i < ids.length; i += LOAD_CHUNK) {
    const chunk = ids.slice(i, i + LOAD_CHUNK);
    const rows = await db.certificate.findMany({ where: { id: { in: chunk } }, select: { id: true, content: true } });
    const byId = new Map(rows.map((r) => [r.id, r.content as unknown as DocumentViewModel]));
    for (const id of chunk) {
      const vm = byId.get(id);
      if (vm) yield { id, vm };
    }
  }
}

/**
 * The job: renders every selected document from its stored view model into one PDF, recording
 * progress as it goes, then stores the file, marks the batch DONE and logs a "print" event per
 * document in one transaction. Safe to run again after a crash (pg-boss retries an expired job):
 * it starts over, and nothing was logged before the file existed.
 */
export async function runBatchJob(batchId: string): Promise<void> {
  const claimed = await db.batchJob.updateMany({
    where: { id: batchId, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "RUNNING", startedAt: new Date(), done: 0 },
  });
  if (claimed.count !== 1) return;
  const batch = await db.batchJob.findUniqueOrThrow({ where: { id: batchId }, select: { officeId: true, certificateIds: true, createdById: true, total: true } });
  const ids = batch.certificateIds as string[];
  try {
    const printed: string[] = [];
    const { pdf } = await renderBatch(
      (async function* () {
        for await (const d of storedDocuments(ids)) {
          printed.push(d.id);
          yield d.vm;
        }
      })(),
      {
        title: `Batch ${batchId}`,
        onProgress: async (done) => {
          if (done % PROGRESS_EVERY === 0 && done < ids.length) await db.batchJob.update({ where: { id: batchId }, data: { done } });
        },
      },
    );
    const actor = await db.user.findUnique({ where: { id: batch.createdById }, select: { id: true, name: true } });
    await transaction(
      async (tx) => {
        await tx.batchJob.update({
          where: { id: batchId },
          data: { status: "DONE", done: printed.length, pdf: new Uint8Array(pdf), pdfBytes: pdf.length, finishedAt: new Date(), error: null },
        });
        await appendCertificateEvents(
          tx,
          batch.officeId,
          printed.map((certificateId) => ({
            certificateId,
            action: "print" as const,
            actorId: actor?.id ?? null,
            actorName: actor?.name ?? "",
            data: { batch: batchId },
          })),
        );
      },
      { timeout: 120_000, maxWait: 20_000 },
    );
  } catch (error) {
    console.error("batch print failed", batchId, error);
    await db.batchJob.update({
      where: { id: batchId },
      data: { status: "FAILED", error: error instanceof Error ? error.message.slice(0, 500) : "failed", finishedAt: new Date() },
    });
  }
}

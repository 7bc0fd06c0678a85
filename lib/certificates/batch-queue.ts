import PgBoss from "pg-boss";
import { runBatchJob } from "./batch";

/**
 * Batch printing runs as a pg-boss job in PostgreSQL (schema "pgboss", same DATABASE_URL), so a
 * queued batch survives a restart and never blocks a request. The boss is started lazily, the
 * first time a batch is queued or polled in this process, and works its own queue one job at a
 * time (rendering is CPU work: two at once would only take twice as long each).
 */
export const BATCH_QUEUE = "certificate-batch";

const globalForBoss = globalThis as unknown as { jingbanBoss?: Promise<PgBoss> };

async function startBoss(): Promise<PgBoss> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set");
  const boss = new PgBoss({ connectionString, schema: "pgboss", max: 3 });
  boss.on("error", (error) => console.error("pg-boss:", error));
  await boss.start();
  await boss.createQueue(BATCH_QUEUE);
  await boss.work<{ batchId: string }>(BATCH_QUEUE, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    await runBatchJob(job.data.batchId);
  });
  return boss;
}

export function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.jingbanBoss) {
    globalForBoss.jingbanBoss = startBoss().catch((error: unknown) => {
      globalForBoss.jingbanBoss = undefined;
      throw error;
    });
  }
  return globalForBoss.jingbanBoss;
}

/** Queues a batch; a restarted server picks queued jobs up when the boss starts again. */
export async function enqueueBatch(batchId: string): Promise<void> {
  const boss = await getBoss();
  // A crashed worker's job expires and is retried; runBatchJob starts over cleanly.
  await boss.send(BATCH_QUEUE, { batchId }, { retryLimit: 2, expireInSeconds: 30 * 60 });
}

/** Makes sure this process works the queue (called when the UI polls a batch). */
export async function ensureBatchWorker(): Promise<void> {
  await getBoss();
}

export async function stopBatchQueue(): Promise<void> {
  const boss = globalForBoss.jingbanBoss;
  globalForBoss.jingbanBoss = undefined;
  if (boss) await (await boss).stop({ graceful: true, wait: true, timeout: 10_000 });
}

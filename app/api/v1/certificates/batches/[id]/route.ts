import { getBatch } from "@/lib/certificates/batch";
import { ensureBatchWorker } from "@/lib/certificates/batch-queue";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** GET /api/v1/certificates/batches/{id} → {"status", "total", "done", "percent", …} */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const result = await getBatch(user, id);
  if (!result.ok) return failureResponse(result.error, t);
  // After a restart, the first poll of a waiting batch starts this process's worker again.
  if (result.value.status === "QUEUED" || result.value.status === "RUNNING") await ensureBatchWorker();
  return Response.json(
    { ...result.value, url: result.value.status === "DONE" ? `/api/v1/certificates/batches/${result.value.id}/pdf` : null },
    { headers: { "cache-control": "no-store" } },
  );
});

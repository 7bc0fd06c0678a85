import { getApiUser } from "@/lib/auth/session";
import { apiError, requestTranslator } from "@/lib/http/api";
import { getBatch } from "@/lib/certificates/batch";
import { ensureBatchWorker } from "@/lib/certificates/batch-queue";
import { failureResponse } from "@/lib/http/route";

/** GET /api/v1/certificates/batches/{id} → {"status", "total", "done", "percent", …} */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const result = await getBatch(user, (await params).id);
  if (!result.ok) return failureResponse(result.error, t);
  // After a restart, the first poll of a waiting batch starts this process's worker again.
  if (result.value.status === "QUEUED" || result.value.status === "RUNNING") await ensureBatchWorker();
  return Response.json(
    { ...result.value, url: result.value.status === "DONE" ? `/api/v1/certificates/batches/${result.value.id}/pdf` : null },
    { headers: { "cache-control": "no-store" } },
  );
}

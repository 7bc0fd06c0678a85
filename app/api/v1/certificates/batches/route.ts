import { readJsonBody, validationError } from "@/lib/http/api";
import { failureResponse, withApiUser } from "@/lib/http/route";
import { createBatch, listBatches } from "@/lib/certificates/batch";
import { enqueueBatch } from "@/lib/certificates/batch-queue";
import { certificateFilterSchema } from "@/lib/certificates/queries";

/**
 * POST /api/v1/certificates/batches {"kind"?, "status"?, "from"?, "to"?} → 202 the batch
 * ({"id", "status", "total", "done", "percent", …}); poll GET …/batches/{id}, then GET …/pdf.
 */
export const POST = withApiUser(async (request, { user, t }) => {
  const json = await readJsonBody(request, t);
  if (!json.ok) return json.response;
  const filter = certificateFilterSchema.safeParse(json.value);
  if (!filter.success) return validationError(filter.error, t);
  const result = await createBatch(user, filter.data, enqueueBatch);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 202, headers: { location: `/api/v1/certificates/batches/${result.value.id}` } });
});

/** GET /api/v1/certificates/batches → {"items"}: the office's latest batches. */
export const GET = withApiUser(async (_request, { user, t }) => {
  const result = await listBatches(user, 20);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json({ items: result.value }, { headers: { "cache-control": "no-store" } });
});

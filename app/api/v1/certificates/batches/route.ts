import { can } from "@/lib/auth/permissions";
import { getApiUser } from "@/lib/auth/session";
import { apiError, readJsonBody, requestTranslator, validationError } from "@/lib/http/api";
import { createBatch, listBatches } from "@/lib/certificates/batch";
import { enqueueBatch } from "@/lib/certificates/batch-queue";
import { certificateFilterSchema } from "@/lib/certificates/queries";
import { failureResponse } from "@/lib/http/route";

/**
 * POST /api/v1/certificates/batches {"kind"?, "status"?, "from"?, "to"?} → 202 the batch
 * ({"id", "status", "total", "done", "percent", …}); poll GET …/batches/{id}, then GET …/pdf.
 */
export async function POST(request: Request) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const json = await readJsonBody(request, t);
  if (!json.ok) return json.response;
  const filter = certificateFilterSchema.safeParse(json.value);
  if (!filter.success) return validationError(filter.error, t);
  const result = await createBatch(user, filter.data, enqueueBatch);
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 202, headers: { location: `/api/v1/certificates/batches/${result.value.id}` } });
}

/** GET /api/v1/certificates/batches → {"items"}: the office's latest batches. */
export async function GET(request: Request) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  // listBatches answers [] without the permission (for the page); the API says 403, like every list.
  if (!can(user, "certificate:read")) return apiError("forbidden", t("errors.forbidden"));
  return Response.json({ items: await listBatches(user, 20) }, { headers: { "cache-control": "no-store" } });
}

import { getApiUser } from "@/lib/auth/session";
import { apiError, requestTranslator } from "@/lib/http/api";
import { getBatchPdf } from "@/lib/certificates/batch";
import { pdfResponse } from "@/lib/certificates/http";
import { failureResponse } from "@/lib/http/route";

/** GET /api/v1/certificates/batches/{id}/pdf → the merged PDF once the batch is DONE (else 409). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const result = await getBatchPdf(user, (await params).id);
  if (!result.ok) return failureResponse(result.error, t);
  return pdfResponse(result.value.pdf, `batch-${result.value.id}.pdf`);
}

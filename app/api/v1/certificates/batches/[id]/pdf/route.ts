import { getBatchPdf } from "@/lib/certificates/batch";
import { pdfResponse } from "@/lib/certificates/http";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** GET /api/v1/certificates/batches/{id}/pdf → the merged PDF once the batch is DONE (else 409). */
export const GET = withApiUser<{ id: string }>(async (_request, { user, t }, { id }) => {
  const result = await getBatchPdf(user, id);
  if (!result.ok) return failureResponse(result.error, t);
  return pdfResponse(result.value.pdf, `batch-${result.value.id}.pdf`);
});

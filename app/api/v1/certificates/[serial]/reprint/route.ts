import { reprintCertificate } from "@/lib/certificates/certificates";
import { pdfResponse, reasonRoute } from "@/lib/certificates/http";
import { failureResponse } from "@/lib/http/route";

/** POST /api/v1/certificates/{serial}/reprint {"reason"} → application/pdf; no reason → 400. */
export const POST = reasonRoute(async ({ user, serial, reason, t }) => {
  const result = await reprintCertificate(user, serial, reason);
  if (!result.ok) return failureResponse(result.error, t);
  return pdfResponse(result.value.pdf, `${result.value.serial}.pdf`);
});

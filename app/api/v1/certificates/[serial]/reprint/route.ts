import { reprintCertificate } from "@/lib/certificates/certificates";
import { failureResponse, pdfResponse, reasonRoute } from "@/lib/certificates/http";

/** POST /api/v1/certificates/{serial}/reprint {"reason"} → application/pdf; no reason → 400. */
export const POST = reasonRoute(async ({ user, serial, reason, t }) => {
  const result = await reprintCertificate(user, serial, reason);
  if (!result.ok) return failureResponse(result, t);
  return pdfResponse(result.value.pdf, `${result.value.serial}.pdf`);
});

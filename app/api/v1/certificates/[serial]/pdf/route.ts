import { printCertificate } from "@/lib/certificates/certificates";
import { pdfResponse } from "@/lib/certificates/http";
import { failureResponse, withApiUser } from "@/lib/http/route";

/** GET /api/v1/certificates/{serial}/pdf → application/pdf (logged as a print). */
export const GET = withApiUser<{ serial: string }>(async (_request, { user, t }, { serial }) => {
  const result = await printCertificate(user, serial);
  if (!result.ok) return failureResponse(result.error, t);
  return pdfResponse(result.value.pdf, `${result.value.serial}.pdf`);
});

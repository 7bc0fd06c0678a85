import { getApiUser } from "@/lib/auth/session";
import { apiError, requestTranslator } from "@/lib/http/api";
import { printCertificate } from "@/lib/certificates/certificates";
import { pdfResponse } from "@/lib/certificates/http";
import { failureResponse } from "@/lib/http/route";

/** GET /api/v1/certificates/{serial}/pdf → application/pdf (logged as a print). */
export async function GET(request: Request, { params }: { params: Promise<{ serial: string }> }) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const result = await printCertificate(user, (await params).serial);
  if (!result.ok) return failureResponse(result.error, t);
  return pdfResponse(result.value.pdf, `${result.value.serial}.pdf`);
}

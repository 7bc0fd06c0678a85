import { z } from "zod";
import { getApiUser } from "@/lib/auth/session";
import { apiError, readJsonBody, requestTranslator, validationError } from "@/lib/http/api";
import { reprintCertificate } from "@/lib/certificates/certificates";
import { failureResponse, pdfResponse } from "@/lib/certificates/http";

const body = z.object({ reason: z.unknown().optional() }).strict();

/** POST /api/v1/certificates/{serial}/reprint {"reason"} → application/pdf; no reason → 400. */
export async function POST(request: Request, { params }: { params: Promise<{ serial: string }> }) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const json = await readJsonBody(request, t);
  if (!json.ok) return json.response;
  const parsed = body.safeParse(json.value);
  if (!parsed.success) return validationError(parsed.error, t);
  const result = await reprintCertificate(user, (await params).serial, parsed.data.reason);
  if (!result.ok) return failureResponse(result, t);
  return pdfResponse(result.value.pdf, `${result.value.serial}.pdf`);
}

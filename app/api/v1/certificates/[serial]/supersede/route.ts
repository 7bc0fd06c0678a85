import { z } from "zod";
import { getApiUser } from "@/lib/auth/session";
import { apiError, readJsonBody, requestTranslator, validationError } from "@/lib/http/api";
import { supersedeCertificate } from "@/lib/certificates/certificates";
import { failureResponse } from "@/lib/certificates/http";
import { publicBaseUrl } from "@/lib/certificates/public-url";

const body = z.object({ reason: z.unknown().optional() }).strict();

/**
 * POST /api/v1/certificates/{serial}/supersede {"reason"} → 201 {"serial", "verificationCode",
 * "url", "supersedes"}: a corrected certificate from the current records; the old one becomes
 * SUPERSEDED. Supervisors only.
 */
export async function POST(request: Request, { params }: { params: Promise<{ serial: string }> }) {
  const t = requestTranslator(request);
  const user = await getApiUser(request);
  if (!user) return apiError("unauthorized", t("errors.unauthorized"));
  const json = await readJsonBody(request, t);
  if (!json.ok) return json.response;
  const parsed = body.safeParse(json.value);
  if (!parsed.success) return validationError(parsed.error, t);
  const result = await supersedeCertificate(user, (await params).serial, parsed.data.reason, {
    baseUrl: publicBaseUrl(new URL(request.url).origin),
  });
  if (!result.ok) return failureResponse(result, t);
  return Response.json(result.value, { status: 201 });
}

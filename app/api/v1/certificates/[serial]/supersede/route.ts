import { supersedeCertificate } from "@/lib/certificates/certificates";
import { reasonRoute } from "@/lib/certificates/http";
import { failureResponse } from "@/lib/http/route";
import { publicBaseUrl } from "@/lib/certificates/public-url";

/**
 * POST /api/v1/certificates/{serial}/supersede {"reason"} → 201 {"serial", "verificationCode",
 * "url", "supersedes"}: a corrected certificate from the current records; the old one becomes
 * SUPERSEDED. Supervisors only.
 */
export const POST = reasonRoute(async ({ user, serial, reason, request, t }) => {
  const result = await supersedeCertificate(user, serial, reason, { baseUrl: publicBaseUrl(new URL(request.url).origin) });
  if (!result.ok) return failureResponse(result.error, t);
  return Response.json(result.value, { status: 201 });
});

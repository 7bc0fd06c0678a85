import { apiError } from "@/lib/http/api";
import { withApi } from "@/lib/http/route";
import { rateLimitResponse, rateLimits } from "@/lib/http/rate-limit";
import { verifyCertificate } from "@/lib/certificates/verify";
import { parseSignedParams } from "@/lib/certificates/signing";

/**
 * GET /api/v1/verify/{code}[?p=…&s=…] — public, no login: {"status": "valid" | "revoked" |
 * "superseded", "serial", "issuedAt", "office", "name", "idNumber"} with name and ID masked.
 * Unknown or malformed code → 404. With the QR code's p and s, "signature" says whether they
 * are the genuine signed payload of this document.
 */
export const GET = withApi<{ code: string }>(async (request, { t }, { code }) => {
  const limited = await rateLimitResponse(request, rateLimits.verify, t);
  if (limited) return limited;
  const url = new URL(request.url);
  const signed = parseSignedParams(url.searchParams.get("p"), url.searchParams.get("s"));
  const result = await verifyCertificate(code, { channel: "api", signed });
  if (!result) return apiError("not_found", t("errors.notFound"));
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});

import { apiError, requestTranslator } from "@/lib/http/api";
import { rateLimitResponse, rateLimits } from "@/lib/http/rate-limit";
import { verifyCertificate } from "@/lib/certificates/verify";
import { parseSignedParams } from "@/lib/certificates/signing";

/**
 * GET /api/v1/verify/{code}[?p=…&s=…] — public, no login: {"status": "valid" | "revoked" |
 * "superseded", "serial", "issuedAt", "office", "name", "idNumber"} with name and ID masked.
 * Unknown or malformed code → 404. With the QR code's p and s, "signature" says whether they
 * are the genuine signed payload of this document.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const t = requestTranslator(request);
  const limited = await rateLimitResponse(request, rateLimits.verify, t);
  if (limited) return limited;
  const url = new URL(request.url);
  const signed = parseSignedParams(url.searchParams.get("p"), url.searchParams.get("s"));
  const result = await verifyCertificate((await params).code, { channel: "api", signed });
  if (!result) return apiError("not_found", t("errors.notFound"));
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}

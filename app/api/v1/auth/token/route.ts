import { apiError, readJsonBody, validationError } from "@/lib/http/api";
import { withApi } from "@/lib/http/route";
import { authenticate, credentialsSchema } from "@/lib/auth/sign-in";
import { issueApiToken } from "@/lib/auth/session";
import { rateLimitResponse, rateLimits } from "@/lib/http/rate-limit";

/**
 * POST /api/v1/auth/token {username, password} → {token, expiresAt}. Same lockout and the same
 * neutral refusal as the sign-in page. Malformed bodies are a 400 naming the field.
 */
export const POST = withApi(async (request, { t }) => {
  const limited = await rateLimitResponse(request, rateLimits.token, t);
  if (limited) return limited;
  const body = await readJsonBody(request, t);
  if (!body.ok) return body.response;
  const parsed = credentialsSchema.strict().safeParse(body.value);
  if (!parsed.success) return validationError(parsed.error, t);
  const user = await authenticate(parsed.data);
  if (!user) return apiError("unauthorized", t("errors.badCredentials"));
  const { token, expiresAt } = await issueApiToken(user.id);
  return Response.json({ token, expiresAt: expiresAt.toISOString() }, { headers: { "cache-control": "no-store" } });
});

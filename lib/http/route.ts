import { getApiUser, type SessionUser } from "@/lib/auth/session";
import type { Failure } from "@/lib/service";
import type { Translator } from "@/lib/i18n/translate";
import { apiError, describeError, requestTranslator } from "./api";

export interface ApiContext {
  user: SessionUser;
  t: Translator;
}

/**
 * Wraps an API route handler: derives the user from the bearer token or the session cookie
 * (401 without), and turns an unexpected exception into a logged 500 without details — the
 * handlers return every expected refusal as a value, so this is only ever a bug.
 */
export function withApiUser<P>(
  handler: (request: Request, ctx: ApiContext, params: P) => Promise<Response>,
): (request: Request, route: { params: Promise<P> }) => Promise<Response> {
  return async (request, route) => {
    const t = requestTranslator(request);
    try {
      const user = await getApiUser(request);
      if (!user) return apiError("unauthorized", t("errors.unauthorized"), undefined, { "www-authenticate": "Bearer" });
      return await handler(request, { user, t }, await route.params);
    } catch (error) {
      console.error("[api] unexpected error", request.method, new URL(request.url).pathname, describeError(error));
      return apiError("internal", t("errors.internal"));
    }
  };
}

/** A service refusal (lib/service) as an API error in the caller's language. */
export function failureResponse(error: Failure, t: Translator): Response {
  return apiError(
    error.code,
    t(error.key, error.params),
    error.issues.map((i) => ({ path: i.path, message: t(i.key, i.params) })),
  );
}

/** URLSearchParams as a plain object of first values (for zod). */
export function queryObject(request: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(request.url).searchParams) if (!(k in out)) out[k] = v;
  return out;
}

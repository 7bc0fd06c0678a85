import { getApiUser, type SessionUser } from "@/lib/auth/session";
import type { Failure } from "@/lib/service";
import type { Translator } from "@/lib/i18n/translate";
import { apiError, describeError, requestTranslator } from "./api";

export interface PublicApiContext {
  t: Translator;
}

export interface ApiContext extends PublicApiContext {
  user: SessionUser;
}

/**
 * Wraps every API route handler: the caller's language, and an unexpected exception as a logged
 * 500 without details — the handlers return every expected refusal as a value (a service
 * `Failure` through `failureResponse`), so this is only ever a bug. Public routes (token, calc,
 * verify, openapi.json) use it alone; every other route through `withApiUser`.
 */
export function withApi<P>(
  handler: (request: Request, ctx: PublicApiContext, params: P) => Promise<Response>,
): (request: Request, route?: { params: Promise<P> }) => Promise<Response> {
  return async (request, route) => {
    const t = requestTranslator(request);
    try {
      // A route without dynamic segments may be called with the request alone (the tests do).
      return await handler(request, { t }, ((await route?.params) ?? {}) as P);
    } catch (error) {
      console.error("[api] unexpected error", request.method, new URL(request.url).pathname, describeError(error));
      return apiError("internal", t("errors.internal"));
    }
  };
}

/**
 * `withApi` for a signed-in caller: derives the user from the bearer token or the session
 * cookie (401 without, before anything else is read).
 */
export function withApiUser<P>(
  handler: (request: Request, ctx: ApiContext, params: P) => Promise<Response>,
): (request: Request, route?: { params: Promise<P> }) => Promise<Response> {
  return withApi<P>(async (request, { t }, params) => {
    const user = await getApiUser(request);
    if (!user) return apiError("unauthorized", t("errors.unauthorized"), undefined, { "www-authenticate": "Bearer" });
    return handler(request, { user, t }, params);
  });
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

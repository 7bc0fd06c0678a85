import type { ZodError } from "zod";
import { localeFromAcceptLanguage, type Locale } from "@/lib/i18n/config";
import { getTranslator, type Translator } from "@/lib/i18n/translate";
import { flattenZodIssues } from "@/lib/i18n/zod-keys";

/** Error codes of the REST API (docs/api.md "Conventions"), each with its HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
} as const;
export type ApiErrorCode = keyof typeof errorStatus;

export interface ApiIssue {
  path: string;
  message: string;
}

export function apiError(
  code: ApiErrorCode,
  message: string,
  issues?: ApiIssue[],
  headers?: HeadersInit,
): Response {
  return Response.json(
    { error: { code, message, ...(issues && issues.length ? { issues } : {}) } },
    { status: errorStatus[code], headers },
  );
}

/** The request's language, from Accept-Language (zh-CN or en). */
export function requestLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

export function requestTranslator(request: Request): Translator {
  return getTranslator(requestLocale(request));
}

/** Turns zod issues into API issues in the caller's language (keys: lib/i18n/zod-keys.ts). */
export function zodIssues(error: ZodError, t: Translator): ApiIssue[] {
  return flattenZodIssues(error).map((i) => ({ path: i.path, message: t(i.key, i.params) }));
}

export function validationError(error: ZodError, t: Translator): Response {
  return apiError("bad_request", t("errors.badRequest"), zodIssues(error, t));
}

/**
 * An unexpected error as it may be logged: its class, code and stack frames, never its message
 * nor the query string — Prisma's messages quote the query's arguments (ID numbers, names), and
 * logs are read by more people than case files are.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")).slice(0, 8);
  return [`${error.name}${typeof code === "string" ? ` ${code}` : ""}`, ...frames].join("\n");
}

const MAX_BODY_BYTES = 1_000_000;

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL can store: no NUL (text and jsonb refuse U+0000) and no lone UTF-16 surrogate
 * (no UTF-8 for it; Prisma's query serialisation fails). JSON and form data can carry both, and
 * either one reaching a query was a 500 (tests/integration/fuzz-*.integration.test.ts).
 */
export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value);
}

/** The path of the first string or key in a JSON value that is not storable text, else null. */
export function unstorableTextPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === "string") {
      if (!isStorableText(node)) return path || "(body)";
    } else if (node && typeof node === "object") {
      for (const [key, child] of Object.entries(node)) {
        const childPath = path ? `${path}.${key}` : key;
        if (!isStorableText(key)) return path || "(body)";
        stack.push([child, childPath]);
      }
    }
  }
  return null;
}

/**
 * Reads a JSON body without ever throwing: malformed JSON, a wrong content length, text that
 * cannot be stored (NUL, lone surrogates) or a body over 1 MB each come back as a ready 400/413
 * response in the caller's language.
 */
export async function readJsonBody(
  request: Request,
  t: Translator,
): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, response: apiError("bad_request", t("errors.invalidJson")) };
  }
  if (text.length > MAX_BODY_BYTES)
    return { ok: false, response: apiError("payload_too_large", t("errors.bodyTooLarge")) };
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return { ok: false, response: apiError("bad_request", t("errors.invalidJson")) };
  }
  const unstorable = unstorableTextPath(value);
  if (unstorable !== null)
    return { ok: false, response: apiError("bad_request", t("errors.badRequest"), [{ path: unstorable, message: t("validation.invalid") }]) };
  return { ok: true, value };
}

/**
 * Expected failures are values, not exceptions (STYLE.md §2): the route handlers turn them into
 * the API's status codes, the server actions into messages next to the button. `messageKey` is
 * an i18n key; `issues` are field errors.
 */
export type FailureCode = "bad_request" | "forbidden" | "not_found" | "conflict" | "unprocessable";

export interface Failure {
  ok: false;
  code: FailureCode;
  messageKey: string;
  issues?: { path: string; messageKey: string }[];
}

export type Result<T> = { ok: true; value: T } | Failure;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: FailureCode, messageKey: string, issues?: Failure["issues"]): Failure {
  return { ok: false, code, messageKey, ...(issues ? { issues } : {}) };
}

/** The caller of a service: a signed-in user (SessionUser satisfies it). */
export interface Actor {
  id: string;
  name: string;
  role: string;
  officeId: string;
}

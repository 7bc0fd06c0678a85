import type { ZodError } from "zod";
import type { ApiErrorCode } from "@/lib/http/api";
import { flattenZodIssues } from "@/lib/i18n/zod-keys";

/**
 * The one result shape of every service in lib/ (decision 0011). An expected refusal is a
 * `Failure`: a status code of the REST API, a message key translated at the edge (in the user's
 * language) and optional field issues. Inside a transaction it is thrown by `fail()`, so that
 * nothing is half-saved; `asResult()` turns it into the value callers receive. Only bugs stay
 * exceptions.
 */
export type FailureCode = Exclude<ApiErrorCode, "internal">;

export interface FailureIssue {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export class Failure extends Error {
  constructor(
    readonly code: FailureCode,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: FailureIssue[] = [],
  ) {
    super(key);
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: Failure };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/**
 * Refuses: throws a Failure. A function declaration (not an arrow const) so that TypeScript
 * narrows after it: `if (!c) fail(...)` leaves `c` non-null below.
 */
export function fail(code: FailureCode, key: string, params?: Record<string, string | number>, issues?: FailureIssue[]): never {
  throw new Failure(code, key, params, issues);
}

/** A refusal as a value, for code outside a transaction that returns early. */
export function refused(code: FailureCode, key: string, params?: Record<string, string | number>, issues?: FailureIssue[]): { ok: false; error: Failure } {
  return { ok: false, error: new Failure(code, key, params, issues) };
}

/** Runs a service step, turning an expected Failure into a value; bugs still throw. */
export async function asResult<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof Failure) return { ok: false, error };
    throw error;
  }
}

/** A zod error as a 400 Failure whose issues carry message keys (translated at the edge). */
export function zodFailure(error: ZodError): Failure {
  return new Failure("bad_request", "errors.badRequest", {}, flattenZodIssues(error));
}

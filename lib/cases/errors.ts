import type { ApiErrorCode, ApiIssue } from "@/lib/http/api";

/**
 * An expected refusal of the case service: a status code of the API, a message key (translated
 * at the edge, in the user's language) and optional field issues. Thrown inside a transaction so
 * that nothing is half-saved, and returned to callers as a value (see `CaseResult`).
 */
export class CaseFailure extends Error {
  constructor(
    readonly code: Exclude<ApiErrorCode, "internal">,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly issues: Array<{ path: string; key: string; params?: Record<string, string | number> }> = [],
  ) {
    super(key);
  }
}

export type CaseResult<T> = { ok: true; value: T } | { ok: false; error: CaseFailure };

/** Runs a service step, turning an expected CaseFailure into a value; bugs still throw. */
export async function asResult<T>(work: () => Promise<T>): Promise<CaseResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof CaseFailure) return { ok: false, error };
    throw error;
  }
}

export const fail = (
  code: CaseFailure["code"],
  key: string,
  params?: Record<string, string | number>,
  issues?: CaseFailure["issues"],
): never => {
  throw new CaseFailure(code, key, params, issues);
};

export type { ApiIssue };

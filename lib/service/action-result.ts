import type { FailureCode } from "./result";

/**
 * The one answer of every server action to its form (decision 0011): a service `Result` once
 * translated at the edge. Success may carry a value and a message; a refusal always carries the
 * API's error code, a message and field errors in the user's language, and `stale` when the
 * page is out of date (the form offers a reload). Types only: forms and components import it.
 */
export type ActionSuccess<T = undefined> = { ok: true; message?: string; code?: undefined; fieldErrors?: undefined; stale?: undefined } & (undefined extends T
  ? { value?: T }
  : { value: T });

export interface ActionFailure {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors: Record<string, string>;
  stale: boolean;
  value?: undefined;
}

export type ActionResult<T = undefined> = ActionSuccess<T> | ActionFailure;

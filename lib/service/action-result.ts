import type { FailureCode } from "./result";

/**
 * The one answer of every server action to its form (decision 0011): a service `Result` once
 * translated at the edge. `{ok: true}` with an optional message and the action's own fields
 * (`T`, e.g. the new serial), or `{ok: false}` with the API's error code, a message and field
 * errors in the user's language, and `stale` when the page is out of date (the form offers a
 * reload). Types only: forms and components import it.
 */
export type ActionSuccess<T extends object = object> = { ok: true; message?: string; code?: undefined; fieldErrors?: undefined; stale?: undefined } & T;

export interface ActionFailure {
  ok: false;
  code: FailureCode;
  message: string;
  fieldErrors: Record<string, string>;
  stale: boolean;
}

export type ActionResult<T extends object = object> = ActionSuccess<T> | ActionFailure;

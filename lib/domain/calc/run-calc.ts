import { z } from "zod";
import { CalcInputError } from "../errors";
import { CALC_KINDS, calcKinds, type CalcContext, type CalcKind } from "./kinds";

export type CalcIssue = z.core.$ZodIssue;

export type CalcOutcome =
  | { ok: true; result: Record<string, unknown> }
  | { ok: false; kind: "validation"; issues: CalcIssue[] }
  | { ok: false; kind: "unknown-kind" };

export function isCalcKind(kind: string): kind is CalcKind {
  return Object.hasOwn(calcKinds, kind);
}

function toIssue(error: CalcInputError): CalcIssue {
  return {
    code: "custom",
    message: error.messageKey,
    path: error.path,
    params: error.params,
    input: undefined,
  };
}

/**
 * Runs one calculation of docs/calc-api.md on untrusted input: validate with the kind's schema, run
 * the pure rule, and answer with JSON-ready output (money as strings with two decimals).
 * Inputs the rules cannot work with (a year without a rate, overlapping rows) come back as
 * validation issues like schema errors. Anything else thrown is a bug and propagates.
 */
export function runCalc(kind: string, input: unknown, context: CalcContext = {}): CalcOutcome {
  if (!isCalcKind(kind)) return { ok: false, kind: "unknown-kind" };
  const definition = calcKinds[kind];
  const parsed = definition.schema.safeParse(input);
  if (!parsed.success) return { ok: false, kind: "validation", issues: parsed.error.issues };
  try {
    // Each entry's run matches its own schema; the union over kinds cannot express that pairing.
    const run = definition.run as (data: unknown, context: CalcContext) => Record<string, unknown>;
    return { ok: true, result: run(parsed.data, context) };
  } catch (error) {
    if (error instanceof CalcInputError) return { ok: false, kind: "validation", issues: [toIssue(error)] };
    throw error;
  }
}

export { CALC_KINDS, type CalcContext, type CalcKind };

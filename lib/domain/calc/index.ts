export { runCalc, isCalcKind, CALC_KINDS } from "./run-calc";
export type { CalcOutcome, CalcIssue, CalcContext, CalcKind } from "./run-calc";
export * as calcSchemas from "./schemas";

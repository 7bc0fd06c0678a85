/**
 * The pure rules of Jingban (docs/rules.md): no I/O, no clock, no framework; money in decimal.js.
 * Callers convert database decimals at the lib/db boundary and pass dates in.
 */
export * from "./money";
export * from "./errors";
export * from "./months";
export * from "./dates";
export * from "./explain";
export * from "./legal-sources";
export * from "./personal-account";
export * from "./surrender";
export * from "./pensioner-remainder";
export * from "./pooled-transfer";
export * from "./transfer-funds";
export * from "./provinces";
export * from "./benefit-place";
export * from "./temporary-account";
export * from "./duplicates";
export * from "./resident-overlap";
export * from "./contribution-base";
export * from "./id-number";
export * from "./credit-code";
export * from "./calendar";
export * from "./holidays-cn";

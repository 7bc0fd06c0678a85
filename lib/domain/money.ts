import Decimal from "decimal.js";

/**
 * The one place that fixes how money is represented and rounded (docs/rules.md §0).
 *
 * `Money` is a decimal.js constructor with enough precision that every intermediate product of
 * the rules (balance × rate × months, month-products) is exact; only the explicit rounding
 * functions below ever drop digits.
 */
export const Money = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = Decimal;

/** Rounding modes offered to callers; "half-up" is the national default of docs/rules.md §0. */
export type RoundingMode = "half-up" | "half-even" | "up" | "down";

const decimalMode: Record<RoundingMode, Decimal.Rounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  up: Decimal.ROUND_UP,
  down: Decimal.ROUND_DOWN,
};

/**
 * How an amount is rounded: to fen (2 places) or jiao (1 place), and in which direction.
 * Rounding is LOCAL (docs/rules.md §0): Shanghai's "见分进角" rounds interest up to the next jiao.
 */
export interface RoundingPolicy {
  places: 1 | 2;
  mode: RoundingMode;
}

export const HALF_UP_TO_FEN: RoundingPolicy = { places: 2, mode: "half-up" };
/** Shanghai interest rounding: any fen rounds up to the next jiao (docs/rules.md §0, LOCAL). */
export const SHANGHAI_JIAO_UP: RoundingPolicy = { places: 1, mode: "up" };

export const ZERO = new Money(0);

/** Rounds to 0.01 yuan; half-up unless the caller's policy says otherwise. */
export function round2(value: Decimal.Value, mode: RoundingMode = "half-up"): Decimal {
  return new Money(value).toDecimalPlaces(2, decimalMode[mode]);
}

/** Rounds by a full policy (places and mode); the result still prints with two decimals. */
export function roundMoney(value: Decimal.Value, policy: RoundingPolicy = HALF_UP_TO_FEN): Decimal {
  return new Money(value).toDecimalPlaces(policy.places, decimalMode[policy.mode]);
}

const DECIMAL_STRING = /^-?\d{1,18}(\.\d{1,12})?$/;

/** True for plain decimal strings like "6000", "0.0761", "-12.5" (no exponent, no spaces). */
export function isDecimalString(value: unknown): value is string {
  return typeof value === "string" && DECIMAL_STRING.test(value);
}

export class DecimalParseError extends Error {
  constructor(readonly input: unknown) {
    super("not a decimal string");
    this.name = "DecimalParseError";
  }
}

/** Parses a decimal string; throws `DecimalParseError` for anything else (including numbers). */
export function parseDecimal(value: unknown): Decimal {
  if (!isDecimalString(value)) throw new DecimalParseError(value);
  return new Money(value);
}

/** Formats with exactly two decimals, rounding half-up first; never prints "-0.00". */
export function formatMoney(value: Decimal.Value): string {
  const rounded = round2(value);
  return rounded.isZero() ? "0.00" : rounded.toFixed(2);
}

/** Formats a rate as a decimal string without trailing noise ("0.0761"). */
export function formatRate(value: Decimal.Value): string {
  return new Money(value).toFixed();
}

export function sumMoney(values: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

export function maxDecimal(a: Decimal, b: Decimal): Decimal {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
  return a.lessThanOrEqualTo(b) ? a : b;
}

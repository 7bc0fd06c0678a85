/**
 * An input the rules cannot work with although it is well-formed: a year without a crediting
 * rate, overlapping history rows, a duplicate pair with no priority rule. `messageKey` is an i18n
 * key under "validation.*" and `path` points at the offending input field, so the calculation
 * API can answer 400 with the same shape as a schema error.
 */
export class CalcInputError extends Error {
  constructor(
    readonly messageKey: string,
    readonly path: (string | number)[] = [],
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${messageKey}${path.length ? ` at ${path.join(".")}` : ""}`);
    this.name = "CalcInputError";
  }
}

/** A year whose crediting rate is needed but unknown (docs/rules.md §5.3: rates are per year). */
export class MissingRateError extends CalcInputError {
  constructor(readonly year: number) {
    super("validation.missingRate", ["rates"], { year });
    this.name = "MissingRateError";
  }
}

export function assertInput(
  condition: unknown,
  messageKey: string,
  path: (string | number)[] = [],
  params: Record<string, string | number> = {},
): asserts condition {
  if (!condition) throw new CalcInputError(messageKey, path, params);
}

import { z } from "zod";
import { tryParseDate } from "../dates";
import { Money, isDecimalString, type Dec } from "../money";
import { tryParseMonth, type HistoryRow } from "../months";

/**
 * Zod building blocks of the calculation API (docs/calc-api.md). Messages are i18n keys under
 * "validation.*"; lib/http/api.ts translates them. Money, bases and rates must be decimal strings:
 * a JSON number is refused, so no float ever touches money.
 */
export const MIN_YEAR = 1950;
export const MAX_YEAR = 2100;
export const MAX_HISTORY_ROWS = 1200;
export const MAX_DATES = 5000;

type Key = `validation.${string}`;

/** A string field whose wrong-type message is `key` and whose absence reads "required". */
export function stringField(key: Key = "validation.invalidType") {
  return z.string({ error: (iss) => (iss.input === undefined ? "validation.required" : key) });
}

export function booleanField() {
  return z.boolean({
    error: (iss) => (iss.input === undefined ? "validation.required" : "validation.invalidType"),
  });
}

export function intField(min: number, max: number) {
  return z
    .number({ error: (iss) => (iss.input === undefined ? "validation.required" : "validation.integer") })
    .int({ message: "validation.integer" })
    .min(min, { message: "validation.tooSmall" })
    .max(max, { message: "validation.tooBig" });
}

export function textField(max: number) {
  return stringField()
    .min(1, { message: "validation.required" })
    .max(max, { message: "validation.tooLong" });
}

function decimalField(kind: "money" | "rate") {
  return stringField("validation.decimal").transform((value, ctx): Dec => {
    if (!isDecimalString(value) || value.replace(/^-/, "").split(".")[0].length > 15) {
      ctx.addIssue({ code: "custom", message: "validation.decimal", input: value });
      return z.NEVER;
    }
    const d = new Money(value);
    if (d.isNegative()) {
      ctx.addIssue({ code: "custom", message: "validation.nonNegative", input: value });
      return z.NEVER;
    }
    if (kind === "rate" && d.greaterThan(1)) {
      ctx.addIssue({ code: "custom", message: "validation.rate", input: value });
      return z.NEVER;
    }
    return d;
  });
}

/** A non-negative amount of money or a base, e.g. "6000" or "36361.58". */
export const moneyField = () => decimalField("money");
/** A rate between 0 and 1 as a decimal string, e.g. "0.0761". */
export const rateField = () => decimalField("rate");

function inYears(year: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/** "YYYY-MM" with a real month, years 1950–2100. */
export function monthField() {
  return stringField("validation.month").refine(
    (v) => {
      const index = tryParseMonth(v);
      return index !== null && inYears(Math.floor(index / 12));
    },
    { message: "validation.month" },
  );
}

/** "YYYY-MM-DD", a real calendar date, years 1850–2100 (birth dates reach back far). */
export function dateField() {
  return stringField("validation.date").refine(
    (v) => {
      const d = tryParseDate(v);
      return d !== null && d.year >= 1850 && d.year <= MAX_YEAR;
    },
    { message: "validation.date" },
  );
}

export function yearField() {
  return z
    .number({ error: (iss) => (iss.input === undefined ? "validation.required" : "validation.year") })
    .int({ message: "validation.year" })
    .min(MIN_YEAR, { message: "validation.year" })
    .max(MAX_YEAR, { message: "validation.year" });
}

export const historyRowSchema = z
  .strictObject({
    from: monthField(),
    to: monthField(),
    monthlyBase: moneyField(),
    accountRate: rateField().optional(),
  })
  .superRefine((row, ctx) => {
    const from = tryParseMonth(row.from);
    const to = tryParseMonth(row.to);
    if (from !== null && to !== null && to < from)
      ctx.addIssue({ code: "custom", message: "validation.monthOrder", path: ["to"], input: row.to });
  });

export function historyField() {
  return z
    .array(historyRowSchema, {
      error: (iss) => (iss.input === undefined ? "validation.required" : "validation.invalidType"),
    })
    .max(MAX_HISTORY_ROWS, { message: "validation.tooBig" });
}

export function toHistory(rows: readonly z.output<typeof historyRowSchema>[]): HistoryRow[] {
  return rows.map((r) => ({ from: r.from, to: r.to, monthlyBase: r.monthlyBase, accountRate: r.accountRate }));
}

/**
 * Crediting rates as `{ "2023": "0.0397", … }` → Map<year, Decimal>. Checked key by key on the
 * raw object so that keys like "__proto__" are refused rather than silently dropped.
 */
// One schema for every year's rate: building a zod schema per key cost more than parsing it.
const yearRate = rateField();

export function ratesField() {
  return z.unknown().transform((value, ctx): Map<number, Dec> => {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: "validation.ratesTable", input: value });
      return z.NEVER;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_YEAR - MIN_YEAR + 1) {
      ctx.addIssue({ code: "custom", message: "validation.tooBig", input: value });
      return z.NEVER;
    }
    const out = new Map<number, Dec>();
    for (const key of keys) {
      const raw = (value as Record<string, unknown>)[key];
      if (!/^\d{4}$/.test(key) || !inYears(Number(key))) {
        ctx.addIssue({ code: "custom", message: "validation.year", path: [key], input: key });
        continue;
      }
      const parsed = yearRate.safeParse(raw);
      if (!parsed.success) {
        ctx.addIssue({ code: "custom", message: parsed.error.issues[0].message, path: [key], input: raw });
        continue;
      }
      out.set(Number(key), parsed.data);
    }
    return out;
  });
}

export function dateListField() {
  return z
    .array(dateField(), {
      error: (iss) => (iss.input === undefined ? "validation.required" : "validation.invalidType"),
    })
    .max(MAX_DATES, { message: "validation.tooBig" });
}

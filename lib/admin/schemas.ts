import { z } from "zod";
import Decimal from "decimal.js";
import { dayOfWeek, tryParseDate } from "@/lib/domain/dates";
import { isStorableText } from "@/lib/http/api";

/**
 * Input of the office service (lib/admin/update-office.ts), shared by the server action and any
 * REST handler. Every field but `version` is optional: only the fields given change. Messages are
 * keys of lib/i18n/messages, translated at the edge.
 */

/** Case types whose working-day limit is a LOCAL rule (docs/rules.md §2.4, §3.3): an office may set it. */
export const localSlaTypes = ["SURRENDER", "DUPLICATE_REFUND"] as const;
export type LocalSlaType = (typeof localSlaTypes)[number];
/** Transfers: 15 working days per leg, national (国办发〔2009〕66号 Art. 8) — never an office setting. */
export const nationalSlaTypes = ["TRANSFER_IN", "TRANSFER_OUT"] as const;

export const SLA_MAX_DAYS = 250;

const storable = { message: "validation.invalid" } as const;
const text = (max: number) =>
  z.string({ message: "validation.invalidType" }).trim().max(max, { message: "validation.tooLong" }).refine(isStorableText, storable);
/** Digits typed in groups ("4000 0000 …") are stored without the spaces. */
const digits = (pattern: RegExp, key: string) =>
  z
    .string({ message: key })
    .transform((v) => v.replace(/\s+/g, ""))
    .refine((v) => v === "" || pattern.test(v), { message: key });

/**
 * Money is a decimal string at the edge, Decimal(14,2) in the database: at most 12 digits before
 * the point and 2 after, not negative. Never a JS number (a float would round silently).
 */
export const APPROVAL_LIMIT = /^\d{1,12}(\.\d{1,2})?$/;

/** A local working-day limit: a whole number of days, or empty/null for the default. */
const slaDays = z.preprocess(
  (v) => (v === "" || v === null ? null : typeof v === "string" && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : v),
  z
    .number({ message: "admin.errors.slaDays" })
    .int({ message: "admin.errors.slaDays" })
    .min(1, { message: "admin.errors.slaDays" })
    .max(SLA_MAX_DAYS, { message: "admin.errors.slaDays" })
    .nullable(),
);
const national = z.never({ message: "admin.errors.slaNational" }).optional();

export const updateOfficeSchema = z
  .object({
    /** The version the form showed: a change made since then is refused (compare-and-set). */
    version: z.coerce.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1, { message: "validation.integer" }),
    address: text(200).optional(),
    postcode: z.string({ message: "admin.errors.postcode" }).trim().refine((v) => v === "" || /^\d{6}$/.test(v), { message: "admin.errors.postcode" }).optional(),
    phone: z
      .string({ message: "admin.errors.phone" })
      .trim()
      .refine((v) => v === "" || (v.length <= 20 && /^\+?\d+(-\d+)*$/.test(v)), { message: "admin.errors.phone" })
      .optional(),
    bankName: text(100).optional(),
    bankCode: digits(/^\d{12}$/, "admin.errors.bankCode").optional(),
    accountName: text(100).optional(),
    accountNumber: digits(/^\d{8,30}$/, "admin.errors.accountNumber").optional(),
    approvalLimit: z
      .string({ message: "admin.errors.approvalLimit" })
      .trim()
      .refine((v) => APPROVAL_LIMIT.test(v), { message: "admin.errors.approvalLimit" })
      .optional(),
    sla: z
      .object({ SURRENDER: slaDays.optional(), DUPLICATE_REFUND: slaDays.optional(), TRANSFER_IN: national, TRANSFER_OUT: national })
      .strict()
      .optional(),
    reason: z.preprocess((v) => (v === "" || v === null ? undefined : v), text(500).optional()),
  })
  .strict();
export type UpdateOfficeInput = z.infer<typeof updateOfficeSchema>;

export const bankFields = ["bankName", "bankCode", "accountName", "accountNumber"] as const;

// ---- reference data: the holiday calendar and the crediting rates (decision 0010) ------------

export const CALENDAR_YEARS = { min: 1990, max: 2100 } as const;
/** A calendar date typed by the administrator: a real date of 1990–2100. */
const calendarDate = z
  .string({ message: "admin.errors.holidayDate" })
  .trim()
  .refine((v) => {
    const d = tryParseDate(v);
    return d !== null && d.year >= CALENDAR_YEARS.min && d.year <= CALENDAR_YEARS.max;
  }, { message: "admin.errors.holidayDate" });
const optionalReason = z.preprocess((v) => (v === "" || v === null ? undefined : v), text(500).optional());
const optionalOffice = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.string({ message: "errors.notFound" }).nullable());

export const addHolidaySchema = z
  .object({
    date: calendarDate,
    kind: z.enum(["HOLIDAY", "WORKDAY"], { message: "admin.errors.holidayKind" }),
    name: z.preprocess((v) => (v === undefined || v === null ? "" : v), text(100)),
    /** null or empty: the national calendar; else one office's own row. */
    officeId: optionalOffice,
    reason: optionalReason,
  })
  .strict()
  .superRefine((v, ctx) => {
    // A make-up working day (调休) is by definition a weekend day; a holiday on a weekend closes
    // nothing that was open. Either is a mistake in the input, not a calendar fact.
    // zod runs this even when a field failed: only a real date has a weekday.
    if (typeof v.date !== "string" || tryParseDate(v.date) === null) return;
    const dow = dayOfWeek(v.date);
    const weekend = dow === 0 || dow === 6;
    if (v.kind === "HOLIDAY" && weekend) ctx.addIssue({ code: "custom", path: ["date"], message: "admin.errors.holidayOnWeekend" });
    if (v.kind === "WORKDAY" && !weekend) ctx.addIssue({ code: "custom", path: ["date"], message: "admin.errors.workdayOnWeekday" });
  });
export type AddHolidayInput = z.infer<typeof addHolidaySchema>;

export const removeHolidaySchema = z.object({ reason: optionalReason }).strict();

/**
 * A crediting rate is a decimal string at the edge, Decimal(8,6) in the table: 0 ≤ rate ≤ 0.2,
 * at most 6 decimals ("0.0262" is 2.62 %). Never a JS number.
 */
export const RATE_PATTERN = /^\d{1,2}(\.\d{1,6})?$/;
export const RATE_MAX = "0.2";
const rate = z
  .string({ message: "admin.errors.rate" })
  .trim()
  .refine((v) => RATE_PATTERN.test(v) && !new Decimal(v).greaterThan(RATE_MAX), { message: "admin.errors.rate" });

/** The 31 provincial-level divisions by their short names, as Office.province holds them. */
export const provinces = [
  "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽", "福建", "江西", "山东",
  "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州", "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆",
] as const;
/** The national rate is uniform from 2016 (人社部发〔2017〕31号); before, each province set its own. */
export const LAST_PROVINCIAL_YEAR = 2015;

const flag = z.preprocess(
  (v) => (v === "on" || v === "true" ? true : v === "false" || v === "" || v === undefined ? false : v),
  z.boolean({ message: "validation.invalid" }),
);
const year = z.preprocess(
  (v) => (typeof v === "string" && /^\s*\d{4}\s*$/.test(v) ? Number(v) : v),
  z
    .number({ message: "admin.errors.rateYear" })
    .int({ message: "admin.errors.rateYear" })
    .min(CALENDAR_YEARS.min, { message: "admin.errors.rateYear" })
    .max(CALENDAR_YEARS.max, { message: "admin.errors.rateYear" }),
);
const source = text(300).refine((v) => v.length > 0, { message: "admin.errors.rateSource" });

export const addCreditingRateSchema = z
  .object({
    year,
    scope: z.preprocess(
      (v) => (v === undefined || v === "" ? "national" : v),
      z.string({ message: "admin.errors.rateScope" }).trim().refine((v) => v === "national" || (provinces as readonly string[]).includes(v), { message: "admin.errors.rateScope" }),
    ),
    rate,
    provisional: flag,
    source,
    reason: optionalReason,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (typeof v.year === "number" && typeof v.scope === "string" && v.scope !== "national" && v.year > LAST_PROVINCIAL_YEAR) ctx.addIssue({ code: "custom", path: ["scope"], message: "admin.errors.rateProvincialYear" });
  });
export type AddCreditingRateInput = z.infer<typeof addCreditingRateSchema>;

export const correctCreditingRateSchema = z
  .object({
    version: z.coerce.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1, { message: "validation.integer" }),
    rate: rate.optional(),
    provisional: flag.optional(),
    source: source.optional(),
    /** A correction of a published figure must say why. */
    reason: z.preprocess((v) => (v === null || v === undefined ? "" : v), text(500).refine((v) => v.length > 0, { message: "admin.errors.reasonRequired" })),
  })
  .strict();
export type CorrectCreditingRateInput = z.infer<typeof correctCreditingRateSchema>;

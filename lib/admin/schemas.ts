import { z } from "zod";
import { isStorableText } from "@/lib/http/api";

/**
 * Input of the office service (lib/admin/update-office.ts), shared by the server action and any
 * REST handler. Every field but `version` is optional: only the fields given change. Messages are
 * keys of lib/i18n/messages, translated at the edge.
 */

/** Case types whose working-day limit is a LOCAL rule (RULES.md §2.4, §3.3): an office may set it. */
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

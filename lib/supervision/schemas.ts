import { z } from "zod";
import { isCalendarDate } from "@/lib/audit/daily-head";
import { isDecimalString } from "@/lib/domain/money";
import { isStorableText } from "@/lib/http/api";
import { caseTypes } from "@/lib/workflow";

/**
 * Input of the supervision service, shared by the server actions and the REST handlers. Messages
 * are keys of lib/i18n/messages, translated at the edge.
 */
const date = z.string().refine(isCalendarDate, { message: "validation.date" });
const amount = z
  .string({ message: "validation.decimal" })
  .trim()
  .refine((v) => isDecimalString(v) && !v.startsWith("-"), { message: "validation.decimal" });
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const drawSampleSchema = z
  .object({
    /** Share of the matching decided cases to draw, 0.1–100 (at least one case when any match). */
    percentage: z.coerce
      .number({ message: "validation.invalid" })
      .min(0.1, { message: "validation.tooSmall" })
      .max(100, { message: "validation.tooBig" }),
    minAmount: optional(amount),
    /** Who recommended, approved or rejected the case. */
    caseworkerId: optional(z.string().uuid({ message: "validation.invalid" })),
    type: optional(z.enum(caseTypes, { message: "validation.invalid" })),
    /** Decided (completed or rejected) from/to, Beijing dates, inclusive. */
    from: optional(date),
    to: optional(date),
    /** Who re-reviews the items; unset: whoever of the office's auditors/supervisors takes one. */
    reviewerId: optional(z.string().uuid({ message: "validation.invalid" })),
    note: optional(z.string().trim().max(500, { message: "validation.tooLong" }).refine(isStorableText, { message: "validation.invalid" })),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "supervision.errors.dateOrder", path: ["to"] });
export type DrawSampleInput = z.infer<typeof drawSampleSchema>;

export const reviewDecisions = ["GRANT", "REJECT"] as const;

export const recordReviewSchema = z
  .object({
    decision: z.enum(reviewDecisions, { message: "validation.invalid" }),
    /** The amount the reviewer finds payable (required when granting). */
    amount: optional(amount),
    note: z.string().trim().min(1, { message: "validation.required" }).max(2000, { message: "validation.tooLong" }).refine(isStorableText, { message: "validation.invalid" }),
  })
  .strict()
  .refine((v) => v.decision === "REJECT" || v.amount !== undefined, { message: "validation.required", path: ["amount"] });
export type RecordReviewInput = z.infer<typeof recordReviewSchema>;

export const findingSeverities = ["INFO", "MINOR", "MAJOR"] as const;

export const recordFindingSchema = z
  .object({
    severity: z.enum(findingSeverities, { message: "validation.invalid" }),
    text: z.string().trim().min(1, { message: "validation.required" }).max(4000, { message: "validation.tooLong" }).refine(isStorableText, { message: "validation.invalid" }),
    /** Open a correction case: a new case of the same type superseding the decided one. */
    openCorrection: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).optional(),
  })
  .strict();
export type RecordFindingInput = z.infer<typeof recordFindingSchema>;

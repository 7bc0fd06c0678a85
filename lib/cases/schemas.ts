import { z } from "zod";
import { shanghaiDate } from "@/lib/domain/dates";
import { validateIdNumber } from "@/lib/domain/id-number";
import { isDecimalString } from "@/lib/domain/money";
import { PAYING_GROUNDS } from "@/lib/domain/surrender-grounds";
import { isStorableText } from "@/lib/http/api";

/**
 * Input of the case service, shared by the server actions and the REST handlers. Messages are
 * keys of lib/i18n/messages so that the edge answers in the user's language.
 */
export const idNumberSchema = z
  .string({ message: "validation.idNumber" })
  .trim()
  .max(18, { message: "validation.idNumber" })
  .transform((v) => v.toUpperCase())
  .superRefine((v, ctx) => {
    // The one check of docs/rules.md §6.1, with today read in Asia/Shanghai when the input is
    // parsed: a birth date after it is refused like an impossible one (issue 13).
    const check = validateIdNumber(v, { today: shanghaiDate(new Date()) });
    if (!check.valid) ctx.addIssue({ code: "custom", message: check.reason === "date" ? "validation.idNumberDate" : "validation.idNumber" });
  });

/** Free text a user types (names, reasons, notes, references): storable by PostgreSQL. */
const storable = { message: "validation.invalid" } as const;

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "validation.month" });

/** Grounds that do not pay are accepted at intake so that they can be refused in writing. */
export const NON_PAYING_GROUNDS = [
  "emigration-nationality-kept",
  "hk-macao-taiwan-settlement",
  "resignation",
  "unemployment",
  "hardship",
] as const;
export const surrenderGrounds = [...PAYING_GROUNDS, ...NON_PAYING_GROUNDS] as const;

export const payeeRelationships = ["spouse", "child", "parent", "other-heir"] as const;

export const payeeSchema = z
  .object({
    name: z.string().trim().min(1, { message: "validation.required" }).max(50, { message: "validation.tooLong" }).refine(isStorableText, storable),
    idNumber: idNumberSchema,
    relationship: z.enum(payeeRelationships, { message: "validation.invalid" }),
  })
  .strict();

export const createSurrenderSchema = z
  .object({
    type: z.literal("SURRENDER"),
    idNumber: idNumberSchema,
    ground: z.enum(surrenderGrounds, { message: "validation.ground" }),
    terminationMonth: monthSchema,
    payees: z.array(payeeSchema).max(20, { message: "validation.tooBig" }).optional(),
    filedByAgent: z.boolean().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.ground === "death" && !(v.payees && v.payees.length))
      ctx.addIssue({ code: "custom", path: ["payees"], message: "validation.payeesRequired" });
  });

export const createDuplicateRefundSchema = z.object({ type: z.literal("DUPLICATE_REFUND"), idNumber: idNumberSchema }).strict();

export const createTransferInSchema = z
  .object({
    type: z.literal("TRANSFER_IN"),
    idNumber: idNumberSchema,
    fromOffice: z.string().trim().regex(/^\d{6}$/, { message: "validation.officeCode" }),
    transferMonth: monthSchema.optional(),
  })
  .strict();

export const createCaseSchema = z.discriminatedUnion(
  "type",
  [createSurrenderSchema, createDuplicateRefundSchema, createTransferInSchema],
  { message: "validation.caseType" },
);
export type CreateCaseInput = z.infer<typeof createCaseSchema>;

const reference = z.string().trim().min(1, { message: "validation.required" }).max(64, { message: "validation.tooLong" }).refine(isStorableText, storable);

export const transitionSchema = z
  .object({
    action: z.string().min(1, { message: "validation.required" }).max(32, { message: "validation.invalid" }),
    version: z.number({ message: "validation.integer" }).int({ message: "validation.integer" }).min(1).max(1_000_000),
    reason: z.string().trim().max(2000, { message: "validation.tooLong" }).refine(isStorableText, storable).optional(),
    data: z
      .object({
        paymentReference: reference.optional(),
        fundsReference: reference.optional(),
        receivedAmount: z.string().refine(isDecimalString, { message: "validation.decimal" }).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TransitionInput = z.infer<typeof transitionSchema>;

export const recordDocumentSchema = z
  .object({
    kind: z.string().trim().min(1, { message: "validation.required" }).max(64, { message: "validation.tooLong" }).refine(isStorableText, storable),
    note: z.string().trim().max(500, { message: "validation.tooLong" }).refine(isStorableText, storable).optional(),
  })
  .strict();
export type RecordDocumentInput = z.infer<typeof recordDocumentSchema>;

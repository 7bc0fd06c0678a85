/**
 * The two JSON columns of a case, typed: `intake` (what was taken in, by case type) and
 * `calculation` (the receipt `recommend` freezes, by calculation kind). Defined once here, read
 * through `parseCaseData` wherever a case row is loaded and written through `intakeToStore` /
 * `receiptToStore` (decision 0018). A stored row these schemas refuse is a fault: it is logged
 * with the case id and thrown as a `CaseDataError`, never printed as "undefined" on a letter.
 *
 * Money is a decimal string (docs/rules.md §0); the receipts are those of `calculateCase`
 * (lib/cases/calculate.ts), the intakes those of intake, the transfer-out leg and corrections.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Explanation } from "@/lib/domain/explain";
import { isDecimalString } from "@/lib/domain/money";
import type { CaseType } from "@/lib/workflow";
import { monthSchema, payeeRelationships, surrenderGrounds } from "./schemas";

// ---- intake -----------------------------------------------------------------------------------

const officeCode = z.string().regex(/^\d{6}$/);

/** A payee as stored (validated at intake by `payeeSchema` of ./schemas). */
export const storedPayeeSchema = z.strictObject({
  name: z.string().min(1),
  idNumber: z.string().min(1).max(18),
  relationship: z.enum(payeeRelationships),
});

export const surrenderIntakeSchema = z.strictObject({
  ground: z.enum(surrenderGrounds),
  terminationMonth: monthSchema,
  payees: z.array(storedPayeeSchema),
  filedByAgent: z.boolean(),
});

export const duplicateRefundIntakeSchema = z.strictObject({});

/** `transferMonth` is null when the person has no month contributed here yet (create-case). */
export const transferInIntakeSchema = z.strictObject({
  fromOffice: officeCode,
  transferMonth: monthSchema.nullable(),
});

/** The leg the contact letter opens in the original office (lib/cases/transfers.ts). */
export const transferOutIntakeSchema = z.strictObject({
  transferMonth: monthSchema,
  toOffice: officeCode,
  transferInCase: z.string().min(1),
});

export type StoredPayee = z.infer<typeof storedPayeeSchema>;
export type SurrenderIntake = z.infer<typeof surrenderIntakeSchema>;
export type DuplicateRefundIntake = z.infer<typeof duplicateRefundIntakeSchema>;
export type TransferInIntake = z.infer<typeof transferInIntakeSchema>;
export type TransferOutIntake = z.infer<typeof transferOutIntakeSchema>;

// ---- calculation receipts ---------------------------------------------------------------------

const money = z.string().refine(isDecimalString);
const bilingual = z.strictObject({ zh: z.string(), en: z.string() });
const explanationValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** The derivation (lib/domain/explain.ts), checked in shape and typed as the domain's own. */
const explanationShape = z.object({
  title: bilingual,
  rule: bilingual,
  sources: z.array(z.object({ id: z.string(), zh: z.string(), en: z.string(), jurisdiction: z.enum(["national", "standard", "LOCAL"]), uncertain: z.boolean().optional() })),
  inputs: z.record(z.string(), z.unknown()),
  lines: z.array(z.object({ label: bilingual, values: z.record(z.string(), explanationValue) })),
  notes: z.array(bilingual),
});
const explanation = z.custom<Explanation>((v) => explanationShape.safeParse(v).success);

const receiptBase = { ruleVersion: z.string().min(1), computedAt: z.iso.datetime(), explanation };

export const surrenderPayoutReceiptSchema = z.strictObject({
  kind: z.literal("surrender"),
  ...receiptBase,
  eligible: z.literal(true),
  amount: money,
  fields: z.strictObject({
    eligible: z.literal(true),
    payout: money,
    priorYearEndBalance: money,
    currentYearPrincipal: money,
    currentYearInterest: money,
    provisional: z.boolean(),
    rate: money,
    paidTo: z.enum(["heirs", "insured-person"]),
  }),
});

export const surrenderRefusalReceiptSchema = z.strictObject({
  kind: z.literal("surrender"),
  ...receiptBase,
  eligible: z.literal(false),
  amount: z.null(),
  fields: z.strictObject({ eligible: z.literal(false), reason: z.string(), message: bilingual }),
});

export const surrenderReceiptSchema = z.discriminatedUnion("eligible", [surrenderPayoutReceiptSchema, surrenderRefusalReceiptSchema]);

export const duplicateRefundReceiptSchema = z.strictObject({
  kind: z.literal("duplicate-refund"),
  ...receiptBase,
  eligible: z.boolean(),
  amount: money.nullable(),
  fields: z.strictObject({
    refunds: z.array(z.strictObject({
      recordId: z.string().min(1),
      payerType: z.enum(["employer", "flexible", "bank-withholding", "institution"]),
      months: z.number().int().nonnegative(),
      monthList: z.array(monthSchema),
      monthlyAmount: money,
      amount: money,
    })),
    total: money,
    undecided: z.number().int().nonnegative(),
  }),
});

export const temporaryAccountReceiptSchema = z.strictObject({
  kind: z.literal("temporary-account"),
  ...receiptBase,
  eligible: z.boolean(),
  amount: z.null(),
  fields: z.strictObject({
    account: z.enum(["general", "temporary"]),
    reason: z.enum(["hukou-province", "approved-transfer", "prior-general-account", "before-2010", "under-age-threshold", "age-threshold-reached"]),
  }),
});

export const transferFundsReceiptSchema = z.strictObject({
  kind: z.literal("transfer-funds"),
  ...receiptBase,
  eligible: z.literal(true),
  amount: money,
  fields: z.strictObject({
    f1: money, f2: money, f3: money, f4: money, f5: money, f6: money,
    provisional: z.boolean(),
    rows: z.array(z.strictObject({
      year: z.number().int(),
      from: monthSchema,
      to: monthSchema,
      months: z.number().int().nonnegative(),
      monthlyBases: z.array(z.string()),
      accountRates: z.array(z.string()),
      principal: money,
      interest: money.nullable(),
      closingBalance: money,
      pooled: money,
    })),
  }),
});

export type SurrenderReceipt = z.infer<typeof surrenderReceiptSchema>;
export type DuplicateRefundReceipt = z.infer<typeof duplicateRefundReceiptSchema>;
export type TemporaryAccountReceipt = z.infer<typeof temporaryAccountReceiptSchema>;
export type TransferFundsReceipt = z.infer<typeof transferFundsReceiptSchema>;
export type Receipt = SurrenderReceipt | DuplicateRefundReceipt | TemporaryAccountReceipt | TransferFundsReceipt;

// ---- a case's data, by type -------------------------------------------------------------------

/** Each case type with its intake and the receipt kind its `recommend` freezes (null before). */
export const caseDataSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("SURRENDER"), intake: surrenderIntakeSchema, calculation: surrenderReceiptSchema.nullable() }),
  z.strictObject({ type: z.literal("DUPLICATE_REFUND"), intake: duplicateRefundIntakeSchema, calculation: duplicateRefundReceiptSchema.nullable() }),
  z.strictObject({ type: z.literal("TRANSFER_IN"), intake: transferInIntakeSchema, calculation: temporaryAccountReceiptSchema.nullable() }),
  z.strictObject({ type: z.literal("TRANSFER_OUT"), intake: transferOutIntakeSchema, calculation: transferFundsReceiptSchema.nullable() }),
]);
export type CaseData = z.infer<typeof caseDataSchema>;
export type IntakeOf<T extends CaseType> = Extract<CaseData, { type: T }>["intake"];
export type ReceiptOf<T extends CaseType> = NonNullable<Extract<CaseData, { type: T }>["calculation"]>;

/** A stored case whose intake or receipt the schemas refuse: a fault, never a value to print. */
export class CaseDataError extends Error {
  constructor(
    readonly caseId: string,
    readonly caseType: string,
    /** Where the row is wrong ("intake.terminationMonth: invalid_format"), never the value. */
    readonly problems: string[],
  ) {
    super(`case ${caseId} (${caseType}): stored intake/calculation does not parse: ${problems.join("; ")}`);
    this.name = "CaseDataError";
  }
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join(".") || "(row)"}: ${i.code}`);
}

/**
 * The one reader of a case row's `intake` and `calculation`. Refused: logged with the case id
 * and the paths at fault (not the values: they hold ID numbers), then thrown.
 */
export function parseCaseData(row: { id: string; type: string; intake: unknown; calculation: unknown }): CaseData {
  const parsed = caseDataSchema.safeParse({ type: row.type, intake: row.intake, calculation: row.calculation ?? null });
  if (parsed.success) return parsed.data;
  const error = new CaseDataError(row.id, row.type, problemsOf(parsed.error));
  console.error("[case-data]", error.message);
  throw error;
}

/** An intake about to be written, checked by the same schema that reads it back. */
export function intakeToStore<T extends CaseType>(type: T, intake: IntakeOf<T>): Prisma.InputJsonValue {
  const parsed = caseDataSchema.safeParse({ type, intake, calculation: null });
  if (!parsed.success) throw new Error(`intake of a new ${type} case does not fit its schema: ${problemsOf(parsed.error).join("; ")}`);
  return parsed.data.intake;
}

/** A receipt about to be frozen on a case of `type`, checked by the schema that reads it back. */
export function receiptToStore(type: CaseType, receipt: Receipt): Receipt {
  const schema = { SURRENDER: surrenderReceiptSchema, DUPLICATE_REFUND: duplicateRefundReceiptSchema, TRANSFER_IN: temporaryAccountReceiptSchema, TRANSFER_OUT: transferFundsReceiptSchema }[type];
  const parsed = schema.safeParse(receipt);
  if (!parsed.success) throw new Error(`receipt of a ${type} case does not fit its schema: ${problemsOf(parsed.error).join("; ")}`);
  return parsed.data;
}

// ---- views ------------------------------------------------------------------------------------

/** The intake as pages and `GET /api/v1/cases/{id}` show it: every type's fields, optional. */
export interface IntakeView {
  ground?: SurrenderIntake["ground"];
  terminationMonth?: string;
  payees?: StoredPayee[];
  filedByAgent?: boolean;
  fromOffice?: string;
  toOffice?: string;
  transferMonth?: string | null;
  transferInCase?: string;
}
export function intakeView(data: CaseData): IntakeView {
  return data.intake;
}

type Flat<R extends Receipt> = { kind: R["kind"]; ruleVersion: string; computedAt: string } & R["fields"];
/** The receipt as `GET /api/v1/cases/{id}` returns it: kind, rule version, time and the fields. */
export type ReceiptView = Flat<z.infer<typeof surrenderPayoutReceiptSchema>> | Flat<z.infer<typeof surrenderRefusalReceiptSchema>> | Flat<DuplicateRefundReceipt> | Flat<TemporaryAccountReceipt> | Flat<TransferFundsReceipt>;

export function receiptView(r: Receipt): ReceiptView {
  const head = { ruleVersion: r.ruleVersion, computedAt: r.computedAt };
  switch (r.kind) {
    case "surrender":
      return r.eligible ? { kind: r.kind, ...head, ...r.fields } : { kind: r.kind, ...head, ...r.fields };
    case "duplicate-refund":
      return { kind: r.kind, ...head, ...r.fields };
    case "temporary-account":
      return { kind: r.kind, ...head, ...r.fields };
    case "transfer-funds":
      return { kind: r.kind, ...head, ...r.fields };
  }
}

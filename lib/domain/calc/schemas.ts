import { z } from "zod";
import { PAYER_TYPES } from "../duplicate-priority";
import {
  booleanField,
  dateField,
  dateListField,
  historyField,
  intField,
  monthField,
  moneyField,
  rateField,
  ratesField,
  stringField,
  textField,
  yearField,
} from "./primitives";

/**
 * Input schemas of the 13 calculation kinds (docs/calc-api.md). Objects are strict: an unexpected
 * field (often a misspelt optional one, e.g. "temporaryAcount") is refused, not ignored, because
 * ignoring it would silently change an amount.
 */
const object = <T extends z.core.$ZodLooseShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === "unrecognized_keys" ? "validation.unknownKey" : "validation.object"),
  });

const MAX_MONTHS = (2100 - 1950 + 1) * 12;

export const personalAccountInput = object({
  history: historyField(),
  accountRate: rateField().optional(),
  rates: ratesField().optional(),
  openingBalance: moneyField().optional(),
  fromYear: yearField().optional(),
  throughYear: yearField().optional(),
});

export const surrenderInput = object({
  ground: textField(64),
  history: historyField(),
  accountRate: rateField().optional(),
  rates: ratesField().optional(),
  terminationMonth: monthField(),
  provisionalRate: rateField().optional(),
  openingBalance: moneyField().optional(),
  fromYear: yearField().optional(),
});

export const pensionerRemainderInput = object({
  accountAtRetirement: moneyField(),
  divisor: intField(1, 1000),
  paymentsMade: intField(0, MAX_MONTHS),
});

const pooledOptions = {
  transferRate: rateField().optional(),
  temporaryAccount: booleanField().optional(),
  employerRate: rateField().optional(),
  flexible: booleanField().optional(),
};

export const pooledTransferInput = object({
  history: historyField(),
  ...pooledOptions,
});

export const transferFundsInput = object({
  history: historyField(),
  accountRate: rateField().optional(),
  rates: ratesField().optional(),
  transferMonth: monthField(),
  pre1998IndividualBalance: moneyField().optional(),
  provisionalRate: rateField().optional(),
  ...pooledOptions,
});

export const benefitPlaceInput = object({
  hukou: textField(32),
  stints: z
    .array(
      object({
        province: textField(32),
        months: intField(0, MAX_MONTHS),
        deemedMonths: intField(0, MAX_MONTHS).optional(),
        temporary: booleanField().optional(),
      }),
      { error: (iss) => (iss.input === undefined ? "validation.required" : "validation.invalidType") },
    )
    .min(1, { message: "validation.required" })
    .max(1200, { message: "validation.tooBig" }),
});

export const temporaryAccountInput = object({
  sex: stringField("validation.sex").refine((v) => v === "M" || v === "F", { message: "validation.sex" }),
  birthDate: dateField(),
  hukouProvince: textField(32),
  newProvince: textField(32),
  enrolmentDate: dateField(),
  approvedTransfer: booleanField().optional(),
  priorGeneralAccountInNewProvince: booleanField().optional(),
});

const party = object({
  payerType: stringField("validation.payerType").refine(
    (v) => (PAYER_TYPES as readonly string[]).includes(v),
    { message: "validation.payerType" },
  ),
  monthlyBase: moneyField(),
  rate: rateField(),
});

export const duplicateRefundInput = object({
  a: party,
  b: party,
  overlapMonths: intField(0, MAX_MONTHS),
  keep: stringField("validation.keep")
    .refine((v) => v === "a" || v === "b", { message: "validation.keep" })
    .optional(),
});

export const residentOverlapInput = object({
  annualIndividual: moneyField(),
  annualCollective: moneyField(),
  annualGovernment: moneyField().optional(),
  overlapMonths: intField(0, 12),
});

export const baseClampInput = object({
  wage: moneyField(),
  averageWage: moneyField(),
});

export const idNumberInput = object({
  value: stringField().max(64, { message: "validation.tooLong" }),
  today: dateField().optional(),
});

export const creditCodeInput = object({
  value: stringField().max(64, { message: "validation.tooLong" }),
});

export const workingDaysInput = object({
  start: dateField(),
  days: intField(0, 3650),
  holidays: dateListField().optional(),
  makeUpWorkdays: dateListField().optional(),
});

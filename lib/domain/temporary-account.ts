import { ageOn, toDayNumber } from "./dates";
import { CalcInputError } from "./errors";
import { bi, explanation, line, type Bilingual, type Explanation } from "./explain";
import { sameProvince } from "./provinces";

export type Sex = "M" | "F";

export interface TemporaryAccountInput {
  sex: Sex;
  birthDate: string;
  hukouProvince: string;
  newProvince: string;
  /** Date of (first) enrolment in the new province. */
  enrolmentDate: string;
  /** 县级以上组织或人社部门批准调动 (66号 Art. 5(3)). */
  approvedTransfer?: boolean;
  /** Already had a general account in the new province (enrolled before, or under the age). */
  priorGeneralAccountInNewProvince?: boolean;
}

export type TemporaryAccountReason =
  | "hukou-province"
  | "approved-transfer"
  | "prior-general-account"
  | "before-2010"
  | "under-age-threshold"
  | "age-threshold-reached";

export interface TemporaryAccountResult {
  account: "temporary" | "general";
  reason: TemporaryAccountReason;
  /** Age in full years (周岁) on the enrolment date. */
  age: number;
  threshold: number;
  explanation: Explanation;
}

/** Men from 50, women from 40 (66号 Art. 5(2)). */
export const TEMPORARY_ACCOUNT_AGE: Record<Sex, number> = { M: 50, F: 40 };
/** The interim measures apply from 2010-01-01. */
export const TEMPORARY_ACCOUNT_FROM = "2010-01-01";

const reasonText: Record<TemporaryAccountReason, Bilingual> = {
  "hukou-province": bi("在户籍所在省参保，建立一般账户", "Enrolled in the hukou province: general account"),
  "approved-transfer": bi("经批准调动，建立一般账户", "Approved transfer: general account"),
  "prior-general-account": bi(
    "此前已在该省建立一般账户，中断后续保不重新认定",
    "Already had a general account in this province: no reclassification after a gap",
  ),
  "before-2010": bi("2010年1月1日前参保，不适用临时缴费账户", "Enrolled before 2010-01-01: the temporary-account rule does not apply"),
  "under-age-threshold": bi("参保时未达男50周岁、女40周岁", "Below the age of 50 (men) / 40 (women) on enrolment"),
  "age-threshold-reached": bi(
    "男年满50周岁、女年满40周岁在非户籍省首次参保，建立临时基本养老保险缴费账户",
    "Man aged 50+ or woman aged 40+ first enrolling outside the hukou province: temporary contribution account",
  ),
};

/**
 * Temporary contribution account or general account (66号 Art. 5(2)(3); docs/rules.md §4.1).
 * The age is in full years on the enrolment day, so a 40th birthday on that day counts.
 */
export function determineAccountType(input: TemporaryAccountInput): TemporaryAccountResult {
  if (toDayNumber(input.birthDate) > toDayNumber(input.enrolmentDate))
    throw new CalcInputError("validation.dateOrder", ["enrolmentDate"]);
  const age = ageOn(input.birthDate, input.enrolmentDate);
  const threshold = TEMPORARY_ACCOUNT_AGE[input.sex];
  const reason: TemporaryAccountReason = sameProvince(input.hukouProvince, input.newProvince)
    ? "hukou-province"
    : input.approvedTransfer
      ? "approved-transfer"
      : input.priorGeneralAccountInNewProvince
        ? "prior-general-account"
        : toDayNumber(input.enrolmentDate) < toDayNumber(TEMPORARY_ACCOUNT_FROM)
          ? "before-2010"
          : age >= threshold
            ? "age-threshold-reached"
            : "under-age-threshold";
  const account = reason === "age-threshold-reached" ? "temporary" : "general";
  return {
    account,
    reason,
    age,
    threshold,
    explanation: explanation({
      title: bi("临时缴费账户认定", "Temporary contribution account check"),
      rule: reasonText[reason],
      sources: ["guoban-2009-66-art5", "hrss-2009-187"],
      inputs: {
        sex: input.sex,
        birthDate: input.birthDate,
        hukouProvince: input.hukouProvince,
        newProvince: input.newProvince,
        enrolmentDate: input.enrolmentDate,
        approvedTransfer: !!input.approvedTransfer,
        priorGeneralAccountInNewProvince: !!input.priorGeneralAccountInNewProvince,
      },
      lines: [line(bi("参保时周岁", "Age on enrolment"), { age, threshold, account })],
    }),
  };
}

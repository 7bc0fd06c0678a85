import type { z } from "zod";
import { determineBenefitPlace } from "../benefit-place";
import { addWorkingDays, makeCalendar, uncoveredYears, type WorkingCalendar } from "../calendar";
import { clampContributionBase } from "../contribution-base";
import { validateCreditCode } from "../credit-code";
import { decideRefund, type PayerType } from "../duplicate-priority";
import { CalcInputError } from "../errors";
import { bi, explanation } from "../explain";
import { validateIdNumber } from "../id-number";
import { ZERO, formatMoney, formatRate } from "../money";
import { calculatePensionerRemainder } from "../pensioner-remainder";
import { computePersonalAccount, explainPersonalAccount } from "../personal-account";
import { calculatePooledTransfer } from "../pooled-transfer";
import { calculateResidentOverlap } from "../resident-overlap";
import { calculateSurrender, requiredDocuments } from "../surrender";
import { determineAccountType, type Sex } from "../temporary-account";
import { calculateTransferFunds } from "../transfer-funds";
import { toHistory } from "./primitives";
import * as s from "./schemas";

export interface CalcContext {
  /** The calendar for working-days requests that bring no lists of their own. */
  defaultCalendar?: WorkingCalendar;
  /**
   * Today in Asia/Shanghai ("YYYY-MM-DD"), for an id-number request that brings no `today`: the
   * route passes its clock's date, so that a birth date in the future is refused (issue 13).
   */
  today?: string;
}

type Output = Record<string, unknown>;

interface KindDefinition<S extends z.ZodType> {
  schema: S;
  run: (input: z.output<S>, context: CalcContext) => Output;
}

const define = <S extends z.ZodType>(schema: S, run: KindDefinition<S>["run"]) => ({ schema, run });

const money = formatMoney;

export const calcKinds = {
  "personal-account": define(s.personalAccountInput, (input) => {
    const history = toHistory(input.history);
    const lastRow = history.reduce<string | null>((max, r) => (max === null || r.to > max ? r.to : max), null);
    const throughYear = input.throughYear ?? (lastRow ? Number(lastRow.slice(0, 4)) : undefined);
    if (throughYear === undefined) throw new CalcInputError("validation.required", ["throughYear"]);
    const args = {
      history,
      accountRate: input.accountRate,
      rates: input.rates ?? new Map(),
      openingBalance: input.openingBalance,
      fromYear: input.fromYear,
      throughYear,
    };
    const result = computePersonalAccount(args);
    return {
      closingBalance: money(result.closingBalance),
      years: result.years.map((y) => ({
        year: y.year,
        principal: money(y.principal),
        interest: money(y.interest),
        closingBalance: money(y.closingBalance),
      })),
      excludedMonths: result.excludedMonths,
      explanation: explainPersonalAccount(args, result),
    };
  }),

  surrender: define(s.surrenderInput, (input) => {
    const result = calculateSurrender({
      ...input,
      history: toHistory(input.history),
      rates: input.rates ?? new Map(),
    });
    if (!result.eligible) {
      const { eligible, ground, reason, message, explanation } = result;
      return { eligible, ground, reason, message, explanation };
    }
    return {
      eligible: true,
      ground: result.ground,
      paidTo: result.paidTo,
      payout: money(result.payout),
      priorYearEndBalance: money(result.priorYearEndBalance),
      currentYearPrincipal: money(result.currentYearPrincipal),
      currentYearInterest: money(result.currentYearInterest),
      provisional: result.provisional,
      rate: formatRate(result.rate),
      interestMonths: result.interestMonths,
      excludedMonths: result.excludedMonths,
      requiredDocuments: requiredDocuments(result.ground).map((d) => ({ kind: d.kind, required: d.required })),
      explanation: result.explanation,
    };
  }),

  "pensioner-remainder": define(s.pensionerRemainderInput, (input) => {
    const r = calculatePensionerRemainder(input);
    return {
      monthlyAccountPension: money(r.monthlyAccountPension),
      paid: money(r.paid),
      remaining: money(r.remaining),
      explanation: r.explanation,
    };
  }),

  "pooled-transfer": define(s.pooledTransferInput, (input) => {
    const r = calculatePooledTransfer({ ...input, history: toHistory(input.history) });
    return {
      pooledFund: money(r.pooledFund),
      rate: formatRate(r.rate),
      basis: r.basis,
      contributionWage: money(r.contributionWage),
      years: r.years.map((y) => ({
        year: y.year,
        months: y.months,
        contributionWage: money(y.contributionWage),
        pooled: money(y.pooled),
      })),
      explanation: r.explanation,
    };
  }),

  "transfer-funds": define(s.transferFundsInput, (input) => {
    const r = calculateTransferFunds({ ...input, history: toHistory(input.history), rates: input.rates ?? new Map() });
    return {
      f1: money(r.f1),
      f2: money(r.f2),
      f3: money(r.f3),
      f4: money(r.f4),
      f5: money(r.f5),
      f6: money(r.f6),
      provisional: r.provisional,
      rows: r.rows.map((row) => ({
        ...row,
        principal: money(row.principal),
        interest: row.interest === null ? null : money(row.interest),
        closingBalance: money(row.closingBalance),
        contributionWage: money(row.contributionWage),
        pooled: money(row.pooled),
      })),
      explanation: r.explanation,
    };
  }),

  "benefit-place": define(s.benefitPlaceInput, (input) => {
    const { place, rule, relationship, cumulative, explanation } = determineBenefitPlace(input.hukou, input.stints);
    return { place, rule, relationship, cumulative, explanation };
  }),

  "temporary-account": define(s.temporaryAccountInput, (input) => {
    const { account, reason, age, threshold, explanation } = determineAccountType({ ...input, sex: input.sex as Sex });
    return { account, reason, age, threshold, explanation };
  }),

  "duplicate-refund": define(s.duplicateRefundInput, (input) => {
    const a = { ...input.a, payerType: input.a.payerType as PayerType };
    const b = { ...input.b, payerType: input.b.payerType as PayerType };
    const d = decideRefund(a, b, input.overlapMonths, input.keep as "a" | "b" | undefined);
    return {
      refund: d.refund,
      amount: money(d.amount),
      refundedPayerType: d.refundedPayerType,
      monthlyAmount: money(d.monthlyAmount),
      rule: d.rule && { id: d.rule.id, jurisdiction: d.rule.jurisdiction, source: d.rule.source },
      explanation: d.explanation,
    };
  }),

  "resident-overlap": define(s.residentOverlapInput, (input) => {
    const r = calculateResidentOverlap({ ...input, annualGovernment: input.annualGovernment ?? ZERO });
    return { refund: money(r.refund), governmentSubsidyKept: money(r.governmentSubsidyKept), explanation: r.explanation };
  }),

  "base-clamp": define(s.baseClampInput, (input) => {
    const r = clampContributionBase(input.wage, input.averageWage);
    return {
      base: money(r.base),
      individual: money(r.individual),
      employer: money(r.employer),
      flexible: money(r.flexible),
      flexibleToAccount: money(r.flexibleToAccount),
      floor: money(r.floor),
      cap: money(r.cap),
      explanation: r.explanation,
    };
  }),

  "id-number": define(s.idNumberInput, (input, context) => {
    const r = validateIdNumber(input.value, { today: input.today ?? context.today });
    const out = r.valid
      ? { valid: true, birthDate: r.birthDate, sex: r.sex, addressCode: r.addressCode }
      : { valid: false, reason: r.reason };
    return { ...out, explanation: identifierExplanation("gb-11643") };
  }),

  "credit-code": define(s.creditCodeInput, (input) => {
    const r = validateCreditCode(input.value);
    const out = r.valid
      ? { valid: true, divisionCode: r.divisionCode, organizationCode: r.organizationCode, warnings: r.warnings }
      : { valid: false, reason: r.reason, overridable: r.overridable };
    return { ...out, explanation: identifierExplanation("gb-32100") };
  }),

  "working-days": define(s.workingDaysInput, (input, context) => {
    const fromRequest = input.holidays !== undefined || input.makeUpWorkdays !== undefined;
    const calendar =
      fromRequest || !context.defaultCalendar
        ? makeCalendar(input.holidays ?? [], input.makeUpWorkdays ?? [])
        : context.defaultCalendar;
    const due = addWorkingDays(input.start, input.days, calendar);
    const uncovered = uncoveredYears(calendar, input.start, due);
    return {
      due,
      calendar: fromRequest ? "request" : context.defaultCalendar ? "built-in" : "none",
      uncoveredYears: uncovered,
      explanation: explanation({
        title: bi("工作日期限", "Working-day time limit"),
        rule: bi(
          "起算日不计入；周一至周五为工作日，法定节假日除外，调休上班日计入",
          "The start day is not counted; Monday–Friday are working days except holidays; make-up workdays count",
        ),
        sources: ["guoban-2009-66-art8", "state-council-holidays"],
        inputs: { start: input.start, days: input.days },
        notes: uncovered.length
          ? [bi(`节假日安排未覆盖：${uncovered.join("、")}年`, `No holiday calendar for ${uncovered.join(", ")}`)]
          : [],
      }),
    };
  }),
} as const;

function identifierExplanation(source: "gb-11643" | "gb-32100") {
  return explanation({
    title: source === "gb-11643" ? bi("公民身份号码校验", "ID number check") : bi("统一社会信用代码校验", "Credit code check"),
    rule:
      source === "gb-11643"
        ? bi("ISO 7064 MOD 11-2 校验码，出生日期须为真实日期", "ISO 7064 MOD 11-2 check character; the birth date must exist")
        : bi("GB 32100 MOD 31 校验码及内嵌组织机构代码校验", "GB 32100 MOD 31 check character and the embedded organisation code"),
    sources: source === "gb-11643" ? ["gb-11643"] : ["gb-32100", "gb-11714"],
  });
}

export type CalcKind = keyof typeof calcKinds;
export const CALC_KINDS = Object.keys(calcKinds) as CalcKind[];

/**
 * `recommend`'s calculation: gathers the stored records and crediting rates, runs the pure rules
 * of lib/domain and returns the receipt that is frozen on the case (inputs, every line, the rule
 * and its legal source). Refusals by a rule (not eligible, a missing rate) are 422.
 */
import type { Tx } from "@/lib/db/client";
import { loadCreditingRates } from "@/lib/db/rates";
import { Money, formatMoney, type Dec } from "@/lib/domain/money";
import { CalcInputError, MissingRateError } from "@/lib/domain/errors";
import { calculateSurrender } from "@/lib/domain/surrender";
import { planDuplicateRefund, type ContributionRecord as DomainRecord, type PayerType, type RefundPlan } from "@/lib/domain/duplicates";
import { calculateTransferFunds } from "@/lib/domain/transfer-funds";
import { determineAccountType } from "@/lib/domain/temporary-account";
import { addMonths, type HistoryRow } from "@/lib/domain/months";
import { fail } from "@/lib/service";
import type { CaseData, Receipt } from "./case-data";

export const RULE_VERSION = "jingban-rules-2026.1";

const payerTypes: Record<string, PayerType> = {
  EMPLOYER: "employer",
  FLEXIBLE: "flexible",
  BANK_WITHHOLDING: "bank-withholding",
  INSTITUTION: "institution",
};

type CaseForCalc = { id: string; officeId: string; personId: string } & CaseData;
export type { Receipt } from "./case-data";

async function personRecords(tx: Tx, personId: string, where: { officeId?: string } = {}) {
  return tx.contributionRecord.findMany({
    where: { personId, status: "ACTIVE", ...where },
    orderBy: [{ fromMonth: "asc" }, { id: "asc" }],
    select: {
      id: true, officeId: true, payerType: true, fromMonth: true, toMonth: true, monthlyBase: true, totalRate: true,
      accountRate: true, refundedMonths: { select: { month: true } },
    },
  });
}

const toHistory = (r: { fromMonth: string; toMonth: string; monthlyBase: { toString(): string }; accountRate: { toString(): string } }): HistoryRow => ({
  from: r.fromMonth,
  to: r.toMonth,
  monthlyBase: new Money(r.monthlyBase.toString()),
  accountRate: new Money(r.accountRate.toString()),
});

/** Domain input errors from stored data (a missing rate) are a 422 the staff can act on. */
function ruleFailure(error: unknown): never {
  if (error instanceof MissingRateError) fail("unprocessable", "cases.errors.missingRate", { year: error.year });
  if (error instanceof CalcInputError) fail("unprocessable", "cases.errors.calculationRefused");
  throw error;
}

/**
 * The refund plan of a person's stored records (docs/rules.md §3.1, §3.2): the active records with
 * their months already refunded, through the pure `planDuplicateRefund`. `recommend` freezes it
 * on the case; intake refuses a DUPLICATE_REFUND when it refunds nothing (docs/api.md §4.1), so
 * both ask the same question in the same way.
 */
export async function duplicateRefundPlan(tx: Tx, personId: string): Promise<RefundPlan> {
  const records = await personRecords(tx, personId);
  const domainRecords: DomainRecord[] = records.map((r) => ({
    id: r.id,
    payerType: payerTypes[r.payerType],
    from: r.fromMonth,
    to: r.toMonth,
    monthlyBase: new Money(r.monthlyBase.toString()),
    rate: new Money(r.totalRate.toString()),
    refundedMonths: r.refundedMonths.map((m) => m.month),
  }));
  try {
    return planDuplicateRefund(domainRecords);
  } catch (error) {
    ruleFailure(error);
  }
}

/** What makes a duplicate refund eligible: at least one overlapping month a rule refunds. */
export const refundsSomething = (plan: RefundPlan): boolean => plan.refunds.length > 0;

export async function calculateCase(tx: Tx, c: CaseForCalc, now: Date): Promise<Receipt> {
  const computedAt = now.toISOString();
  try {
    switch (c.type) {
      case "SURRENDER": {
        const records = await personRecords(tx, c.personId);
        if (records.some((r) => r.officeId !== c.officeId)) fail("unprocessable", "cases.errors.transferFirst");
        const rates = await loadCreditingRates(tx);
        const { ground, terminationMonth } = c.intake;
        const terminationYear = Number(terminationMonth.slice(0, 4));
        // The termination year's rate is published the next June (docs/rules.md §5.3): until then the
        // latest published rate is used provisionally and the receipt says so.
        const latest = [...rates.keys()].filter((y) => y < terminationYear).sort((a, b) => b - a)[0];
        const result = calculateSurrender({
          ground,
          history: records.map(toHistory),
          rates,
          terminationMonth,
          provisionalRate: rates.has(terminationYear) || latest === undefined ? undefined : rates.get(latest),
        });
        if (!result.eligible)
          return { kind: "surrender", ruleVersion: RULE_VERSION, computedAt, eligible: false, amount: null, fields: { eligible: false, reason: result.reason, message: result.message }, explanation: result.explanation };
        return {
          kind: "surrender", ruleVersion: RULE_VERSION, computedAt, eligible: true, amount: formatMoney(result.payout),
          fields: {
            eligible: true,
            payout: formatMoney(result.payout),
            priorYearEndBalance: formatMoney(result.priorYearEndBalance),
            currentYearPrincipal: formatMoney(result.currentYearPrincipal),
            currentYearInterest: formatMoney(result.currentYearInterest),
            provisional: result.provisional,
            rate: result.rate.toString(),
            paidTo: result.paidTo,
          },
          explanation: result.explanation,
        };
      }
      case "DUPLICATE_REFUND": {
        const plan = await duplicateRefundPlan(tx, c.personId);
        const refunds = plan.refunds.map((r) => ({
          recordId: r.recordId,
          payerType: r.payerType,
          months: r.months,
          monthList: r.monthList,
          monthlyAmount: formatMoney(r.monthlyAmount),
          amount: formatMoney(r.amount),
        }));
        const eligible = refundsSomething(plan);
        return {
          kind: "duplicate-refund", ruleVersion: RULE_VERSION, computedAt, eligible, amount: eligible ? formatMoney(plan.total) : null,
          fields: { refunds, total: formatMoney(plan.total), undecided: plan.undecided.length },
          explanation: plan.explanation,
        };
      }
      case "TRANSFER_IN": {
        const person = await tx.insuredPerson.findUniqueOrThrow({ where: { id: c.personId }, select: { sex: true, birthDate: true, hukouProvince: true } });
        const office = await tx.office.findUniqueOrThrow({ where: { id: c.officeId }, select: { province: true } });
        const first = await tx.contributionRecord.findFirst({ where: { personId: c.personId, officeId: c.officeId }, orderBy: { fromMonth: "asc" }, select: { fromMonth: true } });
        if (!first) fail("unprocessable", "cases.errors.noRecordsHere");
        const result = determineAccountType({
          sex: person.sex,
          birthDate: person.birthDate.toISOString().slice(0, 10),
          hukouProvince: person.hukouProvince,
          newProvince: office.province,
          enrolmentDate: `${first!.fromMonth}-01`,
        });
        return {
          kind: "temporary-account", ruleVersion: RULE_VERSION, computedAt, eligible: result.account === "general", amount: null,
          fields: { account: result.account, reason: result.reason },
          explanation: result.explanation,
        };
      }
      case "TRANSFER_OUT": {
        const records = await personRecords(tx, c.personId, { officeId: c.officeId });
        const { transferMonth } = c.intake;
        const before = records.filter((r) => r.fromMonth < transferMonth).map((r) => ({ ...toHistory(r), to: r.toMonth < transferMonth ? r.toMonth : addMonths(transferMonth, -1) }));
        const rates = await loadCreditingRates(tx);
        const flexible = records.length > 0 && records.every((r) => r.payerType === "FLEXIBLE");
        const result = calculateTransferFunds({ history: before, rates, transferMonth, flexible });
        const f = (d: Dec) => formatMoney(d);
        return {
          kind: "transfer-funds", ruleVersion: RULE_VERSION, computedAt, eligible: true, amount: f(result.f6),
          fields: {
            f1: f(result.f1), f2: f(result.f2), f3: f(result.f3), f4: f(result.f4), f5: f(result.f5), f6: f(result.f6),
            provisional: result.provisional,
            rows: result.rows.map((r) => ({
              year: r.year, from: r.from, to: r.to, months: r.months, monthlyBases: r.monthlyBases, accountRates: r.accountRates,
              principal: f(r.principal), interest: r.interest ? f(r.interest) : null, closingBalance: f(r.closingBalance), pooled: f(r.pooled),
            })),
          },
          explanation: result.explanation,
        };
      }
    }
  } catch (error) {
    ruleFailure(error);
  }
  return fail("unprocessable", "cases.errors.calculationRefused");
}


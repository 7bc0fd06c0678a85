import { amountBlock, APPEAL_NOTICE, caseReference, legalBasisBlock, payerTypeLabel, personFields, type LegalRef } from "../common";
import { formatAmount } from "../format";
import { officeVM, type DocumentDraft, type OfficeInfo, type PersonRef } from "../types";

/**
 * Input of the decision to refund duplicate contributions (重复缴费退费决定书; docs/rules.md §3).
 * `refunds` and `total` are the frozen duplicate-refund calculation of the case, amounts as
 * decimal strings; `months` is the list of refunded months ("YYYY-MM") or their number.
 */
export interface RefundDecisionInput {
  /** The DUPLICATE_REFUND case. */
  caseNumber: string;
  person: PersonRef;
  office: OfficeInfo;
  refunds: { payerType: string; months: number | string[]; amount: string }[];
  total: string;
  /** Who receives the refund (the person, or the employer for an employer record). */
  payee?: { name: string; account?: string };
  /** Defaults to 人社部发〔2010〕70号 item 10 and 人社部规〔2016〕5号 item 5. */
  legalSources?: LegalRef[];
  issuerName: string;
}

function monthsText(months: number | string[]): string {
  if (typeof months === "number") return `${months}`;
  if (months.length === 0) return "0";
  const sorted = [...months].sort();
  return `${sorted.length}（${sorted[0]} – ${sorted[sorted.length - 1]}）`;
}

export function buildRefundDecision(input: RefundDecisionInput): DocumentDraft {
  const { person } = input;
  return {
    schema: 1,
    kind: "REFUND_DECISION",
    title: { zh: "重复缴费退费决定书", en: "Decision on the Refund of Duplicate Contributions" },
    references: [caseReference(input.caseNumber)],
    addressee: { zh: input.payee?.name ?? person.name, en: input.payee?.name ?? person.name },
    blocks: [
      {
        type: "paragraph",
        text: {
          zh: `经核查，参保人员${person.name}（公民身份号码：${person.idNumber}）存在同一期间重复缴纳基本养老保险费的情形。根据有关规定，保留一条参保缴费记录，对下列重复缴费予以清退，相应缴费年限不重复计算。`,
          en: `${person.name} (ID number ${person.idNumber}) paid basic pension contributions twice for the same months. One record is kept; the duplicate contributions below are refunded and their months are not counted twice.`,
        },
      },
      { type: "fields", title: { zh: "参保人员", en: "Insured person" }, columns: 2, fields: personFields(person) },
      {
        type: "table",
        title: { zh: "退费明细", en: "Refunds" },
        columns: [
          { label: { zh: "退还的缴费记录", en: "Record refunded" }, align: "left", width: 40 },
          { label: { zh: "月数", en: "Months" }, align: "left", width: 35 },
          { label: { zh: "金额（元）", en: "Amount (yuan)" }, align: "right", width: 25 },
        ],
        rows: input.refunds.map((r) => {
          const label = payerTypeLabel(r.payerType);
          return [`${label.zh} ${label.en}`, monthsText(r.months), formatAmount(r.amount)];
        }),
        totals: ["合计 Total", "", formatAmount(input.total)],
      },
      amountBlock({ zh: "退费金额", en: "Amount refunded" }, input.total),
      ...(input.payee
        ? [
            {
              type: "fields" as const,
              title: { zh: "收款人", en: "Payee" },
              columns: 2 as const,
              fields: [
                { label: { zh: "收款人", en: "Payee" }, value: input.payee.name },
                { label: { zh: "账户", en: "Account" }, value: input.payee.account ?? "" },
              ],
            },
          ]
        : []),
      legalBasisBlock(input.legalSources ?? ["hrss-2010-70-item10", "hrss-2016-5-item5"]),
      { type: "paragraph", text: APPEAL_NOTICE },
    ],
    office: officeVM(input.office),
    issuerName: input.issuerName,
  };
}

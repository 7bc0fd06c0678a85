import { groundInfo, type PayingGround } from "@/lib/domain/surrender-grounds";
import { formatAmount } from "../format";
import { amountBlock, APPEAL_NOTICE, caseReference, legalBasisBlock, personFields, type LegalRef } from "../common";
import { officeVM, type BlockVM, type DocumentDraft, type OfficeInfo, type PersonRef } from "../types";

/**
 * Input of the decision to pay out the personal account once (个人账户一次性支付决定书;
 * docs/rules.md §2). `calculation` is the frozen surrender calculation of the case
 * (`POST /api/v1/calc/surrender` output), amounts as decimal strings.
 */
export interface PayoutDecisionInput {
  /** The SURRENDER case. */
  caseNumber: string;
  person: PersonRef;
  office: OfficeInfo;
  ground: PayingGround;
  /** "YYYY-MM": the month the relationship ends. */
  terminationMonth: string;
  calculation: {
    payout: string;
    priorYearEndBalance: string;
    currentYearPrincipal: string;
    currentYearInterest: string;
    provisional?: boolean;
  };
  /** Who is paid: the insured person, or the heirs with their shares when given. */
  payees?: { name: string; idNumber?: string; relationship?: string; amount?: string }[];
  /** Defaults to the ground's sources (lib/domain/surrender-grounds.ts). */
  legalSources?: LegalRef[];
  issuerName: string;
}

export function buildPayoutDecision(input: PayoutDecisionInput): DocumentDraft {
  const { person, calculation: c } = input;
  const ground = groundInfo[input.ground];
  const toHeirs = ground.paidTo === "heirs";
  const payees = input.payees?.length ? input.payees : [{ name: person.name, idNumber: person.idNumber, relationship: "本人 self" }];
  const blocks: BlockVM[] = [
    {
      type: "paragraph",
      text: toHeirs
        ? {
            zh: `参保人员${person.name}（公民身份号码：${person.idNumber}）的继承人申请一次性领取其基本养老保险个人账户储存额。经审核，符合“${ground.label.zh}”情形，决定终止其基本养老保险关系，并将个人账户储存额一次性支付给下列领取人。`,
            en: `The heirs of ${person.name} (ID number ${person.idNumber}) applied for the one-time payment of the personal account. The case meets the ground "${ground.label.en}": the basic pension insurance relationship ends and the account balance is paid once to the payees below.`,
          }
        : {
            zh: `你（公民身份号码：${person.idNumber}）申请一次性领取基本养老保险个人账户储存额。经审核，符合“${ground.label.zh}”情形，决定终止你的基本养老保险关系，并将个人账户储存额一次性支付给你。`,
            en: `You (ID number ${person.idNumber}) applied for the one-time payment of your personal account. The case meets the ground "${ground.label.en}": your basic pension insurance relationship ends and the account balance is paid to you once.`,
          },
    },
    {
      type: "fields",
      title: { zh: "参保人员", en: "Insured person" },
      columns: 2,
      fields: [
        ...personFields(person),
        { label: { zh: "支付事由", en: "Ground" }, value: `${ground.label.zh} / ${ground.label.en}`, wide: true },
        { label: { zh: "终止参保月份", en: "Relationship ends" }, value: input.terminationMonth },
      ],
    },
    {
      type: "table",
      title: { zh: "个人账户储存额计算", en: "Personal account amount" },
      columns: [
        { label: { zh: "项目", en: "Item" }, align: "left", width: 70 },
        { label: { zh: "金额（元）", en: "Amount (yuan)" }, align: "right", width: 30 },
      ],
      rows: [
        ["上年末个人账户储存额 Balance at the end of the previous year", formatAmount(c.priorYearEndBalance)],
        ["当年记入个人账户本金 Principal credited this year", formatAmount(c.currentYearPrincipal)],
        ["当年记账利息 Interest this year", formatAmount(c.currentYearInterest)],
      ],
      totals: ["支付金额 Amount paid", formatAmount(c.payout)],
    },
    amountBlock({ zh: "一次性支付金额", en: "One-time payment" }, c.payout),
    {
      type: "table",
      title: { zh: "领取人", en: "Payees" },
      columns: [
        { label: { zh: "姓名", en: "Name" }, align: "left", width: 25 },
        { label: { zh: "公民身份号码", en: "ID number" }, align: "left", width: 35 },
        { label: { zh: "关系", en: "Relationship" }, align: "left", width: 20 },
        { label: { zh: "金额（元）", en: "Amount (yuan)" }, align: "right", width: 20 },
      ],
      rows: payees.map((p) => [p.name, p.idNumber ?? "", p.relationship ?? "", p.amount ? formatAmount(p.amount) : payees.length === 1 ? formatAmount(c.payout) : ""]),
    },
    ...(c.provisional
      ? [{ type: "notes" as const, items: [{ zh: "终止年度记账利率尚未公布，当年利息按临时利率计算。", en: "The crediting rate of the final year is not yet published: this year's interest uses a provisional rate." }] }]
      : []),
    legalBasisBlock(input.legalSources ?? ground.sources),
    { type: "paragraph", text: APPEAL_NOTICE },
  ];
  return {
    schema: 1,
    kind: "PAYOUT_DECISION",
    title: { zh: "基本养老保险个人账户一次性支付决定书", en: "Decision on the One-Time Payment of the Personal Pension Account" },
    references: [caseReference(input.caseNumber)],
    addressee: { zh: toHeirs ? `${person.name}的继承人` : person.name, en: toHeirs ? `The heirs of ${person.name}` : person.name },
    blocks,
    office: officeVM(input.office),
    issuerName: input.issuerName,
  };
}

import { formatAmount, formatPercent, formatPeriod } from "../format";
import { caseReference, legalBasisBlock, personFields } from "../common";
import { officeVM, type Bilingual, type BlockVM, type DocumentDraft, type OfficeInfo, type PersonRef } from "../types";

/**
 * Input of 《基本养老保险关系转移接续信息表》 (docs/rules.md §4.2, §4.4; 66号 Art. 4; 187号): sent by the
 * transfer-out office (the issuer) with the funds. The fund block and the rows are the frozen
 * transfer-funds calculation (`POST /api/v1/calc/transfer-funds` output: f1 … f6 and `rows`),
 * amounts as decimal strings.
 */
export interface InfoTableYearRow {
  year: number;
  /** "YYYY-MM" */
  from: string;
  to: string;
  months: number;
  monthlyBases: string[];
  accountRates: string[];
  principal: string;
  /** null in the transfer year: its interest is credited by the transfer-in office. */
  interest: string | null;
  closingBalance: string;
}

export interface InfoTableInput {
  /** The TRANSFER_OUT case. */
  caseNumber: string;
  person: PersonRef;
  /** The issuing transfer-out office. */
  fromOffice: OfficeInfo;
  /** The transfer-in office the table and funds go to. */
  toOffice: { name: string; nameEn?: string; code?: string };
  personBlock: {
    /** 转出单位名称 */
    employerName?: string;
    /** 参加工作时间 "YYYY-MM" */
    workStartMonth?: string;
    /** 首次参保地实行个人缴费时间 "YYYY-MM" */
    localPersonalContributionStart?: string;
    /** 本人首次缴费时间 "YYYY-MM" */
    firstContributionMonth?: string;
    /** 本人建立个人账户时间 "YYYY-MM" */
    accountOpenedMonth?: string;
    /** 在本地缴费起止时间 and 实际缴费月数 */
    localFrom: string;
    localTo: string;
    localMonths: number;
    /** 转移时间 "YYYY-MM" */
    transferMonth: string;
  };
  funds: { f1: string; f2: string; f3: string; f4: string; f5: string; f6: string };
  rows: InfoTableYearRow[];
  /** True when a provisional crediting rate was used (the calculation says so). */
  provisional?: boolean;
  notes?: Bilingual[];
  issuerName: string;
}

export const FUND_LABELS: Record<keyof InfoTableInput["funds"], Bilingual> = {
  f1: { zh: "(1) 1998年1月1日前账户中个人缴费累计储存额", en: "(1) Individual contributions stored before 1 January 1998" },
  f2: { zh: "(2) 1998年1月1日至调转上年末个人账户累计储存额", en: "(2) Personal account from 1 January 1998 to the end of the year before the transfer" },
  f3: { zh: "(3) 调转当年记入个人账户本金金额", en: "(3) Principal credited in the transfer year" },
  f4: { zh: "(4) 个人账户基金转移额 = (1)+(2)+(3)", en: "(4) Personal account funds transferred = (1)+(2)+(3)" },
  f5: { zh: "(5) 统筹基金转移额", en: "(5) Pooled fund transferred" },
  f6: { zh: "(6) 转移基金总额 = (4)+(5)", en: "(6) Total funds transferred = (4)+(5)" },
};

export function buildInfoTable(input: InfoTableInput): DocumentDraft {
  const { person, fromOffice, toOffice, personBlock: p, funds } = input;
  const notes: Bilingual[] = [
    {
      zh: "转出地计息至调转上年末；调转当年记入个人账户的本金不计息，由转入地年终计息。统筹基金不计息。",
      en: "Interest is credited to the end of the year before the transfer; the transfer-year principal moves without interest, credited by the receiving office at year end. The pooled fund carries no interest.",
    },
    ...(input.provisional
      ? [{ zh: "上年度记账利率尚未公布，按临时利率计算。", en: "The previous year's crediting rate is not yet published: a provisional rate was used." }]
      : []),
    ...(input.notes ?? []),
  ];
  const blocks: BlockVM[] = [
    {
      type: "fields",
      title: { zh: "参保人员基本信息", en: "Insured person" },
      columns: 2,
      fields: [
        ...personFields(person),
        { label: { zh: "转出单位名称", en: "Employer transferred from" }, value: p.employerName ?? "", wide: true },
        { label: { zh: "参加工作时间", en: "Started work" }, value: p.workStartMonth ?? "" },
        { label: { zh: "首次参保地实行个人缴费时间", en: "Individual contributions began (first place)" }, value: p.localPersonalContributionStart ?? "" },
        { label: { zh: "本人首次缴费时间", en: "First own contribution" }, value: p.firstContributionMonth ?? "" },
        { label: { zh: "本人建立个人账户时间", en: "Personal account opened" }, value: p.accountOpenedMonth ?? "" },
        { label: { zh: "在本地缴费起止时间", en: "Contributions here" }, value: formatPeriod(p.localFrom, p.localTo) },
        { label: { zh: "在本地实际缴费月数", en: "Months contributed here" }, value: String(p.localMonths) },
        { label: { zh: "转移时间", en: "Transfer month" }, value: p.transferMonth },
        { label: { zh: "转入地社保机构", en: "Receiving office" }, value: toOffice.code ? `${toOffice.name}（${toOffice.code}）` : toOffice.name },
      ],
    },
    {
      type: "table",
      title: { zh: "转移基金", en: "Funds transferred" },
      columns: [
        { label: { zh: "项目", en: "Item" }, align: "left", width: 70 },
        { label: { zh: "金额（元）", en: "Amount (yuan)" }, align: "right", width: 30 },
      ],
      rows: (["f1", "f2", "f3", "f4", "f5", "f6"] as const).map((k) => [`${FUND_LABELS[k].zh}\n${FUND_LABELS[k].en}`, formatAmount(funds[k])]),
    },
    {
      type: "table",
      title: { zh: "分年度个人账户明细", en: "Personal account by year" },
      columns: [
        { label: { zh: "年份", en: "Year" }, align: "center", width: 7 },
        { label: { zh: "缴费起止时间", en: "Period" }, align: "center", width: 16 },
        { label: { zh: "月缴费基数", en: "Monthly base" }, align: "right", width: 16 },
        { label: { zh: "缴费月数", en: "Months" }, align: "right", width: 8 },
        { label: { zh: "划入个人账户比例", en: "Account rate" }, align: "right", width: 11 },
        { label: { zh: "当年记账金额", en: "Credited" }, align: "right", width: 14 },
        { label: { zh: "当年记账利息", en: "Interest" }, align: "right", width: 13 },
        { label: { zh: "至本年末累计储存额", en: "Balance at year end" }, align: "right", width: 15 },
      ],
      rows: input.rows.map((r) => [
        String(r.year),
        formatPeriod(r.from, r.to),
        r.monthlyBases.map(formatAmount).join(" / "),
        String(r.months),
        r.accountRates.map(formatPercent).join(" / "),
        formatAmount(r.principal),
        r.interest === null ? "转入地计息" : formatAmount(r.interest),
        formatAmount(r.closingBalance),
      ]),
    },
    { type: "notes", title: { zh: "说明", en: "Notes" }, items: notes },
    legalBasisBlock(["guoban-2009-66-art4", "hrss-2009-187", "labor-1997-116"]),
  ];
  return {
    schema: 1,
    kind: "INFO_TABLE",
    title: { zh: "基本养老保险关系转移接续信息表", en: "Information Table for the Transfer of the Basic Pension Insurance Relationship" },
    references: [caseReference(input.caseNumber)],
    addressee: { zh: toOffice.name, en: toOffice.nameEn ?? toOffice.name },
    blocks,
    office: officeVM(fromOffice),
    issuerName: input.issuerName,
  };
}

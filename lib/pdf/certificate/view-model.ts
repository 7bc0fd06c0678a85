import { CalcInputError } from "@/lib/domain/errors";
import { Money, ZERO, formatMoney, round2, type Dec } from "@/lib/domain/money";
import { checkHistoryRanges, formatMonth, parseMonth, yearOfMonth, type HistoryRow } from "@/lib/domain/months";
import { computePersonalAccount, type AccountYear } from "@/lib/domain/personal-account";
import { formatAmount, formatPercent, formatPeriod, formatYearRanges, shanghaiParts } from "../format";
import { officeVM, type Bilingual, type BlockVM, type DocumentDraft, type FieldVM, type OfficeInfo } from "../types";

/**
 * 《基本养老保险参保缴费凭证》 (docs/rules.md §4.2; 国办发〔2009〕66号 Art. 3): issued by the office
 * where the person was insured, listing the insured periods here year by year with base and
 * months, the account type and the personal account balance.
 *
 * The balance is computed with the month-product method (lib/domain/personal-account) from the
 * stored records and the crediting rates, through the last full year before the issue date. A
 * year without a rate is not guessed: the balance stops at the year before it and the
 * certificate says which rates are missing; overlapping records (an open duplicate-contribution
 * case) leave the balance out altogether, saying why.
 */
export interface CertificateRecordInput {
  /** "YYYY-MM" */
  from: string;
  to: string;
  /** Decimal strings, e.g. "6000.00" and "0.08". */
  monthlyBase: string;
  accountRate: string;
}

export interface CertificateInput {
  person: {
    name: string;
    idNumber: string;
    hukouProvince: string;
    phone?: string;
    address?: string;
    accountType: "GENERAL" | "TEMPORARY";
  };
  /** The issuing office: where the records below were paid. */
  office: OfficeInfo;
  /** The person's contribution records at this office. */
  records: CertificateRecordInput[];
  /** Crediting rates (记账利率) by calendar year as decimal strings: { 2023: "0.0397" }. */
  rates: Record<number, string>;
  /** The moment of issue: the balance runs to the end of the year before it (Asia/Shanghai). */
  asOf: Date;
  issuerName: string;
}

export const ACCOUNT_TYPE_LABELS: Record<CertificateInput["person"]["accountType"], Bilingual> = {
  GENERAL: { zh: "一般账户", en: "General account" },
  TEMPORARY: { zh: "临时缴费账户", en: "Temporary contribution account" },
};

interface YearSummary {
  year: number;
  months: Set<number>;
  bases: string[];
  principal: Dec;
}

/** Insured periods per calendar year: months (distinct), bases in order, credited principal. */
export function summariseYears(records: readonly CertificateRecordInput[]): YearSummary[] {
  const byYear = new Map<number, YearSummary>();
  const sorted = [...records].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  for (const r of sorted) {
    const base = new Money(r.monthlyBase);
    const credit = round2(base.times(new Money(r.accountRate)));
    for (let m = parseMonth(r.from); m <= parseMonth(r.to); m++) {
      const year = yearOfMonth(m);
      let y = byYear.get(year);
      if (!y) byYear.set(year, (y = { year, months: new Set(), bases: [], principal: ZERO }));
      y.months.add(m);
      const shown = formatAmount(base.toFixed(2));
      if (!y.bases.includes(shown)) y.bases.push(shown);
      y.principal = y.principal.plus(credit);
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

export type BalanceOutcome =
  | { kind: "computed"; throughYear: number; balance: Dec; years: AccountYear[]; missingYears: number[]; uncreditedPrincipal: Dec }
  | { kind: "missing-rates"; missingYears: number[] }
  | { kind: "overlap"; month: string }
  | { kind: "no-records" };

/** The balance through the last full year before `asOfYear`, stopping before a missing rate. */
export function computeBalance(records: readonly CertificateRecordInput[], rates: Record<number, string>, asOfYear: number): BalanceOutcome {
  if (!records.length) return { kind: "no-records" };
  const history: HistoryRow[] = records.map((r) => ({
    from: r.from,
    to: r.to,
    monthlyBase: new Money(r.monthlyBase),
    accountRate: new Money(r.accountRate),
  }));
  try {
    checkHistoryRanges(history);
  } catch (error) {
    if (error instanceof CalcInputError && error.messageKey === "validation.historyOverlap")
      return { kind: "overlap", month: String(error.params.month ?? "") };
    throw error;
  }
  const firstYear = Math.min(...history.map((h) => yearOfMonth(parseMonth(h.from))));
  const targetYear = asOfYear - 1;
  const rateOf = (year: number) => (rates[year] !== undefined ? new Money(rates[year]) : undefined);
  const missingYears: number[] = [];
  for (let y = firstYear; y <= targetYear; y++) if (!rateOf(y)) missingYears.push(y);
  const throughYear = missingYears.length ? missingYears[0] - 1 : targetYear;
  if (throughYear < firstYear) return { kind: "missing-rates", missingYears };
  const table = new Map<number, Dec>();
  for (let y = firstYear; y <= throughYear; y++) table.set(y, rateOf(y)!);
  const account = computePersonalAccount({ history, rates: table, fromYear: firstYear, throughYear });
  const uncreditedPrincipal = summariseYears(records)
    .filter((y) => y.year > throughYear)
    .reduce((sum, y) => sum.plus(y.principal), ZERO);
  return { kind: "computed", throughYear, balance: account.closingBalance, years: account.years, missingYears, uncreditedPrincipal };
}

const money = (d: Dec) => formatAmount(formatMoney(d));

function balanceFields(outcome: BalanceOutcome): { fields: FieldVM[]; notes: Bilingual[] } {
  const label = { zh: "个人账户储存额（元）", en: "Personal account balance (yuan)" };
  switch (outcome.kind) {
    case "computed": {
      const fields: FieldVM[] = [
        { label, value: money(outcome.balance) },
        { label: { zh: "计息截至", en: "Interest credited to" }, value: `${outcome.throughYear}-12-31` },
      ];
      if (!outcome.uncreditedPrincipal.isZero())
        fields.push({
          label: { zh: "其后记入本金（未计息，元）", en: "Principal credited later, without interest (yuan)" },
          value: money(outcome.uncreditedPrincipal),
        });
      const notes = outcome.missingYears.length
        ? [
            {
              zh: `${formatYearRanges(outcome.missingYears)}年度记账利率尚未公布或未录入，个人账户储存额计至${outcome.throughYear}年12月31日，其后年度未计息。`,
              en: `No crediting rate is on file for ${formatYearRanges(outcome.missingYears)}: the balance runs to 31 December ${outcome.throughYear}; later years carry no interest yet.`,
            },
          ]
        : [];
      return { fields, notes };
    }
    case "missing-rates":
      return {
        fields: [{ label, value: "暂无法计算 / not computed" }],
        notes: [
          {
            zh: `${formatYearRanges(outcome.missingYears)}年度记账利率尚未公布或未录入，个人账户储存额暂无法计算。`,
            en: `No crediting rate is on file for ${formatYearRanges(outcome.missingYears)}: the balance cannot be computed yet.`,
          },
        ],
      };
    case "overlap":
      return {
        fields: [{ label, value: "暂无法计算 / not computed" }],
        notes: [
          {
            zh: `缴费记录在${outcome.month}存在重叠（重复缴费），须先按规定清理，个人账户储存额暂不计算。`,
            en: `The records overlap in ${outcome.month} (duplicate contributions): the balance is left out until they are cleared.`,
          },
        ],
      };
    case "no-records":
      return { fields: [{ label, value: "0.00" }], notes: [] };
  }
}

export const CERTIFICATE_TITLE: Bilingual = {
  zh: "基本养老保险参保缴费凭证",
  en: "Certificate of Basic Pension Insurance Participation and Contributions",
};

export function buildCertificate(input: CertificateInput): DocumentDraft {
  const { person, office } = input;
  const years = summariseYears(input.records);
  const asOfYear = shanghaiParts(input.asOf).year;
  const outcome = computeBalance(input.records, input.rates, asOfYear);
  const accrued = new Map<number, AccountYear>(outcome.kind === "computed" ? outcome.years.map((y) => [y.year, y]) : []);
  const allMonths = years.flatMap((y) => [...y.months]).sort((a, b) => a - b);
  const totalMonths = allMonths.length;
  const period = totalMonths ? formatPeriod(formatMonth(allMonths[0]), formatMonth(allMonths[totalMonths - 1])) : "—";

  // Every year with contributions, and every year the account earned interest without any
  // (a gap), so that the interest column adds up to the total.
  const summaries = new Map(years.map((y) => [y.year, y]));
  const rowYears = [...new Set([...summaries.keys(), ...accrued.keys()])].sort((a, b) => a - b);
  const rows = rowYears.map((year) => {
    const y = summaries.get(year);
    const acc = accrued.get(year);
    const months = y ? [...y.months].sort((a, b) => a - b) : [];
    return [
      String(year),
      months.length ? formatPeriod(formatMonth(months[0]), formatMonth(months[months.length - 1])) : "—",
      y ? y.bases.join(" / ") : "—",
      String(months.length),
      money(y?.principal ?? ZERO),
      acc ? money(acc.interest) : "—",
      acc ? money(acc.closingBalance) : "—",
    ];
  });
  const totalPrincipal = years.reduce((sum, y) => sum.plus(y.principal), ZERO);
  const totalInterest = outcome.kind === "computed" ? outcome.years.reduce((sum, y) => sum.plus(y.interest), ZERO) : null;
  const { fields: accountFields, notes } = balanceFields(outcome);
  if (outcome.kind === "computed" && outcome.years.some((y) => y.rateKind !== "not-needed")) {
    // Consecutive years at one rate print as one range: 40 years of history stay one line.
    const used: { from: number; to: number; rate: string }[] = [];
    for (const y of outcome.years.filter((a) => a.rateKind !== "not-needed")) {
      const rate = formatPercent(y.rate.toFixed());
      const last = used[used.length - 1];
      if (last && last.rate === rate && last.to === y.year - 1) last.to = y.year;
      else used.push({ from: y.year, to: y.year, rate });
    }
    const text = used.map((u) => `${u.from === u.to ? u.from : `${u.from}–${u.to}`}: ${u.rate}`);
    notes.push({
      zh: `按月积数法计息（劳办发〔1997〕116号），记账利率：${text.join("；")}`,
      en: `Interest by the month-product method (Labour Office [1997] No. 116) at the crediting rates ${text.join("; ")}`,
    });
  }

  const blocks: BlockVM[] = [
    {
      type: "paragraph",
      text: {
        zh: `兹证明${person.name}在本地参加城镇企业职工基本养老保险，参保缴费情况如下。`,
        en: `This certifies that ${person.name} has been insured here in the basic pension insurance for urban enterprise employees, with the contributions below.`,
      },
    },
    {
      type: "fields",
      title: { zh: "参保人员信息", en: "Insured person" },
      columns: 2,
      fields: [
        { label: { zh: "姓名", en: "Name" }, value: person.name },
        { label: { zh: "公民身份号码（社会保障号码）", en: "ID number (social security number)" }, value: person.idNumber },
        { label: { zh: "户籍所在地", en: "Hukou location" }, value: person.hukouProvince },
        { label: { zh: "账户类型", en: "Account type" }, value: `${ACCOUNT_TYPE_LABELS[person.accountType].zh} ${ACCOUNT_TYPE_LABELS[person.accountType].en}` },
        { label: { zh: "本人联系电话", en: "Phone" }, value: person.phone ?? "" },
        { label: { zh: "通讯地址", en: "Postal address" }, value: person.address ?? "" },
      ],
    },
    {
      type: "fields",
      title: { zh: "在本地参保缴费情况", en: "Insurance and contributions here" },
      columns: 2,
      fields: [
        { label: { zh: "参保起止时间", en: "Insured from – to" }, value: period },
        { label: { zh: "实际缴费月数", en: "Months contributed" }, value: String(totalMonths) },
        { label: { zh: "参保地行政区划代码", en: "Region code" }, value: office.code },
        ...accountFields,
      ],
    },
    {
      type: "table",
      title: { zh: "分年度缴费明细", en: "Contributions by year" },
      columns: [
        { label: { zh: "年度", en: "Year" }, align: "center", width: 7 },
        { label: { zh: "缴费起止", en: "Period" }, align: "center", width: 17 },
        { label: { zh: "月缴费基数（元）", en: "Monthly base (yuan)" }, align: "right", width: 18 },
        { label: { zh: "缴费月数", en: "Months" }, align: "right", width: 9 },
        { label: { zh: "记入个人账户本金", en: "Credited principal" }, align: "right", width: 16 },
        { label: { zh: "当年记账利息", en: "Interest" }, align: "right", width: 15 },
        { label: { zh: "年末储存额", en: "Year-end balance" }, align: "right", width: 18 },
      ],
      rows,
      totals: [
        "合计 Total",
        "",
        "",
        String(totalMonths),
        money(totalPrincipal),
        totalInterest ? money(totalInterest) : "—",
        outcome.kind === "computed" ? money(outcome.balance) : "—",
      ],
    },
    { type: "notes", title: { zh: "说明", en: "Notes" }, items: notes },
    {
      type: "fields",
      title: { zh: "参保地社会保险经办机构", en: "Social insurance office where insured" },
      columns: 2,
      fields: [
        { label: { zh: "机构名称", en: "Office" }, value: `${office.name}  ${office.nameEn}`, wide: true },
        { label: { zh: "地址", en: "Address" }, value: office.address ?? "", wide: true },
        { label: { zh: "邮编", en: "Postcode" }, value: office.postcode ?? "" },
        { label: { zh: "联系电话", en: "Phone" }, value: office.phone ?? "" },
      ],
    },
  ];

  return {
    schema: 1,
    kind: "CERTIFICATE",
    title: CERTIFICATE_TITLE,
    references: [],
    blocks,
    office: officeVM(office),
    issuerName: input.issuerName,
  };
}

import { getLegalSource, legalSources, type LegalSourceId } from "@/lib/domain/legal-sources";
import { toChineseCapital } from "./money-words";
import { formatAmount } from "./format";
import type { Bilingual, BlockVM, FieldVM, PersonRef } from "./types";

/** A legal source by its id in lib/domain/legal-sources.ts, or written out. */
export type LegalRef = LegalSourceId | Bilingual;

export function legalText(ref: LegalRef): Bilingual {
  if (typeof ref === "string") {
    if (!(ref in legalSources)) throw new RangeError(`unknown legal source ${ref}`);
    const s = getLegalSource(ref);
    return { zh: s.zh, en: s.en };
  }
  return ref;
}

export function legalBasisBlock(refs: readonly LegalRef[]): BlockVM {
  return { type: "notes", title: { zh: "依据", en: "Legal basis" }, items: refs.map(legalText) };
}

export function personFields(person: PersonRef): FieldVM[] {
  return [
    { label: { zh: "姓名", en: "Name" }, value: person.name },
    { label: { zh: "公民身份号码", en: "ID number" }, value: person.idNumber },
  ];
}

export function caseReference(caseNumber: string): FieldVM {
  return { label: { zh: "案件编号", en: "Case No." }, value: caseNumber };
}

/** An amount in figures and in capital numerals: the form every decision prints money in. */
export function amountBlock(label: Bilingual, amount: string): BlockVM {
  return { type: "amount", label, figures: formatAmount(amount), capital: toChineseCapital(normaliseAmount(amount)) };
}

/** "39778.1" → "39778.10"; refuses anything that is not a non-negative amount. */
export function normaliseAmount(amount: string): string {
  if (!/^\d{1,16}(\.\d{1,2})?$/.test(amount)) throw new RangeError(`not an amount: ${amount.slice(0, 40)}`);
  const [int, frac = ""] = amount.split(".");
  return `${int}.${frac.padEnd(2, "0")}`;
}

/** The right of appeal every adverse or money decision states (行政复议法 Art. 20; 行政诉讼法 Art. 46). */
export const APPEAL_NOTICE: Bilingual = {
  zh: "如对本决定不服，可自收到本决定之日起六十日内依法申请行政复议，或者六个月内依法向人民法院提起行政诉讼。",
  en: "If you disagree with this decision you may apply for administrative reconsideration within sixty days of receiving it, or bring an administrative lawsuit before a people's court within six months.",
};

export const PAYER_TYPE_LABELS: Record<string, Bilingual> = {
  EMPLOYER: { zh: "单位缴费", en: "Employer" },
  FLEXIBLE: { zh: "灵活就业人员缴费", en: "Flexible worker" },
  BANK_WITHHOLDING: { zh: "银行代扣", en: "Bank withholding" },
  INSTITUTION: { zh: "机关事业单位", en: "Public institution" },
};

/** "employer" / "bank-withholding" (calculation API) and "EMPLOYER" (database) alike. */
export function payerTypeLabel(payerType: string): Bilingual {
  const key = payerType.toUpperCase().replace(/-/g, "_");
  return PAYER_TYPE_LABELS[key] ?? { zh: payerType, en: payerType };
}

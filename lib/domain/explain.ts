import { getLegalSource, type LegalSource, type LegalSourceId } from "./legal-sources";

/**
 * The derivation of a calculation ("calculation receipt"): what went in, every intermediate
 * line, the rule applied and its legal source, in Chinese and English. Case pages print it;
 * `recommend` freezes it with the case.
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export type ExplanationValue = string | number | boolean | null;

export interface ExplanationLine {
  label: Bilingual;
  values: Record<string, ExplanationValue>;
}

export interface Explanation {
  /** Which calculation this is. */
  title: Bilingual;
  /** The rule or formula applied, in words. */
  rule: Bilingual;
  sources: LegalSource[];
  inputs: Record<string, ExplanationValue | ExplanationValue[] | Record<string, ExplanationValue>[]>;
  lines: ExplanationLine[];
  /** Cautions: LOCAL or UNCERTAIN choices, excluded months, provisional rates. */
  notes: Bilingual[];
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

export function cite(...ids: LegalSourceId[]): LegalSource[] {
  return [...new Set(ids)].map(getLegalSource);
}

export function line(label: Bilingual, values: Record<string, ExplanationValue>): ExplanationLine {
  return { label, values };
}

export function explanation(parts: {
  title: Bilingual;
  rule: Bilingual;
  sources: LegalSourceId[];
  inputs?: Explanation["inputs"];
  lines?: ExplanationLine[];
  notes?: Bilingual[];
}): Explanation {
  return {
    title: parts.title,
    rule: parts.rule,
    sources: cite(...parts.sources),
    inputs: parts.inputs ?? {},
    lines: parts.lines ?? [],
    notes: parts.notes ?? [],
  };
}

/** History rows as a receipt prints them (decimal strings, the row's own account rate if any). */
export function historyForReceipt(
  history: readonly { from: string; to: string; monthlyBase: { toFixed(): string }; accountRate?: { toFixed(): string } }[],
): Record<string, ExplanationValue>[] {
  return history.map((r) => ({
    from: r.from,
    to: r.to,
    monthlyBase: r.monthlyBase.toFixed(),
    accountRate: r.accountRate ? r.accountRate.toFixed() : null,
  }));
}

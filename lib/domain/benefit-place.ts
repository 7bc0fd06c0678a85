import { bi, explanation, line, type Bilingual, type Explanation } from "./explain";
import { normalizeProvince } from "./provinces";

/** A period of contributions in one province, oldest first. */
export interface Stint {
  province: string;
  months: number;
  /** 视同缴费 months, counted where the person worked at the time (人社部规〔2016〕5号). */
  deemedMonths?: number;
  /** Months on a temporary contribution account never count toward the 10 years. */
  temporary?: boolean;
}

export type BenefitPlaceRule = 1 | 2 | 3 | 4;

export interface BenefitPlaceResult {
  place: string;
  rule: BenefitPlaceRule;
  /** Province of the last non-temporary stint (where the basic relationship is), if any. */
  relationship: string | null;
  /** Cumulative countable months per province (non-temporary actual + deemed). */
  cumulative: Record<string, number>;
  explanation: Explanation;
}

/** "满10年" means at least 120 months (docs/rules.md §0). */
export const TEN_YEARS_IN_MONTHS = 120;

const ruleText: Record<BenefitPlaceRule, Bilingual> = {
  1: bi("基本养老保险关系在户籍所在地，由户籍所在地负责办理待遇", "The relationship is in the hukou province: benefits are paid there"),
  2: bi("关系不在户籍所在地，但在关系所在地累计缴费满10年，在该地领取", "The relationship province has at least 10 years of contributions: benefits are paid there"),
  3: bi("转回上一个缴费年限满10年的原参保地领取", "Back to the most recent previous province with at least 10 years"),
  4: bi("均不满10年的，归集到户籍所在地领取", "No province has 10 years: everything is collected to the hukou province"),
};

/**
 * The benefit (retirement) place, 66号 Art. 6 and 12, 人社部规〔2016〕5号 item 1 (docs/rules.md §4.6).
 * Provinces are compared by short name; the answer is spelled as in the input.
 */
export function determineBenefitPlace(hukou: string, stints: readonly Stint[]): BenefitPlaceResult {
  const home = normalizeProvince(hukou);
  const cumulative = new Map<string, number>();
  const spelling = new Map<string, string>();
  const latestStint = new Map<string, number>();
  stints.forEach((s, i) => {
    if (s.temporary) return;
    const p = normalizeProvince(s.province);
    cumulative.set(p, (cumulative.get(p) ?? 0) + s.months + (s.deemedMonths ?? 0));
    if (!spelling.has(p)) spelling.set(p, s.province);
    latestStint.set(p, i);
  });
  const general = stints.filter((s) => !s.temporary);
  const rel = general.length ? normalizeProvince(general[general.length - 1].province) : null;

  const decide = (): { place: string; rule: BenefitPlaceRule } => {
    if (rel === null) return { place: hukou, rule: 4 };
    if (rel === home) return { place: hukou, rule: 1 };
    if ((cumulative.get(rel) ?? 0) >= TEN_YEARS_IN_MONTHS)
      return { place: spelling.get(rel) ?? rel, rule: 2 };
    // "上一个": previous provinces, most recent first by their latest stint (docs/rules.md §4.6,
    // an interpretation marked UNCERTAIN when a province is visited twice).
    const previous = [...latestStint.entries()]
      .filter(([p]) => p !== rel)
      .sort((a, b) => b[1] - a[1]);
    for (const [p] of previous) {
      if ((cumulative.get(p) ?? 0) >= TEN_YEARS_IN_MONTHS)
        return { place: p === home ? hukou : (spelling.get(p) ?? p), rule: 3 };
    }
    return { place: hukou, rule: 4 };
  };
  const { place, rule } = decide();
  const cumulativeOut = Object.fromEntries(
    [...cumulative.entries()].map(([p, m]) => [spelling.get(p) ?? p, m]),
  );
  const notes: Bilingual[] = [];
  if (stints.some((s) => s.temporary))
    notes.push(
      bi("临时缴费账户期间不计入10年，其资金归集到确定的待遇领取地", "Temporary-account months do not count; their funds move to the place found"),
    );
  return {
    place,
    rule,
    relationship: rel === null ? null : (spelling.get(rel) ?? rel),
    cumulative: cumulativeOut,
    explanation: explanation({
      title: bi("待遇领取地", "Benefit place"),
      rule: ruleText[rule],
      sources: ["guoban-2009-66-art6", "hrss-2016-5-item1"],
      inputs: {
        hukou,
        stints: stints.map((s) => ({
          province: s.province,
          months: s.months,
          deemedMonths: s.deemedMonths ?? 0,
          temporary: !!s.temporary,
        })),
      },
      lines: [...cumulative.entries()].map(([p, months]) =>
        line(bi(`${spelling.get(p) ?? p}累计`, `${spelling.get(p) ?? p} cumulative`), {
          province: spelling.get(p) ?? p,
          months,
          tenYears: months >= TEN_YEARS_IN_MONTHS,
        }),
      ),
      notes,
    }),
  };
}

import { bi, type Bilingual } from "./explain";
import type { LegalSourceId } from "./legal-sources";

/**
 * The exhaustive national grounds for paying out the personal account once (docs/rules.md §2.1).
 * Since 2010 nobody may "surrender" before pension age for any other reason (66号 Art. 3).
 */
export const PAYING_GROUNDS = [
  "death",
  "emigration-nationality-lost",
  "retirement-age-short-contributions",
  "foreign-national-leaving",
  "hk-macao-taiwan-leaving",
] as const;
export type PayingGround = (typeof PAYING_GROUNDS)[number];

export function isPayingGround(ground: string): ground is PayingGround {
  return (PAYING_GROUNDS as readonly string[]).includes(ground);
}

export const groundInfo: Record<
  PayingGround,
  { label: Bilingual; paidTo: "heirs" | "insured-person"; sources: LegalSourceId[] }
> = {
  death: {
    label: bi("参保人死亡（退休前）", "Death of the insured person before retirement"),
    paidTo: "heirs",
    sources: ["sil-art14", "order13-art6"],
  },
  "emigration-nationality-lost": {
    label: bi("出国（境）定居并丧失中国国籍", "Settled abroad and lost PRC nationality"),
    paidTo: "insured-person",
    sources: ["order13-art6", "guoban-2009-66-art3"],
  },
  "retirement-age-short-contributions": {
    label: bi(
      "达到法定退休年龄时累计缴费不足最低年限，且未转入城乡居民养老保险",
      "Reached statutory retirement age with less than the minimum contribution period, not transferred to the resident scheme",
    ),
    paidTo: "insured-person",
    sources: ["sil-art16", "order13-art3"],
  },
  "foreign-national-leaving": {
    label: bi("外国人在达到待遇领取条件前离境", "Foreign national leaving China before pension age"),
    paidTo: "insured-person",
    sources: ["order16-art5"],
  },
  "hk-macao-taiwan-leaving": {
    label: bi(
      "港澳台居民在达到待遇领取条件前离开内地（大陆）",
      "Hong Kong, Macao or Taiwan resident leaving the mainland before pension conditions are met",
    ),
    paidTo: "insured-person",
    sources: ["order41-art7"],
  },
};

/** Why a ground does not pay: a short code for the UI, the written reason, and its source. */
export interface Ineligibility {
  reason: string;
  message: Bilingual;
  sources: LegalSourceId[];
}

const knownIneligible: Record<string, Ineligibility> = {
  "emigration-nationality-kept": {
    reason: "nationality-kept",
    message: bi(
      "出国（境）定居但未丧失中国国籍的，个人账户予以保留，达到待遇领取条件时按规定享受待遇",
      "Settling abroad while keeping PRC nationality: the account is kept and paid at pension age",
    ),
    sources: ["order13-art6", "guoban-2009-66-art3"],
  },
  "settled-hk-macao-taiwan-nationality-kept": {
    reason: "nationality-kept",
    message: bi(
      "内地居民赴港澳台定居未丧失国籍，全国规定未列为一次性支付情形（以省级规定为准）",
      "A mainland resident settling in Hong Kong, Macao or Taiwan keeps PRC nationality; not a national ground (a provincial rule may differ)",
    ),
    sources: ["order13-art6", "guoban-2009-66-art3"],
  },
  resignation: {
    reason: "no-early-withdrawal",
    message: bi(
      "辞职、失业或个人意愿不属于一次性支付情形，个人账户不得提前支取",
      "Resignation, unemployment or a wish to withdraw is not a ground; the account may not be withdrawn early",
    ),
    sources: ["sil-art14", "order13-art6", "guoban-2009-66-art3"],
  },
};
knownIneligible.unemployment = knownIneligible.resignation;
knownIneligible.hardship = knownIneligible.resignation;
knownIneligible["voluntary-withdrawal"] = knownIneligible.resignation;

const notANationalGround: Ineligibility = {
  reason: "not-a-national-ground",
  message: bi(
    "不属于国家规定的个人账户一次性支付情形，自2010年1月1日起不得退保",
    "Not one of the national grounds for a one-time payment; surrender is not allowed since 2010-01-01",
  ),
  sources: ["guoban-2009-66-art3", "sil-art14"],
};

export type GroundAssessment =
  | { eligible: true; ground: PayingGround }
  | ({ eligible: false; ground: string } & Ineligibility);

/** Checks a ground against the exhaustive national list; anything else is not eligible. */
export function assessSurrenderGround(ground: string): GroundAssessment {
  if (isPayingGround(ground)) return { eligible: true, ground };
  const known = Object.hasOwn(knownIneligible, ground) ? knownIneligible[ground] : undefined;
  return { eligible: false, ground, ...(known ?? notANationalGround) };
}

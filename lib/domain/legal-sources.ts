/**
 * Every legal source the rules cite, written once (docs/rules.md §1). Calculations refer to them by
 * id; receipts print the bilingual citation. `jurisdiction` says whether a rule is national,
 * a standard, or a LOCAL (provincial or seed) practice that an office may configure.
 */
export type Jurisdiction = "national" | "standard" | "LOCAL";

export interface LegalSourceEntry {
  zh: string;
  en: string;
  jurisdiction: Jurisdiction;
  /** docs/rules.md marks the rule UNCERTAIN: shown on the receipt as a caution. */
  uncertain?: boolean;
}

export const legalSources = {
  "sil-art12": {
    zh: "《中华人民共和国社会保险法》第12条",
    en: "Social Insurance Law of the PRC, Art. 12 (contributions)",
    jurisdiction: "national",
  },
  "sil-art14": {
    zh: "《中华人民共和国社会保险法》第14条",
    en: "Social Insurance Law of the PRC, Art. 14 (personal account: no early withdrawal, inheritable)",
    jurisdiction: "national",
  },
  "sil-art16": {
    zh: "《中华人民共和国社会保险法》第16条",
    en: "Social Insurance Law of the PRC, Art. 16 (15-year minimum contribution period)",
    jurisdiction: "national",
  },
  "order13-art3": {
    zh: "《实施〈社会保险法〉若干规定》(人社部令第13号) 第3条",
    en: "Provisions on Implementing the Social Insurance Law (MOHRSS Order No. 13), Art. 3",
    jurisdiction: "national",
  },
  "order13-art6": {
    zh: "《实施〈社会保险法〉若干规定》(人社部令第13号) 第6条",
    en: "Provisions on Implementing the Social Insurance Law (MOHRSS Order No. 13), Art. 6",
    jurisdiction: "national",
  },
  "order16-art5": {
    zh: "《在中国境内就业的外国人参加社会保险暂行办法》(人社部令第16号) 第5条",
    en: "Interim Measures for Foreigners Employed in China (MOHRSS Order No. 16), Art. 5",
    jurisdiction: "national",
  },
  "order41-art7": {
    zh: "《香港澳门台湾居民在内地（大陆）参加社会保险暂行办法》(人社部、国家医保局令第41号) 第7条",
    en: "Interim Measures for Hong Kong, Macao and Taiwan Residents (Order No. 41), Art. 7",
    jurisdiction: "national",
  },
  "guoban-2009-66-art3": {
    zh: "国办发〔2009〕66号 第3条",
    en: "Guobanfa [2009] No. 66, Art. 3 (no surrender before pension age)",
    jurisdiction: "national",
  },
  "guoban-2009-66-art4": {
    zh: "国办发〔2009〕66号 第4条",
    en: "Guobanfa [2009] No. 66, Art. 4 (funds transferred: personal account and 12% pooled fund)",
    jurisdiction: "national",
  },
  "guoban-2009-66-art5": {
    zh: "国办发〔2009〕66号 第5条",
    en: "Guobanfa [2009] No. 66, Art. 5 (continuation and temporary contribution account)",
    jurisdiction: "national",
  },
  "guoban-2009-66-art6": {
    zh: "国办发〔2009〕66号 第6条",
    en: "Guobanfa [2009] No. 66, Art. 6 (benefit place)",
    jurisdiction: "national",
  },
  "guoban-2009-66-art8": {
    zh: "国办发〔2009〕66号 第8条",
    en: "Guobanfa [2009] No. 66, Art. 8 (procedure, 15 working days per step)",
    jurisdiction: "national",
  },
  "hrss-2009-187": {
    zh: "人社部发〔2009〕187号 (转移接续若干问题意见及经办规程)",
    en: "Renshebufa [2009] No. 187 (opinions and handling procedure for transfers)",
    jurisdiction: "national",
  },
  "hrss-2010-70-item10": {
    zh: "人社部发〔2010〕70号 第10条 (先转后清)",
    en: "Renshebufa [2010] No. 70, item 10 (transfer first, then clear duplicates)",
    jurisdiction: "national",
  },
  "hrss-2016-5-item1": {
    zh: "人社部规〔2016〕5号 第1条",
    en: "Renshebugui [2016] No. 5, item 1 (benefit place; deemed years count where worked)",
    jurisdiction: "national",
  },
  "hrss-2016-5-item5": {
    zh: "人社部规〔2016〕5号 第5条",
    en: "Renshebugui [2016] No. 5, item 5 (duplicate pension receipt)",
    jurisdiction: "national",
  },
  "hrss-2014-17-art7": {
    zh: "人社部发〔2014〕17号 《城乡养老保险制度衔接暂行办法》第7条",
    en: "Renshebufa [2014] No. 17 (linking employee and resident pension schemes), Art. 7",
    jurisdiction: "national",
  },
  "labor-1997-116": {
    zh: "劳办发〔1997〕116号 《职工基本养老保险个人账户管理暂行办法》(月积数法)",
    en: "Laobanfa [1997] No. 116, personal account management (month-product method)",
    jurisdiction: "national",
  },
  "guofa-2005-38": {
    zh: "国发〔2005〕38号 (个人账户8%；灵活就业20%、8%记入个人账户；计发月数)",
    en: "Guofa [2005] No. 38 (8% personal account; flexible workers 20% with 8% credited; divisors)",
    jurisdiction: "national",
  },
  "guoban-2019-13": {
    zh: "国办发〔2019〕13号 《降低社会保险费率综合方案》",
    en: "Guobanfa [2019] No. 13 (reduced contribution rates; base 60%–300% of the average wage)",
    jurisdiction: "national",
  },
  "hrss-2017-31": {
    zh: "人社部发〔2017〕31号 《统一和规范职工养老保险个人账户记账利率办法》",
    en: "Renshebufa [2017] No. 31 (one national crediting rate, published yearly)",
    jurisdiction: "national",
  },
  "local-interest-period": {
    zh: "终止当月不计息（m = 终止月份 − 1），未公布当年利率时按临时利率预计算（地方做法）",
    en: "The termination month earns no interest (m = termination month − 1); a provisional rate applies until the year's rate is published (local practice)",
    jurisdiction: "LOCAL",
    uncertain: true,
  },
  "seed-000-priority": {
    zh: "重复缴费退费优先顺序（地方规则，无可追溯的全国性依据）",
    en: "Duplicate-contribution priority (local rule; no traceable national source)",
    jurisdiction: "LOCAL",
    uncertain: true,
  },
  "local-duplicate-choice": {
    zh: "两地灵活就业或两处单位重复参保：由本人选择或用人单位确认（地方做法）",
    en: "Two flexible enrolments or two employers: the person chooses or the employer confirms (local practice)",
    jurisdiction: "LOCAL",
  },
  "gb-11643": {
    zh: "GB 11643-1999 《公民身份号码》",
    en: "GB 11643-1999 Citizen identification number (ISO 7064 MOD 11-2)",
    jurisdiction: "standard",
  },
  "gb-32100": {
    zh: "GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》",
    en: "GB 32100-2015 Unified social credit code",
    jurisdiction: "standard",
  },
  "gb-11714": {
    zh: "GB 11714 《全国组织机构代码编制规则》",
    en: "GB 11714 Organisation code",
    jurisdiction: "standard",
  },
  "state-council-holidays": {
    zh: "国务院办公厅关于2025年、2026年部分节假日安排的通知",
    en: "State Council General Office notices on the 2025 and 2026 public holidays",
    jurisdiction: "national",
  },
} as const satisfies Record<string, LegalSourceEntry>;

export type LegalSourceId = keyof typeof legalSources;

export interface LegalSource extends LegalSourceEntry {
  id: LegalSourceId;
}

export function getLegalSource(id: LegalSourceId): LegalSource {
  return { id, ...legalSources[id] };
}

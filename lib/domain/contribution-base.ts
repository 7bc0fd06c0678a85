import { bi, explanation, line, type Explanation } from "./explain";
import { Money, formatMoney, formatRate, maxDecimal, minDecimal, round2, type Dec } from "./money";

/** Contribution rates applied to the base (docs/rules.md §5.1); provinces may differ (LOCAL). */
export interface ContributionRates {
  individual: Dec;
  employer: Dec;
  flexible: Dec;
  flexibleToAccount: Dec;
  floorShare: Dec;
  capShare: Dec;
}

export const NATIONAL_CONTRIBUTION_RATES: ContributionRates = {
  individual: new Money("0.08"),
  employer: new Money("0.16"),
  flexible: new Money("0.20"),
  flexibleToAccount: new Money("0.08"),
  floorShare: new Money("0.6"),
  capShare: new Money("3"),
};

export interface BaseClampResult {
  floor: Dec;
  cap: Dec;
  base: Dec;
  individual: Dec;
  employer: Dec;
  flexible: Dec;
  flexibleToAccount: Dec;
  explanation: Explanation;
}

/**
 * The contribution base: the wage held between round2(60%) and round2(300%) of the average
 * wage (国办发〔2019〕13号), and the monthly amounts at 8% / 16% / 20% / 8%, each rounded.
 */
export function clampContributionBase(
  wage: Dec,
  averageWage: Dec,
  rates: ContributionRates = NATIONAL_CONTRIBUTION_RATES,
): BaseClampResult {
  const floor = round2(averageWage.times(rates.floorShare));
  const cap = round2(averageWage.times(rates.capShare));
  const base = round2(minDecimal(maxDecimal(wage, floor), cap));
  const amounts = {
    individual: round2(base.times(rates.individual)),
    employer: round2(base.times(rates.employer)),
    flexible: round2(base.times(rates.flexible)),
    flexibleToAccount: round2(base.times(rates.flexibleToAccount)),
  };
  return {
    floor,
    cap,
    base,
    ...amounts,
    explanation: explanation({
      title: bi("缴费基数核定", "Contribution base"),
      rule: bi(
        "缴费基数 = 工资，低于平均工资60%的按60%，高于300%的按300%；各项缴费额分别四舍五入到分",
        "Base = wage, at least 60% and at most 300% of the average wage; each amount rounded to the fen",
      ),
      sources: ["guoban-2019-13", "sil-art12", "guofa-2005-38"],
      inputs: { wage: formatMoney(wage), averageWage: formatMoney(averageWage) },
      lines: [
        line(bi("上下限", "Limits"), { floor: formatMoney(floor), cap: formatMoney(cap), base: formatMoney(base) }),
        line(bi("月缴费额", "Monthly amounts"), {
          individual: `${formatMoney(amounts.individual)} (${formatRate(rates.individual)})`,
          employer: `${formatMoney(amounts.employer)} (${formatRate(rates.employer)})`,
          flexible: `${formatMoney(amounts.flexible)} (${formatRate(rates.flexible)})`,
          flexibleToAccount: `${formatMoney(amounts.flexibleToAccount)} (${formatRate(rates.flexibleToAccount)})`,
        }),
      ],
    }),
  };
}

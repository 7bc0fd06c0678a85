import { bi, explanation, line, type Explanation } from "./explain";
import { formatMoney, round2, type Dec } from "./money";

export interface ResidentOverlapInput {
  /** The resident-scheme contributions of the year. */
  annualIndividual: Dec;
  annualCollective: Dec;
  annualGovernment: Dec;
  /** Months of the year also covered by the employee scheme (0 … 12). */
  overlapMonths: number;
}

export interface ResidentOverlapResult {
  refund: Dec;
  governmentSubsidyKept: Dec;
  explanation: Explanation;
}

/**
 * Employee pension and resident pension in the same year (人社部发〔2014〕17号 Art. 7): the
 * employee scheme is kept; the resident individual contributions and collective subsidy for the
 * overlap months are refunded, round2((individual + collective) × months / 12); the government
 * subsidy is not refunded (it stays in the account — LOCAL detail).
 */
export function calculateResidentOverlap(input: ResidentOverlapInput): ResidentOverlapResult {
  const refundable = input.annualIndividual.plus(input.annualCollective);
  const refund = round2(refundable.times(input.overlapMonths).dividedBy(12));
  const governmentSubsidyKept = round2(input.annualGovernment);
  return {
    refund,
    governmentSubsidyKept,
    explanation: explanation({
      title: bi("职工养老保险与城乡居民养老保险同年重复参保", "Employee and resident pension in the same year"),
      rule: bi(
        "保留职工养老保险；退还重复月份的居民个人缴费和集体补助 = round2((个人缴费 + 集体补助) × 月数 / 12)，政府补贴不退",
        "Keep the employee scheme; refund round2((individual + collective) × months / 12); the government subsidy is not refunded",
      ),
      sources: ["hrss-2014-17-art7"],
      inputs: {
        annualIndividual: formatMoney(input.annualIndividual),
        annualCollective: formatMoney(input.annualCollective),
        annualGovernment: formatMoney(input.annualGovernment),
        overlapMonths: input.overlapMonths,
      },
      lines: [
        line(bi("退费", "Refund"), {
          refundable: formatMoney(refundable),
          overlapMonths: input.overlapMonths,
          refund: formatMoney(refund),
          governmentSubsidyKept: formatMoney(governmentSubsidyKept),
        }),
      ],
    }),
  };
}

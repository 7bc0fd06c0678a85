import { bi, explanation, line, type Explanation } from "./explain";
import { ZERO, formatMoney, maxDecimal, round2, type Dec } from "./money";

/** 计发月数 examples verified in docs/rules.md §5.1 (国发〔2005〕38号): age → divisor. */
export const ANNUITY_DIVISORS: Readonly<Record<number, number>> = { 50: 195, 55: 170, 60: 139 };

export interface PensionerRemainderInput {
  accountAtRetirement: Dec;
  /** 计发月数, e.g. 139 at age 60 */
  divisor: number;
  paymentsMade: number;
}

export interface PensionerRemainderResult {
  monthlyAccountPension: Dec;
  paid: Dec;
  remaining: Dec;
  explanation: Explanation;
}

/**
 * F-A2 (docs/rules.md §2.5): on a pensioner's death the heirs inherit
 * account at retirement − Σ personal-account pension paid, where the monthly personal-account
 * pension is round2(account / divisor). No interest after retirement (docs/rules.md: UNCERTAIN).
 * Once payments exceed the account, nothing remains (the pension then comes from the pool).
 */
export function calculatePensionerRemainder(
  input: PensionerRemainderInput,
): PensionerRemainderResult {
  const monthly = round2(input.accountAtRetirement.dividedBy(input.divisor));
  const paid = monthly.times(input.paymentsMade);
  const remaining = maxDecimal(ZERO, input.accountAtRetirement.minus(paid));
  return {
    monthlyAccountPension: monthly,
    paid,
    remaining,
    explanation: explanation({
      title: bi("离退休人员死亡：个人账户余额继承", "Pensioner's death: inheritable account remainder"),
      rule: bi(
        "余额 = 退休时个人账户储存额 − 已领取的个人账户养老金；月个人账户养老金 = round2(储存额 ÷ 计发月数)",
        "Remainder = account at retirement − personal-account pension paid; monthly = round2(account ÷ divisor)",
      ),
      sources: ["sil-art14", "order13-art6", "guofa-2005-38"],
      inputs: {
        accountAtRetirement: formatMoney(input.accountAtRetirement),
        divisor: input.divisor,
        paymentsMade: input.paymentsMade,
      },
      lines: [
        line(bi("计算", "Calculation"), {
          monthlyAccountPension: formatMoney(monthly),
          paid: formatMoney(paid),
          remaining: formatMoney(remaining),
        }),
      ],
      notes: [
        bi("假定退休后个人账户不再计息（待确认）", "Assumes no interest after retirement (uncertain)"),
        bi("继承人之间的分配按继承文书办理", "Division between heirs follows the inheritance instrument"),
      ],
    }),
  };
}

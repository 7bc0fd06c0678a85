import type { Tx } from "@/lib/db/client";
import { loadCreditingRates } from "@/lib/db/rates";
import { computePersonalAccount } from "@/lib/domain/personal-account";
import { Money, formatMoney } from "@/lib/domain/money";
import { MissingRateError } from "@/lib/domain/errors";

/**
 * The personal account by year from the person's active records (month-product method). When a
 * year has no published rate the account stops at the year before and says which year is
 * missing, rather than guessing.
 */
export async function personalAccountByYear(tx: Tx, personId: string) {
  const records = await tx.contributionRecord.findMany({
    where: { personId, status: "ACTIVE" },
    orderBy: [{ fromMonth: "asc" }, { id: "asc" }],
    select: { fromMonth: true, toMonth: true, monthlyBase: true, accountRate: true },
  });
  if (!records.length) return { years: [], closingBalance: "0.00" as string | null, missingRateYear: null as number | null };
  const rates = await loadCreditingRates(tx);
  const history = records.map((r) => ({
    from: r.fromMonth, to: r.toMonth, monthlyBase: new Money(r.monthlyBase.toString()), accountRate: new Money(r.accountRate.toString()),
  }));
  const lastRecordYear = Number(records.reduce((max, r) => (r.toMonth > max ? r.toMonth : max), records[0].toMonth).slice(0, 4));
  const lastRateYear = Math.max(0, ...rates.keys());
  const throughYear = Math.min(lastRecordYear, lastRateYear);
  try {
    const result = computePersonalAccount({ history, rates, throughYear });
    return {
      years: result.years.map((y) => ({
        year: y.year, principal: formatMoney(y.principal), interest: formatMoney(y.interest), closingBalance: formatMoney(y.closingBalance),
      })),
      closingBalance: formatMoney(result.closingBalance),
      missingRateYear: lastRecordYear > lastRateYear ? lastRateYear + 1 : null,
    };
  } catch (error) {
    // A year inside the history without a rate (pre-2016 provincial rates not entered yet).
    if (error instanceof MissingRateError) return { years: [], closingBalance: null, missingRateYear: error.year };
    throw error;
  }
}

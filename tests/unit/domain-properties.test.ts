import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CalcInputError,
  Money,
  addDays,
  addWorkingDays,
  calculatePooledTransfer,
  calculateSurrender,
  computePersonalAccount,
  dayOfWeek,
  decideRefund,
  formatMonth,
  generateIdNumber,
  makeCalendar,
  monthOf,
  validateIdNumber,
  workingDaysBetween,
  type HistoryRow,
  type PayerType,
} from "@/lib/domain";
import { PAYER_TYPES } from "@/lib/domain";

const d = (v: string | number) => new Money(v);

/** Decimal strings with up to 2 decimals, as bases come in. */
const baseString = fc.integer({ min: 0, max: 5_000_000 }).map((fen) => (fen / 100).toFixed(2));
const rateString = fc.integer({ min: 0, max: 2000 }).map((bp) => (bp / 10000).toFixed(4));

/**
 * A history of non-overlapping rows between `first` and `last` (month indexes): sorted cut
 * points pair up into rows, with gaps between them.
 */
function historyArb(first: number, last: number, maxRows = 6): fc.Arbitrary<HistoryRow[]> {
  return fc
    .uniqueArray(fc.integer({ min: first, max: last }), { minLength: 0, maxLength: maxRows * 2 })
    .chain((points) => {
      const sorted = [...points].sort((a, b) => a - b);
      const pairs: [number, number][] = [];
      for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i], sorted[i + 1]]);
      return fc.tuple(...pairs.map(() => fc.tuple(baseString, fc.option(fc.constantFrom("0.08", "0.11"), { nil: undefined })))).map((values) =>
        pairs.map(([from, to], i) => ({
          from: formatMonth(from),
          to: formatMonth(to),
          monthlyBase: d(values[i][0]),
          accountRate: values[i][1] ? d(values[i][1]) : undefined,
        })),
      );
    });
}

describe("resident ID numbers", () => {
  const idArb = fc
    .record({
      address: fc.integer({ min: 110000, max: 659999 }).map(String),
      year: fc.integer({ min: 1900, max: 2024 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      sequence: fc.integer({ min: 0, max: 999 }),
      sex: fc.constantFrom("M" as const, "F" as const),
    })
    .map((r) => ({
      ...r,
      birthDate: `${r.year}-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`,
    }));

  test("a generated number validates with its birth date and sex", () => {
    fc.assert(
      fc.property(idArb, (r) => {
        const id = generateIdNumber({ addressCode: r.address, birthDate: r.birthDate, sex: r.sex, sequence: r.sequence });
        expect(validateIdNumber(id)).toMatchObject({ valid: true, birthDate: r.birthDate, sex: r.sex });
      }),
    );
  });

  test("changing any single character to another valid character makes it invalid", () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (r, position, shift) => {
        const id = generateIdNumber({ addressCode: r.address, birthDate: r.birthDate, sex: r.sex, sequence: r.sequence });
        const alphabet = position === 17 ? "0123456789X" : "0123456789";
        const current = alphabet.indexOf(id[position]);
        const replacement = alphabet[(current + shift) % alphabet.length];
        fc.pre(replacement !== id[position]);
        const changed = id.slice(0, position) + replacement + id.slice(position + 1);
        expect(validateIdNumber(changed).valid).toBe(false);
      }),
    );
  });
});

describe("personal account", () => {
  const ratesArb = fc.array(rateString, { minLength: 151, maxLength: 151 }).map(
    (list) => new Map(list.map((r, i) => [1950 + i, d(r)])),
  );

  test("interest is never negative and balances never fall for non-negative rates", () => {
    fc.assert(
      fc.property(historyArb(monthOf(1995, 1), monthOf(2024, 12)), ratesArb, baseString, (history, rates, opening) => {
        const throughYear = 2024;
        const r = computePersonalAccount({ history, rates, openingBalance: d(opening), fromYear: 1995, throughYear });
        for (const y of r.years) {
          expect(y.interest.isNegative()).toBe(false);
          expect(y.closingBalance.greaterThanOrEqualTo(y.openingBalance)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("splitting a row in two never changes the balance", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: monthOf(2000, 1), max: monthOf(2023, 12) }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 59 }),
        baseString,
        (from, length, cut, base) => {
          fc.pre(cut < length - 1 || length === 1);
          const to = from + length - 1;
          const rates = new Map(Array.from({ length: 30 }, (_, i) => [2000 + i, d("0.05")]));
          const whole = [{ from: formatMonth(from), to: formatMonth(to), monthlyBase: d(base) }];
          const split =
            length === 1
              ? whole
              : [
                  { from: formatMonth(from), to: formatMonth(from + cut), monthlyBase: d(base) },
                  { from: formatMonth(from + cut + 1), to: formatMonth(to), monthlyBase: d(base) },
                ];
          const a = computePersonalAccount({ history: whole, rates, throughYear: 2026 });
          const b = computePersonalAccount({ history: split, rates, throughYear: 2026 });
          expect(b.closingBalance.equals(a.closingBalance)).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  });

  test("a surrender in January pays exactly the previous year-end balance", () => {
    const rates = new Map(Array.from({ length: 40 }, (_, i) => [1990 + i, d("0.04")]));
    fc.assert(
      fc.property(historyArb(monthOf(2000, 1), monthOf(2019, 12)), (history) => {
        const account = computePersonalAccount({ history, rates, fromYear: 2000, throughYear: 2019 });
        const surrender = calculateSurrender({ ground: "death", history, rates, fromYear: 2000, terminationMonth: "2020-01" });
        expect(surrender.eligible && surrender.payout.equals(account.closingBalance)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe("pooled transfer", () => {
  test("rows before 1998 never change the pooled fund", () => {
    fc.assert(
      fc.property(
        historyArb(monthOf(1998, 1), monthOf(2024, 12)),
        historyArb(monthOf(1950, 1), monthOf(1997, 12)),
        fc.boolean(),
        (post, pre, flexible) => {
          const without = calculatePooledTransfer({ history: post, flexible });
          const withPre = calculatePooledTransfer({ history: [...pre, ...post], flexible });
          expect(withPre.pooledFund.equals(without.pooledFund)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe("duplicate refund", () => {
  const partyArb = fc.record({
    payerType: fc.constantFrom<PayerType>(...PAYER_TYPES),
    monthlyBase: baseString.map(d),
    rate: rateString.map(d),
  });

  test("the answer does not depend on which record is a and which is b", () => {
    fc.assert(
      fc.property(partyArb, partyArb, fc.integer({ min: 0, max: 120 }), fc.constantFrom<"a" | "b" | undefined>("a", "b", undefined), (a, b, months, keep) => {
        const flipped = keep === undefined ? undefined : keep === "a" ? "b" : "a";
        const attempt = (x: typeof a, y: typeof b, k: typeof keep) => {
          try {
            return decideRefund(x, y, months, k);
          } catch (error) {
            if (error instanceof CalcInputError) return error.messageKey;
            throw error;
          }
        };
        const forward = attempt(a, b, keep);
        const backward = attempt(b, a, flipped);
        if (typeof forward === "string") {
          expect(backward).toBe(forward);
          return;
        }
        expect(typeof backward).toBe("object");
        if (typeof backward === "string") return;
        expect(backward.refund).toBe(forward.refund === "a" ? "b" : "a");
        expect(backward.amount.equals(forward.amount)).toBe(true);
        expect(backward.refundedPayerType).toBe(forward.refundedPayerType);
        expect(backward.rule?.id).toBe(forward.rule?.id);
      }),
    );
  });
});

describe("working days", () => {
  const dayArb = fc.integer({ min: 0, max: 120 }).map((n) => addDays("2026-01-01", n));
  const calendarArb = fc.record({
    holidays: fc.uniqueArray(dayArb, { maxLength: 40 }),
    makeUp: fc.uniqueArray(dayArb, { maxLength: 10 }),
  });

  test("every holiday is skipped and every make-up day counts", () => {
    fc.assert(
      fc.property(calendarArb, dayArb, fc.integer({ min: 0, max: 40 }), ({ holidays, makeUp }, start, days) => {
        const calendar = makeCalendar(holidays, makeUp);
        const due = addWorkingDays(start, days, calendar);
        // an independent oracle walking the days
        const works = (date: string) =>
          makeUp.includes(date) || (![0, 6].includes(dayOfWeek(date)) && !holidays.includes(date));
        let counted = 0;
        for (let date = addDays(start, 1); date <= due; date = addDays(date, 1)) {
          if (works(date)) counted++;
          else expect(makeUp).not.toContain(date);
        }
        expect(counted).toBe(days);
        if (days > 0) expect(works(due)).toBe(true);
        expect(workingDaysBetween(start, due, calendar)).toBe(days);
      }),
    );
  });
});

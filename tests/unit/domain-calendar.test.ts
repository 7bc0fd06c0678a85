import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  CN_HOLIDAYS_2025,
  CN_HOLIDAYS_2026,
  addWorkingDays,
  ageOn,
  chinaOfficialCalendar,
  dueStatus,
  dueStatusOn,
  isWorkingDay,
  makeCalendar,
  workingDaysBetween,
} from "@/lib/domain";

const golden = JSON.parse(readFileSync(path.join(__dirname, "../fixtures/golden.json"), "utf8")) as {
  cases: { id: string; input: { holidays?: string[]; makeUpWorkdays?: string[] } }[];
};
const official = chinaOfficialCalendar();

describe("built-in official calendars", () => {
  test("2026 equals the lists of golden W1/W2", () => {
    const w1 = golden.cases.find((c) => c.id === "W1")!.input;
    expect(CN_HOLIDAYS_2026.holidays).toEqual(w1.holidays);
    expect(CN_HOLIDAYS_2026.makeUpWorkdays).toEqual(w1.makeUpWorkdays);
  });

  test("2025 holds the State Council notice: 27 holidays, 5 make-up days", () => {
    expect(CN_HOLIDAYS_2025.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(CN_HOLIDAYS_2025.holidays).toEqual(expect.arrayContaining(["2025-01-28", "2025-02-04", "2025-06-02", "2025-10-08"]));
    expect(CN_HOLIDAYS_2025.makeUpWorkdays).toEqual(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);
  });
});

describe("working days: the start day is not counted", () => {
  test.each([
    ["W1 across the National Day week", "2026-09-21", 15, "2026-10-19"],
    ["W2 across Spring Festival", "2026-02-10", 15, "2026-03-09"],
    ["a make-up Sunday counts (2025-01-26)", "2025-01-24", 1, "2025-01-26"],
    ["National Day 2025 skipped to 9 October", "2025-09-30", 1, "2025-10-09"],
    ["Saturday 11 October 2025 is a make-up day", "2025-10-09", 2, "2025-10-11"],
    ["zero days is the start day", "2026-03-02", 0, "2026-03-02"],
    ["Friday + 1 is Monday", "2026-03-06", 1, "2026-03-09"],
  ])("%s", (_label, start, days, due) => {
    expect(addWorkingDays(start, days, official)).toBe(due);
    expect(workingDaysBetween(start, due, official)).toBe(days);
  });

  test.each([
    ["2026-10-01", false],
    ["2026-10-10", true],
    ["2026-10-11", false],
    ["2026-10-12", true],
  ])("isWorkingDay %s → %s", (date, expected) => {
    expect(isWorkingDay(date, official)).toBe(expected);
  });

  test("a make-up day wins over a holiday listed on the same date", () => {
    const cal = makeCalendar(["2026-03-07"], ["2026-03-07"]);
    expect(isWorkingDay("2026-03-07", cal)).toBe(true);
  });

  test("workingDaysBetween backwards is negative", () => {
    expect(workingDaysBetween("2026-03-09", "2026-03-02", official)).toBe(-5);
  });

  test.each([
    ["past the due date", "2026-03-09", "2026-03-10", "overdue"],
    ["on the due date", "2026-03-09", "2026-03-09", "due-soon"],
    ["three working days left", "2026-03-09", "2026-03-04", "due-soon"],
    ["plenty of time", "2026-03-09", "2026-02-24", "on-time"],
  ] as const)("dueStatus: %s", (_label, due, today, status) => {
    expect(dueStatus(due, today, official)).toBe(status);
  });

  test("dueStatusOn, computed once per day, says what counting working days says, for any due date", () => {
    const day = fc.integer({ min: 0, max: 2 * 366 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 10 }), (today, due, soonWithin) => {
        const counted = today > due ? "overdue" : workingDaysBetween(today, due, official) <= soonWithin ? "due-soon" : "on-time";
        expect(dueStatusOn(today, official, soonWithin)(due)).toBe(counted);
      }),
      { numRuns: 2000 },
    );
  });

  test("dates are calendar strings computed in UTC: month and year ends roll over", () => {
    expect(addWorkingDays("2026-12-30", 1, official)).toBe("2026-12-31");
    expect(addWorkingDays("2025-12-31", 1, official)).toBe("2026-01-04"); // a make-up Sunday
    expect(ageOn("1983-06-01", "2023-06-01")).toBe(40);
  });
});

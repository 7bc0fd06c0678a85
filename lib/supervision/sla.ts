import { addWorkingDays, workingDaysBetween, type WorkingCalendar } from "@/lib/domain/calendar";
import { shanghaiDate } from "@/lib/cases/clock";

/**
 * Was leg 1 of a transfer-in (intake to contact letter) on time? Replays the clock of
 * lib/cases/effects.ts over the case's events: `submit` starts it (due in `days` working days),
 * `return` pauses it keeping the working days left (at least one), `resubmit` resumes with them,
 * `approve` ends the leg. null when the events do not show a whole leg.
 */
export function replayLegOne(events: ReadonlyArray<{ action: string; at: Date }>, calendar: WorkingCalendar, days: number): boolean | null {
  let due: string | null = null;
  let remaining: number | null = null;
  for (const e of events) {
    const day = shanghaiDate(e.at);
    switch (e.action) {
      case "submit":
        due = addWorkingDays(day, days, calendar);
        break;
      case "return":
        remaining = due ? Math.max(1, workingDaysBetween(day, due, calendar)) : null;
        due = null;
        break;
      case "resubmit":
        due = addWorkingDays(day, remaining ?? days, calendar);
        remaining = null;
        break;
      case "approve":
        return due === null ? null : day <= due;
    }
  }
  return null;
}

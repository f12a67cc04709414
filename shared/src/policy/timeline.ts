import { addDays, maxDate } from '../dates';
import type { IsoDate } from '../schemas/common';
import type { ScheduleStep, StageId } from '../schemas/stage';
import { firstDayNotPaused, type PausedPeriod } from './pauses';

/**
 * When each enabled step of the schedule is reached for one invoice.
 *
 * - Without pauses a step is reached on its day (due date + offset), so an invoice first seen at
 *   +23 days is at the latest step whose day has come (`reminder-2`); earlier ones are skipped.
 * - A step whose day falls in a pause is reached the day the pause ends. Each later step then
 *   keeps the schedule's spacing from the one before it (and never comes before its own day):
 *   after a pause the schedule resumes one step at a time instead of sending several at once.
 * - A step some activity shows was done (a reminder for it, a formal notice sent early...) is
 *   reached no later than that day: stages never go backwards, whatever the calendar says.
 *   Only enabled steps count: an activity for a stage the team disabled moves nothing.
 * - `notBefore` holds a step back until a day: `legal` waits for the day after the formal notice's
 *   deadline, so the file is not prepared while the client may still pay as the notice asked.
 */

export interface TimelineEntry {
  step: ScheduleStep;
  /** Due date + offset. */
  scheduledOn: IsoDate;
  /** The day the step is reached; null while a pause with no end (a dispute) holds it. */
  reachedOn: IsoDate | null;
}

export interface TimelineInput {
  dueDate: IsoDate;
  /** Enabled steps, in schedule order. */
  steps: readonly ScheduleStep[];
  periods: readonly PausedPeriod[];
  /** For each stage, the first day an activity shows it done. */
  shownOn: ReadonlyMap<StageId, IsoDate>;
  /** Stages that may not be reached before a day (legal: the day after the formal notice's deadline). */
  notBefore?: ReadonlyMap<StageId, IsoDate>;
}

export function stageTimeline({
  dueDate,
  steps,
  periods,
  shownOn,
  notBefore,
}: TimelineInput): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  steps.forEach((step, i) => {
    const scheduledOn = addDays(dueDate, step.offsetDays);
    const previous = i > 0 ? entries[i - 1]! : null;
    let earliest: IsoDate | null = scheduledOn;
    if (previous) {
      earliest =
        previous.reachedOn === null
          ? null
          : maxDate(scheduledOn, addDays(previous.reachedOn, step.offsetDays - previous.step.offsetDays));
    }
    const floor = notBefore?.get(step.stage);
    if (earliest !== null && floor !== undefined) earliest = maxDate(earliest, floor);
    const byCalendar = earliest === null ? null : firstDayNotPaused(periods, earliest);
    const shown = shownOn.get(step.stage) ?? null;
    entries.push({ step, scheduledOn, reachedOn: earliestOf(byCalendar, shown) });
  });
  return entries;
}

function earliestOf(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** Index of the furthest step reached by `today`, or -1. */
export function currentIndex(entries: readonly TimelineEntry[], today: IsoDate): number {
  let index = -1;
  entries.forEach((e, i) => {
    if (e.reachedOn !== null && e.reachedOn <= today) index = i;
  });
  return index;
}

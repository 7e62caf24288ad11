/**
 * Reminder schedules, computed backwards from a survey's close: e.g. 21, 7 and 2 days before it. A schedule is
 * checked at launch: every reminder must fall after the launch and before the close, or the launch is refused.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const DEFAULT_REMINDER_DAYS: readonly number[] = [21, 7, 2];
export const MAX_GRACE_DAYS = 14;

export interface ScheduledReminder {
  /** 1 for the earliest reminder. */
  sequence: number;
  daysBefore: number;
  at: number;
}

export function reminderSchedule(closesAt: number, daysBefore: readonly number[]): ScheduledReminder[] {
  return [...new Set(daysBefore)]
    .sort((a, b) => b - a)
    .map((days, index) => ({ sequence: index + 1, daysBefore: days, at: closesAt - days * DAY_MS }));
}

/** Why this schedule cannot run for a survey launched `now` and closing at `closesAt`, or undefined. */
export function reminderScheduleProblem(
  daysBefore: readonly number[],
  closesAt: number,
  now: number,
): string | undefined {
  if (daysBefore.length > 6) return 'at most six reminders';
  for (const days of daysBefore) {
    if (!Number.isInteger(days) || days < 1)
      return `a reminder must come at least one whole day before the close (got ${days})`;
  }
  if (new Set(daysBefore).size !== daysBefore.length) return 'the same reminder day is given twice';
  const tooEarly = reminderSchedule(closesAt, daysBefore).find((r) => r.at <= now);
  if (tooEarly) {
    const on = new Date(tooEarly.at).toISOString().slice(0, 10);
    return `the reminder ${tooEarly.daysBefore} days before the close (${on}) would fall before the launch; the survey closes ${new Date(closesAt).toISOString().slice(0, 10)}`;
  }
  return undefined;
}

/** Parses "21,7,2" (a CLI option or a form field) into days; undefined input means the default schedule. */
export function parseReminderDays(value: string | undefined): number[] {
  if (value === undefined || value.trim() === '') return [...DEFAULT_REMINDER_DAYS];
  return value.split(',').map((part) => Number(part.trim()));
}

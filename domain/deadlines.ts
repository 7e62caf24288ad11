/**
 * Deadline rules: every deadline of a session is computed backwards from its opening date by a named rule, and
 * carries that rule's citation so that people can see why a date is what it is (ARCHITECTURE.md).
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export const DEADLINE_KEYS = [
  'survey-reminder',
  'survey-close',
  'report-approval',
  'dispatch-target',
  'dispatch-deadline',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

export interface DeadlineRule {
  key: DeadlineKey;
  label: string;
  /** The citation shown beside the date. */
  rule: string;
  /** The rule this one counts back from; undefined means the session's opening. */
  from?: DeadlineKey;
  daysBefore: number;
}

/** The IV 11 rule is the guarantee; the others are the Secretariat's working margins in front of it. */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    key: 'dispatch-deadline',
    label: 'Analysis report reaches Governments',
    rule: 'ECOSOC 1992/22 IV 11: report to Governments at least 60 days before the opening of the session',
    daysBefore: 60,
  },
  {
    key: 'dispatch-target',
    label: 'Dispatch to Governments (planned)',
    rule: 'Safety margin: dispatch 7 days before the IV 11 deadline',
    from: 'dispatch-deadline',
    daysBefore: 7,
  },
  {
    key: 'report-approval',
    label: 'Manager approves the analysis report',
    rule: 'Approval 14 days before the planned dispatch',
    from: 'dispatch-target',
    daysBefore: 14,
  },
  {
    key: 'survey-close',
    label: 'System-wide survey closes (IV 10 (a))',
    rule: 'Analysis time: survey closes 21 days before approval is due (IV 10 (c))',
    from: 'report-approval',
    daysBefore: 21,
  },
  {
    key: 'survey-reminder',
    label: 'Reminder to non-respondents',
    rule: 'Reminder 7 days before the survey closes',
    from: 'survey-close',
    daysBefore: 7,
  },
];

export interface PlannedDeadline {
  key: DeadlineKey;
  label: string;
  rule: string;
  /** ISO 8601 instant. */
  dueAt: string;
}

export type DeadlinePlan = Record<DeadlineKey, PlannedDeadline>;

/** Midnight UTC at the start of the opening day: "60 days before the opening" is counted from here. */
export function openingInstant(openingDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(openingDate);
  if (!match) throw new RangeError(`Opening date must be YYYY-MM-DD, got "${openingDate}"`);
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(instant).toISOString().slice(0, 10) !== openingDate)
    throw new RangeError(`No such date: ${openingDate}`);
  return instant;
}

export function planDeadlines(openingDate: string): DeadlinePlan {
  const opening = openingInstant(openingDate);
  const due = new Map<DeadlineKey, number>();
  for (const rule of DEADLINE_RULES) {
    const base = rule.from === undefined ? opening : due.get(rule.from);
    if (base === undefined) throw new Error(`Rule ${rule.key} counts from ${rule.from}, which is not yet planned`);
    due.set(rule.key, base - rule.daysBefore * DAY_MS);
  }
  const plan = {} as DeadlinePlan;
  for (const rule of DEADLINE_RULES) {
    plan[rule.key] = {
      key: rule.key,
      label: rule.label,
      rule: rule.rule,
      dueAt: new Date(due.get(rule.key)!).toISOString(),
    };
  }
  return plan;
}

/** Days between the opening and an instant, counted the way IV 11 counts them (whole days before opening). */
export function daysBeforeOpening(openingDate: string, instant: string | Date): number {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return Math.floor((openingInstant(openingDate) - at) / DAY_MS);
}

/**
 * Why a survey cannot be launched now for a session with this plan, or undefined if it can. The survey must still
 * have time to run: its close must lie in the future.
 */
export function launchBlocker(plan: DeadlinePlan, now: Date): string | undefined {
  const close = Date.parse(plan['survey-close'].dueAt);
  if (close <= now.getTime()) {
    return `the survey would close on ${plan['survey-close'].dueAt.slice(0, 10)}, which has passed (${plan['survey-close'].rule}); move the session or launch earlier`;
  }
  return undefined;
}

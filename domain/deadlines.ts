/**
 * Deadline rules: every deadline of a session is computed backwards from its opening date by a named rule, and
 * carries that rule's citation so that people can see why a date is what it is (ARCHITECTURE.md).
 */
import { DUE_RULES } from './due-rules';
import { DAY_MS, countBack, openingInstant } from './plan-rules';
import type { CountBackRule } from './plan-rules';

export const DEADLINE_KEYS = [
  'survey-reminder',
  'survey-close',
  'igo-ngo-survey-close',
  'report-approval',
  'dispatch-target',
  'dispatch-deadline',
] as const;
export type DeadlineKey = (typeof DEADLINE_KEYS)[number];

export interface DeadlineRule {
  key: DeadlineKey;
  label: string;
  /** The rule that sets the date; `from` names another deadline. */
  rule: CountBackRule;
}

/**
 * The IV 11 rule is the guarantee (the same sixty-day rule the obligations use); the others are the Secretariat's
 * working margins in front of it, in the order they count back. Changing a margin here changes plans made afterwards;
 * a plan already recorded keeps the dates it was made with (services/session-plan.ts).
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  { key: 'dispatch-deadline', label: 'Analysis report reaches Governments', rule: DUE_RULES['sixty-day'] },
  {
    key: 'dispatch-target',
    label: 'Dispatch to Governments (planned)',
    rule: {
      key: 'dispatch-margin',
      name: 'Dispatch margin',
      citation: 'Safety margin: dispatch 7 days before the IV 11 deadline',
      from: 'dispatch-deadline',
      daysBefore: 7,
    },
  },
  {
    key: 'report-approval',
    label: 'Manager approves the analysis report',
    rule: {
      key: 'approval-margin',
      name: 'Approval margin',
      citation: 'Approval 14 days before the planned dispatch',
      from: 'dispatch-target',
      daysBefore: 14,
    },
  },
  {
    key: 'survey-close',
    label: 'System-wide survey closes (IV 10 (a))',
    rule: {
      key: 'analysis-time',
      name: 'Analysis time',
      citation: 'Analysis time: survey closes 21 days before approval is due (IV 10 (c))',
      from: 'report-approval',
      daysBefore: 21,
    },
  },
  {
    key: 'igo-ngo-survey-close',
    label: 'IGO/NGO survey closes (IV 10 (b))',
    rule: {
      key: 'analysis-time-igo-ngo',
      name: 'Analysis time',
      citation:
        'Analysis time: the IGO/NGO survey closes with the system-wide survey, 21 days before approval is due (IV 10 (b), (c))',
      from: 'report-approval',
      daysBefore: 21,
    },
  },
  {
    key: 'survey-reminder',
    label: 'Reminder to non-respondents',
    rule: {
      key: 'reminder-lead',
      name: 'Reminder lead',
      citation: 'Reminder 7 days before the survey closes',
      from: 'survey-close',
      daysBefore: 7,
    },
  },
];

export interface PlannedDeadline {
  key: DeadlineKey;
  label: string;
  /** The citation of the rule that set the date. */
  rule: string;
  /** ISO 8601 instant. */
  dueAt: string;
}

export type DeadlinePlan = Record<DeadlineKey, PlannedDeadline>;

export type DeadlineState = 'planned' | 'met' | 'missed' | 'skipped';

/** A deadline of a session's recorded plan, with what became of it. */
export interface PlanEntry extends PlannedDeadline {
  state: DeadlineState;
  doneAt?: string;
  /** A move kept the surveys' dates knowing this deadline would be missed: who accepted it, when and why. */
  breachAccepted?: { reason: string; by: string; at: string };
}

export function isDeadlineKey(key: string): key is DeadlineKey {
  return (DEADLINE_KEYS as readonly string[]).includes(key);
}

/**
 * The deadlines a session opening on `openingDate` gets under today's rules. Only the session's plan
 * (services/session-plan.ts) calls this, when a session is created or moved; everyone else reads what it recorded.
 */
export function planDeadlines(openingDate: string): DeadlinePlan {
  const due = countBack(
    DEADLINE_RULES.map((d) => ({ ...d.rule, key: d.key })),
    openingDate,
  );
  const plan = {} as DeadlinePlan;
  for (const deadline of DEADLINE_RULES) {
    plan[deadline.key] = {
      key: deadline.key,
      label: deadline.label,
      rule: deadline.rule.citation,
      dueAt: new Date(due.get(deadline.key)!).toISOString(),
    };
  }
  return plan;
}

/** A recorded plan (its rows, in any order) as the record keyed by deadline; refuses a plan that lacks one. */
export function deadlinePlanOf(entries: readonly PlannedDeadline[]): DeadlinePlan {
  const plan = {} as DeadlinePlan;
  for (const entry of entries) plan[entry.key] = entry;
  const missing = DEADLINE_KEYS.filter((key) => plan[key] === undefined);
  if (missing.length > 0) throw new Error(`The plan has no ${missing.join(', ')}`);
  return plan;
}

/** A deadline a move changed, as people read it. */
export interface MovedDeadline {
  key: DeadlineKey;
  label: string;
  from: string;
  to: string;
}

/**
 * A deadline or obligation recorded as missed, and not done since, is open again when a move puts its date back
 * ahead of `now`: it was missed against a date that no longer binds (moving a session back reopens what the move
 * forward made late). One done late stays as it was done.
 */
export function missedReopensOnMove(doneSince: boolean, newDueAt: string, now: number): boolean {
  return !doneSince && Date.parse(newDueAt) > now;
}

/**
 * What a move changes: every deadline still planned whose date differs in the new plan (done ones keep theirs), and,
 * when `now` is given, every missed one the move reopens (`missedReopensOnMove`).
 */
export function movedDeadlines(before: readonly PlanEntry[], after: DeadlinePlan, now?: number): MovedDeadline[] {
  const open = (entry: PlanEntry) =>
    entry.state === 'planned' ||
    (now !== undefined &&
      entry.state === 'missed' &&
      missedReopensOnMove(entry.doneAt !== undefined, after[entry.key].dueAt, now));
  return before
    .filter((entry) => open(entry) && after[entry.key].dueAt !== entry.dueAt)
    .map((entry) => ({ key: entry.key, label: entry.label, from: entry.dueAt, to: after[entry.key].dueAt }));
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

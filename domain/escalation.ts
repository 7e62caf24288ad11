/**
 * The escalation ladder in front of the IV 11 dispatch deadline, and the risk test that decides whether a checkpoint
 * escalates at all: a checkpoint reached while everything is on schedule stays silent, so people only hear about a
 * deadline when there is something to do.
 */
import type { DeadlinePlan } from './deadlines';

const DAY_MS = 24 * 60 * 60 * 1000;

export type EscalationLevel = 'owner' | 'manager' | 'chief';

export interface Checkpoint {
  /** Stable name, e.g. "T-30" (days before the dispatch deadline) or "breach". */
  id: string;
  at: number;
  level: EscalationLevel;
}

/** One rung of an escalation ladder: `daily` repeats it every day from `daysBefore` down to the day before. */
export interface LadderStep {
  daysBefore: number;
  level: EscalationLevel;
  daily?: boolean;
}

/** T−30 to the owner, T−14 to managers, T−7 and then daily to the chief. */
export const DEFAULT_LADDER: readonly LadderStep[] = [
  { daysBefore: 30, level: 'owner' },
  { daysBefore: 14, level: 'manager' },
  { daysBefore: 7, level: 'chief', daily: true },
];

/** The checkpoints of a ladder in front of `deadline`, in time order, ending with the breach itself at the deadline. */
export function escalationCheckpoints(deadline: number, ladder: readonly LadderStep[] = DEFAULT_LADDER): Checkpoint[] {
  const byDay = new Map<number, EscalationLevel>();
  for (const step of ladder) {
    const last = step.daily ? 1 : step.daysBefore;
    for (let days = step.daysBefore; days >= last; days -= 1) byDay.set(days, step.level);
  }
  const checkpoints = [...byDay.entries()]
    .sort(([a], [b]) => b - a)
    .map(([days, level]): Checkpoint => ({ id: `T-${days}`, at: deadline - days * DAY_MS, level }));
  checkpoints.push({ id: 'breach', at: deadline, level: 'chief' });
  return checkpoints;
}

/**
 * The forecast's rung: before the ladder's first fixed checkpoint, the watch asks the live forecast once a week
 * (`FORECAST_CHECK_EVERY_MS`, so a run of months stays a short history) whether the report is heading for trouble;
 * the first time it is, the owner level (the coordinators, who can still remind and extend) hears why, once per
 * session. From the first fixed checkpoint on, the ladder speaks instead.
 */
export const FORECAST_RUNG = { checkpoint: 'forecast', level: 'owner' } as const satisfies {
  checkpoint: string;
  level: EscalationLevel;
};
export const FORECAST_CHECK_EVERY_MS = 7 * DAY_MS;

/**
 * When the forecast is next asked after `last`: whole weeks before the ladder's first checkpoint, so the looks fall
 * on the rungs' weekday and hour (a coordinator hears from the forecast when the ladder would speak, not at whatever
 * minute the session happened to be created); undefined once no look is left before that checkpoint.
 */
export function nextForecastCheck(last: number, ladder: readonly Checkpoint[]): number | undefined {
  const first = ladder[0]?.at;
  if (first === undefined) return undefined;
  // The most weeks before the first checkpoint that still lie after `last`.
  const weeksBefore = Math.ceil((first - last) / FORECAST_CHECK_EVERY_MS) - 1;
  return weeksBefore >= 1 ? first - weeksBefore * FORECAST_CHECK_EVERY_MS : undefined;
}

export type PreparationStageName =
  'planning' | 'surveying' | 'compiling' | 'awaiting-approval' | 'revising' | 'dispatching' | 'done';

/**
 * A rung of the ladder is its checkpoint (`T-30`, `T-14`, `T-7` … `T-1`, `breach`) for one session, whatever plan
 * version it was reached on: each person hears about a rung at most once. A move that brings checkpoints back lets
 * those that stayed silent (no risk then) speak, never those that already escalated; several reached at once
 * escalate once, at the highest of them (`escalationRung`).
 */
export function escalationRung(due: readonly Checkpoint[]): Checkpoint | undefined {
  return due.at(-1);
}

/** The checkpoint whose level applies at `now`: the last one reached, or undefined before the first. */
export function levelReached(deadline: number, now: number, ladder?: readonly LadderStep[]): Checkpoint | undefined {
  return escalationCheckpoints(deadline, ladder)
    .filter((c) => c.at <= now)
    .at(-1);
}

/** What the database says about a session's preparation, read when a message is about to be sent. */
export interface PreparationFacts {
  /** `none`: no survey launched; `open`: at least one still open; `closed`: every survey closed. */
  surveys: 'none' | 'open' | 'closed';
  /** The latest version of the analysis report, if one was compiled. */
  report?: { approved: boolean; rejected: boolean };
  dispatched: boolean;
}

/** The stage the stored facts put the preparation in (the same names the workflow shows). */
export function stageOfFacts(facts: PreparationFacts): PreparationStageName {
  if (facts.dispatched) return 'done';
  if (facts.report?.approved) return 'dispatching';
  if (facts.report) return facts.report.rejected ? 'revising' : 'awaiting-approval';
  if (facts.surveys === 'closed') return 'compiling';
  return facts.surveys === 'open' ? 'surveying' : 'planning';
}

/**
 * Why the dispatch deadline is at risk at `now`, or undefined when the preparation is where the plan says it should
 * be. The reason names the late step and its due date, so the recipient knows what to chase.
 */
export function dispatchRisk(plan: DeadlinePlan, stage: PreparationStageName, now: number): string | undefined {
  if (stage === 'done') return undefined;
  const due = (key: keyof DeadlinePlan) => Date.parse(plan[key].dueAt);
  const on = (key: keyof DeadlinePlan) => plan[key].dueAt.slice(0, 10);
  if (stage === 'dispatching') {
    return now >= due('dispatch-target')
      ? `dispatch to Governments is still in progress after the planned date (${on('dispatch-target')})`
      : undefined;
  }
  if ((stage === 'surveying' || stage === 'planning') && now >= due('survey-close')) {
    return `the survey has not closed although it was due on ${on('survey-close')}`;
  }
  if (stage === 'compiling' && now >= due('survey-close') + DAY_MS) return 'the analysis report has not been compiled';
  if (now >= due('report-approval'))
    return `the analysis report is not approved although approval was due on ${on('report-approval')}`;
  if (now >= due('dispatch-target'))
    return `the report has not been dispatched although dispatch was planned for ${on('dispatch-target')}`;
  // Every step ahead on its own dates, yet the IV 11 date passed: a breach accepted when the session moved.
  if (now >= due('dispatch-deadline'))
    return `the report cannot reach Governments by the IV 11 date (${on('dispatch-deadline')}), sixty days before the opening`;
  return undefined;
}

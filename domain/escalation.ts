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

/** T−30 to the owner, T−14 to managers, T−7 and then daily to the chief, and the breach itself at T. */
export function escalationCheckpoints(dispatchDeadline: number): Checkpoint[] {
  const ladder: Checkpoint[] = [
    { id: 'T-30', at: dispatchDeadline - 30 * DAY_MS, level: 'owner' },
    { id: 'T-14', at: dispatchDeadline - 14 * DAY_MS, level: 'manager' },
  ];
  for (let days = 7; days >= 1; days -= 1)
    ladder.push({ id: `T-${days}`, at: dispatchDeadline - days * DAY_MS, level: 'chief' });
  ladder.push({ id: 'breach', at: dispatchDeadline, level: 'chief' });
  return ladder;
}

export type PreparationStageName =
  'planning' | 'surveying' | 'compiling' | 'awaiting-approval' | 'dispatching' | 'done';

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
  return undefined;
}

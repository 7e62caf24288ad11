/**
 * What one session's preparation knows while it runs: the recorded plan it was given (never recomputed here), the
 * clock its timers wait on, the view its query shows, and the decisions people have sent. Every phase reads and
 * changes this one object, so the phases can live in files of their own.
 */
import { DEADLINE_KEYS, deadlinePlanOf, movedDeadlines } from '../../domain/deadlines';
import type { DeadlineKey, DeadlinePlan, MovedDeadline, PlanEntry } from '../../domain/deadlines';
import { DeadlineClock } from '../deadline-clock';
import type { PreparationView, ReportReview } from '../definitions';
import { db } from './activities';

export interface SurveyRef {
  workflowId: string;
  /** The deadline of the plan its close follows. */
  closeKey: Extract<DeadlineKey, 'survey-close' | 'igo-ngo-survey-close'>;
}

function instantsOf(plan: DeadlinePlan): Record<DeadlineKey, number> {
  return Object.fromEntries(DEADLINE_KEYS.map((key) => [key, Date.parse(plan[key].dueAt)])) as Record<
    DeadlineKey,
    number
  >;
}

const byDueDate = (a: PlanEntry, b: PlanEntry) => a.dueAt.localeCompare(b.dueAt);

export class PreparationState {
  plan: DeadlinePlan;
  readonly clock: DeadlineClock<DeadlineKey>;
  readonly view: PreparationView;
  /** Bumped on every move, so waits and the dispatch watch re-read their instants. */
  planVersion = 0;
  dispatched = false;
  approval?: { approvedBy: string; approvedAt: string };
  rejection?: ReportReview;
  revision?: { requestedBy: string };
  /** Survey cycles that exist (started), so re-planning signals only workflows that are there. */
  startedSurveys: SurveyRef[] = [];

  constructor(
    readonly sessionId: string,
    openingDate: string,
    plan: readonly PlanEntry[],
    cycleWorkflowId: string,
  ) {
    this.plan = deadlinePlanOf(plan);
    this.clock = new DeadlineClock(instantsOf(this.plan));
    this.view = {
      sessionId,
      openingDate,
      stage: 'planning',
      cycleWorkflowId,
      plan: plan.map((entry) => ({ ...entry })).sort(byDueDate),
      escalations: [],
    };
  }

  entry(key: DeadlineKey): PlanEntry {
    return this.view.plan.find((e) => e.key === key)!;
  }

  /**
   * Takes the plan recorded for new dates; what is done stays as it was done, except a missed deadline the record
   * reopened (the new dates put it back ahead: services/session-plan.ts). Returns what moved.
   */
  replan(openingDate: string, recorded: readonly PlanEntry[]): MovedDeadline[] {
    const next = deadlinePlanOf(recorded);
    const reopened = (entry: PlanEntry) =>
      entry.state === 'missed' && recorded.find((r) => r.key === entry.key)?.state === 'planned';
    const moved = movedDeadlines(
      this.view.plan.map((entry) => (reopened(entry) ? { ...entry, state: 'planned' as const } : entry)),
      next,
    );
    for (const entry of this.view.plan) {
      if (reopened(entry)) {
        entry.state = 'planned';
        delete entry.doneAt;
      }
      if (entry.state !== 'planned') continue;
      const { dueAt, rule, breachAccepted } = recorded.find((r) => r.key === entry.key)!;
      Object.assign(entry, { dueAt, rule, breachAccepted });
    }
    this.plan = next;
    this.view.openingDate = openingDate;
    this.view.plan.sort(byDueDate);
    this.clock.replace(instantsOf(next));
    this.planVersion += 1;
    return moved;
  }

  /**
   * Records when a deadline was done (met or missed against its due date), or that it was not needed. Steps that a
   * timer starts at their due instant (the reminder, the close) finish moments later; `grace` keeps them "met".
   */
  async settle(key: DeadlineKey, doneAt: string | undefined, grace = 0): Promise<void> {
    const entry = this.entry(key);
    // A breach recorded when it happened stays a breach.
    if (entry.state !== 'missed') {
      const late = doneAt !== undefined && Date.parse(doneAt) > Date.parse(entry.dueAt) + grace;
      entry.state = doneAt === undefined ? 'skipped' : late ? 'missed' : 'met';
    }
    entry.doneAt = doneAt;
    await db.settleDeadline({ sessionId: this.sessionId, key, state: entry.state, doneAt });
  }
}

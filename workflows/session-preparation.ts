/**
 * Prepares one session of the Commission on the plan recorded for it (services/session-plan.ts): runs the
 * system-wide and IGO/NGO surveys (IV 10 (a), (b)) as child workflows, compiles the analysis report (IV 10 (c)),
 * waits for a manager's approval (reminding when it is late) and dispatches the report to every Government (IV 11).
 * Alongside, a watch escalates along the ladder when the dispatch deadline is at risk and records a breach if it
 * happens. A move hands over the newly recorded plan; every deadline not yet met takes its new date. Each phase is a
 * file of `preparation/`; they share one `PreparationState`.
 */
import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import type { PlanEntry } from '../domain/deadlines';
import { dispatchRisk } from '../domain/escalation';
import { preparationQuery } from './definitions';
import { documents } from './preparation/activities';
import { compileAndApprove } from './preparation/approval';
import { dispatchToGovernments } from './preparation/dispatch';
import { watchDispatchDeadline } from './preparation/dispatch-watch';
import { installRescheduleHandler } from './preparation/reschedule';
import { installReviewHandlers } from './preparation/review-handlers';
import { PreparationState } from './preparation/state';
import { runSurveys } from './preparation/surveys';
import type { SurveyOptions } from './preparation/surveys';

export interface SessionPreparationInput extends SurveyOptions {
  sessionId: string;
  openingDate: string;
  /** The session's plan as recorded when it was created or last moved; the workflow never recomputes it. */
  plan: PlanEntry[];
  cycleWorkflowId: string;
  /** The IGO/NGO survey (IV 10 (b)); derived from `cycleWorkflowId` when absent. */
  igoNgoCycleWorkflowId?: string;
}

export interface SessionPreparationResult {
  symbol: string;
  dispatchedAt: string;
  sent: number;
  failed: number;
  /** True when the IV 11 deadline (opening − 60 days) was met. */
  deadlineMet: boolean;
}

export async function sessionPreparationWorkflow(input: SessionPreparationInput): Promise<SessionPreparationResult> {
  const state = new PreparationState(input.sessionId, input.openingDate, input.plan, input.cycleWorkflowId);
  const { view } = state;
  setHandler(preparationQuery, () => ({ ...view, risk: dispatchRisk(state.plan, view.stage, Date.now()) }));
  installReviewHandlers(state);
  installRescheduleHandler(state);
  void watchDispatchDeadline(state);

  view.agenda = await documents.compileProvisionalAgenda({ sessionId: input.sessionId, version: 1 });
  const { cycleId } = await runSurveys(
    state,
    {
      systemWide: input.cycleWorkflowId,
      igoNgo: input.igoNgoCycleWorkflowId ?? `${input.cycleWorkflowId.replace(/-system-wide$/, '')}-igo-ngo`,
    },
    input,
  );
  const report = await compileAndApprove(state, cycleId);
  const dispatchedAt = await dispatchToGovernments(state, report.documentId);

  view.stage = 'done';
  await condition(allHandlersFinished);
  return {
    symbol: report.symbol,
    dispatchedAt,
    sent: view.dispatch!.sent,
    failed: view.dispatch!.failed,
    deadlineMet: state.entry('dispatch-deadline').state === 'met',
  };
}

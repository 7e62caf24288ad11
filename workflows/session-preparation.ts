import {
  ApplicationFailure,
  condition,
  executeChild,
  proxyActivities,
  setHandler,
  allHandlersFinished,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { DEADLINE_RULES, planDeadlines } from '../domain/deadlines';
import type { DeadlineKey } from '../domain/deadlines';
import { FailureType } from '../domain/failure-types';
import { approveReportUpdate, preparationQuery } from './definitions';
import type { ApproveReportInput, PlanEntry, PreparationView } from './definitions';
import { surveyCycleWorkflow } from './survey-cycle';

type Activities = ReturnType<typeof createActivities>;

const db = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const documents = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 10 } });
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** How often the manager is reminded once approval is overdue. */
const APPROVAL_REMINDER_INTERVAL_MS = 3 * 24 * 60 * 60 * 1000;

export interface SessionPreparationInput {
  sessionId: string;
  openingDate: string;
  cycleWorkflowId: string;
}

export interface SessionPreparationResult {
  symbol: string;
  dispatchedAt: string;
  sent: number;
  failed: number;
  /** True when the IV 11 deadline (opening − 60 days) was met. */
  deadlineMet: boolean;
}

/**
 * Prepares one session of the Commission: plans every deadline from the opening date, runs the system-wide survey
 * (IV 10 (a)) as a child workflow, compiles the analysis report (IV 10 (c)), waits for a manager's approval
 * (reminding when it is late) and dispatches the report to every Government (IV 11).
 */
export async function sessionPreparationWorkflow(input: SessionPreparationInput): Promise<SessionPreparationResult> {
  const plan = planDeadlines(input.openingDate);
  const view: PreparationView = {
    sessionId: input.sessionId,
    stage: 'planning',
    cycleWorkflowId: input.cycleWorkflowId,
    plan: DEADLINE_RULES.map((rule): PlanEntry => ({ ...plan[rule.key], state: 'planned' })).sort((a, b) =>
      a.dueAt.localeCompare(b.dueAt),
    ),
  };
  let approval: { approvedBy: string; approvedAt: string; comment?: string } | undefined;

  setHandler(preparationQuery, () => view);
  setHandler(
    approveReportUpdate,
    ({ approvedBy }) => {
      approval = { approvedBy, approvedAt: new Date().toISOString() };
      return Promise.resolve({ approvedAt: approval.approvedAt });
    },
    {
      validator: ({ documentId, approvedBy }: ApproveReportInput) => {
        if (view.stage !== 'awaiting-approval' || !view.report) {
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: `No report is awaiting approval (stage: ${view.stage})`,
          });
        }
        if (documentId !== view.report.documentId) {
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: 'That report version is not the one awaiting approval',
          });
        }
        if (!approvedBy.trim())
          throw ApplicationFailure.create({ type: FailureType.InvalidState, message: 'The approver must be named' });
      },
    },
  );

  /** Records when a deadline was done (met or missed against its due date), or that it was not needed. */
  const settle = async (key: DeadlineKey, doneAt: string | undefined) => {
    const entry = view.plan.find((e) => e.key === key)!;
    entry.state = doneAt === undefined ? 'skipped' : Date.parse(doneAt) <= Date.parse(entry.dueAt) ? 'met' : 'missed';
    entry.doneAt = doneAt;
    await db.settleDeadline({ sessionId: input.sessionId, key, state: entry.state, doneAt });
  };

  await db.recordPlan({ sessionId: input.sessionId, plan: Object.values(plan) });

  const { cycleId } = await db.openSurveyCycle({
    sessionId: input.sessionId,
    closesAt: plan['survey-close'].dueAt,
    workflowId: input.cycleWorkflowId,
  });
  view.stage = 'surveying';
  const survey = await executeChild(surveyCycleWorkflow, {
    workflowId: input.cycleWorkflowId,
    args: [{ cycleId, closesAt: plan['survey-close'].dueAt, reminderAt: plan['survey-reminder'].dueAt }],
  });
  await settle('survey-reminder', survey.remindedAt);
  await settle('survey-close', new Date().toISOString());

  view.stage = 'compiling';
  const report = await documents.compileAnalysisReport({ sessionId: input.sessionId, cycleId, version: 1 });
  view.report = { documentId: report.documentId, symbol: report.symbol, version: report.version };

  view.stage = 'awaiting-approval';
  await mail.notifyManagers({
    sessionId: input.sessionId,
    documentId: report.documentId,
    reason: 'report-ready',
    sequence: 1,
  });
  const approvalDue = Date.parse(plan['report-approval'].dueAt);
  let reminders = 0;
  while (!approval) {
    const untilNext = approvalDue + reminders * APPROVAL_REMINDER_INTERVAL_MS - Date.now();
    if (untilNext > 0 && (await condition(() => approval !== undefined, untilNext))) break;
    if (approval) break;
    reminders += 1;
    await mail.notifyManagers({
      sessionId: input.sessionId,
      documentId: report.documentId,
      reason: 'approval-overdue',
      sequence: reminders,
    });
  }
  const approved = approval!;
  await db.recordApproval({
    documentId: report.documentId,
    approvedBy: approved.approvedBy,
    approvedAt: approved.approvedAt,
  });
  view.report = { ...view.report, approvedBy: approved.approvedBy, approvedAt: approved.approvedAt };
  await settle('report-approval', approved.approvedAt);

  view.stage = 'dispatching';
  const governmentIds = await db.listGovernments();
  view.dispatch = { sent: 0, failed: 0, total: governmentIds.length };
  for (const governmentId of governmentIds) {
    const outcome = await mail.dispatchReport({ documentId: report.documentId, governmentId });
    if (outcome === 'undeliverable') view.dispatch.failed += 1;
    else view.dispatch.sent += 1;
  }
  const dispatchedAt = new Date().toISOString();
  view.dispatch.completedAt = dispatchedAt;
  await settle('dispatch-target', dispatchedAt);
  await settle('dispatch-deadline', dispatchedAt);

  view.stage = 'done';
  await condition(allHandlersFinished);
  return {
    symbol: report.symbol,
    dispatchedAt,
    sent: view.dispatch.sent,
    failed: view.dispatch.failed,
    deadlineMet: view.plan.find((e) => e.key === 'dispatch-deadline')!.state === 'met',
  };
}

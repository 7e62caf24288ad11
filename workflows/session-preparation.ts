import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { DEADLINE_KEYS, DEADLINE_RULES, openingInstant, planDeadlines } from '../domain/deadlines';
import type { DeadlineKey, DeadlinePlan } from '../domain/deadlines';
import { dispatchRisk, escalationCheckpoints } from '../domain/escalation';
import { FailureType } from '../domain/failure-types';
import { wordLimitWarning } from '../domain/word-limit';
import { DeadlineClock } from './deadline-clock';
import {
  approveReportUpdate,
  preparationQuery,
  rejectReportUpdate,
  rescheduleCycleSignal,
  rescheduleUpdate,
  reviseReportUpdate,
} from './definitions';
import type {
  ApproveReportInput,
  MovedDeadline,
  PlanEntry,
  PreparationView,
  RejectReportInput,
  ReportReview,
  RescheduleInput,
  ReviseReportInput,
} from './definitions';
import { surveyCycleWorkflow } from './survey-cycle';

type Activities = ReturnType<typeof createActivities>;
type CompiledReport = Awaited<ReturnType<Activities['compileAnalysisReport']>>;

const db = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const documents = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry: { maximumAttempts: 10 } });
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** A step its own timer starts at the due instant counts as on time if it finishes within this. */
const TIMER_GRACE_MS = 60 * 60 * 1000;

/** How often the manager is reminded once approval is overdue. */
const APPROVAL_REMINDER_INTERVAL_MS = 3 * 24 * 60 * 60 * 1000;

export interface SessionPreparationInput {
  sessionId: string;
  openingDate: string;
  cycleWorkflowId: string;
  /** The IGO/NGO survey (IV 10 (b)); derived from `cycleWorkflowId` when absent. */
  igoNgoCycleWorkflowId?: string;
  /** The survey's reminder schedule (days before its close) and grace window, as chosen at launch. */
  reminderDaysBefore?: number[];
  graceDays?: number;
  /** The roster selection surveyed (organisation codes); absent: the whole roster. */
  organisationCodes?: string[];
  /** How long a page of e-mails may wait for the mail server before the managers are alerted. */
  mailAlertAfterMinutes?: number;
}

export interface SessionPreparationResult {
  symbol: string;
  dispatchedAt: string;
  sent: number;
  failed: number;
  /** True when the IV 11 deadline (opening − 60 days) was met. */
  deadlineMet: boolean;
}

function instantsOf(plan: DeadlinePlan): Record<DeadlineKey, number> {
  return Object.fromEntries(DEADLINE_KEYS.map((key) => [key, Date.parse(plan[key].dueAt)])) as Record<
    DeadlineKey,
    number
  >;
}

function planEntries(plan: DeadlinePlan): PlanEntry[] {
  return DEADLINE_RULES.map((rule): PlanEntry => ({ ...plan[rule.key], state: 'planned' })).sort((a, b) =>
    a.dueAt.localeCompare(b.dueAt),
  );
}

/**
 * Prepares one session of the Commission: plans every deadline from the opening date, runs the system-wide survey
 * (IV 10 (a)) as a child workflow, compiles the analysis report (IV 10 (c)), waits for a manager's approval
 * (reminding when it is late) and dispatches the report to every Government (IV 11). Alongside, a watch escalates
 * along the ladder when the dispatch deadline is at risk and records a breach if it happens. Changing the session's
 * dates re-plans every deadline not yet met.
 */
export async function sessionPreparationWorkflow(input: SessionPreparationInput): Promise<SessionPreparationResult> {
  let plan = planDeadlines(input.openingDate);
  const clock = new DeadlineClock(instantsOf(plan));
  const view: PreparationView = {
    sessionId: input.sessionId,
    openingDate: input.openingDate,
    stage: 'planning',
    cycleWorkflowId: input.cycleWorkflowId,
    plan: planEntries(plan),
    escalations: [],
  };
  let approval: { approvedBy: string; approvedAt: string } | undefined;
  let rejection: ReportReview | undefined;
  /** Survey cycles that exist (started), so re-planning signals only workflows that are there. */
  let startedCycles: string[] = [];
  const rescheduleCycles = async (workflowIds: string[]) => {
    const dates = { closesAt: plan['survey-close'].dueAt, reminderAt: plan['survey-reminder'].dueAt };
    for (const workflowId of workflowIds) {
      // A survey may have closed already (everyone answered, or nobody to survey): then there is nothing to move.
      await getExternalWorkflowHandle(workflowId)
        .signal(rescheduleCycleSignal, dates)
        .catch(() => undefined);
    }
  };
  let revision: { requestedBy: string } | undefined;

  const showReport = (report: CompiledReport) => {
    view.report = {
      documentId: report.documentId,
      symbol: report.symbol,
      version: report.version,
      words: report.words,
      wordWarning: wordLimitWarning(report.words),
      options: report.options,
    };
  };
  /** The version awaiting approval, or a failure saying why there is none or why this one is not it. */
  const assertAwaitingApproval = (documentId: string) => {
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
  };
  let dispatched = false;
  let planVersion = 0;

  setHandler(preparationQuery, () => ({ ...view, risk: dispatchRisk(plan, view.stage, Date.now()) }));

  setHandler(
    approveReportUpdate,
    ({ approvedBy }) => {
      approval = { approvedBy, approvedAt: new Date().toISOString() };
      return Promise.resolve({ approvedAt: approval.approvedAt });
    },
    {
      validator: ({ documentId, approvedBy }: ApproveReportInput) => {
        assertAwaitingApproval(documentId);
        if (!approvedBy.trim())
          throw ApplicationFailure.create({ type: FailureType.InvalidState, message: 'The approver must be named' });
        if (view.report!.options === 0)
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message:
              'The options section is empty: staff must write the options and their budget implications, then compile a new version',
          });
      },
    },
  );

  setHandler(
    rejectReportUpdate,
    ({ documentId, rejectedBy, comment }: RejectReportInput) => {
      const rejectedAt = new Date().toISOString();
      rejection = { documentId, version: view.report!.version, rejectedBy, rejectedAt, comment: comment.trim() };
      return Promise.resolve({ rejectedAt });
    },
    {
      validator: ({ documentId, rejectedBy, comment }: RejectReportInput) => {
        assertAwaitingApproval(documentId);
        if (rejection)
          throw ApplicationFailure.create({ type: FailureType.InvalidState, message: 'Already sent back' });
        if (!rejectedBy.trim() || !comment?.trim())
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: 'Say what must change: a rejection needs a comment',
          });
        if (comment.length > 4000)
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: 'The comment is too long (at most 4,000 characters)',
          });
      },
    },
  );

  setHandler(
    reviseReportUpdate,
    async ({ requestedBy }: ReviseReportInput) => {
      const from = view.report!.version;
      revision = { requestedBy };
      await condition(() => view.stage === 'awaiting-approval' && view.report!.version > from);
      return { documentId: view.report!.documentId, version: view.report!.version };
    },
    {
      validator: ({ requestedBy }: ReviseReportInput) => {
        if ((view.stage !== 'awaiting-approval' && view.stage !== 'revising') || rejection || revision)
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: `A new version can be compiled only while the report awaits approval or revision (stage: ${view.stage})`,
          });
        if (!requestedBy.trim())
          throw ApplicationFailure.create({ type: FailureType.InvalidState, message: 'Name who asks for it' });
      },
    },
  );

  setHandler(
    rescheduleUpdate,
    async ({ openingDate }: RescheduleInput): Promise<MovedDeadline[]> => {
      const next = planDeadlines(openingDate);
      const moved: MovedDeadline[] = [];
      for (const entry of view.plan) {
        if (entry.state !== 'planned') continue; // what is done stays as it was done
        const to = next[entry.key].dueAt;
        if (to !== entry.dueAt) moved.push({ key: entry.key, from: entry.dueAt, to });
        entry.dueAt = to;
      }
      plan = next;
      view.openingDate = openingDate;
      view.plan.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
      clock.replace(instantsOf(plan));
      planVersion += 1;
      await db.recordPlan({ sessionId: input.sessionId, plan: Object.values(plan) });
      // A survey not started yet starts on the new dates; one being started is told once it exists (see below).
      if (view.stage === 'surveying' && startedCycles.length > 0) await rescheduleCycles(startedCycles);
      return moved;
    },
    {
      validator: ({ openingDate }: RescheduleInput) => {
        if (dispatched)
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: 'The report has already been dispatched',
          });
        try {
          openingInstant(openingDate);
        } catch (error) {
          throw ApplicationFailure.create({ type: FailureType.InvalidState, message: (error as Error).message });
        }
      },
    },
  );

  /**
   * Records when a deadline was done (met or missed against its due date), or that it was not needed. Steps that a
   * timer starts at their due instant (the reminder, the close) finish moments later; `grace` keeps them "met".
   */
  const settle = async (key: DeadlineKey, doneAt: string | undefined, grace = 0) => {
    const entry = view.plan.find((e) => e.key === key)!;
    // A breach recorded when it happened stays a breach.
    if (entry.state !== 'missed') {
      const late = doneAt !== undefined && Date.parse(doneAt) > Date.parse(entry.dueAt) + grace;
      entry.state = doneAt === undefined ? 'skipped' : late ? 'missed' : 'met';
    }
    entry.doneAt = doneAt;
    await db.settleDeadline({
      sessionId: input.sessionId,
      key,
      state: entry.state,
      doneAt,
    });
  };

  /**
   * The dispatch-deadline watch: at each checkpoint of the ladder, escalate if the deadline is at risk (several
   * checkpoints passed at once escalate once, at the highest level); at the deadline itself, record the breach.
   */
  const watchDispatchDeadline = async () => {
    const fired = new Set<string>();
    let firedForVersion = planVersion;
    while (!dispatched) {
      if (firedForVersion !== planVersion) {
        fired.clear(); // a moved deadline brings its checkpoints back
        firedForVersion = planVersion;
      }
      const ladder = escalationCheckpoints(clock.at('dispatch-deadline'));
      const due = ladder.filter((c) => !fired.has(c.id) && c.at <= Date.now());
      if (due.length > 0) {
        due.forEach((c) => fired.add(c.id));
        const checkpoint = due[due.length - 1]!;
        const reason = dispatchRisk(plan, view.stage, Date.now());
        if (checkpoint.id === 'breach') {
          const entry = view.plan.find((e) => e.key === 'dispatch-deadline')!;
          entry.state = 'missed';
          await db.settleDeadline({ sessionId: input.sessionId, key: 'dispatch-deadline', state: 'missed' });
        }
        if (reason !== undefined) {
          const at = new Date().toISOString();
          view.escalations.push({ checkpoint: checkpoint.id, level: checkpoint.level, at, reason });
          await mail.escalate({
            sessionId: input.sessionId,
            checkpoint: checkpoint.id,
            level: checkpoint.level,
            reason,
            planVersion,
          });
        }
        continue;
      }
      const next = ladder.find((c) => !fired.has(c.id));
      if (!next) {
        await condition(() => dispatched || firedForVersion !== planVersion);
        continue;
      }
      const seen = planVersion;
      await condition(() => dispatched || planVersion !== seen, Math.max(next.at - Date.now(), 1));
    }
  };
  void watchDispatchDeadline();

  await db.recordPlan({ sessionId: input.sessionId, plan: Object.values(plan) });
  view.agenda = await documents.compileProvisionalAgenda({ sessionId: input.sessionId, version: 1 });
  const { cycleId } = await db.openSurveyCycle({
    sessionId: input.sessionId,
    closesAt: plan['survey-close'].dueAt,
    workflowId: input.cycleWorkflowId,
    reminderDaysBefore: input.reminderDaysBefore,
    graceDays: input.graceDays,
    organisationCodes: input.organisationCodes,
  });
  view.stage = 'surveying';
  const planAtStart = planVersion;
  const cycle = await startChild(surveyCycleWorkflow, {
    workflowId: input.cycleWorkflowId,
    args: [
      {
        cycleId,
        closesAt: plan['survey-close'].dueAt,
        reminderAt: plan['survey-reminder'].dueAt,
        reminderDaysBefore: input.reminderDaysBefore,
        mailAlertAfterMinutes: input.mailAlertAfterMinutes,
      },
    ],
  });
  // The IGO/NGO survey of IV 10 (b) runs alongside, on the same dates.
  const igoNgoWorkflowId =
    input.igoNgoCycleWorkflowId ?? `${input.cycleWorkflowId.replace(/-system-wide$/, '')}-igo-ngo`;
  const igoNgoOpened = await db.openSurveyCycle({
    sessionId: input.sessionId,
    closesAt: plan['survey-close'].dueAt,
    workflowId: igoNgoWorkflowId,
    kind: 'IGO_NGO',
    reminderDaysBefore: input.reminderDaysBefore,
    graceDays: input.graceDays,
    organisationCodes: input.organisationCodes,
  });
  const igoNgo = await startChild(surveyCycleWorkflow, {
    workflowId: igoNgoWorkflowId,
    args: [
      {
        cycleId: igoNgoOpened.cycleId,
        closesAt: plan['survey-close'].dueAt,
        reminderAt: plan['survey-reminder'].dueAt,
        reminderDaysBefore: input.reminderDaysBefore,
        mailAlertAfterMinutes: input.mailAlertAfterMinutes,
      },
    ],
  });
  view.igoNgoCycleWorkflowId = igoNgoWorkflowId;
  startedCycles = [input.cycleWorkflowId, igoNgoWorkflowId];
  // The session moved while the surveys were being started: they began with the old dates.
  if (planVersion !== planAtStart) await rescheduleCycles(startedCycles);
  const survey = await cycle.result();
  await igoNgo.result();
  await settle('survey-reminder', survey.remindedAt, TIMER_GRACE_MS);
  // The close is met when the survey stopped taking on-time replies; a grace window after it is part of the plan.
  await settle('survey-close', survey.closeReachedAt ?? new Date().toISOString(), TIMER_GRACE_MS);

  view.stage = 'compiling';
  let report = await documents.compileAnalysisReport({ sessionId: input.sessionId, cycleId, version: 1 });
  showReport(report);
  // The agenda now lists the report under its item.
  view.agenda = await documents.compileProvisionalAgenda({ sessionId: input.sessionId, version: 2 });

  view.stage = 'awaiting-approval';
  await mail.notifyManagers({
    sessionId: input.sessionId,
    documentId: report.documentId,
    reason: 'report-ready',
    sequence: 1,
  });
  let reminders = 0;
  while (!approval) {
    const decided = await clock.waitFor(
      'report-approval',
      () => approval !== undefined || rejection !== undefined || revision !== undefined,
      reminders * APPROVAL_REMINDER_INTERVAL_MS,
    );
    if (approval) break;
    if (!decided) {
      reminders += 1;
      await mail.notifyManagers({
        sessionId: input.sessionId,
        documentId: report.documentId,
        reason: 'approval-overdue',
        sequence: reminders,
      });
      continue;
    }
    if (rejection) {
      const review = rejection;
      view.stage = 'revising';
      (view.reviews ??= []).push(review);
      await mail.recordRejection({
        documentId: review.documentId,
        rejectedBy: review.rejectedBy,
        rejectedAt: review.rejectedAt,
        comment: review.comment,
      });
      rejection = undefined;
      // Staff revise the options and ask for a new version; the dispatch watch escalates meanwhile if it is late.
      await condition(() => revision !== undefined);
    }
    const next = report.version + 1;
    revision = undefined;
    view.stage = 'compiling';
    report = await documents.compileAnalysisReport({ sessionId: input.sessionId, cycleId, version: next });
    showReport(report);
    view.stage = 'awaiting-approval';
    await mail.notifyManagers({
      sessionId: input.sessionId,
      documentId: report.documentId,
      reason: 'report-ready',
      sequence: 1,
    });
  }
  const approvedBy = approval;
  await db.recordApproval({
    documentId: report.documentId,
    approvedBy: approvedBy.approvedBy,
    approvedAt: approvedBy.approvedAt,
  });
  view.report = { ...view.report!, approvedBy: approvedBy.approvedBy, approvedAt: approvedBy.approvedAt };
  await settle('report-approval', approvedBy.approvedAt);

  view.stage = 'dispatching';
  const governmentIds = await db.listGovernments();
  view.dispatch = { sent: 0, failed: 0, total: governmentIds.length };
  for (const governmentId of governmentIds) {
    const outcome = await mail.dispatchReport({ documentId: report.documentId, governmentId });
    if (outcome === 'undeliverable') view.dispatch.failed += 1;
    else view.dispatch.sent += 1;
  }
  dispatched = true;
  const dispatchedAt = new Date().toISOString();
  view.dispatch.completedAt = dispatchedAt;
  view.proof = await documents.compileDispatchProof({ documentId: report.documentId });
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

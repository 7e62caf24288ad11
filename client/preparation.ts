/**
 * Typed operations on a session's preparation, shared by the web console and the `prep` CLI. Inputs are validated
 * here, before anything reaches Temporal.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { deadlinePlanOf, launchBlocker } from '../domain/deadlines';
import type { MovedDeadline } from '../domain/deadlines';
import { SURVEYED_TYPES } from '../domain/questionnaires';
import { formatDateIn, isLanguage, missingTranslations, reviewQuestionnaireTranslations } from '../domain/i18n';
import { SURVEY_NAMES } from '../domain/questionnaires';
import type { SurveyKind } from '../domain/questionnaires';
import { currentQuestionnaire } from '../services/questionnaires';
import {
  DEFAULT_REMINDER_DAYS,
  MAX_GRACE_DAYS,
  parseReminderDays,
  reminderSchedule,
  reminderScheduleProblem,
} from '../domain/reminders';
import { sessionPreparationWorkflowId, surveyCycleWorkflowId } from '../domain/workflow-ids';
import type { Db } from '../platform/database';
import { recordAuditEvent } from '../services/audit';
import { sessionSurveys } from '../services/cycle-status';
import { closeSurveyEarly as closeCycleEarly } from '../services/cycles';
import type { KeptExtension } from '../services/cycles';
import { readSessionPlan } from '../services/session-plan';
import type { SurveyCounts } from '../services/cycle-status';
import { sessionForecast } from '../services/forecast';
import type { SessionForecastView } from '../services/forecast';
import { signalObligations, startObligationWorkflows } from './obligations';
import { ConflictError, InvalidInputError, NotFoundError } from '../services/errors';
import { changeSessionDates } from '../services/sessions';
import { previewMove } from '../services/move-preview';
import type { MovePreview } from '../services/move-preview';
import { COMMISSION_CODE, getSessionByNumber } from '../services/session-lookup';
import { parseOrThrow } from '../services/safe-input';
import {
  RemindedRecentlyError,
  claimReminderOnRequest,
  releaseReminderOnRequest,
  remindedRecentlyMessage,
} from '../services/reminders-on-request';
import {
  approveReportUpdate,
  closeCycleSignal,
  cycleQuery,
  delegatedSignal,
  preparationQuery,
  rejectReportUpdate,
  remindNowSignal,
  rescheduleUpdate,
  reviseReportUpdate,
  submissionReceivedSignal,
} from '../workflows/definitions';
import type { CycleView, PreparationView } from '../workflows/definitions';
import type { sessionPreparationWorkflow } from '../workflows';
import type { PreparationClientDeps } from './deps';

export type { PreparationClientDeps } from './deps';

export interface LaunchResult {
  workflowId: string;
  cycleWorkflowId: string;
  /** The deadline workflows of the session's other reporting obligations (IV 2, VI 3 (b), VII 4). */
  obligationWorkflowIds: string[];
}

/** Starts the session's preparation workflow, which launches the system-wide survey (IV 10 (a)). */
export async function launchPreparation(
  deps: PreparationClientDeps,
  sessionNumber: number,
  actor: string,
  now = new Date(),
  options: unknown = {},
): Promise<LaunchResult> {
  const session = await getSessionByNumber(deps.db, sessionNumber);
  const recorded = await readSessionPlan(deps.db, session.id);
  const plan = deadlinePlanOf(recorded);
  const blocker = launchBlocker(plan, now);
  if (blocker) throw new InvalidInputError(`Session ${sessionNumber} cannot be launched: ${blocker}`);
  const untranslated = await languagesNotReady(deps.db);
  if (untranslated) throw new InvalidInputError(`Session ${sessionNumber} cannot be launched: ${untranslated}`);
  const survey = parseOrThrow(ZLaunchOptions, options);
  const closesAt = Date.parse(plan['survey-close'].dueAt);
  if (survey.reminderDaysBefore === undefined) {
    // The default schedule keeps the reminders that still fit; a schedule the coordinator gives must fit whole.
    survey.reminderDaysBefore = reminderSchedule(closesAt, DEFAULT_REMINDER_DAYS)
      .filter((r) => r.at > now.getTime())
      .map((r) => r.daysBefore);
  }
  const scheduleProblem = reminderScheduleProblem(survey.reminderDaysBefore, closesAt, now.getTime());
  if (scheduleProblem)
    throw new InvalidInputError(`Session ${sessionNumber} cannot be launched: ${scheduleProblem}`, [
      { field: 'reminderDaysBefore', message: scheduleProblem },
    ]);
  if (survey.organisations.length > 0) {
    const known = await deps.db.organisation.findMany({
      where: { code: { in: survey.organisations } },
      select: { code: true },
    });
    const unknown = survey.organisations.filter((code) => !known.some((k) => k.code === code));
    if (unknown.length > 0)
      throw new InvalidInputError(
        `Session ${sessionNumber} cannot be launched: no organisation ${unknown.join(', ')}`,
        [{ field: 'organisations', message: `not in the roster: ${unknown.join(', ')}` }],
      );
  }
  const workflowId = sessionPreparationWorkflowId(COMMISSION_CODE, session);
  const cycleWorkflowId = surveyCycleWorkflowId(COMMISSION_CODE, session, 'system-wide');
  const igoNgoCycleWorkflowId = surveyCycleWorkflowId(COMMISSION_CODE, session, 'igo-ngo');
  try {
    await deps.temporal.workflow.start<typeof sessionPreparationWorkflow>('sessionPreparationWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [
        {
          sessionId: session.id,
          openingDate: session.openingDate,
          plan: recorded,
          cycleWorkflowId,
          igoNgoCycleWorkflowId,
          reminderDaysBefore: survey.reminderDaysBefore,
          graceDays: survey.graceDays,
          ...(survey.organisations.length > 0 ? { organisationCodes: survey.organisations } : {}),
          ...(deps.mailAlertAfterMinutes ? { mailAlertAfterMinutes: deps.mailAlertAfterMinutes } : {}),
        },
      ],
    });
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError)
      throw new ConflictError(`Session ${sessionNumber} has already been launched`);
    throw error;
  }
  await recordAuditEvent(deps.db, {
    actor,
    action: 'session.launch',
    entity: 'Session',
    entityId: session.id,
    details: {
      workflowId,
      reminderDaysBefore: survey.reminderDaysBefore,
      graceDays: survey.graceDays,
      organisations: survey.organisations,
    },
  });
  const obligationWorkflowIds = await startObligationWorkflows(deps, sessionNumber, actor);
  return { workflowId, cycleWorkflowId, obligationWorkflowIds };
}

/**
 * Why the questionnaire and the respondent e-mails cannot yet go to every contact in their language, or undefined.
 * Every contact of the organisations surveyed must be reachable in a language with a complete translation.
 */
export async function languagesNotReady(db: Db): Promise<string | undefined> {
  const needed = await db.contact.groupBy({
    by: ['language'],
    // Both surveys: the UN system (IV 10 (a)) and the IGOs and NGOs (IV 10 (b)).
    where: { organisation: { type: { in: [...SURVEYED_TYPES.SYSTEM_WIDE, ...SURVEYED_TYPES.IGO_NGO] } } },
    _count: { _all: true },
  });
  // The questionnaires new cycles will ask may carry texts of their own, translated in their definition.
  const questionnaires = await Promise.all(
    (['SYSTEM_WIDE', 'IGO_NGO'] as const).map(async (kind) => (await currentQuestionnaire(db, kind)).questionnaire),
  );
  const problems = needed.flatMap(({ language, _count }) => {
    if (!isLanguage(language))
      return [`${_count._all} contact(s) read ${language}, which is not one of the six official languages`];
    // Only what is missing holds a launch. A translation whose English changed since (stale) is still shown: an
    // earlier translation of nearly the same sentence serves respondents better than a held survey, and its review
    // is the translators' (`npm run translations:check` lists it).
    const missing = missingTranslations(language);
    const questionnaireGaps = questionnaires.flatMap((q) => {
      const untranslated = reviewQuestionnaireTranslations(language, q).missing;
      return untranslated.length > 0
        ? [
            `questionnaire ${q.id} has ${untranslated.length} text(s) not yet translated into ${language} (${listed(untranslated)})`,
          ]
        : [];
    });
    return [
      ...(missing.length > 0
        ? [`${missing.length} text(s) are not yet translated into ${language} (${listed(missing)})`]
        : []),
      ...questionnaireGaps,
    ];
  });
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/** The ids a refusal names: enough to act on, the rest counted (the translations check lists them all). */
function listed(ids: readonly string[], shown = 10): string {
  return ids.length <= shown
    ? ids.join(', ')
    : `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more: npm run translations:check`;
}

/** The survey's reminder schedule (days before the close; "21,7,2" from a form or the CLI) and grace window. */
export const ZLaunchOptions = z.object({
  reminderDaysBefore: z
    .union([z.string(), z.array(z.number())])
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : parseReminderDays(v))),
  graceDays: z.coerce
    .number({ error: 'the grace window is a whole number of days' })
    .int('the grace window is a whole number of days')
    .min(0, 'the grace window cannot be negative')
    .max(MAX_GRACE_DAYS, `the grace window is at most ${MAX_GRACE_DAYS} days`)
    .default(0),
  /** A selection of the roster, by organisation code ("UNICRI, HEUNI" or a list); none: the whole roster. */
  organisations: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) =>
      [...new Set((Array.isArray(v) ? v : (v ?? '').split(/[\s,;]+/)).map((c) => c.trim().toUpperCase()))].filter(
        (c) => c !== '',
      ),
    ),
});

export interface PreparationStatus {
  sessionNumber: number;
  workflowId: string;
  launched: boolean;
  preparation?: PreparationView;
  cycle?: CycleView;
  /** Each survey's reply counts, from the one survey query (asked for with `surveys: true`). */
  surveys?: SurveyCounts[];
  /** The live forecast: replies expected at each close, the plan's dates, the risk (with `surveys: true`). */
  forecast?: SessionForecastView;
}

export async function getPreparationStatus(
  deps: PreparationClientDeps,
  sessionNumber: number,
  options: { surveys?: boolean } = {},
): Promise<PreparationStatus> {
  const session = await getSessionByNumber(deps.db, sessionNumber);
  const workflowId = sessionPreparationWorkflowId(COMMISSION_CODE, session);
  try {
    const preparation = await deps.temporal.workflow.getHandle(workflowId).query(preparationQuery);
    let cycle: CycleView | undefined;
    if (preparation.cycleWorkflowId && preparation.stage !== 'planning') {
      cycle = await deps.temporal.workflow
        .getHandle(preparation.cycleWorkflowId)
        .query(cycleQuery)
        .catch(() => undefined);
    }
    if (!options.surveys) return { sessionNumber, workflowId, launched: true, preparation, cycle };
    const surveys = (await sessionSurveys(deps.db, session.id)).map((s) => s.counts);
    // The workflow counts submission signals (a reopened reply submitted again counts twice); what is shown is the
    // database's count of the 'submitted' state, so `prep status` agrees with the console and the report.
    const systemWide = surveys.find((s) => s.kind === 'SYSTEM_WIDE');
    if (cycle && systemWide) cycle = { ...cycle, submitted: systemWide.states.submitted };
    const forecast = await sessionForecast(deps.db, session);
    return { sessionNumber, workflowId, launched: true, preparation, cycle, surveys, forecast };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { sessionNumber, workflowId, launched: false };
    throw error;
  }
}

/**
 * The session's open surveys (IV 10 (a) and (b)), or only the one named, or a 404/409 saying why there are none.
 */
async function openCycles(deps: PreparationClientDeps, sessionNumber: number, kind?: SurveyKind) {
  const session = await getSessionByNumber(deps.db, sessionNumber);
  const cycles = await deps.db.surveyCycle.findMany({
    where: { sessionId: session.id, ...(kind ? { kind } : {}) },
    orderBy: { kind: 'asc' },
  });
  if (cycles.length === 0)
    throw new NotFoundError(`Session ${sessionNumber} has no ${kind ? SURVEY_NAMES[kind] : 'survey cycle'} yet`);
  // A survey closed early is closed to everyone but its running extensions: nothing more to remind or close.
  const open = cycles.filter((c) => c.status === 'OPEN' && c.closedEarlyAt === null);
  if (open.length === 0)
    throw new ConflictError(
      kind
        ? `The ${SURVEY_NAMES[kind]} of session ${sessionNumber} is closed`
        : `The surveys of session ${sessionNumber} are closed`,
    );
  return open;
}

/** The console's close form: the box that ends the extensions granted too (unticked: they stay open). */
export const ZCloseEarly = z.object({
  endExtensions: z.literal('1', { message: 'tick the box or leave it empty' }).optional(),
});

/** A survey closed early, and the extensions it keeps open until their dates, or ended (and e-mailed). */
export interface ClosedEarly {
  survey: string;
  keptExtensions: KeptExtension[];
  endedExtensions: KeptExtension[];
}

/**
 * The coordinator closes the surveys (or only the one named) before their deadline: links stop at once, except
 * those of extensions already granted, which stay open until their dates; the report is compiled after the last of
 * them. The close is recorded before the cycle is told, so no reply slips in between.
 */
export async function closeSurveyEarly(
  deps: PreparationClientDeps,
  sessionNumber: number,
  actor: string,
  kind?: SurveyKind,
  /** End the extensions granted too (each organisation is e-mailed), instead of keeping them open. */
  { endExtensions = false }: { endExtensions?: boolean } = {},
): Promise<ClosedEarly[]> {
  const closed: ClosedEarly[] = [];
  for (const cycle of await openCycles(deps, sessionNumber, kind)) {
    const { keptExtensions, endedExtensions } = await closeCycleEarly(deps.db, {
      cycleId: cycle.id,
      closedBy: actor,
      endExtensions,
    });
    await deps.temporal.workflow.getHandle(cycle.workflowId).signal(closeCycleSignal, {
      closedBy: actor,
      endedExtensions: endedExtensions.map(({ organisationId, until }) => ({ organisationId, until })),
    });
    closed.push({ survey: SURVEY_NAMES[cycle.kind], keptExtensions, endedExtensions });
  }
  return closed;
}

/**
 * What the coordinator is told after an early close, in one sentence for the console and the CLI: what closed, and
 * each extension it keeps open, so nobody learns later that a promise was cut short.
 */
export function closedEarlySentence(sessionNumber: number, closed: ClosedEarly[]): string {
  const surveys = closed.map((c) => `the ${c.survey}`).join(' and ');
  const kept = closed.flatMap((c) => c.keptExtensions);
  const ended = closed.flatMap((c) => c.endedExtensions);
  const lead = `Session ${sessionNumber}: ${surveys} closed to new replies; the report is compiled once ${closed.length > 1 ? 'both have' : 'it has'} closed for good.`;
  const list = (extensions: KeptExtension[]) =>
    extensions.map((k) => `${k.organisation} (until ${formatDateIn('en', new Date(k.until))})`).join(', ');
  const parts = [lead];
  if (kept.length > 0)
    parts.push(
      `${kept.length === 1 ? 'One extension stays' : `${kept.length} extensions stay`} open until ${kept.length === 1 ? 'its date' : 'their dates'}: ${list(kept)}.`,
    );
  if (ended.length > 0)
    parts.push(
      `${ended.length === 1 ? 'One extension ends' : `${ended.length} extensions end`} with the close, and ${ended.length === 1 ? 'that organisation is' : 'those organisations are'} e-mailed: ${list(ended)}.`,
    );
  if (kept.length + ended.length === 0) parts.push('No extension was running.');
  return parts.join(' ');
}

/**
 * The coordinator reminds every organisation that has not replied (in both surveys, or only the one named), now; the
 * scheduled reminders still follow. A survey reminded on request within the window (services/reminders-on-request.ts
 * decides) is not reminded again; when that leaves nothing to send, `RemindedRecentlyError` says when the last went.
 */
export async function remindNow(
  deps: PreparationClientDeps,
  sessionNumber: number,
  actor: string,
  kind?: SurveyKind,
): Promise<RemindNowResult> {
  const result: RemindNowResult = { reminded: [], alreadyReminded: [] };
  for (const cycle of await openCycles(deps, sessionNumber, kind)) {
    const claim = await claimReminderOnRequest(deps.db, {
      cycleId: cycle.id,
      actor,
      windowMinutes: deps.remindNowWindowMinutes,
    });
    if (!claim.claimed) {
      result.alreadyReminded.push(remindedRecentlyMessage(SURVEY_NAMES[cycle.kind], claim));
      continue;
    }
    await deps.temporal.workflow
      .getHandle(cycle.workflowId)
      .signal(remindNowSignal, { requestedBy: actor })
      .catch(async (error: unknown) => {
        await releaseReminderOnRequest(deps.db, { cycleId: cycle.id, actor, claim });
        throw error;
      });
    result.reminded.push(SURVEY_NAMES[cycle.kind]);
  }
  if (result.reminded.length === 0) throw new RemindedRecentlyError(result.alreadyReminded.join(' '));
  return result;
}

export interface RemindNowResult {
  /** The surveys whose non-respondents are being reminded. */
  reminded: string[];
  /** For each survey reminded within the window: when, by whom, and when the next can go. */
  alreadyReminded: string[];
}

/** A manager approves the report awaiting approval; the workflow validates the request and then dispatches. */
export async function approveReport(
  deps: PreparationClientDeps,
  sessionNumber: number,
  approvedBy: string,
): Promise<{ symbol: string; approvedAt: string }> {
  const status = await getPreparationStatus(deps, sessionNumber);
  const report = status.preparation?.report;
  if (!status.launched || !report || status.preparation?.stage !== 'awaiting-approval') {
    throw new ConflictError(
      `No report of session ${sessionNumber} is awaiting approval (stage: ${status.preparation?.stage ?? 'not launched'})`,
    );
  }
  const result = await updateOrConflict(() =>
    deps.temporal.workflow
      .getHandle(status.workflowId)
      .executeUpdate(approveReportUpdate, { args: [{ documentId: report.documentId, approvedBy }] }),
  );
  return { symbol: report.symbol, approvedAt: result.approvedAt };
}

/** A manager sends the report awaiting approval back to staff, saying what must change. */
export async function rejectReport(
  deps: PreparationClientDeps,
  sessionNumber: number,
  input: unknown,
  rejectedBy: string,
): Promise<{ symbol: string; version: number }> {
  const { comment } = parseOrThrow(ZReviewComment, input);
  const status = await getPreparationStatus(deps, sessionNumber);
  const report = status.preparation?.report;
  if (!status.launched || !report || status.preparation?.stage !== 'awaiting-approval') {
    throw new ConflictError(
      `No report of session ${sessionNumber} is awaiting approval (stage: ${status.preparation?.stage ?? 'not launched'})`,
    );
  }
  await updateOrConflict(() =>
    deps.temporal.workflow
      .getHandle(status.workflowId)
      .executeUpdate(rejectReportUpdate, { args: [{ documentId: report.documentId, rejectedBy, comment }] }),
  );
  return { symbol: report.symbol, version: report.version };
}

/** Staff compile a new version of the report (after a rejection, or to take in edited options). */
export async function reviseReport(
  deps: PreparationClientDeps,
  sessionNumber: number,
  requestedBy: string,
): Promise<{ documentId: string; version: number }> {
  const status = await getPreparationStatus(deps, sessionNumber);
  const stage = status.preparation?.stage;
  if (!status.launched || (stage !== 'awaiting-approval' && stage !== 'revising')) {
    throw new ConflictError(
      `The report of session ${sessionNumber} cannot be recompiled now (stage: ${stage ?? 'not launched'})`,
    );
  }
  return updateOrConflict(() =>
    deps.temporal.workflow.getHandle(status.workflowId).executeUpdate(reviseReportUpdate, { args: [{ requestedBy }] }),
  );
}

/** An update the workflow's validator refused becomes a 409 with the workflow's own reason. */
async function updateOrConflict<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause;
    throw new ConflictError(cause?.message ?? (error as Error).message);
  }
}

const ZReviewComment = z.object({
  comment: z
    .string({ error: 'say what must change' })
    .trim()
    .min(5, 'say what must change (at least 5 characters)')
    .max(4000, 'at most 4,000 characters'),
});

/** Notifies the cycle workflow that a response was committed (the database stays the source of truth). */
export async function notifySubmission(
  temporal: Client,
  cycleWorkflowId: string,
  organisationId: string,
  contactId: string,
): Promise<void> {
  await temporal.workflow.getHandle(cycleWorkflowId).signal(submissionReceivedSignal, { organisationId, contactId });
}

/** A contact delegated part of the reply (already in the database): the cycle e-mails the colleague their link. */
export async function notifyDelegation(temporal: Client, cycleWorkflowId: string, delegationId: string): Promise<void> {
  await temporal.workflow.getHandle(cycleWorkflowId).signal(delegatedSignal, { delegationId });
}

/** What a move did: the deadlines it moved and the choice it was made with, when it needed one. */
export interface MoveOutcome {
  moved: MovedDeadline[];
  applied?: 'compress' | 'accept';
}

async function refuseIfDispatched(deps: PreparationClientDeps, sessionNumber: number) {
  const status = await getPreparationStatus(deps, sessionNumber);
  if (status.preparation && (status.preparation.stage === 'done' || status.preparation.stage === 'dispatching')) {
    throw new ConflictError(`Session ${sessionNumber} cannot move: its report has already been dispatched`);
  }
  return status;
}

/** What moving a session would do (dates, impossible deadlines, choices, respondents told); writes nothing. */
export async function previewSessionMove(
  deps: PreparationClientDeps,
  sessionNumber: number,
  input: unknown,
): Promise<MovePreview> {
  await refuseIfDispatched(deps, sessionNumber);
  return previewMove(deps.db, sessionNumber, input);
}

/**
 * Moves a session. Its dates and its recorded plan change in one transaction, and a launched preparation takes the new
 * plan for every deadline not yet met (the surveys' closes and reminder included; the surveys tell their respondents).
 * A move that makes the plan impossible needs the coordinator's choice (services/sessions.ts). Refused once the report
 * has been dispatched. Returns what moved in the record, launched or not.
 */
export async function rescheduleSession(
  deps: PreparationClientDeps,
  sessionNumber: number,
  input: unknown,
  actor: string,
): Promise<MoveOutcome> {
  const status = await refuseIfDispatched(deps, sessionNumber);
  const { after, plan, decision } = await changeSessionDates(deps.db, sessionNumber, input, actor);
  const applied = decision.applied ? { applied: decision.applied } : {};
  if (!status.launched) return { moved: decision.moved, ...applied };
  await signalObligations(deps, sessionNumber);
  const moved = await deps.temporal.workflow.getHandle(status.workflowId).executeUpdate(rescheduleUpdate, {
    args: [{ openingDate: after.openingDate, plan, requestedBy: actor }],
  });
  return { moved, ...applied };
}

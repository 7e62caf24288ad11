/**
 * The surveying phase: the system-wide survey (IV 10 (a)) and the IGO/NGO survey (IV 10 (b)) run as child workflows,
 * each closing on its own date of the plan; the phase ends when both have closed.
 */
import { startChild } from '@temporalio/workflow';
import { surveyCycleWorkflow } from '../survey-cycle';
import { db } from './activities';
import { rescheduleSurveys } from './reschedule';
import type { PreparationState, SurveyRef } from './state';

/** A page of e-mails may wait this long for the mail server before the managers are alerted; reminders; grace. */
export interface SurveyOptions {
  reminderDaysBefore?: number[];
  graceDays?: number;
  organisationCodes?: string[];
  mailAlertAfterMinutes?: number;
}

/** Timer-started steps finish moments after their instant; within this they count as on time. */
const TIMER_GRACE_MS = 60 * 60 * 1000;

async function openAndStart(state: PreparationState, survey: SurveyRef & { kind?: 'IGO_NGO' }, options: SurveyOptions) {
  const closesAt = state.plan[survey.closeKey].dueAt;
  const { cycleId } = await db.openSurveyCycle({
    sessionId: state.sessionId,
    closesAt,
    workflowId: survey.workflowId,
    ...(survey.kind ? { kind: survey.kind } : {}),
    reminderDaysBefore: options.reminderDaysBefore,
    graceDays: options.graceDays,
    organisationCodes: options.organisationCodes,
  });
  const handle = await startChild(surveyCycleWorkflow, {
    workflowId: survey.workflowId,
    args: [
      {
        cycleId,
        closesAt,
        reminderAt: state.plan['survey-reminder'].dueAt,
        reminderDaysBefore: options.reminderDaysBefore,
        mailAlertAfterMinutes: options.mailAlertAfterMinutes,
      },
    ],
  });
  return { cycleId, handle };
}

/** Runs both surveys to their close and settles their deadlines; returns the system-wide cycle the report reads. */
export async function runSurveys(
  state: PreparationState,
  workflowIds: { systemWide: string; igoNgo: string },
  options: SurveyOptions,
): Promise<{ cycleId: string }> {
  const systemWide: SurveyRef = { workflowId: workflowIds.systemWide, closeKey: 'survey-close' };
  const igoNgo: SurveyRef = { workflowId: workflowIds.igoNgo, closeKey: 'igo-ngo-survey-close' };
  state.view.stage = 'surveying';
  const planAtStart = state.planVersion;
  const first = await openAndStart(state, systemWide, options);
  const second = await openAndStart(state, { ...igoNgo, kind: 'IGO_NGO' }, options);
  state.view.igoNgoCycleWorkflowId = igoNgo.workflowId;
  state.startedSurveys = [systemWide, igoNgo];
  // The session moved while the surveys were being started: they began with the old dates.
  if (state.planVersion !== planAtStart) await rescheduleSurveys(state, state.startedSurveys);
  const survey = await first.handle.result();
  const igoNgoSurvey = await second.handle.result();
  await state.settle('survey-reminder', survey.remindedAt, TIMER_GRACE_MS);
  // A close is met when the survey stopped taking on-time replies; a grace window after it is part of the plan.
  await state.settle('survey-close', survey.closeReachedAt ?? new Date().toISOString(), TIMER_GRACE_MS);
  await state.settle('igo-ngo-survey-close', igoNgoSurvey.closeReachedAt ?? new Date().toISOString(), TIMER_GRACE_MS);
  return { cycleId: first.cycleId };
}

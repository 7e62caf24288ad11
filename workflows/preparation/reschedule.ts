/**
 * A move of the session: the client has recorded the new plan (services/session-plan.ts) and hands it over; every
 * deadline not yet done takes its new date, and the running surveys are told their new close and reminder.
 */
import { ApplicationFailure, getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import { deadlinePlanOf } from '../../domain/deadlines';
import type { MovedDeadline } from '../../domain/deadlines';
import { FailureType } from '../../domain/failure-types';
import { openingInstant } from '../../domain/plan-rules';
import { rescheduleCycleSignal, rescheduleUpdate } from '../definitions';
import type { RescheduleInput } from '../definitions';
import type { PreparationState, SurveyRef } from './state';

/** Tells the surveys their dates in the current plan. */
export async function rescheduleSurveys(state: PreparationState, surveys: readonly SurveyRef[]): Promise<void> {
  for (const survey of surveys) {
    const dates = { closesAt: state.plan[survey.closeKey].dueAt, reminderAt: state.plan['survey-reminder'].dueAt };
    // A survey may have closed already (everyone answered, or nobody to survey): then there is nothing to move.
    await getExternalWorkflowHandle(survey.workflowId)
      .signal(rescheduleCycleSignal, dates)
      .catch(() => undefined);
  }
}

export function installRescheduleHandler(state: PreparationState): void {
  setHandler(
    rescheduleUpdate,
    async ({ openingDate, plan }: RescheduleInput): Promise<MovedDeadline[]> => {
      const moved = state.replan(openingDate, plan);
      // A survey not started yet starts on the new dates; one being started is told once it exists.
      if (state.view.stage === 'surveying' && state.startedSurveys.length > 0)
        await rescheduleSurveys(state, state.startedSurveys);
      return moved;
    },
    {
      validator: ({ openingDate, plan }: RescheduleInput) => {
        if (state.dispatched)
          throw ApplicationFailure.create({
            type: FailureType.InvalidState,
            message: 'The report has already been dispatched',
          });
        try {
          openingInstant(openingDate);
          deadlinePlanOf(plan);
        } catch (error) {
          throw ApplicationFailure.create({ type: FailureType.InvalidState, message: (error as Error).message });
        }
      },
    },
  );
}

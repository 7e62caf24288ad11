import {
  closeSurveyCycle,
  closeSurveyEarly,
  finalCloseInstant,
  moveSurveyClose,
  openSurveyCycle,
} from '../services/cycles';
import type { OpenCycleInput } from '../services/cycles';
import type { ActivityDeps } from './deps';

export interface Invitee {
  organisationId: string;
  /** Primary first, then alternates; bounced addresses left out. */
  contactIds: string[];
}

export function surveyActivities({ db }: ActivityDeps) {
  return {
    /** Creates one of the session's survey cycles (IV 10 (a) or (b)), or returns the one a previous attempt created. */
    async openSurveyCycle(input: OpenCycleInput): Promise<{ cycleId: string }> {
      return openSurveyCycle(db, input);
    },

    /** The session moved: the survey closes on the new date, and the personal links expire with it. */
    async moveSurveyClose({ cycleId, closesAt }: { cycleId: string; closesAt: string }): Promise<void> {
      await moveSurveyClose(db, { cycleId, closesAt });
    },

    /** See services/cycles.ts finalCloseInstant. */
    async finalCloseInstant({ cycleId }: { cycleId: string }): Promise<{ until: string }> {
      return { until: (await finalCloseInstant(db, cycleId)).toISOString() };
    },

    /**
     * The coordinator closed the survey early: links stop, except those of extensions still running. Idempotent (the
     * console has usually recorded it already, before signalling the cycle).
     */
    async closeSurveyEarly({ cycleId, closedBy }: { cycleId: string; closedBy: string }): Promise<{ until: string }> {
      await closeSurveyEarly(db, { cycleId, closedBy });
      return { until: (await finalCloseInstant(db, cycleId)).toISOString() };
    },

    /** Closes the cycle (links stop working) and counts the submissions. Idempotent. */
    async closeSurveyCycle({
      cycleId,
      closedBy,
    }: {
      cycleId: string;
      closedBy: string;
    }): Promise<{ submitted: number }> {
      return closeSurveyCycle(db, { cycleId, closedBy });
    },
  };
}

import { closeSurveyCycle, moveSurveyClose, openSurveyCycle } from '../services/cycles';
import type { OpenCycleInput } from '../services/cycles';
import type { ActivityDeps } from './deps';

const DAY_MS = 24 * 60 * 60 * 1000;

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

    /**
     * When the cycle may close for good: the close plus the grace window, or the latest personal extension if that
     * is later. Read afresh each time, so an extension granted meanwhile counts.
     */
    async finalCloseInstant({ cycleId }: { cycleId: string }): Promise<{ until: string }> {
      const cycle = await db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
      const latest = await db.invitation.aggregate({
        where: { cycleId, revokedAt: null },
        _max: { extendedUntil: true },
      });
      const grace = cycle.closesAt.getTime() + cycle.graceDays * DAY_MS;
      const until = Math.max(grace, latest._max.extendedUntil?.getTime() ?? 0);
      return { until: new Date(until).toISOString() };
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

import { REPLY_STATUSES } from '../domain/reply-states';
import { recordAudit } from '../services/audit';
import { currentQuestionnaire } from '../services/questionnaires';
import type { ActivityDeps } from './deps';

const DAY_MS = 24 * 60 * 60 * 1000;

export const SURVEYED_TYPES = {
  SYSTEM_WIDE: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE'],
  IGO_NGO: ['IGO', 'NGO'],
} as const;

/** The organisations a cycle surveys: those of its types, within its roster selection if it has one. */
export function surveyedBy(cycle: { kind: 'SYSTEM_WIDE' | 'IGO_NGO'; selection: string[] }) {
  return {
    type: { in: [...SURVEYED_TYPES[cycle.kind]] },
    ...(cycle.selection.length > 0 ? { code: { in: cycle.selection } } : {}),
  };
}

export function surveyActivities({ db }: ActivityDeps) {
  return {
    /** Creates one of the session's survey cycles (IV 10 (a) or (b)), or returns the one a previous attempt created. */
    async openSurveyCycle(input: {
      sessionId: string;
      closesAt: string;
      workflowId: string;
      /** The system-wide survey (IV 10 (a)) unless named. */
      kind?: 'SYSTEM_WIDE' | 'IGO_NGO';
      /** The reminder schedule and grace window chosen at launch (the defaults of the table otherwise). */
      reminderDaysBefore?: number[];
      graceDays?: number;
      /** The roster selection (organisation codes); absent: every organisation of the survey's types. */
      organisationCodes?: string[];
    }): Promise<{ cycleId: string }> {
      return db.$transaction(async (tx) => {
        const kind = input.kind ?? 'SYSTEM_WIDE';
        const existing = await tx.surveyCycle.findUnique({
          where: { sessionId_kind: { sessionId: input.sessionId, kind } },
        });
        if (existing) return { cycleId: existing.id };
        // The cycle asks the questionnaire version current at launch, whatever versions come later.
        const { id: questionnaireId } = await currentQuestionnaire(tx, kind);
        const cycle = await tx.surveyCycle.create({
          data: {
            sessionId: input.sessionId,
            kind,
            questionnaireId,
            opensAt: new Date(),
            closesAt: new Date(input.closesAt),
            workflowId: input.workflowId,
            ...(input.reminderDaysBefore ? { reminderDaysBefore: input.reminderDaysBefore } : {}),
            ...(input.graceDays !== undefined ? { graceDays: input.graceDays } : {}),
            ...(input.organisationCodes ? { selection: input.organisationCodes } : {}),
          },
        });
        await recordAudit(tx, {
          actor: 'workflow',
          action: 'cycle.open',
          entity: 'SurveyCycle',
          entityId: cycle.id,
          details: { closesAt: input.closesAt },
        });
        return { cycleId: cycle.id };
      });
    },

    /** The session moved: the survey closes on the new date, and the personal links expire with it. */
    async moveSurveyClose({ cycleId, closesAt }: { cycleId: string; closesAt: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const moved = await tx.surveyCycle.updateMany({
          where: { id: cycleId, status: 'OPEN' },
          data: { closesAt: new Date(closesAt) },
        });
        if (moved.count === 0) return;
        await tx.invitation.updateMany({
          where: { cycleId, revokedAt: null },
          data: { expiresAt: new Date(closesAt) },
        });
        await recordAudit(tx, {
          actor: 'workflow',
          action: 'cycle.move-close',
          entity: 'SurveyCycle',
          entityId: cycleId,
          details: { closesAt },
        });
      });
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
      return db.$transaction(async (tx) => {
        const closed = await tx.surveyCycle.updateMany({
          where: { id: cycleId, status: 'OPEN' },
          data: { status: 'CLOSED', closedAt: new Date() },
        });
        if (closed.count > 0)
          await recordAudit(tx, { actor: closedBy, action: 'cycle.close', entity: 'SurveyCycle', entityId: cycleId });
        // Replies that count (domain/reply-states COUNTS_AS_REPLY): submissions and nil returns, not declines.
        const submitted = await tx.response.count({ where: { cycleId, status: { in: REPLY_STATUSES } } });
        return { submitted };
      });
    },
  };
}

/**
 * Fleet-wide recurring jobs are Temporal Schedules created by the client, not cron in a worker (house style).
 * Creating is idempotent: an existing schedule is left as it is, so operators may have paused or retimed it.
 */
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { chiefDigestWorkflow, weeklyDigestWorkflow } from '../workflows';

export const WEEKLY_DIGEST_SCHEDULE_ID = 'weekly-digest';

/** Mondays at 06:00 UTC, before the working day in Vienna and New York. */
export async function ensureWeeklyDigestSchedule(temporal: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await temporal.schedule.create({
      scheduleId: WEEKLY_DIGEST_SCHEDULE_ID,
      spec: { calendars: [{ dayOfWeek: 'MONDAY', hour: 6, minute: 0 }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'weeklyDigestWorkflow' satisfies typeof weeklyDigestWorkflow.name,
        taskQueue,
        args: [],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}

export const CHIEF_DIGEST_SCHEDULE_ID = 'chief-digest';

/**
 * Every day at 06:00 UTC: the chief's digest of sessions at risk. It sends only when CHIEF_ESCALATION=digest (the
 * worker's setting), so the schedule can exist in either mode.
 */
export async function ensureChiefDigestSchedule(temporal: Client, taskQueue: string): Promise<'created' | 'exists'> {
  try {
    await temporal.schedule.create({
      scheduleId: CHIEF_DIGEST_SCHEDULE_ID,
      spec: { calendars: [{ hour: 6, minute: 0 }] },
      action: {
        type: 'startWorkflow',
        workflowType: 'chiefDigestWorkflow' satisfies typeof chiefDigestWorkflow.name,
        taskQueue,
        args: [],
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
    });
    return 'created';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'exists';
    throw error;
  }
}

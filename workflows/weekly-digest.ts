import { proxyActivities } from '@temporalio/workflow';
import type { createActivities } from '../activities';

type Activities = ReturnType<typeof createActivities>;

const mail = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { maximumInterval: '10 minutes' },
});

/**
 * One weekly digest of deadlines to the managers. Started by the `weekly-digest` Schedule (client/schedules.ts), not by
 * a timer loop, so that the cadence can be paused or changed without touching running workflows.
 */
export async function weeklyDigestWorkflow(): ReturnType<Activities['sendWeeklyDigest']> {
  const weekOf = new Date().toISOString().slice(0, 10);
  return mail.sendWeeklyDigest({ weekOf });
}

/**
 * The chief's daily digest of sessions at risk (CHIEF_ESCALATION=digest; in daily mode the activity sends nothing).
 * Started by the `chief-digest` Schedule (client/schedules.ts). The instant is the workflow's start, so a retried
 * activity lists the same day.
 */
export async function chiefDigestWorkflow(): ReturnType<Activities['sendChiefDigest']> {
  return mail.sendChiefDigest({ at: new Date().toISOString() });
}

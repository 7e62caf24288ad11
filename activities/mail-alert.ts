/**
 * The e-mail alert (F3): raised by a survey cycle whose page of invitations or reminders has waited longer than the
 * alert delay for the mail server, cleared when the page gets through. It is shown on the managers' dashboard with
 * the backlog, not e-mailed: the mail server is what is down.
 */
import { log } from '@temporalio/activity';
import { clearMailAlert, raiseMailAlert } from '../services/cycles';
import type { ActivityDeps } from './deps';

export function mailAlertActivities({ db }: ActivityDeps) {
  return {
    /** Idempotent: a retried or repeated raise keeps the first moment and writes one audit event. */
    async raiseMailAlert({ cycleId, waitingSince }: { cycleId: string; waitingSince: string }): Promise<void> {
      const alert = await raiseMailAlert(db, { cycleId, waitingSince });
      if (!alert.raised) return;
      log.warn('E-mails of a survey cycle have waited for the mail server past the alert delay', {
        cycleId,
        waitingSince,
        retrying: alert.retrying,
      });
    },

    async clearMailAlert({ cycleId }: { cycleId: string }): Promise<void> {
      await clearMailAlert(db, { cycleId });
    },
  };
}

/**
 * The e-mail alert (F3): raised by a survey cycle whose page of invitations or reminders has waited longer than the
 * alert delay for the mail server, cleared when the page gets through. It is shown on the managers' dashboard with
 * the backlog, not e-mailed: the mail server is what is down.
 */
import { log } from '@temporalio/activity';
import { recordAudit } from '../services/audit';
import type { ActivityDeps } from './deps';

export function mailAlertActivities({ db }: ActivityDeps) {
  return {
    /** Idempotent: a retried or repeated raise keeps the first moment and writes one audit event. */
    async raiseMailAlert({ cycleId, waitingSince }: { cycleId: string; waitingSince: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const raised = await tx.surveyCycle.updateMany({
          where: { id: cycleId, mailAlertSince: null },
          data: { mailAlertSince: new Date(waitingSince) },
        });
        if (raised.count === 0) return;
        const backlog = await tx.emailMessage.count({ where: { status: 'RETRYING' } });
        await recordAudit(tx, {
          actor: 'workflow',
          action: 'mail.alert-raised',
          entity: 'SurveyCycle',
          entityId: cycleId,
          details: { waitingSince, retrying: backlog },
        });
        log.warn('E-mails of a survey cycle have waited for the mail server past the alert delay', {
          cycleId,
          waitingSince,
          retrying: backlog,
        });
      });
    },

    async clearMailAlert({ cycleId }: { cycleId: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const cleared = await tx.surveyCycle.updateMany({
          where: { id: cycleId, mailAlertSince: { not: null } },
          data: { mailAlertSince: null },
        });
        if (cleared.count === 0) return;
        await recordAudit(tx, {
          actor: 'workflow',
          action: 'mail.alert-cleared',
          entity: 'SurveyCycle',
          entityId: cycleId,
        });
      });
    },
  };
}

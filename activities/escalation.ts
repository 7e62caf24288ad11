import { planDeadlines } from '../domain/deadlines';
import type { EscalationLevel } from '../domain/escalation';
import { sessionTitle, unDate } from '../domain/symbols';
import { recordAudit } from '../services/audit';
import type { ActivityDeps } from './deps';
import { deliveryOutcome } from './invitations';
import { formatDate, renderMail } from './mail/render';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface EscalationInput {
  sessionId: string;
  checkpoint: string;
  level: EscalationLevel;
  reason: string;
  /** A re-planned session escalates again at its new checkpoints. */
  planVersion: number;
}

export function escalationActivities({ db, mailer, publicBaseUrl, chiefEmail }: ActivityDeps) {
  /** Owner: the coordinators; manager: the managers; chief: the managers and the chief. */
  async function recipients(level: EscalationLevel): Promise<{ name: string; email: string }[]> {
    const roles = level === 'owner' ? (['COORDINATOR'] as const) : (['MANAGER'] as const);
    const users = await db.user.findMany({ where: { role: { in: [...roles] } }, orderBy: { email: 'asc' } });
    const people = users.map((u) => ({ name: u.name, email: u.email }));
    return level === 'chief' ? [...people, { name: 'Chief of the Secretariat', email: chiefEmail }] : people;
  }

  return {
    /** E-mails the people at this level of the ladder that the IV 11 deadline is at risk, and why. Audited. */
    async escalate(input: EscalationInput): Promise<number> {
      const session = await db.session.findUniqueOrThrow({ where: { id: input.sessionId } });
      const openingDate = session.openingDate.toISOString().slice(0, 10);
      const deadline = planDeadlines(openingDate)['dispatch-deadline'].dueAt;
      await db.$transaction((tx) =>
        recordAudit(tx, {
          actor: 'workflow',
          action: 'deadline.escalate',
          entity: 'Session',
          entityId: session.id,
          details: { checkpoint: input.checkpoint, level: input.level, reason: input.reason },
        }),
      );
      let delivered = 0;
      for (const person of await recipients(input.level)) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: `escalation:${session.id}:v${input.planVersion}:${input.checkpoint}:${person.email}`,
            kind: 'escalation',
            compose: () => {
              const body = renderMail('escalation', {
                recipientName: person.name,
                sessionTitle: sessionTitle(session.number),
                dispatchDeadline: formatDate(deadline),
                openingDate: unDate(session.openingDate),
                daysLeft: Math.max(0, Math.ceil((Date.parse(deadline) - Date.now()) / DAY_MS)),
                checkpoint: input.checkpoint,
                level: input.level,
                reason: input.reason,
                dashboardUrl: `${publicBaseUrl}/dashboard`,
              });
              const subject =
                input.checkpoint === 'breach'
                  ? `Deadline missed: report to Governments for session ${session.number}`
                  : `At risk: report to Governments for session ${session.number} due ${formatDate(deadline)}`;
              return Promise.resolve({ to: person.email, subject, ...body });
            },
          }),
        );
        if (outcome === 'delivered') delivered += 1;
      }
      return delivered;
    },
  };
}

import type { EscalationLevel } from '../domain/escalation';
import { sessionTitle, unDate } from '../domain/symbols';
import { recordAuditEvent } from '../services/audit';
import type { ActivityDeps } from './deps';
import { deliveryOutcome } from './invitations';
import { formatDate, renderMail } from './mail/render';
import { recordedDueRule } from '../services/obligations';
import { readDeadline } from '../services/session-plan';
import { mailKey } from '../services/mail-ledger/keys';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface EscalationInput {
  sessionId: string;
  checkpoint: string;
  level: EscalationLevel;
  reason: string;
  /** A re-planned session escalates again at its new checkpoints. */
  planVersion: number;
}

export interface ObligationEscalationInput {
  sessionObligationId: string;
  checkpoint: string;
  level: EscalationLevel;
  /** The due instant the checkpoint counts from: a moved deadline escalates again at its new checkpoints. */
  dueAt: string;
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
      const deadline = (await readDeadline(db, session.id, 'dispatch-deadline')).dueAt;
      await recordAuditEvent(db, {
        actor: 'workflow',
        action: 'deadline.escalate',
        entity: 'Session',
        entityId: session.id,
        details: { checkpoint: input.checkpoint, level: input.level, reason: input.reason },
      });
      let delivered = 0;
      for (const person of await recipients(input.level)) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: mailKey.escalation(session.id, input.planVersion, input.checkpoint, person.email),
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

    /** E-mails the people at this level that a reporting obligation is not yet met, citing its rule. Audited. */
    async escalateObligation(input: ObligationEscalationInput): Promise<number> {
      const row = await db.sessionObligation.findUniqueOrThrow({
        where: { id: input.sessionObligationId },
        include: { obligation: true, session: true },
      });
      if (row.status === 'MET') return 0; // met since the workflow looked: nothing to chase
      const rule = recordedDueRule(row);
      await recordAuditEvent(db, {
        actor: 'workflow',
        action: 'obligation.escalate',
        entity: 'SessionObligation',
        entityId: row.id,
        details: { checkpoint: input.checkpoint, level: input.level, dueAt: input.dueAt },
      });
      let delivered = 0;
      for (const person of await recipients(input.level)) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: mailKey.obligationEscalation(row.id, input.dueAt, input.checkpoint, person.email),
            kind: 'escalation',
            compose: () => {
              const body = renderMail('obligation-escalation', {
                recipientName: person.name,
                sessionTitle: sessionTitle(row.session.number),
                mandate: row.obligation.mandate,
                title: row.obligation.title,
                documentType: row.obligation.documentType,
                ownerUnit: row.obligation.ownerUnit,
                dueDate: formatDate(input.dueAt),
                ruleName: rule.name,
                ruleCitation: rule.citation,
                daysLeft: Math.max(0, Math.ceil((Date.parse(input.dueAt) - Date.now()) / DAY_MS)),
                checkpoint: input.checkpoint,
                level: input.level,
                dashboardUrl: `${publicBaseUrl}/dashboard`,
              });
              const subject =
                input.checkpoint === 'breach'
                  ? `Deadline missed: ${row.obligation.mandate} for session ${row.session.number}`
                  : `Due ${formatDate(input.dueAt)}: ${row.obligation.mandate} for session ${row.session.number}`;
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

import { Context } from '@temporalio/activity';
import type { EscalationLevel } from '../domain/escalation';
import { DEFAULT_LADDER, FORECAST_RUNG, levelReached } from '../domain/escalation';
import { sessionTitle, unDate } from '../domain/symbols';
import { recordAuditEvent } from '../services/audit';
import type { ActivityDeps } from './deps';
import { deliveryOutcome } from './invitations';
import { formatDate, renderMail } from './mail/render';
import { recordedDueRule } from '../services/obligations';
import { forecastRiskReason } from '../services/forecast';
import { sessionRiskNow } from '../services/preparation-facts';
import { mailKey } from '../services/mail-ledger/keys';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How the chief hears about sessions at risk: one e-mail per session per rung, or one digest a day for them all. */
export type ChiefEscalation = 'daily' | 'digest';

export interface EscalationInput {
  sessionId: string;
  /** The rung (domain/escalation.ts `escalationRung`): the highest checkpoint reached. */
  checkpoint: string;
  level: EscalationLevel;
  /** The risk the workflow saw when it asked (its view may be behind the database): audited, never sent. */
  workflowSaw?: string;
}

/** What the activity found when it was about to send: the risk it named and how many were e-mailed, or none. */
export type EscalationOutcome = { escalated: true; reason: string; delivered: number } | { escalated: false };

export interface ChiefDigestSummary {
  mode: ChiefEscalation;
  sessions: number;
  delivered: number;
}

export interface ObligationEscalationInput {
  sessionObligationId: string;
  checkpoint: string;
  level: EscalationLevel;
  /** The due instant the checkpoint counts from: a moved deadline escalates again at its new checkpoints. */
  dueAt: string;
}

/**
 * The instant the activity acts at: when Temporal scheduled this attempt (the server's clock, which the time-skipping
 * test server moves; in production the moment the attempt began). Outside an activity, the machine's clock.
 */
function actingNow(): number {
  try {
    return Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    return Date.now();
  }
}

export function escalationActivities({
  db,
  mailer,
  publicBaseUrl,
  chiefEmail,
  chiefEscalation = 'daily',
}: ActivityDeps) {
  const chief = { name: 'Chief of the Secretariat', email: chiefEmail };

  /** Owner: the coordinators; manager: the managers; chief: the managers and the chief (unless the chief has the digest). */
  async function recipients(level: EscalationLevel): Promise<{ name: string; email: string }[]> {
    const roles = level === 'owner' ? (['COORDINATOR'] as const) : (['MANAGER'] as const);
    const users = await db.user.findMany({ where: { role: { in: [...roles] } }, orderBy: { email: 'asc' } });
    const people = users.map((u) => ({ name: u.name, email: u.email }));
    return level === 'chief' && chiefEscalation === 'daily' ? [...people, chief] : people;
  }

  return {
    /**
     * E-mails the people at this level of the ladder that the IV 11 deadline is at risk, and why. Whether it still is,
     * and why, is decided here from the database at send time (never by the workflow, which may be behind it): when
     * the risk has gone, nothing is sent and the audit trail says so. One e-mail per rung and person (its ledger key).
     */
    async escalate(input: EscalationInput): Promise<EscalationOutcome> {
      const now = actingNow();
      const session = await db.session.findUniqueOrThrow({ where: { id: input.sessionId } });
      const onForecast = input.checkpoint === FORECAST_RUNG.checkpoint;
      const facts = await sessionRiskNow(db, session.id, now);
      const { plan, stage } = facts;
      // The forecast's rung speaks on the forecast's risk; a week it sees none is not worth an audit line.
      const reason = onForecast ? await forecastRiskReason(db, session, new Date(now)) : facts.reason;
      const deadline = plan['dispatch-deadline'].dueAt;
      if (onForecast && reason === undefined) return { escalated: false };
      if (reason === undefined) {
        await recordAuditEvent(db, {
          actor: 'workflow',
          action: 'deadline.escalation-withdrawn',
          entity: 'Session',
          entityId: session.id,
          details: {
            checkpoint: input.checkpoint,
            level: input.level,
            stage,
            workflowSaw: input.workflowSaw,
            why: 'the risk no longer holds: nothing sent',
          },
        });
        return { escalated: false };
      }
      await recordAuditEvent(db, {
        actor: 'workflow',
        action: 'deadline.escalate',
        entity: 'Session',
        entityId: session.id,
        details: {
          checkpoint: input.checkpoint,
          level: input.level,
          reason,
          ...(input.level === 'chief' && chiefEscalation === 'digest' ? { chief: 'in the daily digest' } : {}),
        },
      });
      let delivered = 0;
      for (const person of await recipients(input.level)) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: mailKey.escalation(session.id, input.checkpoint, person.email),
            kind: 'escalation',
            compose: () => {
              const body = renderMail('escalation', {
                recipientName: person.name,
                sessionTitle: sessionTitle(session.number),
                dispatchDeadline: formatDate(deadline),
                openingDate: unDate(session.openingDate),
                daysLeft: Math.max(0, Math.ceil((Date.parse(deadline) - now) / DAY_MS)),
                checkpoint: input.checkpoint,
                level: input.level,
                reason,
                dashboardUrl: `${publicBaseUrl}/dashboard`,
              });
              const subject =
                input.checkpoint === 'breach'
                  ? `Deadline missed: report to Governments for session ${session.number}`
                  : `${onForecast ? 'Forecast at risk' : 'At risk'}: report to Governments for session ${session.number} due ${formatDate(deadline)}`;
              return Promise.resolve({ to: person.email, subject, ...body });
            },
          }),
        );
        if (outcome === 'delivered') delivered += 1;
      }
      return { escalated: true, reason, delivered };
    },

    /**
     * CHIEF_ESCALATION=digest: one e-mail to the chief for the day, listing every session whose dispatch deadline has
     * reached the chief's part of the ladder (or passed) and is at risk, each with the reason that holds now. Nothing
     * when no session is at risk, or in daily mode (the chief is then on each session's escalations).
     */
    async sendChiefDigest({ at }: { at: string }): Promise<ChiefDigestSummary> {
      if (chiefEscalation !== 'digest') return { mode: chiefEscalation, sessions: 0, delivered: 0 };
      const now = Date.parse(at);
      const day = at.slice(0, 10);
      const sessions = await db.session.findMany({ orderBy: [{ number: 'asc' }, { kind: 'asc' }] });
      const atRisk: { session: number; deadline: string; checkpoint: string; reason: string }[] = [];
      for (const session of sessions) {
        const { plan, reason } = await sessionRiskNow(db, session.id, now);
        if (reason === undefined) continue;
        const reached = levelReached(Date.parse(plan['dispatch-deadline'].dueAt), now, DEFAULT_LADDER);
        if (reached?.level !== 'chief') continue;
        atRisk.push({
          session: session.number,
          deadline: formatDate(plan['dispatch-deadline'].dueAt),
          checkpoint: reached.id,
          reason,
        });
      }
      if (atRisk.length === 0) return { mode: chiefEscalation, sessions: 0, delivered: 0 };
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey: mailKey.chiefDigest(day, chief.email),
          kind: 'escalation',
          compose: () => {
            const body = renderMail('chief-digest', {
              recipientName: chief.name,
              day: formatDate(at),
              sessions: atRisk,
              dashboardUrl: `${publicBaseUrl}/dashboard`,
            });
            const subject = `At risk today: ${atRisk.length} session(s) may miss the report to Governments`;
            return Promise.resolve({ to: chief.email, subject, ...body });
          },
        }),
      );
      return { mode: chiefEscalation, sessions: atRisk.length, delivered: outcome === 'delivered' ? 1 : 0 };
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

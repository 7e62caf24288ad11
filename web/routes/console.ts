/** The coordinator console: sessions, survey launch and early close, per-organisation status. */
import type { FastifyInstance } from 'fastify';
import {
  closeSurveyEarly,
  getPreparationStatus,
  launchPreparation,
  remindNow,
  rescheduleSession,
} from '../../client/preparation';
import { createSession, getSessionByNumber, listSessions } from '../../services/sessions';
import { preparationDeps, workflowUrl } from '../server';
import type { WebDeps } from '../server';
import { COORDINATOR_ONLY, STAFF } from '../auth';
import { render } from '../views';

export function registerConsoleRoutes(app: FastifyInstance, deps: WebDeps): void {
  const prep = preparationDeps(deps);

  app.get<{ Querystring: { flash?: string } }>('/console', { config: STAFF }, async (request, reply) => {
    const sessions = await listSessions(deps.db);
    const rows = await Promise.all(
      sessions.map(async (s) => {
        const status = await getPreparationStatus(prep, s.number);
        return { ...s, launched: status.launched, stage: status.preparation?.stage ?? 'not launched' };
      }),
    );
    return render(reply, 'console', {
      user: request.user,
      csrf: reply.generateCsrf(),
      sessions: rows,
      canLaunch: request.user?.role === 'COORDINATOR',
      flash: request.query.flash,
    });
  });

  app.post('/console/sessions', { config: COORDINATOR_ONLY }, async (request, reply) => {
    const session = await createSession(deps.db, request.body, request.user!.email);
    return reply.redirect(`/console?flash=${encodeURIComponent(`Session ${session.number} created.`)}`);
  });

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/launch',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      await launchPreparation(prep, Number(request.params.number), request.user!.email);
      return reply.redirect(
        `/console?flash=${encodeURIComponent(`Survey for session ${request.params.number} launched.`)}`,
      );
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/close-survey',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      await closeSurveyEarly(prep, Number(request.params.number), request.user!.email);
      return reply.redirect(
        `/console?flash=${encodeURIComponent(`Survey of session ${request.params.number} is closing.`)}`,
      );
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/remind',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      await remindNow(prep, number, request.user!.email);
      return reply.redirect(
        `/console/sessions/${number}?flash=${encodeURIComponent('Reminders are being sent to every organisation that has not replied.')}`,
      );
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/dates',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const moved = await rescheduleSession(prep, number, request.body, request.user!.email);
      const summary = moved.length
        ? `Session ${number} moved; re-planned: ${moved.map((m) => `${m.key} ${m.from.slice(0, 10)} → ${m.to.slice(0, 10)}`).join('; ')}.`
        : `Session ${number} moved.`;
      return reply.redirect(`/console/sessions/${number}?flash=${encodeURIComponent(summary)}`);
    },
  );

  app.get<{ Params: { number: string }; Querystring: { flash?: string } }>(
    '/console/sessions/:number',
    { config: STAFF },
    async (request, reply) => {
      const session = await getSessionByNumber(deps.db, Number(request.params.number));
      const status = await getPreparationStatus(prep, session.number);
      const cycle = await deps.db.surveyCycle.findUnique({
        where: { sessionId_kind: { sessionId: session.id, kind: 'SYSTEM_WIDE' } },
        include: { invitations: { include: { organisation: true, contact: true } }, responses: true },
      });
      const ledger = cycle
        ? await deps.db.emailMessage.findMany({
            where: { businessKey: { startsWith: `invitation:${cycle.id}:` } },
            select: { businessKey: true, status: true },
          })
        : [];
      const deliveryByContact = new Map(ledger.map((m) => [m.businessKey.split(':')[2], m.status]));
      const responseByOrg = new Map((cycle?.responses ?? []).map((r) => [r.organisationId, r]));
      const rows = (cycle?.invitations ?? [])
        .map((i) => {
          const response = responseByOrg.get(i.organisationId);
          return {
            organisation: i.organisation.name,
            type: i.organisation.type,
            contact: `${i.contact.name} <${i.contact.email}>${i.contact.bouncedAt ? ' (bounced)' : ''}`,
            delivery: (deliveryByContact.get(i.contactId) ?? 'pending').toLowerCase(),
            response: response
              ? response.status === 'DRAFT'
                ? 'in progress'
                : `${response.status === 'NIL_RETURN' ? 'nil return' : 'submitted'} ${response.submittedAt?.toISOString().slice(0, 10)}`
              : i.startedAt
                ? 'opened'
                : '—',
          };
        })
        .sort((a, b) => a.organisation.localeCompare(b.organisation));
      return render(reply, 'console-session', {
        user: request.user,
        csrf: reply.generateCsrf(),
        session,
        stage: status.preparation?.stage ?? 'not launched',
        workflowUrl: status.launched ? workflowUrl(deps, status.workflowId) : undefined,
        cycle: cycle ? { status: cycle.status, closesAt: cycle.closesAt.toISOString().slice(0, 10) } : undefined,
        rows,
        submittedCount: (cycle?.responses ?? []).filter((r) => r.status !== 'DRAFT').length,
        canMove:
          request.user?.role === 'COORDINATOR' &&
          status.preparation?.stage !== 'done' &&
          status.preparation?.stage !== 'dispatching',
        flash: request.query.flash,
      });
    },
  );
}

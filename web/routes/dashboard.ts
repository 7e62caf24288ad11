/** The manager dashboard: every session's deadlines with their rules and states, approval, dispatch, documents. */
import { createReadStream } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { approveReport, getPreparationStatus } from '../../client/preparation';
import { DEADLINE_RULES, planDeadlines } from '../../domain/deadlines';
import { NotFoundError } from '../../services/errors';
import { listSessionObligations } from '../../services/obligations';
import { listSessions } from '../../services/sessions';
import { markObligationMet } from '../../client/obligations';
import { preparationDeps, workflowUrl } from '../server';
import type { WebDeps } from '../server';
import { MANAGER_ONLY, STAFF } from '../auth';
import { render } from '../views';
import { calendarKey } from './calendar';

export function registerDashboardRoutes(app: FastifyInstance, deps: WebDeps): void {
  const prep = preparationDeps(deps);

  app.get<{ Querystring: { flash?: string } }>('/dashboard', { config: STAFF }, async (request, reply) => {
    const sessions = await listSessions(deps.db);
    const views = await Promise.all(
      sessions.map(async (s) => {
        if (s.kind === 'RECONVENED') return { ...s, reconvened: true };
        const status = await getPreparationStatus(prep, s.number);
        const preview = planDeadlines(s.openingDate);
        return {
          ...s,
          stage: status.preparation?.stage ?? 'not launched',
          // Before launch the plan is a preview computed by the same rules.
          plan:
            status.preparation?.plan ??
            DEADLINE_RULES.map((r) => ({ ...preview[r.key], state: 'planned' })).sort((a, b) =>
              a.dueAt.localeCompare(b.dueAt),
            ),
          report: status.preparation?.report,
          agenda: status.preparation?.agenda,
          proof: status.preparation?.proof,
          risk: status.preparation?.risk,
          escalations: status.preparation?.escalations ?? [],
          dispatch: status.preparation?.dispatch,
          workflowUrl: status.launched ? workflowUrl(deps, status.workflowId) : undefined,
          obligations: (await listSessionObligations(deps.db, s.number)).map((o) => ({
            ...o,
            workflowUrl: status.launched ? workflowUrl(deps, o.workflowId) : undefined,
          })),
        };
      }),
    );
    return render(reply, 'dashboard', {
      user: request.user,
      csrf: reply.generateCsrf(),
      sessions: views,
      canApprove: request.user?.role === 'MANAGER',
      calendarUrl: `${deps.config.web.publicBaseUrl}/calendar.ics?key=${calendarKey(deps.config.web.sessionSecret)}`,
      flash: request.query.flash,
    });
  });

  app.get('/api/sessions/:number/preparation', { config: STAFF }, async (request) => {
    const { number } = request.params as { number: string };
    return getPreparationStatus(prep, Number(number));
  });

  app.post<{ Params: { number: string } }>(
    '/dashboard/sessions/:number/approve',
    { config: MANAGER_ONLY },
    async (request, reply) => {
      const approved = await approveReport(prep, Number(request.params.number), request.user!.email);
      return reply.redirect(
        `/dashboard?flash=${encodeURIComponent(`${approved.symbol} approved; dispatch to Governments has started.`)}`,
      );
    },
  );

  app.post<{ Params: { number: string; code: string }; Body: { documentSymbol?: string } }>(
    '/dashboard/sessions/:number/obligations/:code/met',
    { config: STAFF },
    async (request, reply) => {
      const { number, code } = request.params;
      await markObligationMet(prep, Number(number), code, request.body, request.user!.email);
      return reply.redirect(`/dashboard?flash=${encodeURIComponent(`Obligation ${code} recorded as met.`)}`);
    },
  );

  app.get<{ Params: { id: string } }>('/documents/:id', { config: STAFF }, async (request, reply) => {
    const document = await deps.db.document.findFirst({ where: { id: request.params.id } });
    if (!document) throw new NotFoundError('No such document');
    return reply
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .header(
        'content-disposition',
        `attachment; filename="${document.symbol.replace(/\//g, '_')}-v${document.version}.docx"`,
      )
      .send(createReadStream(document.filePath));
  });
}

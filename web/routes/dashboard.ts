/** The manager dashboard: every session's deadlines with their rules and states, approval, dispatch, documents. */
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { approveReport, rejectReport, reviseReport } from '../../client/preparation';
import { NotFoundError } from '../../services/errors';
import { MAX_OPTIONS, deleteReportOption, saveReportOption } from '../../services/report-options';
import { resetLatenessFootnote, saveLatenessFootnote } from '../../services/report-footnote';
import { listSessions } from '../../services/session-lookup';
import { markObligationMet } from '../../client/obligations';
import { preparationDeps, workflowUrl } from '../deps';
import type { WebDeps } from '../deps';
import { MANAGER_ONLY, STAFF, formToken } from '../auth';
import { render } from '../views';
import { calendarKey } from './calendar';
import { sessionDashboard } from './dashboard-view';
import { loadRehearsal } from '../../client/rehearsal/store';
import { mailBacklog } from '../../services/mail-backlog';

function back(reply: FastifyReply, flash: string): FastifyReply {
  return reply.redirect(`/dashboard?flash=${encodeURIComponent(flash)}`);
}

export function registerDashboardRoutes(app: FastifyInstance, deps: WebDeps): void {
  const prep = preparationDeps(deps);

  app.get<{ Querystring: { flash?: string } }>('/dashboard', { config: STAFF }, async (request, reply) => {
    const sessions = await listSessions(deps.db);
    const views = await Promise.all(
      sessions.map((s) =>
        s.kind === 'RECONVENED'
          ? Promise.resolve({ ...s, reconvened: true })
          : sessionDashboard(prep, s, (workflowId) => workflowUrl(deps, workflowId)),
      ),
    );
    return render(reply, 'dashboard', {
      user: request.user,
      csrf: formToken(request, reply),
      sessions: views,
      canApprove: request.user?.role === 'MANAGER',
      maxOptions: MAX_OPTIONS,
      mail: await mailBacklog(deps.db),
      calendarUrl: `${deps.config.web.publicBaseUrl}/calendar.ics?key=${calendarKey(deps.config.web.sessionSecret)}`,
      flash: request.query.flash,
    });
  });

  app.post<{ Params: { number: string } }>(
    '/dashboard/sessions/:number/approve',
    { config: MANAGER_ONLY },
    async (request, reply) => {
      const approved = await approveReport(prep, Number(request.params.number), request.user!.email);
      return back(reply, `${approved.symbol} approved; dispatch to Governments has started.`);
    },
  );

  app.post<{ Params: { number: string }; Body: Record<string, string> }>(
    '/dashboard/sessions/:number/reject',
    { config: MANAGER_ONLY },
    async (request, reply) => {
      const { symbol, version } = await rejectReport(
        prep,
        Number(request.params.number),
        request.body,
        request.user!.email,
      );
      return back(reply, `${symbol} version ${version} sent back to staff with your comments.`);
    },
  );

  app.post<{ Params: { number: string } }>(
    '/dashboard/sessions/:number/revise',
    { config: STAFF },
    async (request, reply) => {
      const revised = await reviseReport(prep, Number(request.params.number), request.user!.email);
      return back(reply, `Version ${revised.version} compiled and awaiting approval.`);
    },
  );

  app.post<{ Params: { number: string }; Body: Record<string, string> }>(
    '/dashboard/sessions/:number/options',
    { config: STAFF },
    async (request, reply) => {
      await saveReportOption(deps.db, Number(request.params.number), request.body, request.user!.email);
      return back(reply, `Option ${request.body.position} saved; compile a new version to include it.`);
    },
  );

  app.post<{ Params: { number: string }; Body: Record<string, string> }>(
    '/dashboard/sessions/:number/footnote',
    { config: STAFF },
    async (request, reply) => {
      await saveLatenessFootnote(deps.db, Number(request.params.number), request.body, request.user!.email);
      return back(reply, 'Lateness footnote saved; compile a new version to include it.');
    },
  );

  app.post<{ Params: { number: string } }>(
    '/dashboard/sessions/:number/footnote/reset',
    { config: STAFF },
    async (request, reply) => {
      await resetLatenessFootnote(deps.db, Number(request.params.number), request.user!.email);
      return back(reply, 'Lateness footnote back to the text drafted from the record.');
    },
  );

  app.post<{ Params: { number: string; position: string } }>(
    '/dashboard/sessions/:number/options/:position/delete',
    { config: STAFF },
    async (request, reply) => {
      await deleteReportOption(
        deps.db,
        Number(request.params.number),
        Number(request.params.position),
        request.user!.email,
      );
      return back(reply, `Option ${request.params.position} deleted.`);
    },
  );

  app.post<{ Params: { number: string; code: string }; Body: { documentSymbol?: string } }>(
    '/dashboard/sessions/:number/obligations/:code/met',
    { config: STAFF },
    async (request, reply) => {
      const { number, code } = request.params;
      await markObligationMet(prep, Number(number), code, request.body, request.user!.email);
      return back(reply, `Obligation ${code} recorded as met.`);
    },
  );

  app.get<{ Params: { id: string } }>('/dashboard/rehearsals/:id', { config: STAFF }, async (request, reply) => {
    const rehearsal = /^[0-9a-f-]{36}$/.test(request.params.id)
      ? await loadRehearsal(deps.db, request.params.id)
      : undefined;
    if (!rehearsal) throw new NotFoundError('No such rehearsal');
    return render(reply, 'rehearsal', { user: request.user, csrf: formToken(request, reply), rehearsal });
  });

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

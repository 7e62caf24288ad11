/** The coordinator console: sessions, survey launch and early close, per-organisation status. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { stackedBarChart } from '../../domain/charts';
import { grantExtension, reissueLink, remindOrganisations } from '../../client/cycle';
import { cycleStatus } from '../../services/cycle-status';
import type { CycleStatusFilter, RateBar, SurveyCounts } from '../../services/cycle-status';
import { REPLY_STATES, REPLY_STATE_LABELS } from '../../domain/reply-states';
import { exportResponses } from '../../services/response-export';
import { LANGUAGES, LANGUAGE_NAMES } from '../../domain/i18n';
import { SURVEY_NAMES } from '../../domain/questionnaires';
import type { SurveyKind } from '../../domain/questionnaires';
import {
  ZCloseEarly,
  closeSurveyEarly,
  closedEarlySentence,
  getPreparationStatus,
  launchPreparation,
  remindNow,
} from '../../client/preparation';
import { parseOrThrow } from '../../services/safe-input';
import { RemindedRecentlyError } from '../../services/reminders-on-request';
import { createSession } from '../../services/sessions';
import { getSessionByNumber, listSessions } from '../../services/session-lookup';
import { preparationDeps, workflowUrl } from '../deps';
import type { WebDeps } from '../deps';
import { COORDINATOR_ONLY, STAFF, formToken } from '../auth';
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
      csrf: formToken(request, reply),
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
      await launchPreparation(prep, Number(request.params.number), request.user!.email, new Date(), request.body);
      return reply.redirect(
        `/console?flash=${encodeURIComponent(`Survey for session ${request.params.number} launched.`)}`,
      );
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/close-survey',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const { endExtensions } = parseOrThrow(ZCloseEarly, request.body ?? {});
      const closed = await closeSurveyEarly(prep, number, request.user!.email, undefined, {
        endExtensions: endExtensions === '1',
      });
      return reply.redirect(`/console?flash=${encodeURIComponent(closedEarlySentence(number, closed))}`);
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/remind',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      // Within the window of the last reminder on request nothing is sent: the flash says when the last went.
      const outcome = await remindNow(prep, number, request.user!.email).catch((error: unknown) => {
        if (error instanceof RemindedRecentlyError) return error.message;
        throw error;
      });
      const flash =
        typeof outcome === 'string'
          ? outcome
          : ['Reminders are being sent to every organisation that has not replied.', ...outcome.alreadyReminded].join(
              ' ',
            );
      return reply.redirect(`/console/sessions/${number}?flash=${encodeURIComponent(flash)}`);
    },
  );

  app.get<{ Params: { number: string }; Querystring: CycleStatusFilter & { flash?: string; survey?: string } }>(
    '/console/sessions/:number',
    { config: STAFF },
    async (request, reply) => {
      const session = await getSessionByNumber(deps.db, Number(request.params.number));
      const status = await getPreparationStatus(prep, session.number);
      const { flash, survey: surveyParam, ...filter } = request.query;
      const kind: SurveyKind = surveyParam === 'IGO_NGO' ? 'IGO_NGO' : 'SYSTEM_WIDE';
      const cycle = await deps.db.surveyCycle.findUnique({
        where: { sessionId_kind: { sessionId: session.id, kind } },
      });
      const survey = cycle ? await cycleStatus(deps.db, session.number, filter, kind) : undefined;
      const canAct = request.user?.role === 'COORDINATOR';
      return render(reply, 'console-session', {
        user: request.user,
        csrf: formToken(request, reply),
        session,
        stage: status.preparation?.stage ?? 'not launched',
        workflowUrl: status.launched ? workflowUrl(deps, status.workflowId) : undefined,
        cycle: cycle ? { status: cycle.status, reminderDaysBefore: cycle.reminderDaysBefore } : undefined,
        survey,
        kind,
        surveyNames: SURVEY_NAMES,
        labelLanguages: LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] })),
        filter,
        states: REPLY_STATES.map((value) => ({ value, label: REPLY_STATE_LABELS[value] })),
        charts: survey ? rateCharts(survey.counts) : undefined,
        audit: cycle ? await cycleAuditTrail(deps.db, cycle.id) : [],
        canAct: canAct && cycle?.status === 'OPEN',
        canMove: canAct && status.preparation?.stage !== 'done' && status.preparation?.stage !== 'dispatching',
        flash,
      });
    },
  );

  app.post<{ Params: { number: string }; Body: { organisationId?: string | string[] } }>(
    '/console/sessions/:number/remind-selected',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const ids = request.body.organisationId;
      const count = await remindOrganisations(
        prep,
        number,
        ids === undefined ? [] : Array.isArray(ids) ? ids : [ids],
        request.user!.email,
      );
      return back(reply, number, `Reminding ${count} organisation(s) now (those that replied are skipped).`);
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/extend',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const { until } = await grantExtension(prep, number, request.body, request.user!.email);
      return back(reply, number, `Deadline extended until ${until.slice(0, 10)}.`);
    },
  );

  app.post<{ Params: { number: string; contactId: string } }>(
    '/console/sessions/:number/contacts/:contactId/reissue',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const { email } = await reissueLink(prep, number, request.params.contactId, request.user!.email);
      return back(reply, number, `A new link is being sent to ${email}; the old ones now say they were replaced.`);
    },
  );

  app.get<{ Params: { number: string }; Querystring: { format?: string; language?: string; survey?: string } }>(
    '/console/sessions/:number/replies',
    { config: STAFF },
    async (request, reply) => {
      const format = request.query.format === 'xlsx' ? 'xlsx' : 'csv';
      const kind: SurveyKind = request.query.survey === 'IGO_NGO' ? 'IGO_NGO' : 'SYSTEM_WIDE';
      const file = await exportResponses(deps.db, Number(request.params.number), format, request.query.language, kind);
      return reply
        .type(
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        )
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .send(file.buffer);
    },
  );
}

function back(reply: FastifyReply, number: number, flash: string): FastifyReply {
  return reply.redirect(`/console/sessions/${number}?flash=${encodeURIComponent(flash)}`);
}

/**
 * Response rates as stacked bars: replied and outstanding, by organisation type and region; and the activities
 * reported under each priority theme, as the report counts them (one per theme for the system-wide survey, one per
 * activity row for the IGO/NGO survey).
 */
function rateCharts(rates: SurveyCounts) {
  const series = [
    { label: 'Replied', colour: '#0072B2' },
    { label: 'Not yet', colour: '#E69F00' },
  ];
  const bars = (rows: RateBar[]) => rows.map((r) => ({ label: r.label, values: [r.replied, r.outstanding] }));
  return {
    byType: stackedBarChart({
      title: 'Replies by organisation type',
      series,
      bars: bars(rates.byType),
      format: String,
    }),
    byRegion: stackedBarChart({ title: 'Replies by region', series, bars: bars(rates.byRegion), format: String }),
    byTheme: stackedBarChart({
      title: 'Activities reported, by priority theme',
      series: [{ label: 'Activities', colour: '#0072B2' }],
      bars: rates.byTheme.map((r) => ({ label: r.label, values: [r.activities] })),
      format: String,
    }),
  };
}

/** The cycle's audit trail: what coordinators, respondents and the workflows did, newest first. */
async function cycleAuditTrail(db: WebDeps['db'], cycleId: string) {
  const invitations = await db.invitation.findMany({ where: { cycleId }, select: { id: true, organisationId: true } });
  const events = await db.auditEvent.findMany({
    where: {
      OR: [
        { entity: 'SurveyCycle', entityId: cycleId },
        { entity: 'Invitation', entityId: { in: invitations.map((i) => i.id) } },
        { entity: 'Response', entityId: { startsWith: `${cycleId}:` } },
        { action: 'invitation.extend', entityId: { in: invitations.map((i) => i.organisationId) } },
      ],
    },
    orderBy: { id: 'desc' },
    take: 200,
  });
  return events.map((e) => ({
    at: e.at.toISOString().slice(0, 16).replace('T', ' '),
    actor: e.actor,
    action: e.action,
    details: JSON.stringify(e.details) === '{}' ? '' : JSON.stringify(e.details),
  }));
}

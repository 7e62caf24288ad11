/**
 * Moving a session from the console: the dates form asks for a preview first (what moves, what becomes impossible,
 * who will be told, which choices there are); the coordinator confirms from it, with a choice where one is needed.
 */
import type { FastifyInstance } from 'fastify';
import { SURVEY_NAMES } from '../../domain/questionnaires';
import { LANGUAGE_NAMES } from '../../domain/i18n';
import { previewSessionMove, rescheduleSession } from '../../client/preparation';
import { getSessionByNumber } from '../../services/session-lookup';
import { preparationDeps } from '../deps';
import type { WebDeps } from '../deps';
import { COORDINATOR_ONLY, formToken } from '../auth';
import { render } from '../views';

const CHOICE_NAMES = {
  compress: 'compressed to meet the IV 11 date',
  accept: 'the surveys kept their dates; the IV 11 breach is recorded with the reason given',
} as const;

export function registerConsoleMoveRoutes(app: FastifyInstance, deps: WebDeps): void {
  const prep = preparationDeps(deps);

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/dates/preview',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const session = await getSessionByNumber(deps.db, number);
      const preview = await previewSessionMove(prep, number, request.body);
      return render(reply, 'console-move-preview', {
        user: request.user,
        csrf: formToken(request, reply),
        session,
        preview,
        surveyNames: SURVEY_NAMES,
        languageNames: LANGUAGE_NAMES,
      });
    },
  );

  app.post<{ Params: { number: string } }>(
    '/console/sessions/:number/dates',
    { config: COORDINATOR_ONLY },
    async (request, reply) => {
      const number = Number(request.params.number);
      const { moved, applied } = await rescheduleSession(prep, number, request.body, request.user!.email);
      const how = applied ? ` (${CHOICE_NAMES[applied]})` : '';
      const summary = moved.length
        ? `Session ${number} moved${how}; re-planned: ${moved.map((m) => `${m.label} ${m.from.slice(0, 10)} → ${m.to.slice(0, 10)}`).join('; ')}.`
        : `Session ${number} moved${how}.`;
      return reply.redirect(`/console/sessions/${number}?flash=${encodeURIComponent(summary)}`);
    },
  );
}

/**
 * The respondent's pages, reached only through a personal link (./link.ts resolves it for every route). Opening the
 * link (GET) changes nothing, because mail scanners open links before people do; starting, saving and submitting are
 * POSTs with a CSRF token (checked for every POST in web/server.ts). A closed survey's link shows the reply given
 * (read-only, with its receipt); any other unusable link gets the same neutral page; lookups are rate-limited.
 */
import type { FastifyInstance } from 'fastify';
import { respondentFormScript } from '../../client-bundle';
import type { WebDeps } from '../../deps';
import { registerAttachmentRoutes } from './attachments';
import { registerDelegationRoutes } from './delegation';
import { registerFormRoutes } from './form';
import { registerGivenReplyRoutes } from './given-reply';
import { registerLandingRoutes } from './landing';
import { registerWithoutAnswersRoutes } from './without-answers';
import { refuseSpentGuessingBudget } from './guessing-budget';

export function registerRespondentRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get('/assets/respondent-form.js', async (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await respondentFormScript()),
  );
  // Pages carrying a personal link must not be cached or leak it through the Referer header.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/r/')) {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    }
  });

  // An address that spent its guessing budget is refused on every link route before the link is looked up.
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/r/')) await refuseSpentGuessingBudget(deps.db, request);
  });

  registerLandingRoutes(app, deps);
  registerDelegationRoutes(app, deps);
  registerFormRoutes(app, deps);
  registerAttachmentRoutes(app, deps);
  registerWithoutAnswersRoutes(app, deps);
  registerGivenReplyRoutes(app, deps);
}

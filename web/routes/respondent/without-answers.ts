/** Replying without answering the questionnaire: a nil return (nothing to report) or a decline (will not reply). */
import type { FastifyInstance } from 'fastify';
import { declineResponse, fileNilReturn } from '../../../services/responses';
import type { WebDeps } from '../../deps';
import { LINK_RATE_LIMIT, unusablePage, withLink } from './link';
import type { TokenRoute } from './link';
import { tellTheCycle } from './signals';

export function registerWithoutAnswersRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.post<TokenRoute>(
    '/r/:token/decline',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, { access, base }) => {
      await declineResponse(deps.db, access, request.body);
      request.server.metrics.saved('decline');
      await tellTheCycle(deps, request, access, 'decline');
      return reply.redirect(base, 303);
    }),
  );

  app.post<TokenRoute>(
    '/r/:token/nil',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, { access, base }) => {
      await fileNilReturn(deps.db, access);
      request.server.metrics.saved('nil-return');
      await tellTheCycle(deps, request, access, 'nil return');
      return reply.redirect(base, 303);
    }),
  );
}

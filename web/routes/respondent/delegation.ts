/** Handing sections of the questionnaire to a colleague, and taking them back. */
import type { FastifyInstance } from 'fastify';
import { createDelegation, withdrawDelegation } from '../../../services/delegations';
import type { WebDeps } from '../../deps';
import { LINK_RATE_LIMIT, unusablePage, withLink } from './link';
import type { TokenRoute } from './link';
import { tellTheCycleOfDelegation } from './signals';

export function registerDelegationRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.post<TokenRoute>(
    '/r/:token/delegate',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, { access, base }) => {
      const created = await createDelegation(deps.db, access, request.body);
      await tellTheCycleOfDelegation(deps, request, created);
      return reply.redirect(`${base}?done=delegated`, 303);
    }),
  );

  app.post<TokenRoute & { Params: { delegationId: string } }>(
    '/r/:token/delegations/:delegationId/withdraw',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, { access, base }) => {
      await withdrawDelegation(deps.db, access, request.params.delegationId);
      return reply.redirect(base, 303);
    }),
  );
}

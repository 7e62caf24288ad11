/**
 * The landing page of a personal link, and its one action that is not about the reply itself: no more reminders.
 * Opening the link (GET) changes nothing, because mail scanners open links before people do.
 */
import type { FastifyInstance } from 'fastify';
import { formatDateIn } from '../../../domain/i18n';
import { receiptReference } from '../../../domain/receipt';
import { listDelegations } from '../../../services/delegations';
import { optOutOfReminders } from '../../../services/responses';
import type { WebDeps } from '../../deps';
import { render } from '../../views';
import { LINK_RATE_LIMIT, unusablePage, withLink } from './link';
import type { TokenRoute } from './link';
import { pageView } from './view';
import { formToken } from '../../auth';

export function registerLandingRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.get<TokenRoute & { Querystring: { done?: string } }>(
    '/r/:token',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, link) => {
      const { access } = link;
      const view = pageView(request, reply, link);
      const delegations = access.delegation ? [] : await listDelegations(deps.db, access.invitationId);
      const sectionTitle = new Map(view.questionnaire.sections.map((section) => [section.id, section.title]));
      return render(reply, 'respondent-landing', {
        ...view,
        csrf: formToken(request, reply),
        reference: receiptReference(access.cycleId, access.organisation.id),
        delegations: delegations.map((d) => ({
          id: d.id,
          name: d.delegateName,
          email: d.delegateEmail,
          sections:
            d.sectionIds.length === 0
              ? view.t('respondent.wholeQuestionnaire')
              : d.sectionIds.map((id) => sectionTitle.get(id) ?? id).join('; '),
          until: formatDateIn(view.lang, d.expiresAt),
        })),
        latestDate: access.closesAt.toISOString().slice(0, 10),
        flash:
          request.query.done === 'opted-out'
            ? view.t('respondent.optedOut')
            : request.query.done === 'delegated'
              ? view.t('respondent.delegationSent')
              : undefined,
      });
    }),
  );

  app.post<TokenRoute>(
    '/r/:token/no-reminders',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (_request, reply, { access, base }) => {
      await optOutOfReminders(deps.db, access);
      return reply.redirect(`${base}?done=opted-out`, 303);
    }),
  );
}

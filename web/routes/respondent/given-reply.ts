/**
 * The reply a respondent gave, read-only, and its receipt to download: through the invited contact's own link, while
 * the survey is open and after it has closed (a colleague's link shows neither). Both are GETs and change nothing.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatDateIn } from '../../../domain/i18n';
import { resolveGivenReply } from '../../../services/responses';
import type { WebDeps } from '../../deps';
import { render } from '../../views';
import { givenReplyView } from './given-reply-view';
import { languageView, pageLanguage } from './language';
import { LINK_RATE_LIMIT, unusablePage } from './link';
import type { TokenRoute } from './link';

export function registerGivenReplyRoutes(app: FastifyInstance, deps: WebDeps): void {
  /** The page's data, or undefined when the link holds no reply to show (answered as any unusable link). */
  async function given(request: FastifyRequest<TokenRoute>, reply: FastifyReply) {
    const record = await resolveGivenReply(deps.db, request.params.token);
    if (!record) return undefined;
    const language = pageLanguage(request, reply, record.contact.language);
    const view = languageView(language);
    return {
      ...view,
      record,
      given: givenReplyView(view.t, language, record),
      closedOn: record.closedOn ? formatDateIn(language, record.closedOn) : undefined,
      base: `/r/${request.params.token}`,
    };
  }

  app.get<TokenRoute>('/r/:token/reply', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const page = await given(request, reply);
    if (!page) return unusablePage(deps, request, reply, request.params.token);
    return render(reply, 'respondent-reply', page);
  });

  // A standalone HTML file (styles inline, nothing fetched): it opens in any browser, offline, and prints as is.
  app.get<TokenRoute>('/r/:token/receipt', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const page = await given(request, reply);
    if (!page) return unusablePage(deps, request, reply, request.params.token);
    reply.header('content-disposition', `attachment; filename="receipt-${page.given.reference}.html"`);
    return render(reply, 'respondent-receipt', page);
  });
}

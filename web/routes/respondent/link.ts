/**
 * The personal link, resolved once for every route under /r/:token: a handler runs only with the link's access;
 * a link that gives none is answered as its route needs (pages say whether the survey closed or the link was
 * replaced, the autosave answers JSON). Lookups are rate-limited, and a link that gives nothing counts against the
 * address's one guessing budget (./guessing-budget.ts).
 */
import type { FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import { formatDateIn } from '../../../domain/i18n';
import { replacedLink, resolveAccess, resolveClosedLink } from '../../../services/responses';
import { givenReplyView } from './given-reply-view';
import type { RespondentAccess } from '../../../services/responses';
import type { WebDeps } from '../../deps';
import { render } from '../../views';
import { languageView, pageLanguage } from './language';
import { countLinkMiss } from './guessing-budget';

export const LINK_RATE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };

export type TokenRoute = RouteGenericInterface & { Params: { token: string } };

/** What a route knows once the link resolved. */
export interface Link {
  access: RespondentAccess;
  token: string;
  /** The link's own path, where its pages redirect. */
  base: string;
}

type Unusable = (deps: WebDeps, request: FastifyRequest, reply: FastifyReply, token: string) => Promise<unknown>;

/** The neutral page: what a link that gives nothing gets (unknown, mistyped, withdrawn), whatever made it so. */
const neutralPage: Unusable = async (deps, request, reply) => {
  await countLinkMiss(deps.db, request);
  return render(reply, 'respondent-unavailable', languageView(pageLanguage(request, reply)), 404);
};

/**
 * What an unusable link gets on every page. A closed survey's link says when it closed and whom to write to, and
 * shows the invited contact the reply they gave; a link replaced by a newer one says so. Only the holder of the link
 * can see either. Any other gets the neutral page.
 */
export const unusablePage: Unusable = async (deps, request, reply, token) => {
  const closed = await resolveClosedLink(deps.db, token);
  if (closed) {
    const language = pageLanguage(request, reply, closed.contact.language);
    const view = languageView(language);
    return render(reply, 'respondent-closed', {
      ...view,
      closed,
      closedOn: formatDateIn(language, closed.closedOn),
      given: closed.reply ? givenReplyView(view.t, language, { ...closed, reply: closed.reply }) : undefined,
      base: `/r/${token}`,
    });
  }
  const replaced = await replacedLink(deps.db, token);
  if (!replaced) return neutralPage(deps, request, reply, token);
  const language = pageLanguage(request, reply);
  return render(
    reply,
    'respondent-replaced',
    { ...languageView(language), replacedOn: formatDateIn(language, replaced.replacedAt) },
    410,
  );
};

/** For the form's script, which reads JSON. */
export const notFoundJson: Unusable = async (deps, request, reply) => {
  await countLinkMiss(deps.db, request);
  return reply.code(404).send({ error: 'not_found', message: 'This link is not available' });
};

/** A route handler that runs with the link's access, or answers `unusable` when the link gives none. */
export function withLink<R extends TokenRoute>(
  deps: WebDeps,
  unusable: Unusable,
  handler: (request: FastifyRequest<R>, reply: FastifyReply, link: Link) => Promise<unknown>,
) {
  return async (request: FastifyRequest<R>, reply: FastifyReply) => {
    // Every route under /r/:token has the parameter; Fastify's types cannot see it through the generic.
    const { token } = request.params as TokenRoute['Params'];
    const access = await resolveAccess(deps.db, token);
    if (!access) return unusable(deps, request, reply, token);
    return handler(request, reply, { access, token, base: `/r/${token}` });
  };
}

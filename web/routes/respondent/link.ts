/**
 * The personal link, resolved once for every route under /r/:token: a handler runs only with the link's access;
 * a link that gives none is answered as its route needs (the landing page says whether the link was replaced, the
 * actions show the neutral page, the autosave answers JSON). Lookups are rate-limited.
 */
import type { FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import { formatDateIn } from '../../../domain/i18n';
import { replacedLink, resolveAccess } from '../../../services/responses';
import type { RespondentAccess } from '../../../services/responses';
import type { WebDeps } from '../../deps';
import { render } from '../../views';
import { languageView, pageLanguage } from './language';

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

/** The neutral page every unusable link gets, whatever made it so. */
export const neutralPage: Unusable = async (_deps, request, reply) =>
  render(reply, 'respondent-unavailable', languageView(pageLanguage(request, reply)), 404);

/** A link replaced by a newer one says so (only the holder of the old link can see this); any other, the neutral page. */
export const replacedOrNeutralPage: Unusable = async (deps, request, reply, token) => {
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
export const notFoundJson: Unusable = async (_deps, _request, reply) =>
  reply.code(404).send({ error: 'not_found', message: 'This link is not available' });

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

/**
 * The respondent's pages, reached only through a personal link. Opening the link (GET) changes nothing, because mail
 * scanners open links before people do; starting, saving and submitting are POSTs with a CSRF token. Every unusable
 * link gets the same neutral page, and lookups are rate-limited.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { notifySubmission } from '../../client/preparation';
import { SYSTEM_WIDE_QUESTIONNAIRE } from '../../domain/questionnaire';
import { receiptReference } from '../../domain/receipt';
import { unDate } from '../../domain/symbols';
import { InvalidInputError } from '../../services/errors';
import {
  declineResponse,
  fileNilReturn,
  optOutOfReminders,
  replacedLink,
  resolveAccess,
  saveAnswers,
  startResponse,
} from '../../services/responses';
import type { RespondentAccess } from '../../services/responses';
import type { WebDeps } from '../server';
import { render } from '../views';

const LINK_RATE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const ZFormMeta = z.object({ version: z.coerce.number().int().positive(), action: z.enum(['save', 'submit']) });

type TokenParams = { Params: { token: string } };

export function registerRespondentRoutes(app: FastifyInstance, deps: WebDeps): void {
  const unavailable = (reply: FastifyReply) => render(reply, 'respondent-unavailable', {}, 404);
  /** A link replaced by a newer one says so (only the holder of the old link can see this); any other, the neutral page. */
  const unusable = async (reply: FastifyReply, token: string) => {
    const replaced = await replacedLink(deps.db, token);
    if (!replaced) return unavailable(reply);
    return render(reply, 'respondent-replaced', { replacedOn: unDate(replaced.replacedAt) }, 410);
  };
  const common = (access: RespondentAccess, token: string) => ({
    access,
    questionnaire: SYSTEM_WIDE_QUESTIONNAIRE,
    closesOn: unDate(access.closesAt),
    base: `/r/${token}`,
  });
  // Pages carrying a personal link must not be cached or leak it through the Referer header.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/r/')) {
      reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
    }
  });

  app.get<TokenParams & { Querystring: { done?: string } }>(
    '/r/:token',
    { config: LINK_RATE_LIMIT },
    async (request, reply) => {
      const access = await resolveAccess(deps.db, request.params.token);
      if (!access) return unusable(reply, request.params.token);
      return render(reply, 'respondent-landing', {
        ...common(access, request.params.token),
        csrf: reply.generateCsrf(),
        submittedOn: access.response?.submittedAt ? unDate(access.response.submittedAt) : undefined,
        reference: receiptReference(access.cycleId, access.organisation.id),
        flash:
          request.query.done === 'opted-out'
            ? 'You will receive no more scheduled reminders for this survey.'
            : undefined,
      });
    },
  );

  app.post<TokenParams>('/r/:token/decline', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(reply);
    await declineResponse(deps.db, access, request.body);
    await notifySubmission(deps.temporal, access.cycleWorkflowId, access.organisation.id, access.contact.id).catch(
      (error: unknown) =>
        request.log.warn({ err: error }, 'decline committed but the survey workflow was not signalled'),
    );
    return reply.redirect(`/r/${request.params.token}`, 303);
  });

  app.post<TokenParams>('/r/:token/no-reminders', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(reply);
    await optOutOfReminders(deps.db, access);
    return reply.redirect(`/r/${request.params.token}?done=opted-out`, 303);
  });

  app.post<TokenParams>('/r/:token/start', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(reply);
    await startResponse(deps.db, access);
    return reply.redirect(`/r/${request.params.token}/form`, 303);
  });

  app.post<TokenParams>('/r/:token/nil', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(reply);
    await fileNilReturn(deps.db, access);
    await notifySubmission(deps.temporal, access.cycleWorkflowId, access.organisation.id, access.contact.id).catch(
      (error: unknown) =>
        request.log.warn({ err: error }, 'nil return committed but the survey workflow was not signalled'),
    );
    return reply.redirect(`/r/${request.params.token}`, 303);
  });

  app.get<TokenParams & { Querystring: { saved?: string } }>(
    '/r/:token/form',
    { config: LINK_RATE_LIMIT },
    async (request, reply) => {
      const access = await resolveAccess(deps.db, request.params.token);
      if (!access) return unavailable(reply);
      if (!access.response || access.response.status !== 'DRAFT')
        return reply.redirect(`/r/${request.params.token}`, 303);
      return render(reply, 'respondent-form', {
        ...common(access, request.params.token),
        csrf: reply.generateCsrf(),
        answers: access.response.answers,
        version: access.response.version,
        flash: request.query.saved ? 'Your draft was saved.' : undefined,
      });
    },
  );

  app.post<TokenParams>('/r/:token/form', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const meta = ZFormMeta.safeParse(body);
    if (!meta.success) throw new InvalidInputError('The form is incomplete; reload the page and try again');
    const { version, action } = meta.data;
    const { _csrf, version: _version, action: _action, ...answers } = body;
    try {
      await saveAnswers(deps.db, access, answers, version, action === 'submit' ? 'submit' : 'draft');
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return render(
        reply,
        'respondent-form',
        { ...common(access, request.params.token), csrf: reply.generateCsrf(), answers, version, errors: error.fields },
        400,
      );
    }
    if (action === 'submit') {
      // The database already holds the submission; the signal only lets the workflow stop reminding and close early.
      await notifySubmission(deps.temporal, access.cycleWorkflowId, access.organisation.id, access.contact.id).catch(
        (error: unknown) =>
          request.log.warn({ err: error }, 'submission committed but the survey workflow was not signalled'),
      );
      return reply.redirect(`/r/${request.params.token}`, 303);
    }
    return reply.redirect(`/r/${request.params.token}/form?saved=1`, 303);
  });
}

/**
 * The questionnaire form: starting a reply, showing the draft, saving or submitting it (a POST with the form's CSRF
 * token), and the autosave of the form's script.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConfirmationNeededError, ConflictError, InvalidInputError } from '../../../services/errors';
import { RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../../database-unavailable';
import { saveAnswers, startResponse } from '../../../services/responses';
import type { WebDeps } from '../../deps';
import { formWithErrors, renderForm } from './form-page';
import { pageLanguage } from './language';
import { LINK_RATE_LIMIT, unusablePage, notFoundJson, withLink } from './link';
import type { TokenRoute } from './link';
import { tellTheCycle } from './signals';

/** Autosave fires after each pause in typing: more often than a person opens pages, still bounded. */
const AUTOSAVE_RATE_LIMIT = { rateLimit: { max: 240, timeWindow: '1 minute' } };
const ZFormMeta = z.object({
  version: z.coerce.number().int().positive(),
  action: z.enum(['save', 'submit']),
  /** The respondent ticked "I have checked these answers" under the soft warnings. */
  confirmWarnings: z.literal('1').optional(),
});
const ZAutosave = z.object({
  version: z.number().int().positive(),
  answers: z.record(z.string(), z.unknown()),
});

/**
 * A save that a concurrent change (409) or an unavailable database (503) refused: the form keeps the typed answers,
 * with the version to save over (the other person's, after a conflict; unchanged when nothing was written).
 */
function keptAfterRefusal(
  error: unknown,
  stored: { status: string; version: number } | null | undefined,
  postedVersion: number,
) {
  // A reply already submitted stays refused as such: only a draft saved meanwhile can be saved over.
  if (error instanceof ConflictError && stored?.status === 'DRAFT' && stored.version !== postedVersion)
    return { status: 409, version: stored.version, flash: 'respondent.keptAfterConflict' as const };
  if (isDatabaseUnavailable(error))
    return { status: 503, version: postedVersion, flash: 'respondent.keptAfterUnavailable' as const };
  return undefined;
}

export function registerFormRoutes(app: FastifyInstance, deps: WebDeps): void {
  app.post<TokenRoute>(
    '/r/:token/start',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (_request, reply, { access, base }) => {
      await startResponse(deps.db, access);
      return reply.redirect(`${base}/form`, 303);
    }),
  );

  app.get<TokenRoute & { Querystring: { saved?: string } }>(
    '/r/:token/form',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, link) => {
      const { response } = link.access;
      if (!response || response.status !== 'DRAFT') return reply.redirect(link.base, 303);
      const { saved } = request.query;
      return renderForm(deps, request, reply, link, {
        answers: response.answers,
        version: response.version,
        flash: saved === 'file' ? 'respondent.fileAttached' : saved ? 'respondent.draftSaved' : undefined,
      });
    }),
  );

  app.post<TokenRoute>(
    '/r/:token/form',
    { config: LINK_RATE_LIMIT },
    withLink(deps, unusablePage, async (request, reply, link) => {
      const { access, base } = link;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const meta = ZFormMeta.safeParse(body);
      if (!meta.success) throw new InvalidInputError('The form is incomplete; reload the page and try again');
      const { version, action, confirmWarnings } = meta.data;
      const { _csrf, version: _version, action: _action, confirmWarnings: _confirm, ...answers } = body;
      try {
        const language = pageLanguage(request, reply, access.contact.language);
        await saveAnswers(deps.db, access, answers, version, action === 'submit' ? 'submit' : 'draft', {
          language,
          warningsConfirmed: confirmWarnings === '1',
        });
        request.server.metrics.saved(action === 'submit' ? 'submit' : 'draft');
      } catch (error) {
        if (error instanceof InvalidInputError || error instanceof ConfirmationNeededError)
          return formWithErrors(deps, request, reply, link, error, { answers, version });
        // Without the form's script nothing else keeps what was typed: the form comes back with it, saying why.
        const kept = keptAfterRefusal(error, access.response, version);
        if (!kept) throw error;
        if (kept.status === 503) reply.header('retry-after', String(RETRY_AFTER_SECONDS));
        return formWithErrors(deps, request, reply, link, undefined, { answers, version: kept.version }, kept);
      }
      if (action === 'submit') {
        await tellTheCycle(deps, request, access, 'submission');
        return reply.redirect(base, 303);
      }
      return reply.redirect(`${base}/form?saved=1`, 303);
    }),
  );

  /** Saves the draft as the respondent types (the form's script); JSON in, JSON out, same checks as "Save draft". */
  app.post<TokenRoute>(
    '/r/:token/form/autosave',
    { config: AUTOSAVE_RATE_LIMIT },
    withLink(deps, notFoundJson, async (request, reply, { access }) => {
      const parsed = ZAutosave.safeParse(request.body);
      if (!parsed.success) throw new InvalidInputError('The autosave request is malformed');
      const language = pageLanguage(request, reply, access.contact.language);
      const saved = await saveAnswers(deps.db, access, parsed.data.answers, parsed.data.version, 'draft', {
        language,
      });
      request.server.metrics.saved('autosave');
      return reply.send({ version: saved.version, savedAt: new Date().toISOString() });
    }),
  );
}

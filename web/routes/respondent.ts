/**
 * The respondent's pages, reached only through a personal link. Opening the link (GET) changes nothing, because mail
 * scanners open links before people do; starting, saving and submitting are POSTs with a CSRF token. Every unusable
 * link gets the same neutral page, and lookups are rate-limited.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { notifySubmission } from '../../client/preparation';
import { groupTableFields } from '../../domain/questionnaire';
import type { Question, Questionnaire } from '../../domain/questionnaire';
import { questionnaireFor } from '../../domain/questionnaires';
import { receiptReference } from '../../domain/receipt';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  direction,
  formatDateIn,
  isLanguage,
  languageOr,
  translateMessage,
  translator,
} from '../../domain/i18n';
import type { Language } from '../../domain/i18n';
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

/** Where respondents turn when a link does not work. */
const SECRETARIAT_EMAIL = 'ccpcj-secretariat@example.org';

const LINK_RATE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
const ZFormMeta = z.object({ version: z.coerce.number().int().positive(), action: z.enum(['save', 'submit']) });

type TokenParams = { Params: { token: string } };

const LANGUAGE_COOKIE = 'lang';

/** The language of the page: the one just chosen (?lang=), else the one chosen before (cookie), else the contact's. */
function pageLanguage(request: FastifyRequest, reply: FastifyReply, contactLanguage?: string): Language {
  const chosen = (request.query as { lang?: string } | undefined)?.lang;
  if (isLanguage(chosen)) {
    // A cookie, not a database write: opening a link (GET) changes nothing on the server.
    reply.setCookie(LANGUAGE_COOKIE, chosen, { path: '/r', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
    return chosen;
  }
  return languageOr(request.cookies[LANGUAGE_COOKIE], languageOr(contactLanguage));
}

/** The questionnaire as the respondent reads it: the same codes, with every text in the page's language. */
function questionnaireIn(t: TFunction, q: Questionnaire) {
  const translate = <Q extends Question>(question: Q): Q => ({
    ...question,
    label: t(question.label),
    help: question.help ? t(question.help) : undefined,
    ...(question.type === 'single-choice' || question.type === 'multiple-choice'
      ? { options: question.options.map((o) => ({ ...o, label: t(o.label) })) }
      : {}),
    ...(question.type === 'table' ? { columns: question.columns.map(translate) } : {}),
  });
  return { ...q, title: t(q.title), intro: t(q.intro), questions: q.questions.map(translate) };
}

function languageView(language: Language) {
  const t = translator(language);
  return {
    t,
    tm: (message: string) => translateMessage(t, message),
    lang: language,
    dir: direction(language),
    // Relative links: the page never repeats the token in its body.
    languages: LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code], href: `?lang=${code}` })),
    secretariatEmail: SECRETARIAT_EMAIL,
  };
}

export function registerRespondentRoutes(app: FastifyInstance, deps: WebDeps): void {
  const unavailable = (request: FastifyRequest, reply: FastifyReply) =>
    render(reply, 'respondent-unavailable', languageView(pageLanguage(request, reply)), 404);
  /** A link replaced by a newer one says so (only the holder of the old link can see this); any other, the neutral page. */
  const unusable = async (request: FastifyRequest, reply: FastifyReply, token: string) => {
    const replaced = await replacedLink(deps.db, token);
    if (!replaced) return unavailable(request, reply);
    const language = pageLanguage(request, reply);
    return render(
      reply,
      'respondent-replaced',
      { ...languageView(language), replacedOn: formatDateIn(language, replaced.replacedAt) },
      410,
    );
  };
  const common = (request: FastifyRequest, reply: FastifyReply, access: RespondentAccess, token: string) => {
    const language = pageLanguage(request, reply, access.contact.language);
    const view = languageView(language);
    return {
      ...view,
      access,
      questionnaire: questionnaireIn(view.t, questionnaireFor(access.cycleKind)),
      closesOn: formatDateIn(language, access.closesAt),
      submittedOn: access.response?.submittedAt ? formatDateIn(language, access.response.submittedAt) : undefined,
      base: `/r/${token}`,
    };
  };
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
      if (!access) return unusable(request, reply, request.params.token);
      const view = common(request, reply, access, request.params.token);
      return render(reply, 'respondent-landing', {
        ...view,
        csrf: reply.generateCsrf(),
        reference: receiptReference(access.cycleId, access.organisation.id),
        flash:
          request.query.done === 'opted-out'
            ? view.t('You will receive no more scheduled reminders for this survey.')
            : undefined,
      });
    },
  );

  app.post<TokenParams>('/r/:token/decline', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
    await declineResponse(deps.db, access, request.body);
    await notifySubmission(deps.temporal, access.cycleWorkflowId, access.organisation.id, access.contact.id).catch(
      (error: unknown) =>
        request.log.warn({ err: error }, 'decline committed but the survey workflow was not signalled'),
    );
    return reply.redirect(`/r/${request.params.token}`, 303);
  });

  app.post<TokenParams>('/r/:token/no-reminders', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
    await optOutOfReminders(deps.db, access);
    return reply.redirect(`/r/${request.params.token}?done=opted-out`, 303);
  });

  app.post<TokenParams>('/r/:token/start', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
    await startResponse(deps.db, access);
    return reply.redirect(`/r/${request.params.token}/form`, 303);
  });

  app.post<TokenParams>('/r/:token/nil', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
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
      if (!access) return unavailable(request, reply);
      if (!access.response || access.response.status !== 'DRAFT')
        return reply.redirect(`/r/${request.params.token}`, 303);
      const view = common(request, reply, access, request.params.token);
      return render(reply, 'respondent-form', {
        ...view,
        csrf: reply.generateCsrf(),
        answers: access.response.answers,
        version: access.response.version,
        flash: request.query.saved ? view.t('Your draft was saved.') : undefined,
      });
    },
  );

  app.post<TokenParams>('/r/:token/form', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const meta = ZFormMeta.safeParse(body);
    if (!meta.success) throw new InvalidInputError('The form is incomplete; reload the page and try again');
    const { version, action } = meta.data;
    const { _csrf, version: _version, action: _action, ...answers } = body;
    try {
      const language = pageLanguage(request, reply, access.contact.language);
      await saveAnswers(deps.db, access, answers, version, action === 'submit' ? 'submit' : 'draft', language);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return render(
        reply,
        'respondent-form',
        {
          ...common(request, reply, access, request.params.token),
          csrf: reply.generateCsrf(),
          // Rows of tables come back as the respondent typed them, errors beside their cells.
          answers: groupTableFields(questionnaireFor(access.cycleKind), answers),
          version,
          errors: error.fields,
        },
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

/**
 * The respondent's pages, reached only through a personal link. Opening the link (GET) changes nothing, because mail
 * scanners open links before people do; starting, saving and submitting are POSTs with a CSRF token. Every unusable
 * link gets the same neutral page, and lookups are rate-limited.
 */
import path from 'node:path';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { notifyDelegation, notifySubmission } from '../../client/preparation';
import { attachFile, attachmentsOf, removeFile } from '../../services/attachments';
import { createDelegation, listDelegations, withdrawDelegation } from '../../services/delegations';
import { groupTableFields, sectionsOf } from '../../domain/questionnaire';
import type { Question, Questionnaire } from '../../domain/questionnaire';
import { receiptReference } from '../../domain/receipt';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  direction,
  formatDateIn,
  isLanguage,
  languageOr,
  questionnaireTranslator,
  translateMessage,
  translator,
} from '../../domain/i18n';
import type { Language, Translate } from '../../domain/i18n';
import { FILE_KINDS } from '../../domain/file-kinds';
import { BROWSER_MESSAGE_IDS } from '../../domain/i18n/messages';
import { ConfirmationNeededError, InvalidInputError } from '../../services/errors';
import { respondentFormScript } from '../client-bundle';
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
import type { WebDeps } from '../deps';
import { render } from '../views';

/** Where respondents turn when a link does not work. */
const SECRETARIAT_EMAIL = 'ccpcj-secretariat@example.org';

const LINK_RATE_LIMIT = { rateLimit: { max: 60, timeWindow: '1 minute' } };
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
function questionnaireIn(t: (text: string) => string, q: Questionnaire) {
  const translate = <Q extends Question>(question: Q): Q => ({
    ...question,
    label: t(question.label),
    help: question.help ? t(question.help) : undefined,
    ...(question.type === 'single-choice' || question.type === 'multiple-choice'
      ? { options: question.options.map((o) => ({ ...o, label: t(o.label) })) }
      : {}),
    ...(question.type === 'table' ? { columns: question.columns.map(translate) } : {}),
  });
  return {
    ...q,
    title: t(q.title),
    intro: t(q.intro),
    questions: q.questions.map(translate),
    sections: q.sections.map((section) => ({ ...section, title: t(section.title) })),
  };
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

/**
 * What the form's browser script needs: the questionnaire (codes and rules), the validation messages in the page's
 * language and where to autosave. Embedded as JSON; `<` is escaped so no answer or label can end the script element.
 */
function formConfig(t: Translate, questionnaire: Questionnaire, language: Language, base: string): string {
  const messages = Object.fromEntries(BROWSER_MESSAGE_IDS.map((id) => [id, t(id)]));
  const config = { questionnaire, messages, autosaveUrl: `${base}/form/autosave`, lang: language };
  return JSON.stringify(config).replace(/</g, '\\u003c');
}

export function registerRespondentRoutes(app: FastifyInstance, deps: WebDeps): void {
  const attachmentsDir = path.join(deps.config.dataDir, 'attachments');
  app.get('/assets/respondent-form.js', async (_request, reply) =>
    reply
      .type('application/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(await respondentFormScript()),
  );

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
    const base = `/r/${token}`;
    const questionnaire = questionnaireIn(
      questionnaireTranslator(language, access.questionnaire),
      access.questionnaire,
    );
    const sections = sectionsOf(questionnaire, access.delegation?.sectionIds);
    return {
      ...view,
      access,
      questionnaire,
      sections,
      delegationNotice: access.delegation
        ? view.t('respondent.delegationNotice', {
            organisation: access.organisation.name,
            sections:
              access.delegation.sectionIds.length === 0
                ? view.t('respondent.wholeQuestionnaire')
                : sections.map((section) => section.title).join('; '),
            name: access.delegation.delegatedBy,
          })
        : undefined,
      formConfig: formConfig(view.t, access.questionnaire, language, base),
      fileKindLabels: Object.fromEntries(Object.entries(FILE_KINDS).map(([kind, k]) => [kind, k.label])),
      closesOn: formatDateIn(language, access.closesAt),
      submittedOn: access.response?.submittedAt ? formatDateIn(language, access.response.submittedAt) : undefined,
      base,
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
      const delegations = access.delegation ? [] : await listDelegations(deps.db, access.invitationId);
      const sectionTitle = new Map(view.questionnaire.sections.map((section) => [section.id, section.title]));
      return render(reply, 'respondent-landing', {
        ...view,
        csrf: reply.generateCsrf(),
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
    },
  );

  app.post<TokenParams>('/r/:token/decline', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
    await declineResponse(deps.db, access, request.body);
    await tellTheCycle(request, access, 'decline');
    return reply.redirect(`/r/${request.params.token}`, 303);
  });

  app.post<TokenParams>('/r/:token/delegate', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
    const created = await createDelegation(deps.db, access, request.body);
    await notifyDelegation(deps.temporal, created.cycleWorkflowId, created.delegationId).catch((error: unknown) =>
      request.log.warn({ err: error }, 'delegation committed but the survey workflow was not signalled'),
    );
    return reply.redirect(`/r/${request.params.token}?done=delegated`, 303);
  });

  app.post<TokenParams & { Params: { delegationId: string } }>(
    '/r/:token/delegations/:delegationId/withdraw',
    { config: LINK_RATE_LIMIT },
    async (request, reply) => {
      const access = await resolveAccess(deps.db, request.params.token);
      if (!access) return unavailable(request, reply);
      await withdrawDelegation(deps.db, access, request.params.delegationId);
      return reply.redirect(`/r/${request.params.token}`, 303);
    },
  );

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
    await tellTheCycle(request, access, 'nil return');
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
        files: await attachmentsOf(deps.db, access.cycleId, access.organisation.id),
        flash:
          request.query.saved === 'file'
            ? view.t('respondent.fileAttached')
            : request.query.saved
              ? view.t('respondent.draftSaved')
              : undefined,
      });
    },
  );

  /**
   * The form again, as the respondent left it (`typed`: what was just posted; else the stored draft), with each
   * problem or warning beside its question. Nothing was written.
   */
  const formWithErrors = async (
    request: FastifyRequest,
    reply: FastifyReply,
    access: RespondentAccess,
    token: string,
    error: InvalidInputError | ConfirmationNeededError,
    typed?: { answers: unknown; version: number },
  ) =>
    render(
      reply,
      'respondent-form',
      {
        ...common(request, reply, access, token),
        csrf: reply.generateCsrf(),
        // Rows of tables come back as the respondent typed them, errors beside their cells.
        answers: typed ? groupTableFields(access.questionnaire, typed.answers) : (access.response?.answers ?? {}),
        version: typed?.version ?? access.response?.version ?? 1,
        files: await attachmentsOf(deps.db, access.cycleId, access.organisation.id),
        ...(error instanceof InvalidInputError ? { errors: error.fields } : { warnings: error.warnings }),
      },
      error.status,
    );

  /** The reply is in the database; the signal only lets the cycle stop reminding, send the receipt, close early. */
  const tellTheCycle = (request: FastifyRequest, access: RespondentAccess, what: string) =>
    notifySubmission(deps.temporal, access.cycleWorkflowId, access.organisation.id, access.contact.id).catch(
      (error: unknown) =>
        request.log.warn({ err: error }, `${what} committed but the survey workflow was not signalled`),
    );

  app.post<TokenParams & { Params: { questionId: string } }>(
    '/r/:token/files/:questionId',
    { config: LINK_RATE_LIMIT },
    async (request, reply) => {
      const access = await resolveAccess(deps.db, request.params.token);
      if (!access) return unavailable(request, reply);
      const body = (request.body ?? {}) as { file?: MultipartFile };
      const file =
        body.file && typeof body.file.toBuffer === 'function' && body.file.filename
          ? { fileName: body.file.filename, buffer: await body.file.toBuffer() }
          : undefined;
      try {
        await attachFile(deps.db, access, attachmentsDir, request.params.questionId, file);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return formWithErrors(request, reply, access, request.params.token, error);
      }
      return reply.redirect(`/r/${request.params.token}/form?saved=file`, 303);
    },
  );

  app.post<TokenParams & { Params: { questionId: string } }>(
    '/r/:token/files/:questionId/remove',
    { config: LINK_RATE_LIMIT },
    async (request, reply) => {
      const access = await resolveAccess(deps.db, request.params.token);
      if (!access) return unavailable(request, reply);
      await removeFile(deps.db, access, request.params.questionId);
      return reply.redirect(`/r/${request.params.token}/form?saved=1`, 303);
    },
  );

  app.post<TokenParams>('/r/:token/form', { config: LINK_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return unavailable(request, reply);
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
    } catch (error) {
      if (!(error instanceof InvalidInputError) && !(error instanceof ConfirmationNeededError)) throw error;
      return formWithErrors(request, reply, access, request.params.token, error, { answers, version });
    }
    if (action === 'submit') {
      await tellTheCycle(request, access, 'submission');
      return reply.redirect(`/r/${request.params.token}`, 303);
    }
    return reply.redirect(`/r/${request.params.token}/form?saved=1`, 303);
  });

  /** Saves the draft as the respondent types (the form's script); JSON in, JSON out, same checks as "Save draft". */
  app.post<TokenParams>('/r/:token/form/autosave', { config: AUTOSAVE_RATE_LIMIT }, async (request, reply) => {
    const access = await resolveAccess(deps.db, request.params.token);
    if (!access) return reply.code(404).send({ error: 'not_found', message: 'This link is not available' });
    const parsed = ZAutosave.safeParse(request.body);
    if (!parsed.success) throw new InvalidInputError('The autosave request is malformed');
    const language = pageLanguage(request, reply, access.contact.language);
    const saved = await saveAnswers(deps.db, access, parsed.data.answers, parsed.data.version, 'draft', { language });
    return reply.send({ version: saved.version, savedAt: new Date().toISOString() });
  });
}

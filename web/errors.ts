/** The one place that turns errors into responses and logs them (once, and only unexpected ones as errors). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { direction, en, isLanguage, translateMessage, translator } from '../domain/i18n';
import { AppError, InvalidInputError, TooManyAttemptsError } from '../services/errors';
import { RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';
import { render } from './views';
import { redactTokens } from '../platform/logger';

/**
 * Respondents (pages under /r/) read errors in the language of their pages — the one they chose (cookie), else the
 * first of the six their browser asks for — and staff in English. Messages not in the catalogue stay in English.
 */
function speakerOf(request: FastifyRequest) {
  const respondent = request.url.startsWith('/r/');
  const asked = (request.headers['accept-language'] ?? '')
    .split(',')
    .map((tag) => tag.trim().slice(0, 2).toLowerCase())
    .find((code) => isLanguage(code));
  const chosen = respondent ? (request.cookies?.lang ?? asked) : undefined;
  const lang = isLanguage(chosen) ? chosen : 'en';
  const t = translator(lang);
  return { lang, dir: direction(lang), t, say: (message: string) => translateMessage(t, message) };
}

/**
 * Where an error page's "Back" leads: staff to the page they came from. A respondent gets no link (their pages send
 * no Referer, the staff home means nothing to them, and a link back would have to repeat their token in the error
 * page): the page says to use the browser's Back button, which also keeps what they typed.
 */
function backOf(request: FastifyRequest, t: ReturnType<typeof translator>) {
  return request.url.startsWith('/r/')
    ? { backHint: t('error.backInBrowser') }
    : { back: request.headers.referer, backLabel: t('error.back') };
}

export function registerErrorHandler(app: FastifyInstance): void {
  // Fastify's own not-found reply and log line quote the raw URL, which for a mistyped personal link is the token.
  // This one names nothing of the request.
  app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: 'not_found', message: 'Not found' }));
  app.setErrorHandler((error, request, reply) => {
    const { lang, dir, t, say } = speakerOf(request);
    const wantsJson = (request.headers.accept ?? '').includes('application/json') || request.url.startsWith('/api/');
    if (error instanceof AppError) {
      request.log.info({ code: error.code }, error.message);
      app.metrics.refused(error.code);
      const fields = error instanceof InvalidInputError ? error.fields : [];
      if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
      if (wantsJson) return reply.code(error.status).send({ error: error.code, message: error.message, fields });
      return render(
        reply,
        'error',
        {
          lang,
          dir,
          heading: t('error.heading'),
          message: say(error.message),
          fields: fields.map((f) => ({ field: f.field, message: say(f.message) })),
          user: request.user,
          ...backOf(request, t),
        },
        error.status,
      );
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Framework-level client errors: bad CSRF token, malformed body, rate limit.
      // The framework's own messages may quote the URL ("'/r/…%zz' is not a valid url component"): never a token.
      const message = status === 403 ? en['error.csrf'] : redactTokens((error as Error).message);
      app.metrics.refused(status === 403 ? 'csrf' : status === 429 ? 'rate_limited' : 'request_rejected');
      if (wantsJson) return reply.code(status).send({ error: 'request_rejected', message });
      return render(
        reply,
        'error',
        {
          lang,
          dir,
          heading: t('error.refused'),
          message: say(message),
          user: request.user,
          ...backOf(request, t),
        },
        status,
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      app.metrics.refused('unavailable');
      const message = en['error.unavailable'];
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
      if (wantsJson) return reply.code(503).send({ error: 'unavailable', message });
      return render(
        reply,
        'error',
        {
          lang,
          dir,
          heading: t('error.tryAgain'),
          message: say(message),
          user: request.user,
          ...backOf(request, t),
        },
        503,
      );
    }
    request.log.error({ err: error }, 'unexpected error');
    return render(
      reply,
      'error',
      {
        lang,
        dir,
        heading: t('error.unexpected'),
        message: t('error.logged'),
        user: request.user,
        ...backOf(request, t),
      },
      500,
    );
  });
}

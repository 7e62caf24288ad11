/** The one place that turns errors into responses and logs them (once, and only unexpected ones as errors). */
import type { FastifyInstance } from 'fastify';
import { AppError, InvalidInputError } from '../services/errors';
import { render } from './views';

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const wantsJson = (request.headers.accept ?? '').includes('application/json');
    if (error instanceof AppError) {
      request.log.info({ code: error.code }, error.message);
      const fields = error instanceof InvalidInputError ? error.fields : [];
      if (wantsJson) return reply.code(error.status).send({ error: error.code, message: error.message, fields });
      return render(
        reply,
        'error',
        {
          heading: 'That did not work',
          message: error.message,
          fields,
          user: request.user,
          back: request.headers.referer,
        },
        error.status,
      );
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      // Framework-level client errors: bad CSRF token, malformed body, rate limit.
      const message =
        status === 403
          ? 'The form has expired or was not sent from this site. Reload the page and try again.'
          : (error as Error).message;
      if (wantsJson) return reply.code(status).send({ error: 'request_rejected', message });
      return render(reply, 'error', { heading: 'Request refused', message, user: request.user }, status);
    }
    request.log.error({ err: error }, 'unexpected error');
    return render(
      reply,
      'error',
      { heading: 'Something went wrong', message: 'The error was logged. Please try again.', user: request.user },
      500,
    );
  });
}

/**
 * The HTTP server: respondent forms (reached only through personal links), the coordinator console, the manager
 * dashboard and, in development, the mailbox of the embedded SMTP server.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHmac, randomUUID } from 'node:crypto';
import { csrfBinding, registerAuthorization } from './auth';
import { registerErrorHandler } from './errors';
import { registerSecurityHeaders } from './security-headers';
import { registerRouteParamChecks } from './route-params';
import { sharedRateLimitStore } from './rate-limit-store';
import { registerProbes } from './readiness';
import { registerMetrics } from './metrics';
import { registerRequestSpans } from './request-spans';
import { startTracing } from '../platform/tracing';
import { OPENAPI, registerApiRoutes } from './routes/api';
import { redactTokens } from '../platform/logger';
import { registerCalendarRoutes } from './routes/calendar';
import { registerAuthRoutes } from './routes/login';
import { respondentFormScript } from './client-bundle';
import { registerConsoleRoutes } from './routes/console';
import { registerConsoleMoveRoutes } from './routes/console-move';
import { registerReplyRoutes } from './routes/replies';
import { registerDashboardRoutes } from './routes/dashboard';
import { registerMailboxRoutes } from './routes/mailbox';
import { registerRespondentRoutes } from './routes/respondent';
import { registerRosterRoutes } from './routes/roster';
import { MAX_TABLE_BYTES } from '../services/roster/table-files';
import type { WebDeps } from './deps';

export type { WebDeps } from './deps';

/** A form stays usable for a working day; a staff form's token dies sooner with its login. */
const CSRF_VALIDITY_MS = 24 * 3600_000;

/** The CSRF tokens' key, derived from the session secret so that every web server computes the same one. */
function csrfHmacKey(sessionSecret: string): string {
  return createHmac('sha256', sessionSecret).update('csrf-tokens').digest('base64');
}

export async function buildWebServer(deps: WebDeps): Promise<FastifyInstance> {
  // Bundled now, so the first respondent does not wait for it.
  void respondentFormScript().catch((error: unknown) => deps.logger.error({ err: error }, 'form script bundle failed'));
  // The logger's request serializer passes URLs through redactUrl: personal-link tokens never reach a log line.
  const app = Fastify({
    loggerInstance: deps.logger,
    trustProxy: deps.config.web.trustProxy,
    // Every log line of a request carries its id: the load balancer's X-Request-Id when it sends one, else a new
    // uuid (unique across web servers); the response says it too, so a report can be traced to its lines.
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
    },
    // Errors met before routing (a malformed URL) would otherwise be answered with the raw URL, token included.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(400).send({ error: 'request_rejected', message: redactTokens(error.message) });
    },
  });
  const secureCookies = deps.config.web.publicBaseUrl.startsWith('https://');
  // Before any route: each route's handler runs inside its request's span.
  const tracing = startTracing(deps.config.operations.otlpEndpoint);
  if (tracing) registerRequestSpans(app, tracing.tracer);
  await registerSecurityHeaders(app, { https: secureCookies });
  await app.register(cookie, { secret: deps.config.web.sessionSecret });
  await app.register(formbody);
  // The OpenAPI document of /api/v1, generated from the operations' schemas (web/routes/api.ts).
  await app.register(swagger, OPENAPI);
  // Uploads (roster files): fields and the file are attached to the body; a file over 10 MB is refused.
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: MAX_TABLE_BYTES, files: 1, fields: 10 },
  });
  await app.register(csrf, {
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/' },
    // A token is bound to the login or the personal link that received the form (web/auth.ts) and expires.
    getUserInfo: csrfBinding,
    csrfOpts: { hmacKey: csrfHmacKey(deps.config.web.sessionSecret), validity: CSRF_VALIDITY_MS },
    // A multipart form's fields arrive as objects ({ value }), a urlencoded form's as strings.
    getToken: (request) => {
      const field = (request.body as Record<string, unknown> | undefined)?._csrf;
      const token = typeof field === 'string' ? field : (field as { value?: unknown } | undefined)?.value;
      return typeof token === 'string' ? token : ((request.headers['csrf-token'] as string | undefined) ?? '');
    },
  });
  // Limits count in PostgreSQL, shared by every web server. While the database cannot count (read-only during a
  // failover), requests pass uncounted: the route itself then answers as the database allows (reads, or a 503 that
  // keeps what was typed) instead of every page failing on its counter.
  await app.register(rateLimit, { global: false, store: sharedRateLimitStore(deps.db), skipOnError: true });
  // Every state-changing request carries the CSRF token of its form (checked after the body is parsed).
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'POST') return app.csrfProtection(request, reply, done);
    done();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerMetrics(app, deps.config.operations.metricsToken);
  registerAuthorization(app, deps.db, deps.config.web.login);
  registerErrorHandler(app);
  registerRouteParamChecks(app);

  registerProbes(app, deps.db, deps.temporal);
  registerApiRoutes(app, deps);
  registerAuthRoutes(app, deps, secureCookies);
  registerConsoleRoutes(app, deps);
  registerConsoleMoveRoutes(app, deps);
  registerReplyRoutes(app, deps);
  registerRosterRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerRespondentRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  if (deps.mailStore) registerMailboxRoutes(app, deps.mailStore);
  return app;
}

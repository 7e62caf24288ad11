/**
 * The web server's Prometheus metrics, one registry per server: requests and their latency by route (the route's
 * pattern, `/r/:token`, never the URL, so no personal link reaches a label), saves by kind, and refusals by reason.
 * `/metrics` serves them in the text exposition format; with METRICS_TOKEN set it asks for that bearer token.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type SaveKind = 'autosave' | 'draft' | 'submit' | 'nil-return' | 'decline' | 'attachment';

export class WebMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'commission_prep_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'commission_prep_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly saves = new Counter({
    name: 'commission_prep_reply_saves_total',
    help: 'Replies saved by respondents, by kind',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: 'commission_prep_http_refusals_total',
    help: 'Requests refused with a 4xx or 503, by reason (the error code the response names)',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'commission_prep_web_' });
  }

  answered(request: FastifyRequest, status: number, seconds: number): void {
    const route = request.routeOptions.url ?? 'unmatched';
    this.requests.inc({ method: request.method, route, status: String(status) });
    this.latency.observe({ method: request.method, route }, seconds);
  }

  saved(kind: SaveKind): void {
    this.saves.inc({ kind });
  }

  refused(reason: string): void {
    this.refusals.inc({ reason });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: WebMetrics;
  }
}

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const given = Buffer.from((request.headers.authorization ?? '').replace(/^Bearer /, ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function registerMetrics(app: FastifyInstance, token: string | undefined): void {
  app.decorate('metrics', new WebMetrics());
  app.addHook('onResponse', async (request, reply) => {
    app.metrics.answered(request, reply.statusCode, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (request, reply) => {
    if (token && !bearerMatches(request, token))
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'Bearer token required' });
    return reply.type(app.metrics.registry.contentType).send(await app.metrics.registry.metrics());
  });
}

/**
 * A server span for every request, active while its handler runs, so that what the handler starts in Temporal (the
 * client's interceptor) is a child of the request. Named by the route's pattern, never the URL: a personal link's
 * token never reaches a span.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { Tracer } from '@opentelemetry/api';
import type { FastifyInstance, RouteHandlerMethod } from 'fastify';

export function registerRequestSpans(app: FastifyInstance, tracer: Tracer): void {
  app.addHook('onRoute', (route) => {
    const handler = route.handler as RouteHandlerMethod;
    const method = [route.method].flat().join(',');
    route.handler = function traced(request, reply) {
      return tracer.startActiveSpan(
        `${method} ${route.url}`,
        { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'http.route': route.url } },
        async (span) => {
          try {
            return await handler.call(this, request, reply);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.setAttribute('http.response.status_code', reply.statusCode);
            span.end();
          }
        },
      );
    };
  });
}

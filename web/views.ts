/** Server-rendered pages from the eta templates in web/views (HTML escaped by default). */
import path from 'node:path';
import { Eta } from 'eta';
import type { FastifyReply } from 'fastify';

const eta = new Eta({ views: path.join(__dirname, 'views'), autoEscape: true, cache: true });

export function render(reply: FastifyReply, view: string, data: Record<string, unknown>, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(eta.render(`./${view}`, data));
}

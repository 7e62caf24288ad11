/**
 * Every session's deadlines and reporting obligations as an iCalendar feed that Outlook and other calendar clients subscribe to. Calendar
 * clients cannot log in, so the feed URL carries a key derived from the session secret; it reveals dates and rules,
 * nothing about respondents.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import ical from 'ical-generator';
import { sessionTitle } from '../../domain/symbols';
import { NotFoundError } from '../../services/errors';
import { recordedDueRule } from '../../services/obligations';
import type { WebDeps } from '../deps';

export function calendarKey(secret: string): string {
  return createHmac('sha256', secret).update('deadline-calendar').digest('base64url').slice(0, 32);
}

export function registerCalendarRoutes(app: FastifyInstance, deps: WebDeps): void {
  const expected = Buffer.from(calendarKey(deps.config.web.sessionSecret));

  app.get<{ Querystring: { key?: string } }>('/calendar.ics', async (request, reply) => {
    const given = Buffer.from(request.query.key ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      throw new NotFoundError('No such calendar');
    const sessions = await deps.db.session.findMany({
      include: { deadlines: true, obligations: { include: { obligation: true } } },
      orderBy: { number: 'asc' },
    });
    const calendar = ical({
      name: 'Commission Prep deadlines',
      prodId: { company: 'United Nations', product: 'Commission Prep' },
    });
    for (const session of sessions) {
      // The recorded plan, with each deadline's state and the rule that set it.
      for (const deadline of [...session.deadlines].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())) {
        calendar.createEvent({
          id: `${session.id}-${deadline.key}@commission-prep`,
          start: deadline.dueAt,
          allDay: true,
          summary: `Session ${session.number}: ${deadline.label}${deadline.status !== 'PLANNED' ? ` (${deadline.status.toLowerCase()})` : ''}`,
          description: `${deadline.rule}\n${sessionTitle(session.number)}`,
          url: `${deps.config.web.publicBaseUrl}/dashboard`,
        });
      }
      // The other reporting obligations (the analysis report's is the IV 11 deadline above).
      for (const o of session.obligations.filter((x) => x.obligation.watchedBy === 'obligation-deadline')) {
        const rule = recordedDueRule(o);
        calendar.createEvent({
          id: `${session.id}-obligation-${o.obligation.code}@commission-prep`,
          start: o.dueAt,
          allDay: true,
          summary: `Session ${session.number}: ${o.obligation.mandate} document due${o.status !== 'OPEN' ? ` (${o.status.toLowerCase()})` : ''}`,
          description: `${o.obligation.documentType}: ${o.obligation.title}\n${rule.name}: ${rule.citation}\n${sessionTitle(session.number)}`,
          url: `${deps.config.web.publicBaseUrl}/dashboard`,
        });
      }
    }
    return reply.type('text/calendar; charset=utf-8').send(calendar.toString());
  });
}

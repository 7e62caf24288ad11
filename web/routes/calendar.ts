/**
 * Every session's deadlines and reporting obligations as an iCalendar feed that Outlook and other calendar clients subscribe to. Calendar
 * clients cannot log in, so the feed URL carries a key derived from the session secret; it reveals dates and rules,
 * nothing about respondents.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import ical from 'ical-generator';
import { DEADLINE_RULES, planDeadlines } from '../../domain/deadlines';
import { DUE_RULES } from '../../domain/due-rules';
import type { DueRuleKey } from '../../domain/due-rules';
import { sessionTitle } from '../../domain/symbols';
import { NotFoundError } from '../../services/errors';
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
      // Stored deadlines carry the state; a session not launched yet shows its plan by the same rules.
      const planned = planDeadlines(session.openingDate.toISOString().slice(0, 10));
      for (const rule of DEADLINE_RULES) {
        const stored = session.deadlines.find((d) => d.key === rule.key);
        const due = stored?.dueAt ?? new Date(planned[rule.key].dueAt);
        calendar.createEvent({
          id: `${session.id}-${rule.key}@commission-prep`,
          start: due,
          allDay: true,
          summary: `Session ${session.number}: ${rule.label}${stored && stored.status !== 'PLANNED' ? ` (${stored.status.toLowerCase()})` : ''}`,
          description: `${rule.rule}\n${sessionTitle(session.number)}`,
          url: `${deps.config.web.publicBaseUrl}/dashboard`,
        });
      }
      // The other reporting obligations (the analysis report's is the IV 11 deadline above).
      for (const o of session.obligations.filter((x) => x.obligation.watchedBy === 'obligation-deadline')) {
        const rule = DUE_RULES[o.dueRule as DueRuleKey];
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

import { surveyStatus } from '../services/cycle-status';
import { recordedDueRule } from '../services/obligations';
import { formatDate, renderMail } from './mail/render';
import type { ActivityDeps } from './deps';
import { deliveryOutcome } from './invitations';
import { mailKey } from '../services/mail-ledger/keys';

const DAY_MS = 24 * 60 * 60 * 1000;
const LOOKAHEAD_DAYS = 28;

export interface DigestSummary {
  overdue: number;
  missed: number;
  upcoming: number;
  delivered: number;
}

export function digestActivities({ db, mailer, publicBaseUrl }: ActivityDeps) {
  return {
    /**
     * The weekly digest to managers: deadlines overdue (still open past their date), missed, and due in the next
     * four weeks, across every session. Keyed by week and manager, so a retried or repeated run sends once.
     */
    async sendWeeklyDigest({ weekOf }: { weekOf: string }): Promise<DigestSummary> {
      const now = Date.parse(`${weekOf}T00:00:00Z`);
      const deadlines = await db.deadline.findMany({
        where: { dueAt: { lte: new Date(now + LOOKAHEAD_DAYS * DAY_MS) } },
        include: { session: true },
        orderBy: { dueAt: 'asc' },
      });
      const obligations = await db.sessionObligation.findMany({
        where: {
          dueAt: { lte: new Date(now + LOOKAHEAD_DAYS * DAY_MS) },
          obligation: { watchedBy: 'obligation-deadline' },
        },
        include: { session: true, obligation: true },
      });
      // Deadlines and the other reporting obligations, in one list by date.
      const items = [
        ...deadlines.map((d) => ({
          session: d.session.number,
          label: d.label,
          dueAt: d.dueAt,
          rule: d.rule,
          state: d.status === 'PLANNED' ? 'open' : d.status === 'MISSED' ? 'missed' : 'settled',
        })),
        ...obligations.map((o) => ({
          session: o.session.number,
          label: `${o.obligation.mandate} (${o.obligation.documentType})`,
          dueAt: o.dueAt,
          rule: `${recordedDueRule(o).name} (${recordedDueRule(o).citation})`,
          state: o.status === 'OPEN' ? 'open' : o.status === 'BREACHED' ? 'missed' : 'settled',
        })),
      ].sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
      const line = (d: (typeof items)[number]) => ({
        session: d.session,
        label: d.label,
        due: formatDate(d.dueAt),
        rule: d.rule,
      });
      const overdue = items.filter((d) => d.state === 'open' && d.dueAt.getTime() < now).map(line);
      // A breach is reported in the week it happened; older ones are on the dashboard.
      const missed = items.filter((d) => d.state === 'missed' && d.dueAt.getTime() >= now - 7 * DAY_MS).map(line);
      const upcoming = items.filter((d) => d.state === 'open' && d.dueAt.getTime() >= now).map(line);
      // Each survey still running, or closed in the week before, with the counts every other surface shows.
      const cycles = await db.surveyCycle.findMany({
        where: { OR: [{ status: 'OPEN' }, { closedAt: { gte: new Date(now - 7 * DAY_MS) } }] },
        include: { session: true },
        orderBy: [{ session: { number: 'asc' } }, { kind: 'asc' }],
      });
      const surveys = await Promise.all(
        cycles.map(async (cycle) => {
          const { counts } = await surveyStatus(db, cycle, new Date(now));
          return {
            session: cycle.session.number,
            survey: counts.survey,
            standing: counts.standing,
            replies: counts.replies,
            invited: counts.invited,
            responseRate: counts.responseRate,
            nilReturns: counts.states['nil return'],
            declined: counts.states.declined,
            bounced: counts.states.bounced,
          };
        }),
      );
      const managers = await db.user.findMany({ where: { role: 'MANAGER' }, orderBy: { email: 'asc' } });
      let delivered = 0;
      for (const manager of managers) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: mailKey.digest(weekOf, manager.id),
            kind: 'digest',
            compose: () => {
              const body = renderMail('digest', {
                managerName: manager.name,
                weekOf: formatDate(weekOf),
                overdue,
                missed,
                upcoming,
                surveys,
                dashboardUrl: `${publicBaseUrl}/dashboard`,
              });
              const flags =
                overdue.length + missed.length > 0 ? ` — ${overdue.length} overdue, ${missed.length} missed` : '';
              return Promise.resolve({
                to: manager.email,
                subject: `Deadlines this week (${formatDate(weekOf)})${flags}`,
                ...body,
              });
            },
          }),
        );
        if (outcome === 'delivered') delivered += 1;
      }
      return { overdue: overdue.length, missed: missed.length, upcoming: upcoming.length, delivered };
    },
  };
}

import { formatDate, renderMail } from './mail/render';
import type { ActivityDeps } from './deps';
import { deliveryOutcome } from './invitations';

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
      const line = (d: (typeof deadlines)[number]) => ({
        session: d.session.number,
        label: d.label,
        due: formatDate(d.dueAt),
        rule: d.rule,
      });
      const overdue = deadlines.filter((d) => d.status === 'PLANNED' && d.dueAt.getTime() < now).map(line);
      // A breach is reported in the week it happened; older ones are on the dashboard.
      const missed = deadlines.filter((d) => d.status === 'MISSED' && d.dueAt.getTime() >= now - 7 * DAY_MS).map(line);
      const upcoming = deadlines.filter((d) => d.status === 'PLANNED' && d.dueAt.getTime() >= now).map(line);
      const managers = await db.user.findMany({ where: { role: 'MANAGER' }, orderBy: { email: 'asc' } });
      let delivered = 0;
      for (const manager of managers) {
        const outcome = await deliveryOutcome(
          mailer.send({
            businessKey: `digest:${weekOf}:${manager.id}`,
            kind: 'digest',
            compose: () => {
              const body = renderMail('digest', {
                managerName: manager.name,
                weekOf: formatDate(weekOf),
                overdue,
                missed,
                upcoming,
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

/** What the managers' dashboard says about e-mail that has not gone out: the backlog and any raised alert (F3). */
import type { Db } from '../platform/database';

export interface MailBacklog {
  /** Messages that met a transient failure and wait for their next attempt. */
  retrying: number;
  /** Messages whose delivery nobody can confirm (a worker died mid-conversation); never resent automatically. */
  uncertain: number;
  /** Survey cycles whose e-mails have waited longer than the alert delay for the mail server. */
  alerts: { sessionNumber: number; survey: string; since: string }[];
}

export async function mailBacklog(db: Db): Promise<MailBacklog> {
  const [retrying, uncertain, cycles] = await Promise.all([
    db.emailMessage.count({ where: { status: 'RETRYING' } }),
    db.emailMessage.count({ where: { status: 'UNCERTAIN' } }),
    db.surveyCycle.findMany({
      where: { mailAlertSince: { not: null } },
      include: { session: { select: { number: true } } },
      orderBy: { mailAlertSince: 'asc' },
    }),
  ]);
  return {
    retrying,
    uncertain,
    alerts: cycles.map((c) => ({
      sessionNumber: c.session.number,
      survey: c.kind === 'IGO_NGO' ? 'IGO/NGO survey' : 'system-wide survey',
      since: c.mailAlertSince!.toISOString(),
    })),
  };
}

/** How many messages of the ledger stand in each state (SENT, RETRYING, UNCERTAIN, …): the workers' mail metrics. */
export async function mailByStatus(db: Db): Promise<Record<string, number>> {
  const rows = await db.emailMessage.groupBy({ by: ['status'], _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
}

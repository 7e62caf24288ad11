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

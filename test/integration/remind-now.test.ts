/**
 * "Remind now" pressed twice within the window sends once, over HTTP on the real stack (Temporal dev server, worker,
 * PostgreSQL, SMTP capture): the second press says when the last reminders went, and so does `prep survey remind`;
 * two requests racing for the same cycle claim it once.
 */
import { buildProgram } from '../../client/cli/main';
import type { Runtime } from '../../client/cli/main';
import { claimReminderOnRequest } from '../../services/reminders-on-request';
import { createSession } from '../../services/sessions';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;

describe('remind now, at most once per window', () => {
  let stack: Stack;
  let coordinator: HttpSession;
  const db = () => stack.database.db;

  beforeAll(async () => {
    stack = await startStack('remind-now-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(db(), { number: 51, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
  });

  afterAll(() => stack?.close());

  /** Reminder e-mails sent, by recipient (the ledger), and how many the SMTP capture received. */
  async function reminders() {
    const rows = await db().emailMessage.findMany({ where: { kind: 'reminder', status: 'SENT' } });
    const byPerson = new Map<string, number>();
    for (const row of rows) byPerson.set(row.toAddress, (byPerson.get(row.toAddress) ?? 0) + 1);
    const captured = (await stack.mail.store.all()).filter((m) =>
      rows.some((r) => JSON.stringify(m.parsed.to).includes(r.toAddress) && m.parsed.subject === r.subject),
    ).length;
    return { total: rows.length, byPerson, captured };
  }

  it('sends the reminders of the first press only, and says when they went', async () => {
    expect((await coordinator.submit('/console', '/console/sessions/51/launch', {})).status).toBe(302);
    // One invitation per surveyed organisation of the roster, across both surveys. (Waiting for "every invitation
    // created so far is sent" once stopped while the second survey's pages were still being written.)
    const invited = await db().organisation.count({
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE', 'IGO', 'NGO'] } },
    });
    await eventually(
      async () => {
        const sent = await db().emailMessage.count({ where: { kind: 'invitation', status: 'SENT' } });
        return (
          (await db().surveyCycle.count()) === 2 && sent === invited && (await db().invitation.count()) === invited
        );
      },
      90_000,
      'invitations',
    );

    const first = await coordinator.submit('/console/sessions/51', '/console/sessions/51/remind');
    expect(first.status).toBe(302);
    expect(decodeURIComponent(first.location ?? '')).toContain('Reminders are being sent');
    const second = await coordinator.submit('/console/sessions/51', '/console/sessions/51/remind');
    expect(second.status).toBe(302);
    const flash = decodeURIComponent(second.location ?? '');
    expect(flash).toMatch(
      /The System-wide survey \(IV 10 \(a\)\) was already reminded at \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by coordinator@example\.org: nothing was sent again\. The next reminder on request can go from \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\./,
    );
    expect(flash).toContain('The Survey of IGOs and NGOs (IV 10 (b)) was already reminded at');
    expect((await coordinator.get(second.location!)).body).toContain('nothing was sent again');

    // The CLI asks the same service: refused, with the same message.
    const runtime: Runtime = {
      db: () => db(),
      deps: () => Promise.resolve({ db: db(), temporal: stack.temporal, taskQueue: 'remind-now-test' }),
      close: () => Promise.resolve(),
    };
    await expect(
      buildProgram(runtime, () => undefined).parseAsync(['node', 'prep', 'survey', 'remind', '--session', '51']),
    ).rejects.toThrow(/already reminded at .* nothing was sent again/);

    // Everyone invited has not replied: one reminder each, never two.
    await eventually(async () => (await reminders()).total >= invited, 60_000, 'reminders');
    await new Promise((resolve) => setTimeout(resolve, 3000)); // a second round would have arrived by now
    const sent = await reminders();
    expect(sent.total).toBe(invited);
    expect([...sent.byPerson.values()].every((n) => n === 1)).toBe(true);
    expect(sent.captured).toBe(invited);
    const audit = await db().auditEvent.groupBy({
      by: ['action'],
      where: { action: { startsWith: 'cycle.remind-now' } },
      _count: true,
    });
    expect(Object.fromEntries(audit.map((a) => [a.action, a._count]))).toEqual({
      'cycle.remind-now': 2, // both surveys, once
      'cycle.remind-now-refused': 4, // two surveys, refused on the second press and on the CLI's
    });
  });

  it('lets two requests racing for a cycle claim it once', async () => {
    const claims = await Promise.all(
      ['a@example.org', 'b@example.org', 'c@example.org'].map((actor) =>
        claimReminderOnRequest(db(), { cycleId: 'racing-cycle', actor, windowMinutes: 60 }),
      ),
    );
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    // After the window, the next request is free again.
    const later = await claimReminderOnRequest(db(), {
      cycleId: 'racing-cycle',
      actor: 'a@example.org',
      now: new Date(Date.now() + 61 * 60_000),
      windowMinutes: 60,
    });
    expect(later).toMatchObject({ claimed: true, round: 2 });
  });
});

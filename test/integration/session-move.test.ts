/**
 * Moving a launched session over HTTP, on the Temporal dev server, real SMTP and PostgreSQL (issue 11): the preview
 * changes nothing; a move into an impossible plan is refused until the coordinator chooses; "accept" keeps the
 * surveys' dates and records the breach with its reason; "compress" closes the surveys at the latest date that meets
 * the IV 11 date, and every respondent still to answer is e-mailed the new date once, in their language.
 */
import { latenessFootnote } from '../../services/report-footnote';
import { createSession } from '../../services/sessions';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const dayFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

describe('moving a session: preview, choice, notices', () => {
  let stack: Stack;
  let coordinator: HttpSession;
  const db = () => stack.database.db;
  const snapshot = async () => ({
    session: await db().session.findFirstOrThrow({ where: { number: 44 } }),
    deadlines: await db().deadline.findMany({ orderBy: { key: 'asc' } }),
    cycles: await db().surveyCycle.findMany({ orderBy: { kind: 'asc' } }),
    mails: await db().emailMessage.count(),
  });

  beforeAll(async () => {
    stack = await startStack('session-move-test');
    await createSession(
      db(),
      { number: 44, openingDate: dayFromNow(200), closingDate: dayFromNow(204), venue: 'Vienna' },
      'test',
    );
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/44/launch')).status).toBe(302);
    await eventually(
      async () =>
        (await db().surveyCycle.count()) === 2 &&
        (await db().emailMessage.count({ where: { kind: 'invitation' } })) > 0,
      60_000,
      'both surveys open, invitations out',
    );
    // Let the invitations finish before counting what a move sends.
    const invited = await db().organisation.count({
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE', 'IGO', 'NGO'] } },
    });
    await eventually(
      async () => (await db().emailMessage.count({ where: { kind: 'invitation', status: 'SENT' } })) === invited,
      60_000,
      'invitations',
    );
  });

  afterAll(() => stack?.close());

  it('previews without writing, refuses an impossible move without a choice, and records an accepted breach', async () => {
    const before = await snapshot();
    const impossible = { openingDate: dayFromNow(30), closingDate: dayFromNow(34) };
    const preview = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates/preview', impossible);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('This move makes the plan impossible');
    expect(preview.body).toContain('the sixty-day date');
    expect(preview.body).toContain('Compressing is not possible');
    expect(preview.body).toContain("Keep the surveys' dates and accept the breach");
    expect(await snapshot()).toEqual(before);

    const refused = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates', impossible);
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('This move makes the plan impossible');
    const noReason = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates', {
      ...impossible,
      choice: 'accept',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('say why the breach is accepted');
    const cannotCompress = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates', {
      ...impossible,
      choice: 'compress',
    });
    expect(cannotCompress.status).toBe(409);
    expect(await snapshot()).toEqual(before);

    const reason = 'The Bureau brought the session forward; the survey keeps its dates.';
    const accepted = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates', {
      ...impossible,
      choice: 'accept',
      reason,
    });
    expect(accepted.status).toBe(302);
    const after = await snapshot();
    const deadline = (key: string) => after.deadlines.find((d) => d.key === key)!;
    const was = (key: string) => before.deadlines.find((d) => d.key === key)!;
    expect(deadline('dispatch-deadline')).toMatchObject({ breachAcceptedReason: reason });
    expect(deadline('survey-close').dueAt).toEqual(was('survey-close').dueAt);
    expect(after.cycles.map((c) => [c.status, c.closesAt])).toEqual(before.cycles.map((c) => [c.status, c.closesAt]));
    // The report's lateness footnote is drafted with the reason recorded for the breach.
    const footnote = await latenessFootnote(db(), after.session.id);
    expect(footnote.drafted).toContain('The Bureau brought the session forward; the survey keeps its dates');

    // The IV 11 date has passed under the accepted plan: the breach is recorded, and every rung passed at once speaks
    // once, to each person at the highest level reached, naming the IV 11 date.
    await eventually(
      async () => (await db().deadline.findFirstOrThrow({ where: { key: 'dispatch-deadline' } })).status === 'MISSED',
      30_000,
      'the breach recorded',
    );
    // (The reporting obligations the move made late escalate too, each under its own subject.)
    const escalations = async () =>
      db().emailMessage.findMany({
        where: { kind: 'escalation', subject: { startsWith: 'Deadline missed: report to Governments' } },
      });
    await eventually(async () => (await escalations()).length >= 2, 30_000, 'the breach escalated');
    const told = await escalations();
    expect(told.map((m) => m.toAddress).sort()).toEqual(['chief.ccpcj@example.org', 'manager@example.org']);
    // The ledger's rows are written before the SMTP conversation ends: wait for both to reach the mail server.
    const breachMails = async () =>
      (await stack.mail.store.all()).filter((m) =>
        (m.parsed.subject ?? '').startsWith('Deadline missed: report to Governments for session 44'),
      );
    await eventually(async () => (await breachMails()).length >= 2, 30_000, 'both breach e-mails received');
    const received = await breachMails();
    expect(received).toHaveLength(2);
    const iv11 = deadline('dispatch-deadline').dueAt.toISOString().slice(0, 10);
    for (const m of received)
      expect((m.parsed.text ?? '').replace(/\s+/g, ' ')).toContain(
        `cannot reach Governments by the IV 11 date (${iv11})`,
      );

    // Moving back to the first dates reopens the IV 11 deadline and the obligations the move made late; the surveys
    // kept their dates, so no respondent is told anything; no escalation is sent again.
    const closeMovedBefore = await db().emailMessage.count({ where: { kind: 'close-moved' } });
    const back = { openingDate: dayFromNow(200), closingDate: dayFromNow(204) };
    const backPreview = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates/preview', back);
    expect(backPreview.body).toContain('Analysis report reaches Governments');
    expect((await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates', back)).status).toBe(302);
    const reopened = await db().deadline.findFirstOrThrow({ where: { key: 'dispatch-deadline' } });
    expect([reopened.status, reopened.dueAt]).toEqual(['PLANNED', was('dispatch-deadline').dueAt]);
    expect(reopened.breachAcceptedReason).toBeNull();
    const obligations = await db().sessionObligation.findMany({ where: { sessionId: after.session.id } });
    expect(obligations.every((o) => o.status === 'OPEN' && o.dueAt.getTime() > Date.now())).toBe(true);
    expect(await db().emailMessage.count({ where: { kind: 'close-moved' } })).toBe(closeMovedBefore);
    expect((await escalations()).length).toBe(told.length);
  });

  it('compresses: the surveys close at the latest date that meets the IV 11 date, respondents told once', async () => {
    const move = { openingDate: dayFromNow(100), closingDate: dayFromNow(104) };
    const preview = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates/preview', move);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('value="compress"');
    expect(preview.body).toMatch(/organization\(s\) that have not replied are e-mailed the new date/);
    const told = Number(/<strong>(\d+)<\/strong> organization\(s\)/.exec(preview.body)?.[1]);
    expect(told).toBeGreaterThan(0);

    const compressed = await coordinator.submit('/console/sessions/44', '/console/sessions/44/dates', {
      ...move,
      choice: 'compress',
    });
    expect(compressed.status).toBe(302);
    const close = await db().deadline.findFirstOrThrow({ where: { key: 'survey-close' } });
    // 60 days for IV 11, then the shortest margins: dispatch 1 day, approval 3, analysis 7.
    expect(close.dueAt.toISOString().slice(0, 10)).toBe(dayFromNow(100 - 60 - 11));
    expect(close.rule).toContain('Compressed to meet the IV 11 date');
    await eventually(
      async () => (await db().surveyCycle.findMany()).every((c) => c.closesAt.getTime() === close.dueAt.getTime()),
      30_000,
      'both surveys take the compressed close',
    );
    const notices = async () => db().emailMessage.findMany({ where: { kind: 'close-moved' } });
    const invited = await db().invitation.count({ where: { revokedAt: null, contact: { bouncedAt: null } } });
    await eventually(async () => (await notices()).length === invited, 60_000, 'a notice to every respondent');
    const sent = await notices();
    expect(new Set(sent.map((m) => m.businessKey)).size).toBe(sent.length);
    // Each reached the mail server (in the contact's language: the subject names the new date).
    const received = async () =>
      (await stack.mail.store.all()).filter((m) =>
        /closes on|clôturée|se cierra|закрывается|يُغلق|截止/.test(m.parsed.subject ?? ''),
      ).length;
    await eventually(async () => (await received()) === sent.length, 30_000, 'every notice received');
  });
});

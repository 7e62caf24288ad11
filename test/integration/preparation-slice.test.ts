/**
 * The vertical slice on real parts: the Temporal dev server (Temporal CLI), a real SMTP conversation with the mail
 * catcher, PostgreSQL (embedded, or the server named by DATABASE_URL), the real worker and the web server over HTTP.
 * A coordinator launches; a respondent follows the link from the received e-mail and submits; the coordinator closes
 * the survey; a manager approves; every Government's focal point receives the report with the .docx attached.
 */
import { WEEKLY_DIGEST_SCHEDULE_ID, ensureWeeklyDigestSchedule } from '../../client/schedules';
import { daysBeforeOpening } from '../../domain/deadlines';
import { docxText } from '../helpers/docx';
import { HttpSession, csrfToken, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';
import { cycleQuery } from '../../workflows/definitions';
import { verifyAuditChain } from '../../services/audit';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;

describe('preparation slice end to end (dev server, SMTP, PostgreSQL, HTTP)', () => {
  let stack: Stack;
  let env: Stack['env'];
  let database: Stack['database'];
  let mail: Stack['mail'];
  let baseUrl: string;
  let logLines: string[];

  beforeAll(async () => {
    stack = await startStack('slice-test');
    ({ env, database, mail, baseUrl, logLines } = stack);
  });

  afterAll(() => stack?.close());

  it('runs launch → e-mail → link → answer → close → approve → dispatch with the .docx attached', async () => {
    let openingDate = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const coordinator = new HttpSession(baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');

    // Bad input gets a clear 400 and writes nothing.
    const bad = await coordinator.submit('/console', '/console/sessions', {
      number: 'x',
      openingDate: '2027-02-30',
      closingDate: '',
      venue: 'V',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('the session number must be a whole number');
    expect(await database.db.session.count()).toBe(0);

    const closingDate = new Date(Date.parse(openingDate) + 4 * DAY).toISOString().slice(0, 10);
    expect(
      (
        await coordinator.submit('/console', '/console/sessions', {
          number: '37',
          openingDate,
          closingDate,
          venue: 'Vienna',
        })
      ).status,
    ).toBe(302);
    expect((await coordinator.submit('/console', '/console/sessions/37/launch')).status).toBe(302);
    expect((await coordinator.submit('/console', '/console/sessions/37/launch')).status).toBe(409);
    // The workflows are named by the session's number, for people, and its durable id, for the database.
    const { id: sessionId } = await database.db.session.findFirstOrThrow({ where: { number: 37 } });

    // Moving the session re-plans the running preparation, visibly, and the stored plan and calendar follow.
    const movedOpening = new Date(Date.parse(openingDate) + 10 * DAY).toISOString().slice(0, 10);
    const movedClosing = new Date(Date.parse(movedOpening) + 4 * DAY).toISOString().slice(0, 10);
    const move = await coordinator.submit('/console/sessions/37', '/console/sessions/37/dates', {
      openingDate: movedOpening,
      closingDate: movedClosing,
    });
    if (move.status !== 302) console.error(stack.logLines.filter((l) => l.includes('"level":50')).join('\n'));
    expect(move.status).toBe(302);
    const moved = await coordinator.get(move.location!);
    expect(moved.body).toContain('re-planned: Reminder to non-respondents');
    const storedDeadline = await database.db.deadline.findFirstOrThrow({ where: { key: 'dispatch-deadline' } });
    expect(daysBeforeOpening(movedOpening, storedDeadline.dueAt)).toBe(60);
    openingDate = movedOpening;
    // The reporting obligations moved with the session, each under the strictest rule that binds it.
    const obligations = await database.db.sessionObligation.findMany({ include: { obligation: true } });
    expect(
      obligations.map((o) => [o.obligation.code, o.dueRule, daysBeforeOpening(movedOpening, o.dueAt)]).sort(),
    ).toEqual([
      ['IV-10-c', 'sixty-day', 60],
      ['IV-2', 'ten-week', 70],
      ['VI-3-b', 'ten-week', 70],
      ['VII-4', 'ten-week', 70],
    ]);
    // Staff record the IV 2 document; its deadline workflow completes.
    expect(
      (
        await coordinator.submit('/dashboard', '/dashboard/sessions/37/obligations/IV-2/met', {
          documentSymbol: 'not a symbol',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await coordinator.submit('/dashboard', '/dashboard/sessions/37/obligations/IV-2/met', {
          documentSymbol: 'E/CN.15/2027/5',
        })
      ).status,
    ).toBe(302);
    await expect(
      env.client.workflow.getHandle(`obligation-ccpcj-37-${sessionId}-iv-2`).result(),
    ).resolves.toMatchObject({
      code: 'IV-2',
      late: false,
    });
    const dashboard = await coordinator.get('/dashboard');
    const feed = /href="[^"]*(\/calendar\.ics\?key=[^"]+)"/.exec(dashboard.body)![1]!.replace(/&amp;/g, '&');
    const calendar = await new HttpSession(baseUrl).get(feed);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toContain('BEGIN:VCALENDAR');
    expect(calendar.body).toContain(
      `DTSTART;VALUE=DATE:${storedDeadline.dueAt.toISOString().slice(0, 10).replace(/-/g, '')}`,
    );
    expect((await new HttpSession(baseUrl).get('/calendar.ics?key=wrong')).status).toBe(404);

    // Every surveyed organisation receives one invitation through the real SMTP server.
    const invited = await database.db.organisation.count({
      // Both surveys: the UN system (IV 10 (a)) and the IGOs and NGOs (IV 10 (b)).
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE', 'IGO', 'NGO'] } },
    });
    const invitations = await eventually(
      async () => {
        // Each in its contact's language: found through the ledger's Message-IDs.
        const sent = await database.db.emailMessage.findMany({ where: { kind: 'invitation', status: 'SENT' } });
        const ids = new Set(sent.map((m) => m.messageId));
        const all = (await mail.store.all()).filter((m) => ids.has(m.parsed.messageId ?? ''));
        return all.length === invited && all;
      },
      60_000,
      'invitation e-mails',
    );
    const unicriMail = invitations.find((m) => JSON.stringify(m.parsed.to).includes('focal.point@unicri.example.org'))!;
    const link = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/.exec(unicriMail.parsed.text ?? '')![1]!;
    const token = link.split('/r/')[1]!;

    // "Remind now" reaches every organisation that has not replied yet, once.
    expect((await coordinator.submit('/console/sessions/37', '/console/sessions/37/remind')).status).toBe(302);
    await eventually(
      async () => (await database.db.emailMessage.count({ where: { kind: 'reminder', status: 'SENT' } })) === invited,
      30_000,
      'reminders on request',
    );

    // Opening the link changes nothing (mail scanners open links too).
    const respondent = new HttpSession(baseUrl);
    const landing = await respondent.get(link);
    expect(landing.status).toBe(200);
    expect(landing.body).toContain('United Nations Interregional Crime and Justice Research Institute');
    expect(await database.db.response.count()).toBe(0);

    expect((await respondent.submit(link, `${link}/start`)).status).toBe(303);
    const submitted = await respondent.submit(`${link}/form`, `${link}/form`, {
      version: '1',
      action: 'submit',
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Research and training on <transnational organized crime>',
      theme_a_budget: '380000',
      theme_a_budget_currency: 'USD',
      theme_c_description: 'Criminal justice data collection support',
      theme_c_budget: '120000',
      theme_c_budget_currency: 'EUR',
      partners: 'UNDP',
    });
    expect(submitted.status).toBe(303);
    expect((await respondent.get(link)).body).toContain('Thank you');
    // A receipt with the reference number and a copy of the answers reaches the contact who submitted.
    const receipt = await eventually(
      async () => {
        const all = await mail.store.all();
        return all.find((m) => m.parsed.subject?.startsWith('Reply received, reference'));
      },
      30_000,
      'receipt',
    );
    expect(JSON.stringify(receipt.parsed.to)).toContain('focal.point@unicri.example.org');
    expect(receipt.parsed.text).toContain('Research and training on <transnational organized crime>');
    expect(receipt.parsed.text).toContain('380,000 USD');

    // Another organisation files a nil return: distinct from a reply and from silence, with its own receipt.
    const undpMail = invitations.find((m) => JSON.stringify(m.parsed.to).includes('focal.point@undp.example.org'))!;
    const undpLink = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/.exec(undpMail.parsed.text ?? '')![1]!;
    const undp = new HttpSession(baseUrl);
    const undpToken = csrfToken((await undp.get(undpLink)).body);
    expect((await undp.request('POST', `${undpLink}/nil`, { _csrf: undpToken })).status).toBe(303);
    expect((await undp.get(undpLink)).body).toContain('filed a nil return');
    // A second nil return (a double click, a replayed form) is refused and changes nothing.
    expect((await undp.request('POST', `${undpLink}/nil`, { _csrf: undpToken })).status).toBe(409);
    await eventually(
      async () =>
        (await mail.store.all()).some((m) => m.parsed.text?.includes('nothing to report for this survey (nil return)')),
      30_000,
      'nil-return receipt',
    );

    // The workflow learned of the submission.
    const cycleHandle = env.client.workflow.getHandle(`survey-cycle-ccpcj-37-${sessionId}-system-wide`);
    await eventually(async () => (await cycleHandle.query(cycleQuery)).submitted === 2, 30_000, 'submission signal');

    expect((await coordinator.submit('/console', '/console/sessions/37/close-survey')).status).toBe(302);
    const manager = new HttpSession(baseUrl);
    await manager.login('manager@example.org', 'manager-demo');
    // A coordinator cannot approve.
    expect((await coordinator.submit('/console', '/dashboard/sessions/37/approve')).status).toBe(403);
    await eventually(
      async () => (await manager.get('/dashboard')).body.includes('Approve E/CN.15/'),
      60_000,
      'report awaiting approval',
    );
    const agendaLink =
      /Provisional agenda <strong>E\/CN\.15\/\d{4}\/1<\/strong> \(version 2\) · <a href="(\/documents\/[^"]+)"/.exec(
        (await manager.get('/dashboard')).body,
      );
    expect(agendaLink).not.toBeNull();
    const agendaDocx = await fetch(`${baseUrl}${agendaLink![1]}`, { headers: { cookie: manager.cookieHeader() } });
    const agendaText = (await docxText(Buffer.from(await agendaDocx.arrayBuffer()))).body;
    expect(agendaText).toContain('Mandate: ECOSOC 1992/22 VII 2 (standing item)');
    expect(agendaText).toMatch(
      /Documentation: Report of the Secretary-General on the priority themes \(E\/CN\.15\/\d{4}\/2\)/,
    );
    // No options yet: approval is refused with the reason; the manager sends the version back with comments.
    const early = await manager.submit('/dashboard', '/dashboard/sessions/37/approve');
    expect(early.status).toBe(409);
    expect(early.body).toContain('The options section is empty');
    expect(
      (await manager.submit('/dashboard', '/dashboard/sessions/37/reject', { comment: 'Add costed options' })).status,
    ).toBe(302);
    await eventually(
      async () =>
        (await mail.store.all()).find((m) => m.parsed.subject?.startsWith('Sent back for revision: E/CN.15/')),
      30_000,
      'sent-back notice to coordinators',
    );
    const optionsBefore = await database.db.reportOption.count();
    const badOption = await coordinator.submit('/dashboard', '/dashboard/sessions/37/options', {
      position: '1',
      title: 'Regional workshops',
      text: 'One workshop per region with the institutes of the network.',
      budgetUsd: '-5',
    });
    expect(badOption.status).toBe(400);
    expect(badOption.body).toContain('the budget implication cannot be negative');
    expect(await database.db.reportOption.count()).toBe(optionsBefore);
    expect(
      (
        await coordinator.submit('/dashboard', '/dashboard/sessions/37/options', {
          position: '1',
          title: 'Regional workshops',
          text: 'One workshop per region with the institutes of the network.',
          budgetUsd: '120,000',
        })
      ).status,
    ).toBe(302);
    expect((await coordinator.submit('/dashboard', '/dashboard/sessions/37/revise')).status).toBe(302);
    expect((await manager.get('/dashboard')).body).toMatch(/Report <strong>E\/CN\.15\/\d{4}\/2<\/strong> \(version 2,/);
    expect((await manager.submit('/dashboard', '/dashboard/sessions/37/approve')).status).toBe(302);

    const governments = await database.db.government.count();
    const dispatched = await eventually(
      async () => {
        const all = (await mail.store.all()).filter((m) =>
          m.parsed.attachments.some((a) => a.filename?.endsWith('.docx')),
        );
        return all.length === governments && all;
      },
      60_000,
      'dispatch e-mails',
    );
    // Each covering note verbale is in the mission's language, naming its Government as that language does.
    const noteTo = (iso3: string) =>
      dispatched
        .find((m) => m.parsed.to && 'text' in m.parsed.to && m.parsed.to.text.includes(`mission-${iso3}.example.org`))!
        .parsed.text!.replace(/\s+/g, ' ');
    expect(noteTo('fra')).toContain('présente ses compliments au Gouvernement de la France');
    expect(noteTo('rus')).toContain('свидетельствует свое уважение правительству Российской Федерации');
    expect(noteTo('arg')).toContain('saluda atentamente al Gobierno de la Argentina');
    const attachment = dispatched[0]!.parsed.attachments[0]!;
    const { body } = await docxText(attachment.content);
    expect(body).toContain('Distr.: General');
    expect(body).toContain('Research and training on <transnational organized crime>');
    expect(body).toMatch(
      /United Nations Development Programme\s*United Nations entity\s*Global or interregional\s*Nil return/,
    );
    expect(body).toContain(
      'Option 1: Regional workshops. One workshop per region with the institutes of the network. Budget implications: $120,000.',
    );

    // Each send is recorded with the Message-ID the Government received, no later than opening − 60 days.
    // The last Dispatch row is written just after its message is accepted: wait for it rather than race it.
    const log = await eventually(
      async () => {
        const rows = await database.db.dispatch.findMany({ include: { emailMessage: true } });
        return rows.length === governments && rows;
      },
      30_000,
      'dispatch log',
    );
    expect(log).toHaveLength(governments);
    const receivedIds = new Set(dispatched.map((m) => m.parsed.messageId));
    for (const entry of log) {
      expect(receivedIds.has(entry.emailMessage.messageId)).toBe(true);
      expect(daysBeforeOpening(openingDate, entry.emailMessage.sentAt!)).toBeGreaterThanOrEqual(60);
    }
    const result = (await env.client.workflow.getHandle(`session-prep-ccpcj-37-${sessionId}`).result()) as {
      deadlineMet: boolean;
    };
    expect(result.deadlineMet).toBe(true);
    const proofLink = /href="(\/documents\/[^"]+)">Proof of dispatch/.exec((await manager.get('/dashboard')).body);
    const proofDocx = await fetch(`${baseUrl}${proofLink![1]}`, { headers: { cookie: manager.cookieHeader() } });
    const proofText = (await docxText(Buffer.from(await proofDocx.arrayBuffer()))).body;
    expect(proofText).toMatch(
      new RegExp(
        `delivered to ${governments} of ${governments} Governments; the last delivery left \\d+ days before the opening, meeting the sixty-day requirement`,
      ),
    );
    expect(proofText).toContain(log[0]!.emailMessage.messageId);

    // The weekly digest is a Schedule; creating it twice keeps the first, and triggering it mails the managers.
    expect(await ensureWeeklyDigestSchedule(stack.temporal, 'slice-test')).toBe('created');
    expect(await ensureWeeklyDigestSchedule(stack.temporal, 'slice-test')).toBe('exists');
    await env.client.schedule.getHandle(WEEKLY_DIGEST_SCHEDULE_ID).trigger();
    await eventually(
      async () => (await mail.store.all()).some((m) => m.parsed.subject?.startsWith('Deadlines this week')),
      30_000,
      'digest',
    );

    // No e-mail was sent twice, and the token never reached a log line or a workflow history.
    const allIds = (await mail.store.all()).map((m) => m.parsed.messageId);
    expect(new Set(allIds).size).toBe(allIds.length);
    expect(logLines.join('')).not.toContain(token);
    for (const id of [`session-prep-ccpcj-37-${sessionId}`, `survey-cycle-ccpcj-37-${sessionId}-system-wide`]) {
      const history = await env.client.workflow.getHandle(id).fetchHistory();
      expect(JSON.stringify(history)).not.toContain(token);
    }
    // Once the cycle is closed the link takes no reply: it says when the survey closed and shows the reply given.
    // An unknown link still gets the neutral page.
    const closedLink = await respondent.get(link);
    const unknown = await respondent.get(`${baseUrl}/r/${'A'.repeat(43)}`);
    expect([closedLink.status, unknown.status]).toEqual([200, 404]);
    expect(closedLink.body).toContain('This survey has closed');
    expect(closedLink.body).toContain('View the reply');
    expect(closedLink.body).not.toContain('<form');
    expect(unknown.body).toContain('This link is not available');
  });

  it('left one chained audit event for each action of the scenario, and the chain shows any edit or removal', async () => {
    const { db } = stack.database;
    const events = await db.auditEvent.findMany({ orderBy: { id: 'asc' } });
    const count = (action: string) => events.filter((e) => e.action === action).length;
    // Staff, respondent and workflow actions of the scenario above, each recorded once.
    for (const action of [
      'session.create',
      'session.launch',
      'session.move',
      'obligation.met',
      'response.start',
      'response.submit',
      'document.reject',
      'document.approve',
    ])
      expect([action, count(action)]).toEqual([action, 1]);
    for (const action of [
      'cycle.open',
      'cycle.remind-now',
      'report-option.save',
      'document.compile',
      'document.dispatch',
    ])
      expect([action, count(action) > 0]).toEqual([action, true]);
    // Who, what, on what, when; never a token from any e-mailed link, nor an answer.
    const tokens = (await stack.mail.store.all()).flatMap((m) =>
      [...(m.parsed.text ?? '').matchAll(/\/r\/([A-Za-z0-9_-]{43})/g)].map((match) => match[1]!),
    );
    expect(tokens.length).toBeGreaterThan(0);
    const rows = JSON.stringify(events.map((e) => ({ ...e, id: e.id.toString() })));
    for (const event of events) expect(event.actor).not.toBe('');
    for (const token of tokens) expect(rows).not.toContain(token);
    expect(rows).not.toContain('transnational organized crime');

    expect(await verifyAuditChain(db)).toEqual({ checked: events.length, unchained: 0, problems: [] });
    // The table refuses changes; someone who gets round that is caught by the chain.
    const target = events[Math.floor(events.length / 2)]!;
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET actor = 'someone' WHERE id = ${target.id}`).rejects.toThrow(
      /append-only/,
    );
    await db.$executeRawUnsafe('ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"');
    await db.$executeRaw`UPDATE "AuditEvent" SET actor = 'someone' WHERE id = ${target.id}`;
    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${events[3]!.id}`;
    await db.$executeRawUnsafe('ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only"');
    expect((await verifyAuditChain(db)).problems).toEqual([
      { id: events[4]!.id.toString(), problem: 'the row before it was removed or changed' },
      { id: target.id.toString(), problem: 'its content does not match its hash' },
    ]);
  });
});

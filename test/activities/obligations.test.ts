/** Reporting obligations on real PostgreSQL and a real SMTP server: planned by rule, checked, escalated, discharged. */
import { MockActivityEnvironment } from '@temporalio/testing';
import { InvalidInputError } from '../../services/errors';
import { planSessionObligations, recordObligationMet } from '../../services/obligations';
import { changeSessionDates } from '../../services/sessions';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('reporting obligations', () => {
  let fixture: ActivityFixture;
  const env = new MockActivityEnvironment();
  const row = (code: string) =>
    fixture.database.db.sessionObligation.findFirstOrThrow({
      where: { sessionId: fixture.sessionId, obligation: { code } },
    });

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 44,
      opening: '2031-05-12',
      closing: '2031-05-16',
      surveyCloses: '2031-01-30T00:00:00.000Z',
    });
    await fixture.database.db.$transaction((tx) =>
      planSessionObligations(tx, { id: fixture.sessionId, number: 44, openingDate: '2031-05-12' }),
    );
  });

  afterAll(() => fixture.close());

  it('plans each obligation by the strictest of its rules and names that rule', async () => {
    const rows = await fixture.database.db.sessionObligation.findMany({
      where: { sessionId: fixture.sessionId },
      include: { obligation: true },
      orderBy: { obligation: { code: 'asc' } },
    });
    expect(rows.map((r) => [r.obligation.code, r.dueAt.toISOString().slice(0, 10), r.dueRule, r.workflowId])).toEqual([
      ['IV-10-c', '2031-03-13', 'sixty-day', `session-prep-ccpcj-44-${fixture.sessionId}`],
      ['IV-2', '2031-03-03', 'ten-week', `obligation-ccpcj-44-${fixture.sessionId}-iv-2`],
      ['VI-3-b', '2031-03-03', 'ten-week', `obligation-ccpcj-44-${fixture.sessionId}-vi-3-b`],
      ['VII-4', '2031-03-03', 'ten-week', `obligation-ccpcj-44-${fixture.sessionId}-vii-4`],
    ]);
  });

  it("lists the obligations due within four weeks in the managers' weekly digest, with their rule", async () => {
    await env.run(fixture.activities.sendWeeklyDigest, { weekOf: '2031-02-10' });
    const digest = (await fixture.mail.store.all()).find((m) => m.parsed.subject?.startsWith('Deadlines this week'));
    const text = digest!.parsed.text!.replace(/\s+/g, ' ');
    expect(text).toContain('Session 44: ECOSOC 1992/22 VI 3 (b) (Report of the Secretary-General), due 3 March 2031');
    expect(text).toContain('Ten-week submission rule');
  });

  it('reads the recorded due date, which moving the session re-plans in the same transaction', async () => {
    const { id } = await row('IV-2');
    await changeSessionDates(
      fixture.database.db,
      44,
      { openingDate: '2031-06-09', closingDate: '2031-06-13' },
      'coordinator@example.org',
    );
    const state = await env.run(fixture.activities.checkObligation, { sessionObligationId: id });
    expect(state).toMatchObject({
      code: 'IV-2',
      dueAt: '2031-03-31T00:00:00.000Z',
      dueRule: 'ten-week',
      status: 'OPEN',
    });
    expect((await row('IV-2')).dueAt.toISOString()).toBe('2031-03-31T00:00:00.000Z');
  });

  it('escalates once per checkpoint and recipient, citing the rule', async () => {
    const { id } = await row('VI-3-b');
    const input = {
      sessionObligationId: id,
      checkpoint: 'T-30',
      level: 'owner' as const,
      dueAt: '2031-03-31T00:00:00.000Z',
    };
    expect(await env.run(fixture.activities.escalateObligation, input)).toBe(1);
    expect(await env.run(fixture.activities.escalateObligation, input)).toBe(1); // the ledger answers, nothing resent
    const mails = (await fixture.mail.store.all()).filter((m) => m.parsed.subject?.includes('VI 3 (b)'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toBe('Due 31 March 2031: ECOSOC 1992/22 VI 3 (b) for session 44');
    expect(mails[0]!.parsed.to).toMatchObject({ text: 'coordinator@example.org' });
    expect(mails[0]!.parsed.text!.replace(/\s+/g, ' ')).toContain(
      'ten-week submission rule (General Assembly resolution 60/236 B',
    );
  });

  it('keeps a recorded breach when the document comes late, and refuses a malformed symbol without writing', async () => {
    const { id, dueAt } = await row('VII-4');
    await env.run(fixture.activities.recordObligationBreach, {
      sessionObligationId: id,
      dueAt: dueAt.toISOString(),
    });
    const breached = await row('VII-4');
    expect(breached).toMatchObject({ status: 'BREACHED' });

    await expect(
      recordObligationMet(fixture.database.db, 44, 'VII-4', { documentSymbol: '<script>' }, 'coordinator@example.org'),
    ).rejects.toBeInstanceOf(InvalidInputError);
    expect(await row('VII-4')).toEqual(breached);

    await recordObligationMet(
      fixture.database.db,
      44,
      'VII-4',
      { documentSymbol: 'E/CN.15/2031/7' },
      'coordinator@example.org',
    );
    const met = await row('VII-4');
    expect(met).toMatchObject({ status: 'MET', documentSymbol: 'E/CN.15/2031/7', metBy: 'coordinator@example.org' });
    expect(met.breachedAt).toEqual(dueAt);
    const audit = await fixture.database.db.auditEvent.findMany({ where: { entityId: id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['obligation.breach', 'obligation.met']);
  });

  it('settles the IV 10 (c) obligation when the preparation workflow settles the IV 11 dispatch deadline', async () => {
    const { id } = await row('IV-10-c');
    // The dispatch deadline is in the plan recorded with the session.
    expect(
      await fixture.database.db.deadline.count({ where: { sessionId: fixture.sessionId, key: 'dispatch-deadline' } }),
    ).toBe(1);
    await env.run(fixture.activities.settleDeadline, {
      sessionId: fixture.sessionId,
      key: 'dispatch-deadline',
      state: 'met' as const,
      doneAt: '2031-03-30T10:00:00.000Z',
    });
    expect(await fixture.database.db.sessionObligation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'MET',
      metBy: 'dispatch to Governments',
      breachedAt: null,
    });
    await expect(
      recordObligationMet(fixture.database.db, 44, 'IV-10-c', { documentSymbol: 'E/CN.15/2031/2' }, 'x'),
    ).rejects.toThrow('met by the dispatch of the analysis report');
  });
});

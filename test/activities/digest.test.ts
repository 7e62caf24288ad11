import { MockActivityEnvironment } from '@temporalio/testing';
import { planDeadlines } from '../../domain/deadlines';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('weekly deadline digest', () => {
  let fixture: ActivityFixture;

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 42,
      opening: '2031-05-12',
      closing: '2031-05-16',
      surveyCloses: '2031-01-30T00:00:00.000Z',
    });
    const plan = planDeadlines('2031-05-12');
    await fixture.activities.recordPlan({ sessionId: fixture.sessionId, plan: Object.values(plan) });
    await fixture.activities.settleDeadline({
      sessionId: fixture.sessionId,
      key: 'survey-reminder',
      state: 'met',
      doneAt: plan['survey-reminder'].dueAt,
    });
  });

  afterAll(() => fixture.close());

  it('lists what is overdue and what is due within four weeks, once per manager and week', async () => {
    // The week after the survey was due to close: the close is overdue (still open), approval falls due within 4 weeks.
    const env = new MockActivityEnvironment();
    const summary = await env.run(fixture.activities.sendWeeklyDigest, { weekOf: '2031-02-03' });
    expect(summary).toEqual({ overdue: 1, missed: 0, upcoming: 1, delivered: 1 });
    await expect(env.run(fixture.activities.sendWeeklyDigest, { weekOf: '2031-02-03' })).resolves.toMatchObject({
      delivered: 1,
    });

    const digests = (await fixture.mail.store.all()).filter((m) => m.parsed.subject?.startsWith('Deadlines this week'));
    expect(digests).toHaveLength(1);
    const text = digests[0]!.parsed.text!.replace(/\s+/g, ' ');
    expect(digests[0]!.parsed.subject).toBe('Deadlines this week (3 February 2031) — 1 overdue, 0 missed');
    expect(text).toContain('Session 42: System-wide survey closes (IV 10 (a)), due 30 January 2031');
    expect(text).toContain('Session 42: Manager approves the analysis report, due 20 February 2031');
    expect(text).not.toContain('Reminder to non-respondents');
  });
});

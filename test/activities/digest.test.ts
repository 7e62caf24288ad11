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
    // The fixture's session was created with its plan recorded; this is the same plan by the same rules.
    const plan = planDeadlines('2031-05-12');
    await fixture.activities.settleDeadline({
      sessionId: fixture.sessionId,
      key: 'survey-reminder',
      state: 'met',
      doneAt: plan['survey-reminder'].dueAt,
    });
  });

  afterAll(() => fixture.close());

  it('lists what is overdue and what is due within four weeks, once per manager and week', async () => {
    // The week after the surveys were due to close: both closes are overdue (no workflow settled them), approval and
    // the three obligations recorded with the session under the ten-week rule fall due within four weeks.
    const env = new MockActivityEnvironment();
    const summary = await env.run(fixture.activities.sendWeeklyDigest, { weekOf: '2031-02-03' });
    expect(summary).toEqual({ overdue: 2, missed: 0, upcoming: 4, delivered: 1 });
    await expect(env.run(fixture.activities.sendWeeklyDigest, { weekOf: '2031-02-03' })).resolves.toMatchObject({
      delivered: 1,
    });

    const digests = (await fixture.mail.store.all()).filter((m) => m.parsed.subject?.startsWith('Deadlines this week'));
    expect(digests).toHaveLength(1);
    const text = digests[0]!.parsed.text!.replace(/\s+/g, ' ');
    expect(digests[0]!.parsed.subject).toBe('Deadlines this week (3 February 2031) — 2 overdue, 0 missed');
    expect(text).toContain('Session 42: System-wide survey closes (IV 10 (a)), due 30 January 2031');
    expect(text).toContain('Session 42: IGO/NGO survey closes (IV 10 (b)), due 30 January 2031');
    expect(text).toContain('Session 42: Manager approves the analysis report, due 20 February 2031');
    expect(text).toContain('Session 42: ECOSOC 1992/22 VI 3 (b) (Report of the Secretary-General), due 3 March 2031');
    expect(text).not.toContain('Reminder to non-respondents');
  });
});

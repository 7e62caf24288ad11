/**
 * The live forecast from the database: two sessions' system-wide surveys (the earlier one the previous cycle), replies
 * written as the respondents' routes write them, and services/forecast.ts reading them through the one survey query.
 */
import { forecastRiskReason, sessionForecast } from '../../services/forecast';
import { createSession } from '../../services/sessions';
import type { SessionSummary } from '../../services/session-lookup';
import { createTestDatabase } from '../helpers/database';
import type { TestDatabase } from '../helpers/database';
import { surveyWithReplies } from '../helpers/replies';

const DAY = 24 * 3600 * 1000;

describe('the live forecast, read from the database', () => {
  let database: TestDatabase;
  let previous: SessionSummary;
  let current: SessionSummary;
  let first: SessionSummary;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: true });
    const create = (number: number, opening: string, closing: string) =>
      createSession(database.db, { number, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    first = await create(39, '2029-05-14', '2029-05-18');
    previous = await create(40, '2030-05-13', '2030-05-17');
    current = await create(41, '2031-05-12', '2031-05-16');
    // Session 39 ran no survey; session 40's reached 13 of 16 (81 %), seven in its first ten days.
    await surveyWithReplies(database.db, previous, [1, 2, 3, 5, 6, 8, 9, 20, 25, 30, 35, 38, 39], { closed: true });
  });

  afterAll(() => database.drop());

  it('blends the last fourteen days of replies with the previous session’s curve, and says so', async () => {
    const { opensAt } = await surveyWithReplies(
      database.db,
      current,
      [1, 2, 3, 4, 5, 6, 8, 20, 25, 29],
      // Two declines: an answer, but not a reply; they do not count.
      { declinedDays: [27, 28] },
    );
    const now = new Date(opensAt.getTime() + 30 * DAY);
    const forecast = await sessionForecast(database.db, current, now);
    const survey = forecast.surveys.find((s) => s.kind === 'SYSTEM_WIDE')!;
    expect(survey).toMatchObject({
      method: 'blend',
      replies: 10,
      invited: 16,
      expected: 12,
      pace: { days: 14, replies: 3 },
      previous: { sessionNumber: 40, rate: 81, replies: 13, invited: 16 },
    });
    expect(survey.basis).toMatch(
      /^12 of 16 expected by 30 January 2031, from the last 14 days' pace of 0\.2 replies a day .*; last cycle \(session 40\) reached 81 %$/,
    );
    // The dates of the recorded plan, the survey on its close: all on track, no risk.
    expect(Object.fromEntries(forecast.dates.map((d) => [d.key, d.outlook]))).toMatchObject({
      'survey-close': 'on track',
      'report-approval': 'on track',
      'dispatch-deadline': 'on track',
    });
    expect(forecast.risk).toBeUndefined();
    await expect(forecastRiskReason(database.db, current, now)).resolves.toBeUndefined();
  });

  it('a personal extension far past the close puts the IV 11 deadline at risk, before any rung of the ladder', async () => {
    const cycle = await database.db.surveyCycle.findFirstOrThrow({ where: { sessionId: current.id } });
    const extendedUntil = new Date(cycle.closesAt.getTime() + 10 * DAY);
    await database.db.invitation.updateMany({
      where: { cycleId: cycle.id, organisation: { responses: { none: { cycleId: cycle.id } } } },
      data: { extendedUntil, extensionReason: 'mission abroad' },
    });
    const now = new Date(cycle.opensAt.getTime() + 30 * DAY);
    const forecast = await sessionForecast(database.db, current, now);
    expect(forecast.surveyEnds['survey-close']).toBe(extendedUntil.toISOString());
    const deadline = forecast.dates.find((d) => d.key === 'dispatch-deadline')!;
    expect(deadline.outlook).toBe('at risk');
    expect(forecast.risk).toMatch(/^forecast: analysis report reaches Governments \(.*\) is at risk: /);
    await expect(forecastRiskReason(database.db, current, now)).resolves.toBe(forecast.risk);
  });

  it('a session with no survey has only its dates; a closed survey with no earlier cycle is its own result', async () => {
    const none = await sessionForecast(database.db, first, new Date('2029-01-01T00:00:00Z'));
    expect(none.surveys).toEqual([]);
    expect(none.dates.map((d) => d.key)).toEqual(
      expect.arrayContaining(['survey-close', 'report-approval', 'dispatch-target', 'dispatch-deadline']),
    );
    // Session 40's own forecast: closed, so its replies are the result; the session before ran no survey.
    const closed = await sessionForecast(database.db, previous, new Date('2030-06-01T00:00:00Z'));
    expect(closed.surveys[0]).toMatchObject({ method: 'closed', expected: 13, expectedRate: 81 });
    expect(closed.surveys[0]!.previous).toBeUndefined();
  });
});

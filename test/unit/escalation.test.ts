import { planDeadlines } from '../../domain/deadlines';
import {
  FORECAST_CHECK_EVERY_MS,
  dispatchRisk,
  escalationCheckpoints,
  escalationRung,
  levelReached,
  nextForecastCheck,
  stageOfFacts,
} from '../../domain/escalation';

const DAY = 24 * 3600 * 1000;

describe('escalation ladder and risk', () => {
  const plan = planDeadlines('2027-05-10');
  const at = (key: keyof typeof plan, days = 0) => Date.parse(plan[key].dueAt) + days * DAY;

  it('climbs owner → manager → chief at T−30, T−14, then daily from T−7, and ends with the breach', () => {
    const ladder = escalationCheckpoints(at('dispatch-deadline'));
    expect(ladder.map((c) => `${c.id}:${c.level}`)).toEqual([
      'T-30:owner',
      'T-14:manager',
      'T-7:chief',
      'T-6:chief',
      'T-5:chief',
      'T-4:chief',
      'T-3:chief',
      'T-2:chief',
      'T-1:chief',
      'breach:chief',
    ]);
    expect(ladder[0]!.at).toBe(at('dispatch-deadline', -30));
    expect(ladder.at(-1)!.at).toBe(at('dispatch-deadline'));
  });

  it('asks the forecast in whole weeks before the first rung, on its hour, and stops before it', () => {
    const ladder = escalationCheckpoints(at('dispatch-deadline'));
    const firstRung = ladder[0]!.at;
    // A session created at an odd minute, 45 days and 5 hours before the first rung.
    const created = firstRung - 45 * DAY - 5 * 3600 * 1000 - 17_000;
    const looks: number[] = [];
    for (let next = nextForecastCheck(created, ladder); next !== undefined; next = nextForecastCheck(next, ladder))
      looks.push(next);
    expect(looks.map((t) => (firstRung - t) / DAY)).toEqual([42, 35, 28, 21, 14, 7]);
    expect(looks.slice(1).every((t, i) => t - looks[i]! === FORECAST_CHECK_EVERY_MS)).toBe(true);
    // A look exactly a week before the rung is the last; after it, the ladder speaks.
    expect(nextForecastCheck(firstRung - 7 * DAY, ladder)).toBeUndefined();
    expect(nextForecastCheck(firstRung + DAY, ladder)).toBeUndefined();
  });

  it('names the IV 11 date once it has passed, even when every step is on its own (accepted) dates', () => {
    // An accepted breach: the plan's steps lie ahead, the sixty-day date behind.
    const accepted = {
      ...plan,
      'dispatch-deadline': { ...plan['dispatch-deadline'], dueAt: plan['survey-close'].dueAt },
    };
    const now = at('survey-close', 1);
    expect(dispatchRisk(accepted, 'surveying', at('survey-close', -0.5))).toBeUndefined();
    expect(dispatchRisk(accepted, 'awaiting-approval', now)).toBe(
      `the report cannot reach Governments by the IV 11 date (${plan['survey-close'].dueAt.slice(0, 10)}), sixty days before the opening`,
    );
    expect(dispatchRisk(accepted, 'done', now)).toBeUndefined();
  });

  it('stays silent while the preparation is on schedule', () => {
    expect(dispatchRisk(plan, 'surveying', at('survey-close', -1))).toBeUndefined();
    expect(dispatchRisk(plan, 'awaiting-approval', at('report-approval', -1))).toBeUndefined();
    expect(dispatchRisk(plan, 'done', at('dispatch-deadline', 5))).toBeUndefined();
  });

  it('names the late step and its due date', () => {
    expect(dispatchRisk(plan, 'surveying', at('survey-close', 1))).toBe(
      'the survey has not closed although it was due on 2027-01-28',
    );
    expect(dispatchRisk(plan, 'awaiting-approval', at('report-approval', 1))).toBe(
      'the analysis report is not approved although approval was due on 2027-02-18',
    );
    expect(dispatchRisk(plan, 'dispatching', at('dispatch-target', 1))).toMatch(
      /still in progress after the planned date \(2027-03-04\)/,
    );
  });

  it('computes the reason from the facts stored at send time, not from what the workflow last saw', () => {
    const now = at('report-approval', 1);
    // The workflow still thought the survey open; the database says it closed and the report awaits approval.
    const stale = dispatchRisk(plan, 'surveying', now);
    expect(stale).toMatch(/survey has not closed/);
    const stored = stageOfFacts({ surveys: 'closed', report: { approved: false, rejected: false }, dispatched: false });
    expect(stored).toBe('awaiting-approval');
    expect(dispatchRisk(plan, stored, now)).toBe(
      'the analysis report is not approved although approval was due on 2027-02-18',
    );
    expect(stageOfFacts({ surveys: 'closed', dispatched: false })).toBe('compiling');
    expect(stageOfFacts({ surveys: 'open', dispatched: false })).toBe('surveying');
    expect(stageOfFacts({ surveys: 'none', dispatched: false })).toBe('planning');
    expect(stageOfFacts({ surveys: 'closed', report: { approved: false, rejected: true }, dispatched: false })).toBe(
      'revising',
    );
    // Dispatched since: the risk has gone.
    expect(dispatchRisk(plan, stageOfFacts({ surveys: 'closed', dispatched: true }), now)).toBeUndefined();
  });

  it('escalates several rungs reached at once at the highest, and names the level reached', () => {
    const ladder = escalationCheckpoints(at('dispatch-deadline'));
    const reached = ladder.filter((c) => c.at <= at('dispatch-deadline', -6.5));
    expect(reached.map((c) => c.id)).toEqual(['T-30', 'T-14', 'T-7']);
    expect(escalationRung(reached)).toMatchObject({ id: 'T-7', level: 'chief' });
    expect(escalationRung([])).toBeUndefined();
    expect(levelReached(at('dispatch-deadline'), at('dispatch-deadline', -20))).toMatchObject({ id: 'T-30' });
    expect(levelReached(at('dispatch-deadline'), at('dispatch-deadline', 3))).toMatchObject({ id: 'breach' });
    expect(levelReached(at('dispatch-deadline'), at('dispatch-deadline', -31))).toBeUndefined();
  });
});

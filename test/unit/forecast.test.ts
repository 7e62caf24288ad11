import { planDeadlines } from '../../domain/deadlines';
import type { PlanEntry } from '../../domain/deadlines';
import { forecastReplies, forecastRisk, outlookDates } from '../../domain/forecast';
import type { PreviousCycle, ReplyCurve, SessionForecast } from '../../domain/forecast';

const DAY = 24 * 3600 * 1000;
const OPENS = Date.parse('2031-01-01T00:00:00Z');
const CLOSES = OPENS + 40 * DAY;
const at = (days: number) => new Date(OPENS + days * DAY).toISOString();

/** A curve of `invited` invitees with one reply on each of the days given. */
function curve(invited: number, replyDays: number[], opens = OPENS, closes = CLOSES): ReplyCurve {
  return {
    invited,
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(closes).toISOString(),
    repliedAt: replyDays.map((d) => new Date(opens + d * DAY).toISOString()),
  };
}

/** The previous cycle: 16 invited, 13 replied (81 %), half of them in its first ten days, a run of 40 days. */
const PREVIOUS: PreviousCycle = {
  ...curve(16, [1, 2, 3, 5, 6, 8, 9, 20, 25, 30, 35, 38, 39], OPENS - 365 * DAY, CLOSES - 365 * DAY),
  sessionNumber: 40,
};

describe('the live forecast of replies', () => {
  it('on the day of launch, with no previous cycle: no estimate, and it says why', () => {
    const f = forecastReplies(curve(16, []), undefined, new Date(at(1)));
    expect(f).toMatchObject({ method: 'none', replies: 0, expected: 0 });
    expect(f.basis).toBe(
      '0 of 16 replied so far; no estimate for 10 February 2031 yet (under 3 days run and no earlier cycle to compare with)',
    );
  });

  it('on the day of launch, with a previous cycle: its curve from here on', () => {
    const f = forecastReplies(curve(16, []), PREVIOUS, new Date(at(0.5)));
    // Every one of the previous cycle's 13 replies came after half a day: 13/16 of this cycle's 16.
    expect(f).toMatchObject({ method: 'previous cycle', expected: 13, expectedRate: 81 });
    expect(f.basis).toContain("the previous cycle's curve (81 % of its invitees replied after this point of its run)");
    expect(f.basis).toContain('last cycle (session 40) reached 81 %');
  });

  it('early with replies, no previous cycle: the pace since launch carried to the close', () => {
    // 4 replies in the first 8 days: 0.5 a day, 32 days left: 4 + 16 = 20, capped at the 16 invited.
    const f = forecastReplies(curve(16, [1, 3, 5, 7]), undefined, new Date(at(8)));
    expect(f.method).toBe('pace');
    expect(f.pace).toMatchObject({ days: 8, replies: 4, perDay: 0.5 });
    expect(f.expected).toBe(16);
    expect(f.basis).toBe(
      "16 of 16 expected by 10 February 2031, from the last 8 days' pace of 0.5 replies a day; no earlier cycle to compare with",
    );
  });

  it('late in the run: the last fourteen days decide, weighed more than the previous curve', () => {
    // 30 of 40 days run; 10 replies, 3 of them in the last 14 days; 10 days left.
    const f = forecastReplies(curve(16, [1, 2, 3, 4, 5, 6, 8, 20, 25, 29]), PREVIOUS, new Date(at(30)));
    expect(f.method).toBe('blend');
    expect(f.pace).toMatchObject({ days: 14, replies: 3 });
    // Pace: 10 + 3/14 × 10 = 12.1 → 12. Previous: after day 30 it got 3 of 16 (19 %) → 10 + 3 = 13.
    expect(f.pace!.estimate).toBe(12);
    expect(f.previous).toMatchObject({ laterRate: 19, estimate: 13, rate: 81 });
    // Weighted 75 : 25 → 12.25 → 12.
    expect(f.paceWeight).toBeCloseTo(0.75);
    expect(f.expected).toBe(12);
    expect(f.basis).toBe(
      "12 of 16 expected by 10 February 2031, from the last 14 days' pace of 0.2 replies a day (12) and the previous cycle's curve " +
        '(19 % of its invitees replied after this point of its run) (13), weighted 75 : 25 by the share of the survey run; ' +
        'last cycle (session 40) reached 81 %',
    );
  });

  it('stalled: no reply in the last fourteen days keeps the pace estimate at the replies so far', () => {
    const f = forecastReplies(curve(16, [1, 2, 3]), undefined, new Date(at(25)));
    expect(f.pace).toMatchObject({ replies: 0, perDay: 0, estimate: 3 });
    expect(f.expected).toBe(3);
    expect(f.basis).toContain("the last 14 days' pace of no replies a day");
  });

  it('stalled with a previous cycle: the previous curve still expects some, less the further it has run', () => {
    const early = forecastReplies(curve(16, [1, 2, 3]), PREVIOUS, new Date(at(20)));
    const late = forecastReplies(curve(16, [1, 2, 3]), PREVIOUS, new Date(at(36)));
    expect(early.expected).toBeGreaterThan(late.expected);
    expect(late.expected).toBeGreaterThanOrEqual(3);
  });

  it('a closed survey is not forecast: its replies are the result', () => {
    const f = forecastReplies(curve(16, [1, 2, 3, 30]), PREVIOUS, new Date(at(41)));
    expect(f).toMatchObject({ method: 'closed', expected: 4, expectedRate: 25 });
    expect(f.basis).toBe('4 of 16 replied by the close on 10 February 2031; last cycle (session 40) reached 81 %');
  });

  it('never expects more than were invited nor fewer than have replied', () => {
    for (const days of [0.1, 3, 10, 20, 39]) {
      const f = forecastReplies(curve(5, [0.05, 0.06, 0.07, 0.08]), PREVIOUS, new Date(at(days)));
      expect(f.expected).toBeGreaterThanOrEqual(4);
      expect(f.expected).toBeLessThanOrEqual(5);
    }
  });
});

describe('whether the report makes its dates', () => {
  const planned = planDeadlines('2031-05-12');
  const plan: PlanEntry[] = Object.values(planned)
    .map((d): PlanEntry => ({ ...d, state: 'planned' }))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const due = (key: keyof typeof planned, days = 0) => new Date(Date.parse(planned[key].dueAt) + days * DAY);
  const outlook = (ends: Record<string, string>, now: Date) =>
    Object.fromEntries(outlookDates(plan, ends, now).map((d) => [d.key, d.outlook]));

  it('on track while the surveys end on their close', () => {
    const ends = { 'survey-close': planned['survey-close'].dueAt };
    expect(outlook(ends, due('survey-close', -10))).toMatchObject({
      'report-approval': 'on track',
      'dispatch-target': 'on track',
      'dispatch-deadline': 'on track',
    });
  });

  it('an extension past the close slips the steps after it; the IV 11 deadline holds within its margin', () => {
    const fiveDays = { 'survey-close': due('survey-close', 5).toISOString() };
    expect(outlook(fiveDays, due('survey-close', -1))).toMatchObject({
      'report-approval': 'at risk',
      'dispatch-target': 'at risk',
      'dispatch-deadline': 'on track',
    });
    const tenDays = { 'survey-close': due('survey-close', 10).toISOString() };
    const dates = outlookDates(plan, tenDays, due('survey-close', -1));
    expect(dates.find((d) => d.key === 'dispatch-deadline')).toMatchObject({
      outlook: 'at risk',
      expectedAt: due('dispatch-target', 10).toISOString(),
    });
    expect(dates.find((d) => d.key === 'dispatch-deadline')!.note).toContain('10 day(s) after its close');
  });

  it('settled dates say how; a date passed undone is overdue', () => {
    const settled: PlanEntry[] = plan.map((d) =>
      d.key === 'survey-close'
        ? { ...d, state: 'met', doneAt: due('survey-close', 2).toISOString() }
        : d.key === 'survey-reminder'
          ? { ...d, state: 'skipped' }
          : d,
    );
    const dates = Object.fromEntries(
      outlookDates(settled, {}, due('report-approval', 1)).map((d) => [d.key, d.outlook]),
    );
    expect(dates).toMatchObject({
      'survey-close': 'met late',
      'survey-reminder': 'not needed',
      'report-approval': 'overdue',
      'dispatch-target': 'on track',
    });
  });
});

describe('forecastRisk: the predicate an escalation can fire on', () => {
  const planned = planDeadlines('2031-05-12');
  const plan: PlanEntry[] = Object.values(planned).map((d): PlanEntry => ({ ...d, state: 'planned' }));
  const closes = Date.parse(planned['survey-close'].dueAt);
  const opens = closes - 40 * DAY;
  const survey = (replyDays: number[], previous?: PreviousCycle, now = opens + 20 * DAY) => ({
    kind: 'SYSTEM_WIDE',
    survey: 'System-wide survey (IV 10 (a))',
    ...forecastReplies(curve(16, replyDays, opens, closes), previous, new Date(now)),
  });
  const onTime = { 'survey-close': planned['survey-close'].dueAt };

  it('is silent when replies keep up with the last cycle and the dates hold', () => {
    const f: SessionForecast = { surveys: [survey([1, 2, 3, 4, 5, 6, 8, 12, 15, 18], PREVIOUS)], surveyEnds: onTime };
    expect(forecastRisk(f, plan, new Date(opens + 20 * DAY))).toBeUndefined();
  });

  it('names a survey heading well short of the previous cycle', () => {
    const f: SessionForecast = { surveys: [survey([1], PREVIOUS)], surveyEnds: onTime };
    expect(forecastRisk(f, plan, new Date(opens + 20 * DAY))).toMatch(
      /^forecast: System-wide survey \(IV 10 \(a\)\) is expected to close with \d+ % replies \(\d+ of 16\), well short of the last cycle's 81 %$/,
    );
  });

  it('without a previous cycle, names an expected rate under the floor once a pace is known', () => {
    const f: SessionForecast = { surveys: [survey([1, 2])], surveyEnds: onTime };
    expect(forecastRisk(f, plan, new Date(opens + 20 * DAY))).toContain('under 50 %');
    // No pace yet (first day): nothing to say.
    const first: SessionForecast = { surveys: [survey([], undefined, opens + DAY)], surveyEnds: onTime };
    expect(forecastRisk(first, plan, new Date(opens + DAY))).toBeUndefined();
  });

  it('names the IV 11 deadline when the surveys end too late for it, before any rung of the ladder', () => {
    const late = { 'survey-close': new Date(closes + 9 * DAY).toISOString() };
    const f: SessionForecast = { surveys: [survey([1, 2, 3, 4, 5, 6, 8, 12, 15, 18], PREVIOUS)], surveyEnds: late };
    expect(forecastRisk(f, plan, new Date(opens + 20 * DAY))).toMatch(
      /^forecast: analysis report reaches Governments \(.+\) is at risk: the survey takes replies until .+, 9 day\(s\) after its close: expected .+$/,
    );
  });
});

/** What a move does to a plan (domain/move-plan.ts): possible moves need no choice; impossible ones offer them. */
import { planDeadlines } from '../../domain/deadlines';
import type { DeadlineKey, PlanEntry } from '../../domain/deadlines';
import { MINIMUM_SURVEY_DAYS_LEFT, planMove } from '../../domain/move-plan';

const DAY = 24 * 3600 * 1000;
const NOW = Date.parse('2026-12-03T12:00:00Z');
const recorded = (openingDate: string): PlanEntry[] =>
  Object.values(planDeadlines(openingDate)).map((d) => ({ ...d, state: 'planned' as const }));
const due = (plan: { key: DeadlineKey; dueAt: string }[], key: DeadlineKey) => plan.find((d) => d.key === key)!.dueAt;

describe('planMove', () => {
  const previous = recorded('2027-06-01'); // survey closes 2027-02-19

  it('needs no choice for a possible move and gives the rules’ plan', () => {
    const move = planMove(previous, planDeadlines('2027-07-01'), NOW);
    expect(move.impossible).toEqual([]);
    expect(move.choices).toEqual([]);
    expect(due(move.plan, 'survey-close')).toBe(planDeadlines('2027-07-01')['survey-close'].dueAt);
    expect(move.moved.map((m) => m.key)).toContain('survey-close');
  });

  it('moving back reopens the IV 11 deadline the move forward made late, not one done late or still past', () => {
    const accepted = planMove(previous, planDeadlines('2027-01-15'), NOW, 'accept');
    // What the record holds after the accepted move: the IV 11 date passed, the breach recorded.
    const afterAccept: PlanEntry[] = accepted.plan.map((d) => ({
      ...d,
      state: d.key === 'dispatch-deadline' ? ('missed' as const) : ('planned' as const),
    }));
    const back = planMove(afterAccept, planDeadlines('2027-06-01'), NOW);
    expect(back.impossible).toEqual([]);
    expect(back.moved).toContainEqual(
      expect.objectContaining({
        key: 'dispatch-deadline',
        from: due(accepted.plan, 'dispatch-deadline'),
        to: due(previous, 'dispatch-deadline'),
      }),
    );
    // A move that leaves the IV 11 date in the past reopens nothing.
    expect(planMove(afterAccept, planDeadlines('2027-01-20'), NOW, 'accept').moved.map((m) => m.key)).not.toContain(
      'dispatch-deadline',
    );
    // A deadline met late (done, after its date) keeps what it was.
    const doneLate = afterAccept.map((d) =>
      d.key === 'dispatch-deadline' ? { ...d, doneAt: '2026-12-01T00:00:00.000Z' } : d,
    );
    expect(planMove(doneLate, planDeadlines('2027-06-01'), NOW).moved.map((m) => m.key)).not.toContain(
      'dispatch-deadline',
    );
  });

  it('offers only "accept" when the sixty-day date has passed, and keeps the surveys’ dates then', () => {
    const rules = planDeadlines('2027-01-15');
    const move = planMove(previous, rules, NOW);
    expect(move.impossible.map((d) => d.key)).toEqual([
      'survey-close',
      'igo-ngo-survey-close',
      'report-approval',
      'dispatch-target',
      'dispatch-deadline',
    ]);
    expect(move.choices).toEqual(['accept']);
    expect(move.compressUnavailable).toContain('the sixty-day date (2026-11-16) has passed');
    expect(planMove(previous, rules, NOW, 'compress').applied).toBeUndefined();
    const accepted = planMove(previous, rules, NOW, 'accept');
    expect(accepted.applied).toBe('accept');
    expect(due(accepted.plan, 'survey-close')).toBe(due(previous, 'survey-close'));
    expect(Date.parse(due(accepted.plan, 'report-approval'))).toBe(
      Date.parse(due(previous, 'survey-close')) + 21 * DAY,
    );
    expect(due(accepted.plan, 'dispatch-deadline')).toBe(rules['dispatch-deadline'].dueAt);
  });

  it('compresses to the latest close that still meets IV 11, with the shortest margins after it', () => {
    const rules = planDeadlines('2027-03-15'); // IV 11: 2027-01-14; normal close 2026-12-03, passed at noon
    const move = planMove(previous, rules, NOW, 'compress');
    expect(move.choices).toEqual(['compress', 'accept']);
    expect(move.applied).toBe('compress');
    expect(due(move.plan, 'dispatch-deadline')).toBe(rules['dispatch-deadline'].dueAt);
    expect(due(move.plan, 'dispatch-target').slice(0, 10)).toBe('2027-01-13');
    expect(due(move.plan, 'report-approval').slice(0, 10)).toBe('2027-01-10');
    expect(due(move.plan, 'survey-close').slice(0, 10)).toBe('2027-01-03');
    expect(due(move.plan, 'igo-ngo-survey-close')).toBe(due(move.plan, 'survey-close'));
    expect(Date.parse(due(move.plan, 'survey-reminder'))).toBeGreaterThan(NOW);
  });

  it('never puts a close in the past under "accept", even when the old one has passed too', () => {
    const old = recorded('2027-01-20').map((d) => ({ ...d })); // its close, 2026-10-10, has passed
    const move = planMove(old, planDeadlines('2027-01-15'), NOW, 'accept');
    expect(Date.parse(due(move.plan, 'survey-close'))).toBe(NOW + MINIMUM_SURVEY_DAYS_LEFT * DAY);
  });

  it('leaves what is done alone: a closed survey is no obstacle', () => {
    const done = previous.map((d) =>
      ['survey-reminder', 'survey-close', 'igo-ngo-survey-close'].includes(d.key) ? { ...d, state: 'met' as const } : d,
    );
    const move = planMove(done, planDeadlines('2027-04-20'), NOW); // close would be 2027-01-06: fine anyway
    expect(move.impossible).toEqual([]);
    expect(move.moved.map((m) => m.key)).not.toContain('survey-close');
  });

  it('keeps the rules’ dates after surveys that have closed: what is late stays late under "accept"', () => {
    const closed = previous.map((d) =>
      ['survey-reminder', 'survey-close', 'igo-ngo-survey-close'].includes(d.key) ? { ...d, state: 'met' as const } : d,
    );
    const rules = planDeadlines('2027-01-15');
    const move = planMove(closed, rules, NOW, 'accept');
    expect(move.applied).toBe('accept');
    expect(due(move.plan, 'report-approval')).toBe(rules['report-approval'].dueAt);
  });
});

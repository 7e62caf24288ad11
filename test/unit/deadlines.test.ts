import { daysBeforeOpening, launchBlocker, movedDeadlines, planDeadlines } from '../../domain/deadlines';
import type { PlanEntry } from '../../domain/deadlines';
import { openingInstant } from '../../domain/plan-rules';

describe('deadline rules', () => {
  const plan = planDeadlines('2027-05-10');

  it('puts the IV 11 dispatch deadline exactly 60 days before the opening, citing the rule', () => {
    expect(plan['dispatch-deadline'].dueAt).toBe('2027-03-11T00:00:00.000Z');
    expect(daysBeforeOpening('2027-05-10', plan['dispatch-deadline'].dueAt)).toBe(60);
    expect(plan['dispatch-deadline'].rule).toMatch(/1992\/22 IV 11/);
  });

  it('plans every working deadline before the IV 11 deadline, in order', () => {
    const order = [
      'survey-reminder',
      'survey-close',
      'report-approval',
      'dispatch-target',
      'dispatch-deadline',
    ] as const;
    const due = order.map((key) => Date.parse(plan[key].dueAt));
    expect([...due].sort((a, b) => a - b)).toEqual(due);
    expect(daysBeforeOpening('2027-05-10', plan['dispatch-target'].dueAt)).toBe(67);
    expect(daysBeforeOpening('2027-05-10', plan['survey-close'].dueAt)).toBe(102);
  });

  it('names what a move changes: deadlines still planned whose date differs, never one already done', () => {
    const recorded: PlanEntry[] = Object.values(plan).map((d) =>
      d.key === 'survey-reminder' ? { ...d, state: 'met', doneAt: d.dueAt } : { ...d, state: 'planned' },
    );
    const moved = movedDeadlines(recorded, planDeadlines('2027-05-17'));
    expect(moved.map((m) => m.key).sort()).toEqual([
      'dispatch-deadline',
      'dispatch-target',
      'igo-ngo-survey-close',
      'report-approval',
      'survey-close',
    ]);
    expect(moved.find((m) => m.key === 'dispatch-deadline')).toEqual({
      key: 'dispatch-deadline',
      label: plan['dispatch-deadline'].label,
      from: '2027-03-11T00:00:00.000Z',
      to: '2027-03-18T00:00:00.000Z',
    });
    expect(movedDeadlines(recorded, plan)).toEqual([]);
  });

  it('counts across a leap day', () => {
    expect(planDeadlines('2028-04-29')['dispatch-deadline'].dueAt).toBe('2028-02-29T00:00:00.000Z');
  });

  it('refuses malformed and impossible dates with a message naming the value', () => {
    expect(() => openingInstant('10/05/2027')).toThrow('Opening date must be YYYY-MM-DD, got "10/05/2027"');
    expect(() => openingInstant('2027-02-30')).toThrow('No such date: 2027-02-30');
  });

  it('blocks a launch whose survey would close in the past, and allows one with time left', () => {
    expect(launchBlocker(plan, new Date('2027-02-01T00:00:00Z'))).toMatch(
      /would close on 2027-01-28, which has passed/,
    );
    expect(launchBlocker(plan, new Date('2026-11-26T00:00:00Z'))).toBeUndefined();
  });
});

import { planDeadlines } from '../../domain/deadlines';
import type { PlanEntry } from '../../domain/deadlines';
import type { LatenessEntry } from '../../domain/lateness';
import { draftLatenessFootnote, lateSteps } from '../../domain/lateness';

const DAY = 24 * 3600 * 1000;
const planned = planDeadlines('2031-05-12');
const due = (key: keyof typeof planned, days = 0) => new Date(Date.parse(planned[key].dueAt) + days * DAY);
const onPlan: LatenessEntry[] = Object.values(planned).map((d): PlanEntry => ({ ...d, state: 'planned' }));
const settle = (plan: LatenessEntry[], key: string, change: Partial<LatenessEntry>): LatenessEntry[] =>
  plan.map((d) => (d.key === key ? { ...d, ...change } : d));
/** The plan with the IGO/NGO survey closed on its date (only the system-wide close varies below). */
const igoNgoOnTime = settle(onPlan, 'igo-ngo-survey-close', {
  state: 'met',
  doneAt: planned['igo-ngo-survey-close'].dueAt,
});

describe('the lateness footnote drafted from the recorded plan', () => {
  it('drafts nothing for a report made and settled on time', () => {
    let plan = settle(igoNgoOnTime, 'survey-close', { state: 'met', doneAt: due('survey-close').toISOString() });
    plan = settle(plan, 'report-approval', { state: 'met', doneAt: due('report-approval', -2).toISOString() });
    expect(draftLatenessFootnote(plan, due('report-approval', -3))).toBeUndefined();
    expect(lateSteps(plan, due('report-approval', -3))).toEqual([]);
  });

  it('names a survey that closed late, by how many days, against its recorded date', () => {
    const plan = settle(igoNgoOnTime, 'survey-close', { state: 'met', doneAt: due('survey-close', 5).toISOString() });
    expect(draftLatenessFootnote(plan, due('survey-close', 6))).toBe(
      'The present report is submitted late: the survey of the United Nations system closed on 4 February 2031, ' +
        '5 days after its planned close (30 January 2031).',
    );
  });

  it('names an approval given after its date, and a dispatch after the IV 11 deadline, with accepted reasons', () => {
    let plan = settle(igoNgoOnTime, 'survey-close', { state: 'met', doneAt: due('survey-close').toISOString() });
    plan = settle(plan, 'report-approval', { state: 'met', doneAt: due('report-approval', 12).toISOString() });
    plan = settle(plan, 'dispatch-deadline', { state: 'missed', doneAt: due('dispatch-deadline', 1).toISOString() });
    const text = draftLatenessFootnote(plan, due('dispatch-deadline', 2), {
      'report-approval': 'the time required to receive and analyse all inputs from various United Nations entities.',
    });
    expect(text).toBe(
      'The present report is submitted late: the report was approved on 4 March 2031, 12 days after the date set for ' +
        'its approval (20 February 2031) (the time required to receive and analyse all inputs from various United ' +
        'Nations entities); and it reached Governments on 14 March 2031, 1 day after the date required by Economic ' +
        'and Social Council resolution 1992/22, section IV, paragraph 11 (13 March 2031, sixty days before the ' +
        'opening of the session).',
    );
  });

  it('a report made after the approval date, still unapproved, says so; the reason may come with the plan', () => {
    const plan = settle(onPlan, 'report-approval', { breachAcceptedReason: 'late replies from two entities' });
    const steps = lateSteps(plan, due('report-approval', 3));
    expect(steps.map((s) => [s.key, s.daysLate])).toEqual([
      ['survey-close', 24],
      ['igo-ngo-survey-close', 24],
      ['report-approval', 3],
    ]);
    expect(draftLatenessFootnote(plan, due('report-approval', 3))).toContain(
      'the report was completed on 23 February 2031, 3 days after the date set for its approval (20 February 2031) ' +
        '(late replies from two entities)',
    );
  });

  it('ignores the planned dispatch (the Secretariat’s own margin) and deadlines not needed', () => {
    const plan = settle(
      settle(
        settle(onPlan, 'survey-close', { state: 'met', doneAt: due('survey-close').toISOString() }),
        'igo-ngo-survey-close',
        { state: 'skipped' },
      ),
      'report-approval',
      { state: 'met', doneAt: due('report-approval').toISOString() },
    );
    expect(lateSteps(plan, due('dispatch-target', 3))).toEqual([]);
  });
});

/** `prep rehearse`: the real workflows on the time-skipping server with simulated respondents. */
import { rehearse } from '../../client/rehearsal/rehearse';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const opening = () => new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const base = {
  respondents: 25,
  responseRate: 0.7,
  lateRate: 0.1,
  bounceRate: 0.1,
  smtpFaults: 3,
  seed: 7,
  obligationLeadDays: 10,
};

describe('rehearsal', () => {
  it('shows every deadline holding when the manager approves in time, despite bounces and SMTP faults', async () => {
    const progress: string[] = [];
    const result = await rehearse({
      ...base,
      openingDate: opening(),
      approvalDelayDays: 5,
      onProgress: (l) => progress.push(l),
    });
    expect(result.holds).toBe(true);
    expect(result.daysBeforeOpening).toBeGreaterThanOrEqual(60);
    expect(result.timeline.some((e) => e.what.includes('bounced (550)'))).toBe(true);
    expect(result.timeline.some((e) => e.what.startsWith('reminder to'))).toBe(true);
    expect(progress[0]).toMatch(/^rehearsal started/);
    expect(result.obligations.map((o) => [o.code, o.rule, o.status])).toEqual([
      ['IV-2', 'ten-week', 'met'],
      ['VI-3-b', 'ten-week', 'met'],
      ['VII-4', 'ten-week', 'met'],
    ]);
  });

  it('escalates an obligation along its ladder and records the breach when its document comes late', async () => {
    const result = await rehearse({ ...base, openingDate: opening(), approvalDelayDays: 5, obligationLeadDays: -3 });
    expect(result.holds).toBe(false);
    expect(result.obligations.every((o) => o.status === 'met late')).toBe(true);
    const iv2 = result.timeline.filter((e) => e.what.includes('IV-2')).map((e) => e.what);
    expect(iv2[0]).toBe('ESCALATION T-30 to owner: obligation IV-2');
    expect(iv2).toContain('ESCALATION T-14 to manager: obligation IV-2');
    expect(iv2).toContain('ESCALATION T-1 to chief: obligation IV-2');
    expect(iv2).toContain('BREACH: obligation IV-2 not met by ' + result.obligations[0]!.dueAt.slice(0, 10));
    expect(iv2.at(-1)).toBe('obligation IV-2 met (document submitted)');
  });

  it('shows the escalations and the breach when approval comes too late', async () => {
    const result = await rehearse({ ...base, openingDate: opening(), approvalDelayDays: 60 });
    expect(result.holds).toBe(false);
    expect(result.daysBeforeOpening).toBeLessThan(60);
    expect(result.plan.find((d) => d.key === 'dispatch-deadline')?.state).toBe('missed');
    const escalations = result.timeline.filter(
      (e) => e.what.startsWith('ESCALATION') && !e.what.includes('obligation'),
    );
    expect(escalations[0]?.what).toMatch(/^ESCALATION T-14 to manager/);
    expect(escalations.at(-1)?.what).toMatch(/^ESCALATION breach to chief/);
  });
});

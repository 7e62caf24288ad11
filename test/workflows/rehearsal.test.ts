/** `prep rehearse`: the real workflows on the time-skipping server with simulated respondents. */
import { rehearse } from '../../client/rehearsal/rehearse';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const opening = () => new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10);
const base = { respondents: 25, responseRate: 0.7, lateRate: 0.1, bounceRate: 0.1, smtpFaults: 3, seed: 7 };

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
  });

  it('shows the escalations and the breach when approval comes too late', async () => {
    const result = await rehearse({ ...base, openingDate: opening(), approvalDelayDays: 60 });
    expect(result.holds).toBe(false);
    expect(result.daysBeforeOpening).toBeLessThan(60);
    expect(result.plan.find((d) => d.key === 'dispatch-deadline')?.state).toBe('missed');
    const escalations = result.timeline.filter((e) => e.what.startsWith('ESCALATION'));
    expect(escalations[0]?.what).toMatch(/^ESCALATION T-14 to manager/);
    expect(escalations.at(-1)?.what).toMatch(/^ESCALATION breach to chief/);
  });
});

/**
 * F8, the fast case of `npm run chaos -- --only guarantee`: whole preparations on the time-skipping server with the
 * worker gone for 3 days and the mail server for 2, 30 % of replies late, transient SMTP faults. Wherever the
 * approval comes before the IV 11 deadline the report reaches Governments at least sixty days before the opening;
 * wherever it does not, an escalation went out before the deadline.
 */
import { sixtyDayGuarantee } from '../../chaos/sixty-day-guarantee';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

jest.setTimeout(240_000);

describe('the sixty-day guarantee under compound faults (time-skipped)', () => {
  it('holds wherever it is possible, and escalates in time wherever it is not', async () => {
    const sweep = await sixtyDayGuarantee({ cycles: 6, seed: 1, log: () => undefined });
    console.info(
      `F8: ${sweep.runs.length} sessions, ${sweep.possible} possible (all met: ${sweep.metWhenPossible}), ` +
        `${sweep.notMet} missed (escalated in time: ${sweep.escalatedWhenNotMet}); median slack ${sweep.medianSlackDays} d`,
    );
    // Both kinds are in the sample, so both halves of the guarantee are exercised.
    expect(sweep.possible).toBeGreaterThan(0);
    expect(sweep.notMet).toBeGreaterThan(0);
    expect(sweep.metWhenPossible).toBe(sweep.possible);
    expect(sweep.escalatedWhenNotMet).toBe(sweep.notMet);
    // Where the mail server was down at the launch, the invitations waited and the alert was raised.
    expect(sweep.outagesAtLaunch).toBeGreaterThan(0);
    expect(sweep.alertedWhenDue).toBe(sweep.outagesAtLaunch);
  });
});

/**
 * Bench 4: a full rehearsal of one session (the real workflows on the time-skipping server, simulated respondents)
 * with N respondents, against the same rehearsal with a handful: what the respondents themselves cost.
 */
import { performance } from 'node:perf_hooks';
import { rehearse } from '../client/rehearsal/rehearse';
import type { Figure } from '../harness/figures';

const DAY = 24 * 3600 * 1000;

async function timed(respondents: number): Promise<{ ms: number; holds: boolean }> {
  const started = performance.now();
  const result = await rehearse({
    openingDate: new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10),
    respondents,
    responseRate: 0.7,
    lateRate: 0.1,
    bounceRate: 0.05,
    smtpFaults: 3,
    approvalDelayDays: 7,
    obligationLeadDays: 5,
    seed: 1,
  });
  return { ms: performance.now() - started, holds: result.holds };
}

export async function benchRehearsal(respondents: number): Promise<Figure[]> {
  const small = await timed(10);
  const full = await timed(respondents);
  return [
    {
      benchmark: `rehearsal ${respondents.toLocaleString('en')}`,
      measure: 'whole session, wall time',
      value: Math.round(full.ms / 100) / 10,
      unit: 's',
      limit: { what: 'the same rehearsal with 10 respondents', value: Math.round(small.ms / 100) / 10 },
      ratio: Math.round((full.ms / small.ms) * 10) / 10,
      note: `every deadline held: ${full.holds ? 'yes' : 'no'}`,
    },
  ];
}

/**
 * F8: the sixty-day guarantee (resolution 1992/22, IV 11) over many randomised sessions, each a whole preparation on
 * the time-skipping server (`prep rehearse`) with compound faults: the worker gone for 3 days, the mail server down
 * for 2, transient SMTP faults, bounces, 30 % of replies late, and a manager who takes anywhere from a day to seven
 * weeks to approve. A session is "possible" when the approval comes before the IV 11 deadline; then the report must
 * reach Governments at least sixty days before the opening. When it does not, an escalation must have gone out
 * before the deadline.
 */
import { median } from '../domain/report-analysis';
import { rehearse } from '../client/rehearsal/rehearse';
import type { RehearsalResult } from '../client/rehearsal/rehearse';
import { seededRandom } from '../platform/seeded-random';

const DAY = 24 * 3600 * 1000;

export interface GuaranteeRun {
  seed: number;
  openingDate: string;
  approvalDelayDays: number;
  workerOutage: { startDay: number; days: number };
  smtpOutage: { startDay: number; days: number };
  /** The approval came before the IV 11 deadline, so meeting it was possible. */
  possible: boolean;
  daysBeforeOpening: number;
  /** An escalation (IV 11 ladder) went out before the deadline. */
  escalatedInTime: boolean;
  /** An e-mail alert was raised during the mail server outage. */
  mailAlert: boolean;
  /** The outage began with the launch, so the invitations had to wait for it: the alert is due. */
  outageAtLaunch: boolean;
  /** Every deadline of the rehearsal (the plan and the other obligations) held. */
  holds: boolean;
}

export interface GuaranteeSweep {
  runs: GuaranteeRun[];
  possible: number;
  metWhenPossible: number;
  notMet: number;
  escalatedWhenNotMet: number;
  outagesAtLaunch: number;
  alertedWhenDue: number;
  medianSlackDays: number;
  wallSeconds: number;
}

/** A rehearsal that stalls (the test server stopped answering) fails the sweep instead of hanging it. */
async function withinMinutes<T>(minutes: number, run: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`a rehearsal did not finish within ${minutes} minutes`)),
      minutes * 60_000,
    );
  });
  try {
    return await Promise.race([run(), stalled]);
  } finally {
    clearTimeout(timer);
  }
}

function firstAt(result: RehearsalResult, matches: (what: string) => boolean): number | undefined {
  const event = result.timeline.find((e) => matches(e.what));
  return event ? Date.parse(event.at) : undefined;
}

export async function sixtyDayGuarantee(options: {
  cycles: number;
  seed: number;
  log: (line: string) => void;
}): Promise<GuaranteeSweep> {
  const started = Date.now();
  const runs: GuaranteeRun[] = [];
  for (let i = 0; i < options.cycles; i += 1) {
    const seed = options.seed + i;
    const rand = seededRandom(seed * 7919);
    const openingDate = new Date(Date.now() + (170 + Math.floor(rand() * 150)) * DAY).toISOString().slice(0, 10);
    // Most managers approve within days; some take weeks, past what the deadline allows.
    const approvalDelayDays = 1 + Math.floor(rand() ** 2 * 48);
    // From the day after the launch: a rehearsal whose worker was stopped at the launch instant stalled once.
    const workerDay = 1 + Math.floor(rand() * 59);
    // Half the mail server outages hit the launch itself (the invitations wait for it), the rest any other moment.
    const smtpOutage = { startDay: rand() < 0.5 ? 0 : Math.floor(rand() * 60), days: 2 };
    // The rehearsal moves the worker's outage clear of the mail server's and of the forecast's looks (a timer that
    // falls due while no worker polls holds the time-skipping server's clock; client/rehearsal/rehearse.ts).
    const workerOutage = { startDay: workerDay, days: 3 };
    const result = await withinMinutes(3, () =>
      rehearse({
        openingDate,
        respondents: 20 + Math.floor(rand() * 30),
        responseRate: 0.6 + rand() * 0.35,
        lateRate: 0.3,
        bounceRate: 0.05,
        smtpFaults: Math.floor(rand() * 6),
        approvalDelayDays,
        obligationLeadDays: 10,
        smtpOutage,
        workerOutage,
        seed,
      }),
    );
    // The rehearsed plan's own IV 11 date (a preview of these dates: no session records them).
    const deadline = Date.parse(result.plan.find((d) => d.key === 'dispatch-deadline')!.dueAt);
    const approvedAt = firstAt(result, (what) => what.startsWith('report approved'));
    const escalatedAt = firstAt(result, (what) => what.startsWith('ESCALATION'));
    const run: GuaranteeRun = {
      seed,
      openingDate,
      approvalDelayDays,
      workerOutage,
      smtpOutage,
      possible: approvedAt !== undefined && approvedAt < deadline,
      daysBeforeOpening: result.daysBeforeOpening,
      escalatedInTime: escalatedAt !== undefined && escalatedAt < deadline,
      mailAlert: result.timeline.some((e) => e.what.startsWith('ALERT: e-mails waiting')),
      outageAtLaunch: smtpOutage.startDay === 0,
      holds: result.holds,
    };
    runs.push(run);
    options.log(
      `cycle ${i + 1}/${options.cycles}: opening ${openingDate}, approval after ${approvalDelayDays} d → ` +
        `dispatched ${run.daysBeforeOpening} d before the opening (${run.possible ? 'possible' : 'not possible'}` +
        `${run.escalatedInTime ? ', escalated in time' : ''})`,
    );
  }
  const possible = runs.filter((r) => r.possible);
  const notMet = runs.filter((r) => r.daysBeforeOpening < 60);
  return {
    runs,
    possible: possible.length,
    metWhenPossible: possible.filter((r) => r.daysBeforeOpening >= 60).length,
    notMet: notMet.length,
    escalatedWhenNotMet: notMet.filter((r) => r.escalatedInTime).length,
    outagesAtLaunch: runs.filter((r) => r.outageAtLaunch).length,
    alertedWhenDue: runs.filter((r) => r.outageAtLaunch && r.mailAlert).length,
    medianSlackDays: median(possible.map((r) => r.daysBeforeOpening - 60)) ?? 0,
    wallSeconds: Math.round((Date.now() - started) / 1000),
  };
}

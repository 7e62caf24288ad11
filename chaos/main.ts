/**
 * `npm run chaos`: the system on its real parts under faults, with figures anyone can rerun. Prints what held and
 * writes it as JSON; exits non-zero when a guarantee did not hold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { startBenchInfrastructure } from '../harness/infrastructure';
import type { BenchInfrastructure } from '../harness/infrastructure';
import type { CycleFaultReport } from './cycle-under-faults';
import { platformRestarts } from './platform-restarts';
import { sixtyDayGuarantee } from './sixty-day-guarantee';
import { workerKills } from './worker-kills';

type Check = [string, boolean];

/** What must hold after a cycle that was disrupted: nothing lost, nothing doubled, the cycle finished unaided. */
function cycleChecks(report: CycleFaultReport): Check[] {
  return [
    [
      `every organisation invited or held as uncertain (missing: ${report.missingInvitations})`,
      report.missingInvitations === 0,
    ],
    [
      `no message sent twice (duplicate Message-IDs at the sink: ${report.duplicateMessageIds})`,
      report.duplicateMessageIds === 0,
    ],
    [`every reply kept (${report.repliesKept} of ${report.replies})`, report.repliesKept === report.replies],
    [`one receipt per reply (${report.receipts} of ${report.replies})`, report.receipts === report.replies],
    ['the cycle workflow completed with no manual action', report.cycleCompleted],
  ];
}

function cycleSummary(report: CycleFaultReport): string {
  return `backlog drained ${report.drainSeconds} s after the last disruption; ${report.uncertainInvitations} invitation(s) uncertain (in SMTP at a kill: not resent, shown to the coordinator); the worker exited on its own ${report.unaskedWorkerExits} time(s); whole run ${report.wallSeconds} s`;
}

async function withInfrastructure<T>(run: (infra: BenchInfrastructure) => Promise<T>): Promise<T> {
  const infra = await startBenchInfrastructure();
  try {
    return await run(infra);
  } finally {
    await infra.stop();
  }
}

async function killScenario(options: { respondents: number; kills: number; replies: number }) {
  return withInfrastructure(async (infra) => {
    const report = await workerKills(infra, { ...options, log: (line) => console.log(line) });
    const kills = report.disruptions.length;
    const checks: Check[] = [[`${kills} SIGKILLs of the worker`, kills === options.kills], ...cycleChecks(report)];
    return { report, checks, summary: cycleSummary(report) };
  });
}

async function platformScenario(options: { respondents: number; replies: number; cutMinutes: number }) {
  return withInfrastructure(async (infra) => {
    const report = await platformRestarts(infra, { ...options, log: (line) => console.log(line) });
    const checks: Check[] = [[report.disruptions.join('; '), true], ...cycleChecks(report)];
    return { report, checks, summary: cycleSummary(report) };
  });
}

async function guaranteeScenario(options: { cycles: number; seed: number }) {
  const report = await sixtyDayGuarantee({ ...options, log: (line) => console.log(line) });
  const checks: Check[] = [
    [`${report.runs.length} randomised sessions, time-skipped`, report.runs.length === options.cycles],
    [
      `report to Governments ≥ 60 days before the opening wherever possible (${report.metWhenPossible} of ${report.possible})`,
      report.metWhenPossible === report.possible,
    ],
    [
      `an escalation before the deadline wherever it was missed (${report.escalatedWhenNotMet} of ${report.notMet})`,
      report.escalatedWhenNotMet === report.notMet,
    ],
    [
      `an e-mail alert wherever the invitations waited for the mail server (${report.alertedWhenDue} of ${report.outagesAtLaunch})`,
      report.alertedWhenDue === report.outagesAtLaunch,
    ],
  ];
  const summary = `median slack ${report.medianSlackDays} days beyond the sixty where possible; ${report.notMet} sessions where the manager approved too late to meet it; whole sweep ${report.wallSeconds} s`;
  return { report, checks, summary };
}

const SCENARIOS = ['kills', 'platform', 'guarantee'] as const;

async function main(): Promise<number> {
  const program = new Command('chaos')
    .description(
      'Faults on real parts: the worker killed at random during a survey cycle (kills); a worker deploy and restarts ' +
        'of the Temporal server and PostgreSQL and a 10-minute network cut between worker and Temporal during one (platform); the sixty-day guarantee over randomised ' +
        'time-skipped sessions with outages (guarantee). Checks that nothing is lost or doubled.',
    )
    .option('--only <scenarios...>', `scenarios to run (${SCENARIOS.join(', ')})`, [...SCENARIOS])
    .option('--respondents <n>', 'kills, platform: organisations surveyed', (v) => Number.parseInt(v, 10), 1000)
    .option('--kills <n>', 'kills: SIGKILLs of the worker', (v) => Number.parseInt(v, 10), 20)
    .option('--replies <n>', 'kills, platform: replies submitted during the run', (v) => Number.parseInt(v, 10), 100)
    .option('--cut-minutes <n>', 'platform: how long the worker is cut off from Temporal', Number.parseFloat, 10)
    .option('--cycles <n>', 'guarantee: randomised sessions', (v) => Number.parseInt(v, 10), 200)
    .option('--seed <n>', 'guarantee: first random seed', (v) => Number.parseInt(v, 10), 1)
    .option('--out <file>', 'where to write the JSON results', path.join('.data', 'chaos', 'results.json'))
    .parse();
  const options = program.opts<{
    only: string[];
    respondents: number;
    kills: number;
    replies: number;
    cutMinutes: number;
    cycles: number;
    seed: number;
    out: string;
  }>();
  const unknown = options.only.filter((s) => !(SCENARIOS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`unknown scenario ${unknown.join(', ')}: choose from ${SCENARIOS.join(', ')}`);
  const results: Record<string, { checks: Check[]; summary: string; report: unknown }> = {};
  if (options.only.includes('kills')) results.kills = await killScenario(options);
  if (options.only.includes('platform')) results.platform = await platformScenario(options);
  if (options.only.includes('guarantee')) results.guarantee = await guaranteeScenario(options);
  for (const [name, result] of Object.entries(results)) {
    console.log(`\n${name}:`);
    for (const [what, held] of result.checks) console.log(`${held ? 'held  ' : 'FAILED'}  ${what}`);
    console.log(result.summary);
  }
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ at: new Date().toISOString(), ...results }, null, 2));
  console.log(`written to ${options.out}`);
  return Object.values(results).every((r) => r.checks.every(([, held]) => held)) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

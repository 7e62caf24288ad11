/**
 * `npm run chaos`: the system on its real parts under faults, with figures anyone can rerun. Prints what held and
 * writes it as JSON; exits non-zero when a guarantee did not hold.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { startBenchInfrastructure } from '../harness/infrastructure';
import { workerKills } from './worker-kills';

async function main(): Promise<number> {
  const program = new Command('chaos')
    .description('Kill the worker at random while a survey cycle runs, and check that nothing is lost or doubled')
    .option('--respondents <n>', 'organisations surveyed', (v) => Number.parseInt(v, 10), 1000)
    .option('--kills <n>', 'SIGKILLs of the worker', (v) => Number.parseInt(v, 10), 20)
    .option('--replies <n>', 'replies submitted during the run', (v) => Number.parseInt(v, 10), 100)
    .option('--out <file>', 'where to write the JSON results', path.join('.data', 'chaos', 'results.json'))
    .parse();
  const options = program.opts<{ respondents: number; kills: number; replies: number; out: string }>();
  const infra = await startBenchInfrastructure();
  try {
    const report = await workerKills(infra, { ...options, log: (line) => console.log(line) });
    const checks: [string, boolean][] = [
      [`${report.kills} SIGKILLs of the worker`, report.kills >= 20 || report.kills === options.kills],
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
    for (const [what, held] of checks) console.log(`${held ? 'held  ' : 'FAILED'}  ${what}`);
    console.log(
      `backlog drained ${report.drainSeconds} s after the last restart; ${report.uncertainInvitations} invitation(s) uncertain (in SMTP at a kill: not resent, shown to the coordinator); whole run ${report.wallSeconds} s`,
    );
    mkdirSync(path.dirname(options.out), { recursive: true });
    writeFileSync(options.out, JSON.stringify({ at: new Date().toISOString(), report, checks }, null, 2));
    console.log(`written to ${options.out}`);
    return checks.every(([, held]) => held) ? 0 : 1;
  } finally {
    await infra.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

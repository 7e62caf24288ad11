/**
 * `npm run bench`: each benchmark on the real parts, compared with its physical limit measured in the same run on
 * the same machine. Prints a table and writes the figures as JSON (not pass/fail).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { benchAutosave } from './autosave';
import { benchFanOut } from './fan-out';
import { benchLinkTiming } from './link-timing';
import type { Figure } from '../harness/figures';
import { printTable } from '../harness/figures';
import { startBenchInfrastructure } from '../harness/infrastructure';
import { benchRehearsal } from './rehearsal';
import { benchReport } from './report';

const BENCHMARKS = ['fan-out', 'autosave', 'links', 'report', 'rehearsal'] as const;

async function main(): Promise<void> {
  const program = new Command('bench')
    .description('Measure Commission Prep against its physical limits (figures, not pass/fail)')
    .addOption(new Option('--only <names...>', 'run only these benchmarks').choices([...BENCHMARKS]))
    .option('--respondents <n>', 'respondents in the fan-out cycle', (v) => Number.parseInt(v, 10), 10_000)
    .option('--autosavers <n>', 'respondents autosaving at once', (v) => Number.parseInt(v, 10), 500)
    .option('--replies <n>', 'replies the report is compiled from', (v) => Number.parseInt(v, 10), 10_000)
    .option('--rehearsed <n>', 'respondents in the rehearsal', (v) => Number.parseInt(v, 10), 1_000)
    .option('--out <file>', 'where to write the JSON results', path.join('.data', 'bench', 'results.json'))
    .parse();
  const options = program.opts<{
    only?: string[];
    respondents: number;
    autosavers: number;
    replies: number;
    rehearsed: number;
    out: string;
  }>();
  const chosen = new Set(options.only ?? BENCHMARKS);
  const infra = await startBenchInfrastructure();
  const figures: Figure[] = [];
  try {
    if (chosen.has('fan-out')) figures.push(...(await benchFanOut(infra, options.respondents)));
    if (chosen.has('autosave')) figures.push(...(await benchAutosave(infra, options.autosavers)));
    if (chosen.has('links')) figures.push(...(await benchLinkTiming(infra)));
    if (chosen.has('report')) figures.push(...(await benchReport(infra, options.replies)));
    if (chosen.has('rehearsal')) figures.push(...(await benchRehearsal(options.rehearsed)));
  } finally {
    await infra.stop();
  }
  printTable(figures);
  mkdirSync(path.dirname(options.out), { recursive: true });
  const machine = { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  writeFileSync(options.out, JSON.stringify({ at: new Date().toISOString(), machine, figures }, null, 2));
  console.log(`\nwritten to ${options.out}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

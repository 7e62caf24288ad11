/** The real worker (`worker/main.ts`) as its own process, so its memory is its own and it can be killed. */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface WorkerProcessOptions {
  databaseUrl: string;
  temporalAddress: string;
  taskQueue: string;
  smtpPort: number;
  dataDir: string;
  /** Messages per second the worker may send (the production default paces a relay at 5). */
  mailRatePerSecond?: number;
}

const ROOT = path.join(__dirname, '..');

const errorOutput = new WeakMap<ChildProcess, string>();

/** The last few kilobytes the worker wrote to stderr, to say why it stopped. */
export function lastErrorOutput(child: ChildProcess): string {
  return errorOutput.get(child) ?? '';
}

export function startWorkerProcess(options: WorkerProcessOptions): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'worker', 'main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      TEMPORAL_ADDRESS: options.temporalAddress,
      TEMPORAL_TASK_QUEUE: options.taskQueue,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(options.smtpPort),
      MAIL_RATE_PER_SECOND: String(options.mailRatePerSecond ?? 100_000),
      DATA_DIR: options.dataDir,
      LOG_LEVEL: 'warn',
    },
  });
  // Drained as it comes: a pipe nobody reads fills up, and then the worker blocks on its next warning.
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errorOutput.set(child, (lastErrorOutput(child) + chunk).slice(-4096));
  });
  return child;
}

export async function stopWorkerProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

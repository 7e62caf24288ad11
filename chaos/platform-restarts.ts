/**
 * F5 and F7: the platform under a running cycle — a deploy of the worker (SIGTERM: it stops taking work and gives
 * running activities its 20-second grace time, then a new worker starts), the Temporal server restarted (its SQLite
 * file keeps the workflows), PostgreSQL restarted (connections drop; activities fail and are retried), and the
 * network between the worker and the Temporal server cut (nothing passes for `cutMinutes`; the worker keeps running
 * and must find its way back on its own). Deploy and restarts happen twice each, the cut once between them, at
 * random moments of the fan-out.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchInfrastructure } from '../harness/infrastructure';
import { cycleUnderFaults } from './cycle-under-faults';
import type { FaultContext } from './cycle-under-faults';

export function platformRestarts(
  infra: BenchInfrastructure,
  options: { respondents: number; replies: number; cutMinutes: number; log: (line: string) => void },
) {
  const deploy = async ({ replaceWorker }: FaultContext) => {
    await replaceWorker('SIGTERM');
    return 'worker deployed (SIGTERM, graceful)';
  };
  const restartTemporal = async () => {
    await infra.restartTemporal();
    return 'Temporal server restarted';
  };
  const restartPostgres = async () => {
    if (!infra.restartPostgres) return 'PostgreSQL restart skipped (external server)';
    await infra.restartPostgres();
    return 'PostgreSQL restarted';
  };
  const cutNetwork = async ({ workerNetwork }: FaultContext) => {
    workerNetwork.cut();
    await sleep(options.cutMinutes * 60_000);
    workerNetwork.restore();
    return `worker ↔ Temporal network cut for ${options.cutMinutes} min`;
  };
  const disruptions = [deploy, restartTemporal, restartPostgres, cutNetwork, deploy, restartTemporal, restartPostgres];
  return cycleUnderFaults(infra, {
    ...options,
    faults: disruptions.length,
    sessionNumber: 94,
    disrupt: (n, context) => disruptions[n - 1]!(context),
  });
}

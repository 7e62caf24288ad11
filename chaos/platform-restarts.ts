/**
 * F5 and F7: the platform under a running cycle — a deploy of the worker (SIGTERM: it stops taking work and gives
 * running activities its 20-second grace time, then a new worker starts), the Temporal server restarted (its SQLite
 * file keeps the workflows), PostgreSQL restarted (connections drop; activities fail and are retried). Each happens
 * twice, in that order, at random moments of the fan-out.
 */
import type { BenchInfrastructure } from '../harness/infrastructure';
import { cycleUnderFaults } from './cycle-under-faults';

export function platformRestarts(
  infra: BenchInfrastructure,
  options: { respondents: number; replies: number; log: (line: string) => void },
) {
  const disruptions = [
    async (replaceWorker: (signal: NodeJS.Signals) => Promise<void>) => {
      await replaceWorker('SIGTERM');
      return 'worker deployed (SIGTERM, graceful)';
    },
    async () => {
      await infra.restartTemporal();
      return 'Temporal server restarted';
    },
    async () => {
      if (!infra.restartPostgres) return 'PostgreSQL restart skipped (external server)';
      await infra.restartPostgres();
      return 'PostgreSQL restarted';
    },
  ];
  return cycleUnderFaults(infra, {
    ...options,
    faults: disruptions.length * 2,
    sessionNumber: 94,
    disrupt: (n, { replaceWorker }) => disruptions[(n - 1) % disruptions.length]!(replaceWorker),
  });
}

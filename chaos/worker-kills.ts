/** F1: the worker killed with SIGKILL at random moments (at least 20 times) and restarted at once. */
import type { BenchInfrastructure } from '../harness/infrastructure';
import { cycleUnderFaults } from './cycle-under-faults';

export function workerKills(
  infra: BenchInfrastructure,
  options: { respondents: number; kills: number; replies: number; log: (line: string) => void },
) {
  return cycleUnderFaults(infra, {
    ...options,
    faults: options.kills,
    sessionNumber: 93,
    disrupt: async (_n, { replaceWorker }) => {
      await replaceWorker('SIGKILL');
      return 'worker killed (SIGKILL)';
    },
  });
}

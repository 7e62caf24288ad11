/** `prep audit verify`: check the hash chain of the audit log. */
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { verifyAuditChain } from '../../../services/audit';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerAuditCommands(program: Command, runtime: Runtime, out: Out): void {
  program
    .command('audit')
    .description('The audit log')
    .command('verify')
    .description('Check that no audit event was changed or removed (each is chained to the one before by a hash)')
    .action(async () => {
      const report = await verifyAuditChain(runtime.db());
      out(`${report.checked} chained audit events checked; ${report.unchained} from before the chain.`);
      if (report.problems.length === 0) return out('The chain is intact.');
      printTable(
        out,
        ['Audit event', 'Problem'],
        report.problems.map((p) => [p.id, p.problem]),
      );
      throw new CommanderError(1, 'prep.audit', `the audit chain is broken at ${report.problems.length} event(s)`);
    });
}

/** `prep obligations`: the session's reporting obligations, and recording the document that met one. */
import type { Command } from 'commander';
import { listSessionObligations } from '../../../services/obligations';
import { markObligationMet } from '../../obligations';
import { sessionNumber } from '../options';
import { printObligations } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerObligationCommands(program: Command, runtime: Runtime, out: Out): void {
  const obligations = program
    .command('obligations')
    .description('Reporting obligations of a session (IV 10 (c), IV 2, VI 3 (b), VII 4)');
  obligations
    .command('list')
    .description('Every obligation with its due date, the rule that sets it, and its status')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; json?: boolean }) => {
      const rows = await listSessionObligations(runtime.db(), o.session);
      if (o.json) return out(JSON.stringify(rows, null, 2));
      printObligations(out, rows);
    });
  obligations
    .command('met')
    .description('Record the document that met an obligation; its deadline watch completes')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--code <code>', 'obligation code, e.g. IV-2')
    .requiredOption('--symbol <symbol>', 'symbol of the document, e.g. E/CN.15/2027/5')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; code: string; symbol: string; as: string }) => {
      await markObligationMet(await runtime.deps(), o.session, o.code, { documentSymbol: o.symbol }, o.as);
      out(`Obligation ${o.code} of session ${o.session} met by ${o.symbol}.`);
    });
}

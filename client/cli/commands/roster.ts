/** `prep roster`: import and export organisations with their contacts, and Governments with their focal points. */
import { readFile, writeFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { exportRoster } from '../../../services/roster/export';
import { RosterInvalidError, importRoster } from '../../../services/roster/import';
import type { RosterKind } from '../../../services/roster/import';
import { formatOf } from '../../../services/roster/table-files';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

function rosterKind(value: string): RosterKind {
  if (value !== 'organisations' && value !== 'governments')
    throw new CommanderError(2, 'prep.invalid', `--kind must be organisations or governments, got "${value}"`);
  return value;
}

export function registerRosterCommands(program: Command, runtime: Runtime, out: Out): void {
  const roster = program
    .command('roster')
    .description('Organisations with their contacts, and Governments with their focal points (CSV or XLSX)');
  roster
    .command('import')
    .description('Import a roster file; a file with any error imports nothing and lists every problem')
    .requiredOption('--file <path>', '.csv or .xlsx file')
    .option('--kind <kind>', 'organisations or governments', 'organisations')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { file: string; kind: string; as: string }) => {
      const kind = rosterKind(o.kind);
      const buffer = await readFile(o.file).catch(() => {
        throw new CommanderError(2, 'prep.invalid', `cannot read ${o.file}`);
      });
      try {
        const summary = await importRoster(
          runtime.db(),
          { buffer, format: formatOf(o.file) },
          kind,
          o.as,
          (done, total) => out(`… ${done} of ${total} rows written`),
        );
        out(`Imported ${summary.rows} rows of ${kind}: ${summary.created} created, ${summary.updated} updated.`);
      } catch (error) {
        if (error instanceof RosterInvalidError) {
          out('Nothing was imported. Problems found:');
          printTable(
            out,
            ['Row', 'Column', 'Problem'],
            error.issues.map((i) => [String(i.row), i.column, i.message]),
          );
        }
        throw error;
      }
    });
  roster
    .command('export')
    .description('Write the roster to a file, in the columns the import reads')
    .requiredOption('--out <path>', '.csv or .xlsx file to write')
    .option('--kind <kind>', 'organisations or governments', 'organisations')
    .action(async (o: { out: string; kind: string }) => {
      const buffer = await exportRoster(runtime.db(), rosterKind(o.kind), formatOf(o.out));
      await writeFile(o.out, buffer);
      out(`Wrote ${o.out} (${buffer.length} bytes).`);
    });
}

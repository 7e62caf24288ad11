/** `prep report`: approve, reject and revise the analysis report (IV 10 (c)), and write its options. */
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { listReportOptions, saveReportOption } from '../../../services/report-options';
import { getSessionByNumber } from '../../../services/session-lookup';
import { approveReport, rejectReport, reviseReport } from '../../preparation';
import { managerNamed, sessionNumber, staffNamed } from '../options';
import { latenessFootnote, resetLatenessFootnote, saveLatenessFootnote } from '../../../services/report-footnote';
import type { LatenessFootnoteView } from '../../../services/report-footnote';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

export function registerReportCommands(program: Command, runtime: Runtime, out: Out): void {
  const report = program.command('report').description('The analysis report (IV 10 (c))');
  report
    .command('approve')
    .description('Approve the report awaiting approval; dispatch to Governments follows')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--as <email>', 'e-mail of the approving manager')
    .action(async (o: { session: number; as: string }) => {
      const deps = await runtime.deps();
      const manager = await managerNamed(deps.db, o.as);
      const approved = await approveReport(deps, o.session, manager);
      out(`${approved.symbol} approved at ${approved.approvedAt}; dispatch to Governments has started.`);
    });
  report
    .command('reject')
    .description('Send the report awaiting approval back to staff, saying what must change')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--as <email>', 'e-mail of the manager')
    .requiredOption('--comment <text>', 'what must change')
    .action(async (o: { session: number; as: string; comment: string }) => {
      const deps = await runtime.deps();
      const manager = await managerNamed(deps.db, o.as);
      const sent = await rejectReport(deps, o.session, { comment: o.comment }, manager);
      out(`${sent.symbol} version ${sent.version} sent back to staff; coordinators are told by e-mail.`);
    });
  report
    .command('revise')
    .description('Compile a new version of the report with the current options (after a rejection, or to update it)')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--as <email>', 'acting staff member', 'cli')
    .action(async (o: { session: number; as: string }) => {
      const revised = await reviseReport(await runtime.deps(), o.session, o.as);
      out(`Version ${revised.version} compiled and awaiting approval.`);
    });
  report
    .command('footnote')
    .description(
      'The lateness footnote a late report carries on its title: show it, replace the drafted text (--text) or go back to the draft (--reset)',
    )
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--text <text>', 'the footnote as staff write it, in place of the draft')
    .option('--reset', 'drop the edited text: the report carries the drafted footnote again')
    .option('--as <email>', 'e-mail of the coordinator or manager editing it (required with --text or --reset)')
    .option('--json', 'print JSON')
    .action(async (o: { session: number; text?: string; reset?: boolean; as?: string; json?: boolean }) => {
      const db = runtime.db();
      if (o.text !== undefined && o.reset)
        throw new CommanderError(2, 'prep.usage', 'give --text or --reset, not both');
      let view: LatenessFootnoteView;
      if (o.text !== undefined || o.reset) {
        if (!o.as) throw new CommanderError(2, 'prep.usage', '--as <email> is required to edit the footnote');
        const actor = await staffNamed(db, o.as);
        view = o.reset
          ? await resetLatenessFootnote(db, o.session, actor)
          : await saveLatenessFootnote(db, o.session, { text: o.text }, actor);
      } else {
        view = await latenessFootnote(db, (await getSessionByNumber(db, o.session)).id);
      }
      if (o.json) return out(JSON.stringify(view, null, 2));
      out(
        view.text
          ? `The report is late; its title carries this footnote${view.edited ? ` (edited by ${view.edited.editedBy})` : ' (drafted from the record)'}:`
          : 'No date that binds the report has been missed: it carries no lateness footnote.',
      );
      if (view.text) out(`  ${view.text}`);
      if (view.edited && view.drafted && view.edited.text !== view.drafted)
        out(`Drafted from the record: ${view.drafted}`);
      if (view.edited && !view.text) out(`Edited text kept for when it is late: ${view.edited.text}`);
      if (o.text !== undefined || o.reset) out('Saved; the next compiled version carries it (`prep report revise`).');
    });
  const options = report.command('options').description('The options section, written by staff');
  options
    .command('list')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; json?: boolean }) => {
      const session = await getSessionByNumber(runtime.db(), o.session);
      const rows = await listReportOptions(runtime.db(), session.id);
      if (o.json) return out(JSON.stringify(rows, null, 2));
      printTable(
        out,
        ['#', 'Title', 'Budget (USD)', 'Edited by'],
        rows.map((r) => [
          String(r.position),
          r.title,
          r.budgetUsd === undefined ? '—' : String(r.budgetUsd),
          r.updatedBy,
        ]),
      );
    });
  options
    .command('set')
    .description('Write option N (replacing it if it exists)')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--position <n>', 'option number, from 1')
    .requiredOption('--title <text>', 'title')
    .requiredOption('--text <text>', 'the option, in full')
    .option('--budget <usd>', 'budget implication in US dollars')
    .option('--as <email>', 'acting staff member', 'cli')
    .action(
      async (o: { session: number; position: string; title: string; text: string; budget?: string; as: string }) => {
        await saveReportOption(
          runtime.db(),
          o.session,
          { position: o.position, title: o.title, text: o.text, budgetUsd: o.budget },
          o.as,
        );
        out(`Option ${o.position} saved; run \`prep report revise\` to compile it into a new version.`);
      },
    );
}

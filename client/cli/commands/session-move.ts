/** `prep session move`: preview a move (`--dry-run`), then confirm it, with a choice when the plan becomes impossible. */
import type { Command } from 'commander';
import { SURVEY_NAMES } from '../../../domain/questionnaires';
import type { MovePreview } from '../../../services/move-preview';
import { previewSessionMove, rescheduleSession } from '../../preparation';
import { sessionNumber } from '../options';
import { printTable } from '../output';
import type { Out, Runtime } from '../runtime';

interface MoveOptions {
  session: number;
  opening: string;
  closing: string;
  dryRun?: boolean;
  compress?: boolean;
  acceptBreach?: string;
  as: string;
  json?: boolean;
}

function printPreview(out: Out, preview: MovePreview): void {
  out(`Session ${preview.number} would open on ${preview.to.openingDate} (now ${preview.from.openingDate}).`);
  if (preview.moved.length)
    printTable(
      out,
      ['Deadline', 'Was', 'Would be'],
      preview.moved.map((m) => [m.label, m.from.slice(0, 10), m.to.slice(0, 10)]),
    );
  for (const d of preview.impossible) out(`Impossible: ${d.label}: ${d.why}.`);
  for (const t of preview.told)
    out(
      `${SURVEY_NAMES[t.kind]}: ${t.organisations} organisation(s) would be told the close moves from ${t.from.slice(0, 10)} to ${t.to.slice(0, 10)} (${Object.entries(
        t.byLanguage,
      )
        .map(([lang, n]) => `${lang} ${n}`)
        .join(', ')}).`,
    );
  if (preview.choices.length)
    out(
      `Choose: ${preview.choices.map((c) => (c === 'compress' ? '--compress' : '--accept-breach "<reason>"')).join(' or ')}.` +
        (preview.compressUnavailable ? ` Compressing is not possible: ${preview.compressUnavailable}.` : ''),
    );
  out('Nothing was changed (dry run).');
}

export function registerSessionMoveCommand(session: Command, runtime: Runtime, out: Out): void {
  session
    .command('move')
    .description("Change a session's dates; a launched preparation re-plans every open deadline")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--opening <date>', 'new opening date, YYYY-MM-DD')
    .requiredOption('--closing <date>', 'new closing date, YYYY-MM-DD')
    .option('--dry-run', 'show what the move would change and whom it would tell; change nothing')
    .option('--compress', 'when the plan becomes impossible: close the surveys at the latest date that meets IV 11')
    .option('--accept-breach <reason>', "when the plan becomes impossible: keep the surveys' dates, record the breach")
    .option('--as <email>', 'acting coordinator', 'cli')
    .option('--json', 'print JSON')
    .action(async (o: MoveOptions) => {
      const input = {
        openingDate: o.opening,
        closingDate: o.closing,
        ...(o.compress ? { choice: 'compress' } : {}),
        ...(o.acceptBreach !== undefined ? { choice: 'accept', reason: o.acceptBreach } : {}),
      };
      const deps = await runtime.deps();
      if (o.dryRun) {
        const preview = await previewSessionMove(deps, o.session, input);
        return o.json ? out(JSON.stringify(preview, null, 2)) : printPreview(out, preview);
      }
      const outcome = await rescheduleSession(deps, o.session, input, o.as);
      if (o.json) return out(JSON.stringify(outcome, null, 2));
      out(
        `Session ${o.session} now opens on ${o.opening}.` +
          (outcome.applied === 'compress' ? ' The plan was compressed to meet the IV 11 date.' : '') +
          (outcome.applied === 'accept' ? ' The surveys keep their dates; the IV 11 breach is recorded.' : ''),
      );
      if (outcome.moved.length)
        printTable(
          out,
          ['Deadline', 'Was', 'Now'],
          outcome.moved.map((m) => [m.label, m.from.slice(0, 10), m.to.slice(0, 10)]),
        );
    });
}

/**
 * `prep survey`: launch the session's surveys, and for either survey of IV 10 (`--survey system-wide|igo-ngo`) its
 * status, export, reminders, early close, extensions and reissued links.
 */
import { writeFile } from 'node:fs/promises';
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { SURVEY_NAMES } from '../../../domain/questionnaires';
import type { SurveyKind } from '../../../domain/questionnaires';
import { REPLY_STATES, isReplyState } from '../../../domain/reply-states';
import { cycleStatus } from '../../../services/cycle-status';
import type { CycleStatusRow } from '../../../services/cycle-status';
import { exportResponses } from '../../../services/response-export';
import { formatOf } from '../../../services/roster/table-files';
import { cycleQuery } from '../../../workflows/definitions';
import { grantExtension, reissueLink } from '../../cycle';
import { closeSurveyEarly, closedEarlySentence, launchPreparation, remindNow } from '../../preparation';
import type { PreparationClientDeps } from '../../preparation';
import { sessionNumber, surveyOption } from '../options';
import { printTable, surveyLine } from '../output';
import type { Out, Runtime } from '../runtime';

/** Shows the invitations going out until every organisation has been tried (or ten minutes have passed). */
async function followInvitations(deps: PreparationClientDeps, cycleWorkflowId: string, out: Out) {
  const handle = deps.temporal.workflow.getHandle(cycleWorkflowId);
  let last = '';
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const view = await handle.query(cycleQuery).catch(() => undefined);
    if (view) {
      const line = `… ${view.invited} invited, ${view.undeliverable} undeliverable`;
      if (line !== last) out((last = line));
      if (view.status !== 'inviting') {
        out(`All invitations sent; the survey closes ${view.closesAt.slice(0, 10)}.`);
        return;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  out('Invitations are still going out; follow them with `prep survey status`.');
}

function stateOption(value: string): string {
  if (!isReplyState(value))
    throw new CommanderError(2, 'prep.invalid', `--state must be one of ${REPLY_STATES.join(', ')}; got "${value}"`);
  return value;
}

function statusCell(r: CycleStatusRow): string {
  const marks = r.marks.filter((m) => m !== 'extended').map((m) => `, ${m}`);
  return `${r.state}${marks.join('')}${r.extendedUntil ? `, extended to ${r.extendedUntil.slice(0, 10)}` : ''}`;
}

export function registerSurveyCommands(program: Command, runtime: Runtime, out: Out): void {
  const survey = program
    .command('survey')
    .description('The surveys of IV 10: system-wide (a), and of IGOs and NGOs (b) with --survey igo-ngo');
  survey
    .command('launch')
    .description("Start the session's preparation on its recorded plan and launch both surveys")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--reminders <days>', 'reminders, days before the close, e.g. 21,7,2 (default: those still ahead)')
    .option('--grace <days>', 'days after the close during which replies are still accepted, flagged late', '0')
    .option('--only <codes>', 'survey only these organisations of the roster, e.g. UNICRI,HEUNI (default: all)')
    .option('--no-wait', 'return at once instead of showing the invitations going out')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(
      async (o: { session: number; reminders?: string; grace: string; only?: string; wait: boolean; as: string }) => {
        const deps = await runtime.deps();
        const launched = await launchPreparation(deps, o.session, o.as, new Date(), {
          reminderDaysBefore: o.reminders,
          graceDays: o.grace,
          organisations: o.only,
        });
        out(`Session ${o.session} launched (workflow ${launched.workflowId}).`);
        for (const id of launched.obligationWorkflowIds) out(`Deadline watch started: ${id}`);
        if (o.wait) await followInvitations(deps, launched.cycleWorkflowId, out);
      },
    );
  survey
    .command('status')
    .description('Every organisation invited and where its reply stands, with the counts per state')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .addOption(surveyOption('the system-wide survey'))
    .option('--state <state>', `only those in this state (${REPLY_STATES.join(', ')})`, stateOption)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; survey?: SurveyKind; state?: string; json?: boolean }) => {
      const status = await cycleStatus(runtime.db(), o.session, { state: o.state }, o.survey);
      if (o.json) return out(JSON.stringify({ counts: status.counts, rows: status.rows }, null, 2));
      out(surveyLine(status.counts));
      out(`Replied: ${status.counts.replies} of ${status.counts.invited}.`);
      printTable(
        out,
        ['Organisation', 'Contact', 'Invitation', 'Status', 'Reminders'],
        status.rows.map((r) => [
          r.code,
          r.email,
          `${r.delivery}${r.bouncedEmails.length ? ` (bounced: ${r.bouncedEmails.join(', ')})` : ''}`,
          statusCell(r),
          `${r.remindersSent}${r.remindersOptedOut ? ' (opted out)' : ''}`,
        ]),
      );
    });
  survey
    .command('extend')
    .description("Extend one organisation's deadline, with the reason")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .addOption(surveyOption('the survey the organisation is in'))
    .requiredOption('--organisation <code>', 'organisation code, e.g. UNICRI')
    .requiredOption('--until <date>', 'new deadline, YYYY-MM-DD')
    .requiredOption('--reason <text>', 'why')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(
      async (o: {
        session: number;
        survey?: SurveyKind;
        organisation: string;
        until: string;
        reason: string;
        as: string;
      }) => {
        const deps = await runtime.deps();
        const organisation = await deps.db.organisation.findUnique({ where: { code: o.organisation.toUpperCase() } });
        if (!organisation) throw new CommanderError(2, 'prep.invalid', `no organisation with code ${o.organisation}`);
        const { until } = await grantExtension(
          deps,
          o.session,
          { organisationId: organisation.id, until: o.until, reason: o.reason },
          o.as,
          o.survey,
        );
        out(`${organisation.code} may reply until ${until}.`);
      },
    );
  survey
    .command('reissue')
    .description("Revoke a contact's links and send a new one (the old ones say they were replaced)")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .addOption(surveyOption('the survey the contact is in'))
    .requiredOption('--email <address>', "the contact's e-mail address")
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; survey?: SurveyKind; email: string; as: string }) => {
      const deps = await runtime.deps();
      const contacts = await deps.db.contact.findMany({ where: { email: o.email.toLowerCase() } });
      if (contacts.length !== 1)
        throw new CommanderError(2, 'prep.invalid', `no single contact with address ${o.email}`);
      await reissueLink(deps, o.session, contacts[0]!.id, o.as, o.survey);
      out(`A new link is being sent to ${contacts[0]!.email}.`);
    });
  survey
    .command('export')
    .description('Write the replies (codes and labels) to a .csv or .xlsx file')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .addOption(surveyOption('the system-wide survey'))
    .requiredOption('--out <path>', '.csv or .xlsx file to write')
    .option('--language <code>', 'language of the labels', 'en')
    .action(async (o: { session: number; survey?: SurveyKind; out: string; language: string }) => {
      const file = await exportResponses(runtime.db(), o.session, formatOf(o.out), o.language, o.survey);
      await writeFile(o.out, file.buffer);
      out(`Wrote ${o.out} (${file.buffer.length} bytes).`);
    });
  survey
    .command('remind')
    .description('Remind every organisation that has not replied, now (the scheduled reminders still follow)')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .addOption(surveyOption('both surveys'))
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; survey?: SurveyKind; as: string }) => {
      // Within the window of the last reminder on request, nothing is sent and the error says when the last went.
      const outcome = await remindNow(await runtime.deps(), o.session, o.as, o.survey);
      out(
        o.survey
          ? `Reminders for the ${SURVEY_NAMES[o.survey]} of session ${o.session} are being sent to every organisation that has not replied.`
          : `Reminders for session ${o.session} are being sent to every organisation that has not replied.`,
      );
      for (const line of outcome.alreadyReminded) out(line);
    });
  survey
    .command('close')
    .description('Close the survey before its deadline')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .addOption(surveyOption('both surveys'))
    .option('--as <email>', 'acting coordinator', 'cli')
    .option(
      '--end-extensions',
      'end the extensions granted too, e-mailing those organisations (kept open until their dates otherwise)',
    )
    .action(async (o: { session: number; survey?: SurveyKind; as: string; endExtensions?: boolean }) => {
      const closed = await closeSurveyEarly(await runtime.deps(), o.session, o.as, o.survey, {
        endExtensions: o.endExtensions === true,
      });
      out(closedEarlySentence(o.session, closed));
    });
}

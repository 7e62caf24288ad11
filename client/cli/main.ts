/**
 * `prep`, the coordinator's and manager's command line (run it as `npm run prep -- <command>`). It talks to the same
 * database and Temporal service as the web app, configured by the same environment variables.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, CommanderError } from 'commander';
import { databaseUrlOf, loadConfig } from '../../platform/config';
import { createPrismaClient } from '../../platform/database';
import type { Db } from '../../platform/database';
import { verifyAuditChain } from '../../services/audit';
import { AppError, InvalidInputError } from '../../services/errors';
import { exportQuestionnaire, importQuestionnaire, listQuestionnaires } from '../../services/questionnaires';
import { createSession, getSessionByNumber, listSessions, parseOrThrow } from '../../services/sessions';
import { z } from 'zod';
import {
  approveReport,
  remindNow,
  closeSurveyEarly,
  getPreparationStatus,
  launchPreparation,
  rejectReport,
  rescheduleSession,
  reviseReport,
} from '../preparation';
import type { PreparationClientDeps } from '../preparation';
import { connectTemporalClient } from '../temporal-connection';
import { rehearse } from '../rehearsal/rehearse';
import { saveRehearsal } from '../rehearsal/store';
import { listSessionObligations } from '../../services/obligations';
import { listReportOptions, saveReportOption } from '../../services/report-options';
import { exportRoster } from '../../services/roster/export';
import { RosterInvalidError, importRoster } from '../../services/roster/import';
import type { RosterKind } from '../../services/roster/import';
import { formatOf } from '../../services/roster/table-files';
import { markObligationMet } from '../obligations';
import { grantExtension, reissueLink } from '../cycle';
import { RESPONDENT_STATES, cycleStatus } from '../../services/cycle-status';
import { exportResponses } from '../../services/response-export';
import { cycleQuery } from '../../workflows/definitions';
import { WEEKLY_DIGEST_SCHEDULE_ID, ensureWeeklyDigestSchedule } from '../schedules';
import { printPreparation, printRehearsal, printObligations, printTable } from './output';

export interface Runtime {
  deps(): Promise<PreparationClientDeps>;
  db(): Db;
  close(): Promise<void>;
}

/** Connections are opened lazily: `prep --help` and bad arguments need neither the database nor Temporal. */
function createRuntime(): Runtime {
  const config = loadConfig();
  let db: Db | undefined;
  let deps: PreparationClientDeps | undefined;
  return {
    db: () => (db ??= createPrismaClient(databaseUrlOf(config))),
    async deps() {
      deps ??= {
        db: this.db(),
        temporal: await connectTemporalClient(config.temporal),
        taskQueue: config.temporal.taskQueue,
        mailAlertAfterMinutes: config.mail.alertAfterMinutes,
      };
      return deps;
    },
    async close() {
      await deps?.temporal.connection.close();
      await db?.$disconnect();
    },
  };
}

const share = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number` })
    .min(0, `${name} must be between 0 and 1`)
    .max(1, `${name} must be between 0 and 1`);
const ZRehearseOptions = z.object({
  session: z.coerce.number({ error: '--session must be a session number' }).int().min(1).optional(),
  as: z.string().default('cli'),
  opening: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
    .optional(),
  respondents: z.coerce.number().int().min(1).max(10_000),
  responseRate: share('--response-rate'),
  late: share('--late'),
  bounce: share('--bounce'),
  smtpFaults: z.coerce.number().int().min(0).max(1_000),
  approvalDelay: z.coerce.number().int().min(0).max(365),
  obligationLead: z.coerce.number({ error: '--obligation-lead must be a number of days' }).int().min(-120).max(365),
  seed: z.coerce.number().int(),
  json: z.boolean().optional(),
});

/** Shows the invitations going out until every organisation has been tried (or ten minutes have passed). */
async function followInvitations(deps: PreparationClientDeps, cycleWorkflowId: string, out: (line: string) => void) {
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

function rosterKind(value: string): RosterKind {
  if (value !== 'organisations' && value !== 'governments')
    throw new CommanderError(2, 'prep.invalid', `--kind must be organisations or governments, got "${value}"`);
  return value;
}

/** The manager a CLI approval or rejection acts as; anyone else is refused. */
async function managerNamed(db: Db, email: string): Promise<string> {
  const manager = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  if (manager?.role !== 'MANAGER') throw new CommanderError(2, 'prep.forbidden', `${email} is not a manager`);
  return manager.email;
}

function sessionNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new CommanderError(2, 'prep.invalid', `--session must be a session number, got "${value}"`);
  return n;
}

export function buildProgram(runtime: Runtime, out: (line: string) => void = console.log): Command {
  const program = new Command('prep')
    .description('Prepare sessions of the Commission on Crime Prevention and Criminal Justice')
    .exitOverride();

  const session = program.command('session').description('Sessions of the Commission');
  session
    .command('create')
    .description('Create a session')
    .requiredOption('--number <n>', 'session number')
    .requiredOption('--opening <date>', 'opening date, YYYY-MM-DD')
    .requiredOption('--closing <date>', 'closing date, YYYY-MM-DD')
    .option('--venue <venue>', 'venue', 'Vienna')
    .option('--reconvened', 'the reconvened (December, budget) part of the session')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(
      async (o: {
        number: string;
        opening: string;
        closing: string;
        venue: string;
        reconvened?: boolean;
        as: string;
      }) => {
        const created = await createSession(
          runtime.db(),
          {
            number: o.number,
            openingDate: o.opening,
            closingDate: o.closing,
            venue: o.venue,
            kind: o.reconvened ? 'RECONVENED' : 'REGULAR',
          },
          o.as,
        );
        out(
          `Session ${created.number}${o.reconvened ? ' (reconvened)' : ''} created: ${created.venue}, ${created.openingDate} to ${created.closingDate}.`,
        );
      },
    );
  session
    .command('move')
    .description("Change a session's dates; a launched preparation re-plans every open deadline")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--opening <date>', 'new opening date, YYYY-MM-DD')
    .requiredOption('--closing <date>', 'new closing date, YYYY-MM-DD')
    .option('--as <email>', 'acting coordinator', 'cli')
    .option('--json', 'print JSON')
    .action(async (o: { session: number; opening: string; closing: string; as: string; json?: boolean }) => {
      const moved = await rescheduleSession(
        await runtime.deps(),
        o.session,
        { openingDate: o.opening, closingDate: o.closing },
        o.as,
      );
      if (o.json) return out(JSON.stringify(moved, null, 2));
      out(`Session ${o.session} now opens on ${o.opening}.`);
      if (moved.length)
        printTable(
          out,
          ['Deadline', 'Was', 'Now'],
          moved.map((m) => [m.key, m.from.slice(0, 10), m.to.slice(0, 10)]),
        );
    });
  session
    .command('list')
    .description('List sessions')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const sessions = await listSessions(runtime.db());
      if (o.json) return out(JSON.stringify(sessions, null, 2));
      printTable(
        out,
        ['Session', 'Kind', 'Opening', 'Closing', 'Venue'],
        sessions.map((s) => [String(s.number), s.kind.toLowerCase(), s.openingDate, s.closingDate, s.venue]),
      );
    });

  const survey = program.command('survey').description('The system-wide survey (IV 10 (a))');
  survey
    .command('launch')
    .description("Start the session's preparation: plan the deadlines and launch the survey")
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
    .description('Every organisation invited and where its reply stands')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--state <state>', `only those in this state (${[...RESPONDENT_STATES, 'late', 'extended'].join(', ')})`)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; state?: string; json?: boolean }) => {
      const status = await cycleStatus(runtime.db(), o.session, { state: o.state });
      if (o.json) return out(JSON.stringify({ rates: status.rates, rows: status.rows }, null, 2));
      out(`Replied: ${status.rates.total.replied} of ${status.rates.total.invited}.`);
      printTable(
        out,
        ['Organisation', 'Contact', 'Invitation', 'Status', 'Reminders'],
        status.rows.map((r) => [
          r.code,
          r.email,
          r.delivery,
          `${r.state}${r.late ? ', late' : ''}${r.extendedUntil ? `, extended to ${r.extendedUntil.slice(0, 10)}` : ''}`,
          `${r.remindersSent}${r.remindersOptedOut ? ' (opted out)' : ''}`,
        ]),
      );
    });
  survey
    .command('extend')
    .description("Extend one organisation's deadline, with the reason")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--organisation <code>', 'organisation code, e.g. UNICRI')
    .requiredOption('--until <date>', 'new deadline, YYYY-MM-DD')
    .requiredOption('--reason <text>', 'why')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; organisation: string; until: string; reason: string; as: string }) => {
      const deps = await runtime.deps();
      const organisation = await deps.db.organisation.findUnique({ where: { code: o.organisation.toUpperCase() } });
      if (!organisation) throw new CommanderError(2, 'prep.invalid', `no organisation with code ${o.organisation}`);
      const { until } = await grantExtension(
        deps,
        o.session,
        { organisationId: organisation.id, until: o.until, reason: o.reason },
        o.as,
      );
      out(`${organisation.code} may reply until ${until}.`);
    });
  survey
    .command('reissue')
    .description("Revoke a contact's links and send a new one (the old ones say they were replaced)")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--email <address>', "the contact's e-mail address")
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; email: string; as: string }) => {
      const deps = await runtime.deps();
      const contacts = await deps.db.contact.findMany({ where: { email: o.email.toLowerCase() } });
      if (contacts.length !== 1)
        throw new CommanderError(2, 'prep.invalid', `no single contact with address ${o.email}`);
      await reissueLink(deps, o.session, contacts[0]!.id, o.as);
      out(`A new link is being sent to ${contacts[0]!.email}.`);
    });
  survey
    .command('export')
    .description('Write the replies (codes and labels) to a .csv or .xlsx file')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .requiredOption('--out <path>', '.csv or .xlsx file to write')
    .option('--language <code>', 'language of the labels', 'en')
    .action(async (o: { session: number; out: string; language: string }) => {
      const file = await exportResponses(runtime.db(), o.session, formatOf(o.out), o.language);
      await writeFile(o.out, file.buffer);
      out(`Wrote ${o.out} (${file.buffer.length} bytes).`);
    });

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
  survey
    .command('remind')
    .description('Remind every organisation that has not replied, now (the scheduled reminder still follows)')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; as: string }) => {
      await remindNow(await runtime.deps(), o.session, o.as);
      out(`Reminders for session ${o.session} are being sent to every organisation that has not replied.`);
    });
  survey
    .command('close')
    .description('Close the survey before its deadline')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { session: number; as: string }) => {
      await closeSurveyEarly(await runtime.deps(), o.session, o.as);
      out(`The survey of session ${o.session} is closing; the report will be compiled next.`);
    });

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
  const questionnaire = program
    .command('questionnaire')
    .description('Questionnaire versions, stored as data: each cycle asks the version current at its launch');
  questionnaire
    .command('list')
    .description('Every stored version, with the cycles that ask it')
    .action(async () => {
      const rows = await listQuestionnaires(runtime.db());
      printTable(
        out,
        ['Id', 'Survey', 'Version', 'Questions', 'Cycles', 'Stored by'],
        rows.map((r) => [r.id, r.kind, String(r.version), String(r.questions), String(r.cycles), r.createdBy]),
      );
    });
  questionnaire
    .command('export')
    .description('Write a version as JSON (the starting point of the next version)')
    .requiredOption('--id <id>', 'e.g. system-wide-v1')
    .requiredOption('--out <path>', '.json file to write')
    .action(async (o: { id: string; out: string }) => {
      const definition = await exportQuestionnaire(runtime.db(), o.id);
      await writeFile(o.out, `${JSON.stringify(definition, null, 2)}\n`);
      out(`Wrote ${o.out}.`);
    });
  questionnaire
    .command('import')
    .description("Store a new version of a survey's questionnaire; an invalid definition stores nothing")
    .requiredOption('--file <path>', '.json definition (see `questionnaire export`)')
    .requiredOption('--survey <kind>', 'SYSTEM_WIDE or IGO_NGO')
    .option('--as <email>', 'acting coordinator', 'cli')
    .action(async (o: { file: string; survey: string; as: string }) => {
      if (o.survey !== 'SYSTEM_WIDE' && o.survey !== 'IGO_NGO')
        throw new CommanderError(2, 'prep.invalid', '--survey must be SYSTEM_WIDE or IGO_NGO');
      const text = await readFile(o.file, 'utf8').catch(() => {
        throw new CommanderError(2, 'prep.invalid', `cannot read ${o.file}`);
      });
      let definition: unknown;
      try {
        definition = JSON.parse(text);
      } catch (error) {
        throw new CommanderError(2, 'prep.invalid', `${o.file} is not JSON: ${(error as Error).message}`);
      }
      const stored = await importQuestionnaire(runtime.db(), o.survey, definition, o.as);
      out(`Stored ${stored.id} (version ${stored.version}); cycles launched from now on ask it.`);
    });

  program
    .command('rehearse')
    .description("Run a session's whole preparation on the time-skipping server with simulated respondents")
    .option('--session <n>', "rehearse this session's dates, and keep the result for its dashboard")
    .option('--opening <date>', "opening date, YYYY-MM-DD (default: the session's, else 180 days from today)")
    .option('--as <email>', 'who ran it, shown on the dashboard', 'cli')
    .option('--respondents <n>', 'organisations surveyed', '40')
    .option('--response-rate <r>', 'share that replies, 0–1', '0.7')
    .option('--late <r>', 'share of replies after the close, 0–1', '0.1')
    .option('--bounce <r>', 'share whose primary contact bounces, 0–1', '0.05')
    .option('--smtp-faults <n>', 'transient SMTP faults to inject', '3')
    .option('--approval-delay <days>', 'days the manager takes to approve', '7')
    .option(
      '--obligation-lead <days>',
      'days before its due date that each other obligation (IV 2, VI 3 (b), VII 4) is submitted; negative: late',
      '10',
    )
    .option('--seed <n>', 'random seed', '1')
    .option('--json', 'print JSON')
    .action(async (raw: Record<string, string | boolean | undefined>) => {
      const o = parseOrThrow(ZRehearseOptions, raw);
      const session = o.session === undefined ? undefined : await getSessionByNumber(runtime.db(), o.session);
      const result = await rehearse({
        openingDate:
          o.opening ?? session?.openingDate ?? new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10),
        respondents: o.respondents,
        responseRate: o.responseRate,
        lateRate: o.late,
        bounceRate: o.bounce,
        smtpFaults: o.smtpFaults,
        approvalDelayDays: o.approvalDelay,
        obligationLeadDays: o.obligationLead,
        seed: o.seed,
        onProgress: o.json ? undefined : (line) => out(`… ${line}`),
      });
      if (session) {
        const kept = await saveRehearsal(runtime.db(), session.id, { parameters: raw, result }, o.as);
        if (!o.json) out(`Kept for the dashboard as rehearsal ${kept}.`);
      }
      if (o.json) return out(JSON.stringify(result, null, 2));
      printRehearsal(out, result);
    });

  program
    .command('schedules')
    .description('Create the recurring jobs (the weekly deadline digest to managers) if they do not exist')
    .action(async () => {
      const deps = await runtime.deps();
      const outcome = await ensureWeeklyDigestSchedule(deps.temporal, deps.taskQueue);
      out(`Schedule ${WEEKLY_DIGEST_SCHEDULE_ID}: ${outcome} (Mondays 06:00 UTC).`);
    });

  program
    .command('status')
    .description("A session's preparation: every deadline, its rule and its state")
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; json?: boolean }) => {
      const status = await getPreparationStatus(await runtime.deps(), o.session);
      if (o.json) return out(JSON.stringify(status, null, 2));
      printPreparation(out, status);
    });

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

  program
    .command('dispatch-log')
    .description('Who received the report, when, with which Message-ID (IV 11)')
    .requiredOption('--session <n>', 'session number', sessionNumber)
    .option('--json', 'print JSON')
    .action(async (o: { session: number; json?: boolean }) => {
      const db = runtime.db();
      const s = await getSessionByNumber(db, o.session);
      const rows = await db.dispatch.findMany({
        where: { document: { sessionId: s.id } },
        include: { government: true, emailMessage: true, document: true },
        orderBy: { government: { name: 'asc' } },
      });
      const log = rows.map((r) => ({
        government: r.government.name,
        recipient: r.recipient,
        symbol: r.document.symbol,
        sentAt: r.emailMessage.sentAt?.toISOString(),
        messageId: r.emailMessage.messageId,
        status: r.emailMessage.status,
      }));
      if (o.json) return out(JSON.stringify(log, null, 2));
      printTable(
        out,
        ['Government', 'Recipient', 'Sent', 'Message-ID'],
        log.map((l) => [l.government, l.recipient, l.sentAt ?? '', l.messageId]),
      );
    });
  return program;
}

async function main(): Promise<void> {
  const runtime = createRuntime();
  try {
    await buildProgram(runtime).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code !== 'commander.helpDisplayed' &&
        error.code !== 'commander.version' &&
        error.code !== 'commander.help'
      ) {
        if (error.code.startsWith('prep.')) console.error(`error: ${error.message}`);
        process.exitCode = error.exitCode || 2;
      }
    } else if (error instanceof AppError) {
      console.error(`error: ${error.message}`);
      if (error instanceof InvalidInputError)
        for (const field of error.fields) console.error(`  ${field.field || '(whole)'}: ${field.message}`);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  } finally {
    await runtime.close();
  }
}

if (require.main === module) void main();

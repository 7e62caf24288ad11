/** `prep rehearse`: a session's whole preparation on the time-skipping server, with simulated respondents. */
import type { Command } from 'commander';
import { z } from 'zod';
import { getSessionByNumber } from '../../../services/session-lookup';
import { parseOrThrow } from '../../../services/safe-input';
import { listSessionObligations } from '../../../services/obligations';
import type { SessionSummary } from '../../../services/session-lookup';
import { readSessionPlan } from '../../../services/session-plan';
import { rehearse } from '../../rehearsal/rehearse';
import type { RehearsalOptions } from '../../rehearsal/rehearse';
import { saveRehearsal } from '../../rehearsal/store';
import { printRehearsal } from '../output';
import type { Out, Runtime } from '../runtime';

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

/** A session's recorded plan, when its own dates are rehearsed; other dates are previewed by the rehearsal. */
async function recordedPlan(
  runtime: Runtime,
  session: SessionSummary | undefined,
  openingDate: string,
): Promise<RehearsalOptions['recorded']> {
  if (!session || session.openingDate !== openingDate) return undefined;
  const watched = (await listSessionObligations(runtime.db(), session.number)).filter(
    (o) => o.watchedBy === 'obligation-deadline',
  );
  return {
    plan: await readSessionPlan(runtime.db(), session.id),
    obligations: watched.map((o) => ({ code: o.code, title: o.title, dueAt: o.dueAt, dueRule: o.dueRule.key })),
  };
}

export function registerRehearseCommand(program: Command, runtime: Runtime, out: Out): void {
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
      const openingDate =
        o.opening ?? session?.openingDate ?? new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString().slice(0, 10);
      const result = await rehearse({
        openingDate,
        recorded: await recordedPlan(runtime, session, openingDate),
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
}

/** Plain-text output of the CLI. */
import { REPLY_STATES } from '../../domain/reply-states';
import type { SurveyCounts } from '../../services/cycle-status';
import type { SessionObligationView } from '../../services/obligations';
import type { SessionForecastView } from '../../services/forecast';
import type { PreparationStatus } from '../preparation';
import type { RehearsalResult } from '../rehearsal/rehearse';
import type { PlanEntry } from '../../domain/deadlines';

export function printTable(out: (line: string) => void, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  out(format(header));
  out(format(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => out(format(r)));
}

/** Every deadline with its due date, what became of it, and the rule it was computed by. */
export function printPlan(out: (line: string) => void, plan: PlanEntry[]): void {
  printTable(
    out,
    ['Deadline', 'Due', 'State', 'Rule'],
    plan.map((d) => [
      d.label,
      d.dueAt.slice(0, 10),
      d.doneAt ? `${d.state} ${d.doneAt.slice(0, 10)}` : d.state,
      d.rule,
    ]),
  );
}

/** One survey in one line: where it stands, the replies that count, and every state that has anyone in it. */
export function surveyLine(s: SurveyCounts): string {
  const states = REPLY_STATES.filter((state) => s.states[state] > 0)
    .map((state) => `${s.states[state]} ${state}`)
    .join(', ');
  return `${s.survey}: ${s.standing}; ${s.replies} of ${s.invited} replied (${s.responseRate}%)${states ? `: ${states}` : ''}.`;
}

export function printPreparation(out: (line: string) => void, status: PreparationStatus): void {
  if (!status.launched || !status.preparation) {
    out(`Session ${status.sessionNumber} has not been launched.`);
    return;
  }
  const p = status.preparation;
  out(`Session ${status.sessionNumber}: ${p.stage} (workflow ${status.workflowId})`);
  printPlan(out, p.plan);
  if (status.surveys?.length) {
    for (const s of status.surveys) out(surveyLine(s));
  } else if (status.cycle) {
    out(
      `Survey: ${status.cycle.status}, ${status.cycle.invited} invited, ${status.cycle.submitted} submitted, ${status.cycle.remindersSent} reminded, closes ${status.cycle.closesAt.slice(0, 10)}`,
    );
  }
  if (status.forecast) printForecast(out, status.forecast);
  if (p.report)
    out(
      `Report: ${p.report.symbol} v${p.report.version}${p.report.approvedBy ? `, approved by ${p.report.approvedBy}` : ', awaiting approval'}`,
    );
  if (p.dispatch) out(`Dispatch: ${p.dispatch.sent} sent, ${p.dispatch.failed} undeliverable, of ${p.dispatch.total}`);
}

/** The live forecast: each survey's expected replies with its basis, the dates still open, and the risk if any. */
export function printForecast(out: (line: string) => void, forecast: SessionForecastView): void {
  for (const s of forecast.surveys) out(`Forecast, ${s.survey}: ${s.basis}.`);
  const open = forecast.dates.filter((d) => !['met', 'not needed'].includes(d.outlook));
  if (open.length > 0)
    out(
      `Dates: ${open.map((d) => `${d.label} ${d.dueAt.slice(0, 10)} ${d.outlook}${d.note ? ` (${d.note})` : ''}`).join('; ')}.`,
    );
  if (forecast.risk) out(`At risk by the ${forecast.risk}.`);
}

export function printRehearsal(out: (line: string) => void, result: RehearsalResult): void {
  out('');
  out('Timeline (simulated dates)');
  for (const event of result.timeline) out(`  ${event.at.slice(0, 10)}  ${event.what}`);
  out('');
  printPlan(out, result.plan);
  out('');
  out('Other reporting obligations');
  for (const o of result.obligations)
    out(
      `  ${o.code.padEnd(8)} due ${o.dueAt.slice(0, 10)} (${o.rule} rule)  ${o.status}${o.metAt ? ` ${o.metAt.slice(0, 10)}` : ''}`,
    );
  out('');
  out(`Replies: ${result.replies.onTime} on time, ${result.replies.late} late (not counted).`);
  out(`Dispatched ${result.dispatchedAt.slice(0, 10)}, ${result.daysBeforeOpening} days before the opening.`);
  out(result.holds ? 'Every deadline holds.' : 'NOT every deadline holds: see the outcomes above.');
}

/** Each reporting obligation: due date and the rule that sets it (strictest of those that bind it), and status. */
export function printObligations(out: (line: string) => void, rows: SessionObligationView[]): void {
  printTable(
    out,
    ['Obligation', 'Due', 'Rule', 'Status', 'Document'],
    rows.map((o) => [
      o.mandate,
      o.dueAt.slice(0, 10),
      `${o.dueRule.name}${
        o.rules.length > 1
          ? ` (stricter than ${o.rules
              .slice(1)
              .map((r) => r.name.toLowerCase())
              .join(', ')})`
          : ''
      }`,
      o.status === 'MET' && o.breachedAt
        ? `met late ${o.metAt!.slice(0, 10)}`
        : o.status === 'MET'
          ? `met ${o.metAt!.slice(0, 10)}`
          : o.status.toLowerCase(),
      o.documentSymbol ?? '',
    ]),
  );
}

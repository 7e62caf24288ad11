/**
 * Bench 3: compiling the analysis report (.docx with charts) from N replies to the system-wide survey, against the
 * floor of reading those replies from the database: time, and the peak memory the compile adds to the process.
 */
import { performance } from 'node:perf_hooks';
import { PRIORITY_THEMES } from '../domain/priority-themes';
import { loadReportRespondents } from '../services/report-data';
import { openBenchCycle } from '../harness/bench-cycle';
import { addSubmittedReplies } from '../harness/replies';
import type { Figure } from '../harness/figures';
import type { BenchInfrastructure } from '../harness/infrastructure';

/** The process's resident memory at its highest while `work` runs, above what it was before. */
async function peakAbove<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMiB: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, ms: performance.now() - started, peakMiB: Math.round((peak - before) / 2 ** 20) };
  } finally {
    clearInterval(timer);
  }
}

export async function benchReport(infra: BenchInfrastructure, replies: number): Promise<Figure[]> {
  const name = `report ${replies.toLocaleString('en')}`;
  const { db } = await infra.createDatabase();
  const { activities, sessionId, cycleId, invitations } = await openBenchCycle(infra, db, {
    sessionNumber: 91,
    organisations: replies,
  });
  const organisations = invitations.map((i) => ({ id: i.organisationId }));
  // Every organisation replies: active on one or two themes, a budget in one of three currencies.
  const currencies = ['USD', 'EUR', 'CHF'];
  await addSubmittedReplies(
    db,
    cycleId,
    organisations.map((o, n) => {
      const themes = PRIORITY_THEMES.filter((_, t) => (n + t) % 3 !== 0);
      const answers: Record<string, string | number> = { activitiesCarriedOut: 'yes' };
      for (const theme of themes) {
        answers[`theme_${theme.code}_description`] = `Activity ${n} under ${theme.reference}: training and research`;
        answers[`theme_${theme.code}_budget`] = 10_000 + ((n * 7919) % 990_000);
        answers[`theme_${theme.code}_budget_currency`] = currencies[n % 3]!;
      }
      return { organisationId: o.id, answers };
    }),
  );
  const read = await peakAbove(() => loadReportRespondents(db, sessionId));
  const compile = await peakAbove(() =>
    activities.compileAnalysisReport({ sessionId: sessionId, cycleId, version: 1 }),
  );
  return [
    {
      benchmark: name,
      measure: 'compile the .docx report',
      value: Math.round(compile.ms),
      unit: 'ms',
      limit: { what: 'reading the same replies from PostgreSQL', value: Math.round(read.ms) },
      ratio: Math.round((compile.ms / read.ms) * 10) / 10,
      note: `${read.result.length} respondents read; peak memory above the idle process: ${compile.peakMiB} MiB compiling, ${read.peakMiB} MiB reading`,
    },
    {
      benchmark: name,
      measure: 'memory added while compiling',
      value: compile.peakMiB,
      unit: 'MiB',
      limit: { what: 'reading the replies alone', value: Math.max(1, read.peakMiB) },
      ratio: Math.round((compile.peakMiB / Math.max(1, read.peakMiB)) * 10) / 10,
    },
  ];
}

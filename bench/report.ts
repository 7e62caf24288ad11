/**
 * Bench 3: compiling the analysis report (.docx with charts) from N replies to the system-wide survey, against the
 * floor of reading those replies from the database: time, and the peak memory the compile adds to the process.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { createActivities } from '../activities';
import { LedgerMailer } from '../activities/mail/ledger-mailer';
import { RateLimiter } from '../activities/mail/rate-limiter';
import { PRIORITY_THEMES } from '../domain/priority-themes';
import { loadReportRespondents } from '../services/report-data';
import { createSession } from '../services/sessions';
import type { Figure } from '../harness/figures';
import type { BenchInfrastructure } from '../harness/infrastructure';
import { addSyntheticOrganisations } from '../harness/roster';

const DAY = 24 * 3600 * 1000;

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
  await addSyntheticOrganisations(db, replies);
  const opening = new Date(Date.now() + 240 * DAY).toISOString().slice(0, 10);
  const closing = new Date(Date.now() + 244 * DAY).toISOString().slice(0, 10);
  const session = await createSession(
    db,
    { number: 91, openingDate: opening, closingDate: closing, venue: 'Vienna' },
    'bench',
  );
  const activities = createActivities({
    db,
    mailer: new LedgerMailer({
      db,
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: infra.smtpPort, ignoreTLS: true }),
      from: 'bench@example.org',
      messageIdDomain: 'bench.example.org',
      limiter: new RateLimiter(1000),
    }),
    storageDir: mkdtempSync(path.join(os.tmpdir(), 'cp-bench-docs-')),
    publicBaseUrl: 'http://bench.test',
    chiefEmail: 'chief@example.org',
  });
  // Neither activity heartbeats: called directly, outside a worker.
  const { cycleId } = await activities.openSurveyCycle({
    sessionId: session.id,
    closesAt: new Date(Date.now() + 100 * DAY).toISOString(),
    workflowId: 'bench-report',
  });
  const organisations = await db.organisation.findMany({
    where: { code: { startsWith: 'BENCH-' } },
    select: { id: true, contacts: { select: { id: true } } },
  });
  // Invited as the fan-out would have (the report's annex lists whoever was invited).
  for (let start = 0; start < organisations.length; start += 1000) {
    await db.invitation.createMany({
      data: organisations.slice(start, start + 1000).map((o) => ({
        cycleId,
        organisationId: o.id,
        contactId: o.contacts[0]!.id,
        expiresAt: new Date(Date.now() + 100 * DAY),
      })),
    });
  }
  // Every organisation replies: active on one or two themes, a budget in one of three currencies.
  const currencies = ['USD', 'EUR', 'CHF'];
  for (let start = 0; start < organisations.length; start += 1000) {
    await db.response.createMany({
      data: organisations.slice(start, start + 1000).map((o, i) => {
        const n = start + i;
        const themes = PRIORITY_THEMES.filter((_, t) => (n + t) % 3 !== 0);
        const answers: Record<string, string | number> = { activitiesCarriedOut: 'yes' };
        for (const theme of themes) {
          answers[`theme_${theme.code}_description`] = `Activity ${n} under ${theme.reference}: training and research`;
          answers[`theme_${theme.code}_budget`] = 10_000 + ((n * 7919) % 990_000);
          answers[`theme_${theme.code}_budget_currency`] = currencies[n % 3]!;
        }
        return { cycleId, organisationId: o.id, status: 'SUBMITTED', answers, submittedAt: new Date() };
      }),
    });
  }
  const read = await peakAbove(() => loadReportRespondents(db, session.id));
  const compile = await peakAbove(() =>
    activities.compileAnalysisReport({ sessionId: session.id, cycleId, version: 1 }),
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

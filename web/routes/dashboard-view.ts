/**
 * What the dashboard shows for one session, gathered from the workflow (plan, stage, report) and the database
 * (obligations, options, replies, rehearsals). Charts are inline SVG, drawn by the same code as the report's.
 */
import { reportCharts } from '../../domain/charts';
import { getPreparationStatus } from '../../client/preparation';
import type { PreparationClientDeps } from '../../client/preparation';
import { deadlineStatus } from '../../domain/deadline-status';
import { analyseReplies } from '../../domain/report-analysis';
import { listSessionObligations } from '../../services/obligations';
import { listReportOptions } from '../../services/report-options';
import { sessionSurveys } from '../../services/cycle-status';
import type { SessionSummary } from '../../services/session-lookup';
import { readSessionPlan } from '../../services/session-plan';
import { sessionForecast } from '../../services/forecast';
import { latenessFootnote } from '../../services/report-footnote';
import type { PlanEntry } from '../../domain/deadlines';
import { burnDownSvg } from '../charts/burn-down';
import { timelineSvg } from '../charts/timeline';

const SURVEY_TITLES = { SYSTEM_WIDE: 'system-wide survey', IGO_NGO: 'IGO/NGO survey' } as const;

export async function sessionDashboard(
  deps: PreparationClientDeps,
  session: SessionSummary,
  workflowUrl: (workflowId: string) => string,
  now = Date.now(),
) {
  const status = await getPreparationStatus(deps, session.number);
  const preparation = status.preparation;
  // The running preparation's view of the recorded plan (it knows a step under way); before launch, the record.
  const plan: PlanEntry[] = preparation?.plan ?? (await readSessionPlan(deps.db, session.id));
  // The live forecast: replies expected at each close and where each date of the plan stands (services/forecast).
  const forecast = await sessionForecast(deps.db, session, new Date(now));
  const outlookOf = (key: string) => forecast.dates.find((o) => o.key === key);
  const deadlines = plan.map((d) => ({
    ...d,
    status: deadlineStatus(d, now, d.key === 'dispatch-deadline' && preparation?.risk !== undefined),
    outlook: outlookOf(d.key),
  }));
  const obligations = (await listSessionObligations(deps.db, session.number)).map((o) => ({
    ...o,
    status: deadlineStatus(
      {
        dueAt: o.dueAt,
        state: o.status === 'MET' ? 'met' : o.status === 'BREACHED' ? 'breached' : 'open',
        lateDone: o.breachedAt !== undefined,
      },
      now,
    ),
    state: o.status,
    workflowUrl: status.launched && o.watchedBy === 'obligation-deadline' ? workflowUrl(o.workflowId) : undefined,
  }));
  const timeline = timelineSvg(
    [
      ...deadlines.map((d) => ({ label: d.label, dueAt: d.dueAt, status: d.status, doneAt: d.doneAt })),
      ...obligations
        .filter((o) => o.watchedBy === 'obligation-deadline')
        .map((o) => ({ label: `${o.mandate} document`, dueAt: o.dueAt, status: o.status, doneAt: o.metAt })),
    ].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    session.openingDate,
    now,
    `Session ${session.number}: every deadline to the opening on ${session.openingDate}`,
  );
  // The same query as the console's and the report's: each survey's counts, and every respondent for the charts.
  const surveys = await sessionSurveys(deps.db, session.id, new Date(now));
  const respondents = surveys.flatMap((s) => s.respondents).sort((a, b) => a.name.localeCompare(b.name));
  const charts = respondents.length > 0 ? reportCharts(analyseReplies(respondents)) : undefined;
  // The lateness footnote a report compiled now would carry, and whether the current version carries it.
  const footnote = await latenessFootnote(deps.db, session.id, new Date(now));
  const compiled = preparation?.report
    ? await deps.db.document.findUnique({ where: { id: preparation.report.documentId }, select: { contents: true } })
    : null;
  const carried = (compiled?.contents as { latenessFootnote?: string } | undefined)?.latenessFootnote;
  const rehearsals = await deps.db.rehearsal.findMany({
    where: { sessionId: session.id },
    orderBy: { createdAt: 'desc' },
    take: 5,
    select: { id: true, createdAt: true, createdBy: true, holds: true },
  });
  return {
    ...session,
    stage: preparation?.stage ?? 'not launched',
    deadlines,
    obligations,
    timeline,
    forecast: {
      risk: forecast.risk,
      // Dates that bind the report but are not deadlines of the plan (the documentation submission, if recorded).
      extraDates: forecast.dates.filter((o) => !plan.some((d) => d.key === o.key)),
    },
    replies: surveys.map(({ counts }) => ({
      kind: counts.kind,
      survey: counts.survey,
      standing: counts.standing,
      invited: counts.invited,
      replies: counts.replies,
      responseRate: counts.responseRate,
      declined: counts.states.declined,
      forecast: forecast.surveys.find((f) => f.kind === counts.kind),
      burnDown: burnDownSvg(counts.burnDown, now, `Replies to the ${SURVEY_TITLES[counts.kind]} against its close`),
    })),
    charts,
    footnote: { ...footnote, carried, outdated: footnote.text !== undefined && footnote.text !== carried },
    report: preparation?.report,
    reviews: preparation?.reviews ?? [],
    options: await listReportOptions(deps.db, session.id),
    agenda: preparation?.agenda,
    proof: preparation?.proof,
    risk: preparation?.risk,
    escalations: preparation?.escalations ?? [],
    dispatch: preparation?.dispatch,
    rehearsals: rehearsals.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    workflowUrl: status.launched ? workflowUrl(status.workflowId) : undefined,
  };
}

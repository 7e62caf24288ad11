/**
 * What the analysis report reads about a session's surveys: every organisation invited to either survey of IV 10,
 * with its reply as the one survey query (services/cycle-status) derives it, so the report and its annex count what
 * the console, the dashboard and the digest count.
 */
import type { ReportRespondent } from '../domain/report-analysis';
import type { Db } from '../platform/database';
import { sessionSurveys } from './cycle-status';

export type { ReplyProgress } from './cycle-status';

export async function loadReportRespondents(db: Db, sessionId: string): Promise<ReportRespondent[]> {
  const surveys = await sessionSurveys(db, sessionId);
  return surveys.flatMap((s) => s.respondents).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The facts the live forecast (domain/forecast.ts) is made from, read from the database: each survey's replies as
 * they arrived (the one survey query, services/cycle-status.ts), the previous cycle of the same kind (the latest
 * earlier regular session that ran that survey), when each survey stops taking replies (its close, grace window and
 * personal extensions), and the recorded plan (services/session-plan.ts) with the documentation submission date of
 * the report's obligation where one is recorded. Reads only.
 */
import type { SurveyKind } from '../domain/questionnaires';
import { forecastReplies, forecastRisk, outlookDates } from '../domain/forecast';
import type { DateOutlook, OutlookEntry, PreviousCycle, SessionForecast } from '../domain/forecast';
import type { Db } from '../platform/database';
import { sessionSurveys, surveyStatus } from './cycle-status';
import { appliedRulesOf } from './obligations';
import { readSessionPlan } from './session-plan';

const DAY_MS = 24 * 60 * 60 * 1000;
const CLOSE_KEY: Record<SurveyKind, string> = { SYSTEM_WIDE: 'survey-close', IGO_NGO: 'igo-ngo-survey-close' };
/** The report's own obligation (IV 10 (c)); its ten-week rule, where it binds, is the documentation submission. */
const REPORT_OBLIGATION = 'IV-10-c';

export interface SessionForecastView extends SessionForecast {
  /** Every date of the recorded plan (and the documentation submission, if recorded) and where it stands. */
  dates: DateOutlook[];
  /** Why the forecast puts the report at risk, if it does (domain/forecast `forecastRisk`). */
  risk?: string;
}

/** The same survey of the latest earlier regular session that ran it, with its replies as they arrived. */
async function previousCycle(
  db: Db,
  session: { id: string; number: number },
  kind: SurveyKind,
): Promise<PreviousCycle | undefined> {
  const earlier = await db.surveyCycle.findFirst({
    where: {
      kind,
      session: {
        number: { lt: session.number },
        kind: 'REGULAR',
        commission: { sessions: { some: { id: session.id } } },
      },
    },
    include: { session: true },
    orderBy: { session: { number: 'desc' } },
  });
  if (!earlier) return undefined;
  const { counts } = await surveyStatus(db, earlier);
  return { ...counts.burnDown, sessionNumber: earlier.session.number };
}

/** When each of the session's surveys stops taking replies: the close, then its grace window and every extension. */
async function surveyEnds(db: Db, sessionId: string): Promise<Record<string, string | undefined>> {
  const cycles = await db.surveyCycle.findMany({ where: { sessionId } });
  const ends: Record<string, string | undefined> = {};
  for (const cycle of cycles) {
    if (cycle.status === 'CLOSED') {
      ends[CLOSE_KEY[cycle.kind]] = (cycle.closedAt ?? cycle.closesAt).toISOString();
      continue;
    }
    const extension = await db.invitation.aggregate({
      where: { cycleId: cycle.id, revokedAt: null },
      _max: { extendedUntil: true },
    });
    const grace = cycle.closesAt.getTime() + cycle.graceDays * DAY_MS;
    const latest = Math.max(grace, extension._max.extendedUntil?.getTime() ?? 0);
    ends[CLOSE_KEY[cycle.kind]] = new Date(latest).toISOString();
  }
  return ends;
}

/** The recorded plan as the forecast reads it, with the report's documentation submission date where recorded. */
export async function forecastPlan(db: Db, sessionId: string): Promise<OutlookEntry[]> {
  const plan: OutlookEntry[] = await readSessionPlan(db, sessionId);
  const obligation = await db.sessionObligation.findFirst({
    where: { sessionId, obligation: { code: REPORT_OBLIGATION } },
  });
  const submission = obligation ? appliedRulesOf(obligation).find((r) => r.key === 'ten-week') : undefined;
  if (obligation && submission) {
    plan.push({
      key: 'documentation-submission',
      label: `Documentation submitted for processing (${submission.name.toLowerCase()})`,
      dueAt: submission.dueAt,
      state: obligation.status === 'MET' ? 'met' : 'planned',
      ...(obligation.metAt ? { doneAt: obligation.metAt.toISOString() } : {}),
    });
    plan.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }
  return plan;
}

/** The live forecast of a session: each survey's expected replies at the close, its dates, and the risk if any. */
export async function sessionForecast(
  db: Db,
  session: { id: string; number: number },
  now = new Date(),
): Promise<SessionForecastView> {
  const surveys = await sessionSurveys(db, session.id, now);
  const forecast: SessionForecast = {
    surveys: await Promise.all(
      surveys.map(async ({ counts }) => ({
        kind: counts.kind,
        survey: counts.survey,
        ...forecastReplies(
          counts.status === 'CLOSED'
            ? { ...counts.burnDown, closesAt: counts.closedAt ?? counts.closesAt }
            : counts.burnDown,
          await previousCycle(db, session, counts.kind),
          counts.status === 'CLOSED'
            ? new Date(Math.max(now.getTime(), Date.parse(counts.closedAt ?? counts.closesAt)))
            : now,
        ),
      })),
    ),
    surveyEnds: await surveyEnds(db, session.id),
  };
  const plan = await forecastPlan(db, session.id);
  return { ...forecast, dates: outlookDates(plan, forecast.surveyEnds, now), risk: forecastRisk(forecast, plan, now) };
}

/**
 * The forecast's reason for escalating now, or undefined: what an escalation can send before a fixed rung is
 * reached, and add to the reason it sends at a rung (activities/escalation.ts can call this at send time).
 */
export async function forecastRiskReason(
  db: Db,
  session: { id: string; number: number },
  now = new Date(),
): Promise<string | undefined> {
  return (await sessionForecast(db, session, now)).risk;
}

/**
 * What the analysis report and the dashboard read about a session's surveys: every organisation invited to either
 * survey of IV 10 with its latest reply, and when replies arrived (for the burn-down).
 */
import type { ReportRespondent } from '../domain/report-analysis';
import type { Answers } from '../domain/questionnaire';
import type { Db } from '../platform/database';

export async function loadReportRespondents(db: Db, sessionId: string): Promise<ReportRespondent[]> {
  const cycles = await db.surveyCycle.findMany({ where: { sessionId }, select: { id: true } });
  const cycleIds = cycles.map((c) => c.id);
  const invitations = await db.invitation.findMany({
    where: { cycleId: { in: cycleIds } },
    select: { organisationId: true },
    distinct: ['organisationId'],
  });
  const organisations = await db.organisation.findMany({
    where: { id: { in: invitations.map((i) => i.organisationId) } },
    include: {
      responses: {
        where: { cycleId: { in: cycleIds }, status: { in: ['SUBMITTED', 'NIL_RETURN', 'DECLINED'] } },
        orderBy: { submittedAt: 'desc' },
      },
    },
    orderBy: { name: 'asc' },
  });
  return organisations.map((o) => ({
    name: o.name,
    type: o.type,
    region: o.region,
    answers: o.responses[0]?.status === 'SUBMITTED' ? (o.responses[0].answers as Answers) : undefined,
    nilReturn: o.responses[0]?.status === 'NIL_RETURN',
    declined: o.responses[0]?.status === 'DECLINED',
  }));
}

export interface ReplyProgress {
  opensAt: string;
  closesAt: string;
  invited: number;
  /** When each organisation's reply (or nil return) arrived, in order. */
  repliedAt: string[];
}

/** The system-wide survey's reply times, for the response-rate burn-down against its close. */
export async function loadReplyProgress(db: Db, sessionId: string): Promise<ReplyProgress | undefined> {
  const cycle = await db.surveyCycle.findFirst({ where: { sessionId }, orderBy: { opensAt: 'asc' } });
  if (!cycle) return undefined;
  const invited = await db.invitation.findMany({
    where: { cycleId: cycle.id },
    select: { organisationId: true },
    distinct: ['organisationId'],
  });
  const replies = await db.response.findMany({
    where: { cycleId: cycle.id, status: { in: ['SUBMITTED', 'NIL_RETURN'] }, submittedAt: { not: null } },
    select: { submittedAt: true },
    orderBy: { submittedAt: 'asc' },
  });
  return {
    opensAt: cycle.opensAt.toISOString(),
    closesAt: cycle.closesAt.toISOString(),
    invited: invited.length,
    repliedAt: replies.map((r) => r.submittedAt!.toISOString()),
  };
}

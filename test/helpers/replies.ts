/** A survey cycle with replies on given days, written straight to the database (the forecast's tests). */
import { planDeadlines } from '../../domain/deadlines';
import type { Db } from '../../platform/database';
import type { SessionSummary } from '../../services/session-lookup';

const DAY = 24 * 3600 * 1000;

/** A system-wide cycle of `session` open for 40 days up to its recorded close, with 16 organisations invited. */
export async function surveyWithReplies(
  db: Db,
  session: SessionSummary,
  replyDays: number[],
  extra: { declinedDays?: number[]; extendedUntil?: Date; closed?: boolean } = {},
) {
  const closesAt = new Date(planDeadlines(session.openingDate)['survey-close'].dueAt);
  const opensAt = new Date(closesAt.getTime() - 40 * DAY);
  const cycle = await db.surveyCycle.create({
    data: {
      sessionId: session.id,
      kind: 'SYSTEM_WIDE',
      opensAt,
      closesAt,
      status: extra.closed ? 'CLOSED' : 'OPEN',
      closedAt: extra.closed ? closesAt : null,
      workflowId: `wf-${session.number}-sw`,
    },
  });
  const organisations = await db.organisation.findMany({
    include: { contacts: { where: { role: 'PRIMARY' } } },
    orderBy: { code: 'asc' },
    take: 16,
  });
  if (organisations.length < 16) throw new Error('the seeded roster has fewer than 16 organisations');
  for (const [i, organisation] of organisations.entries()) {
    await db.invitation.create({
      data: {
        cycleId: cycle.id,
        organisationId: organisation.id,
        contactId: organisation.contacts[0]!.id,
        expiresAt: new Date(closesAt.getTime() + 30 * DAY),
        ...(i === 15 && extra.extendedUntil ? { extendedUntil: extra.extendedUntil, extensionReason: 'mission' } : {}),
      },
    });
    const replied = replyDays[i];
    const declined = extra.declinedDays?.[i - replyDays.length];
    if (replied !== undefined || declined !== undefined)
      await db.response.create({
        data: {
          cycleId: cycle.id,
          organisationId: organisation.id,
          status: replied !== undefined ? (i % 4 === 3 ? 'NIL_RETURN' : 'SUBMITTED') : 'DECLINED',
          answers: {},
          submittedAt: new Date(opensAt.getTime() + (replied ?? declined!) * DAY),
        },
      });
  }
  return { cycle, opensAt, closesAt };
}

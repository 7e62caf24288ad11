/**
 * Replies on a bench or chaos database, stored as the respondents' submissions would have left them. These are
 * fixtures at volumes and speeds no respondent produces through the web pages; like `prisma/seed/`, they write the
 * tables directly (ARCHITECTURE.md).
 */
import type { Prisma } from '@prisma/client';
import type { Db } from '../platform/database';

const BATCH = 1000;

/** Each organisation's reply to the cycle, submitted now, in batches of a thousand. */
export async function addSubmittedReplies(
  db: Db,
  cycleId: string,
  replies: { organisationId: string; answers: Prisma.InputJsonObject }[],
): Promise<void> {
  for (let start = 0; start < replies.length; start += BATCH) {
    await db.response.createMany({
      data: replies.slice(start, start + BATCH).map(({ organisationId, answers }) => ({
        cycleId,
        organisationId,
        status: 'SUBMITTED' as const,
        answers,
        submittedAt: new Date(),
      })),
    });
  }
}

/** One organisation's submitted reply, written once: a repeat leaves the first as it was. */
export async function submitReplyOnce(
  db: Db,
  reply: { cycleId: string; organisationId: string; answers: Prisma.InputJsonObject },
): Promise<void> {
  const { cycleId, organisationId, answers } = reply;
  await db.response.upsert({
    where: { cycleId_organisationId: { cycleId, organisationId } },
    create: { cycleId, organisationId, status: 'SUBMITTED', answers, submittedAt: new Date() },
    update: {},
  });
}

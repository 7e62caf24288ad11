/**
 * "Remind now" at most once per window and survey cycle, decided by the database: the console's button and
 * `prep survey remind` both claim the cycle here before the workflow is told, so they agree, and two requests racing
 * (two clicks, a click and the CLI) send once. The claim is a conditional update of the cycle's one row: PostgreSQL
 * locks the row, the second update re-reads it after the first commits and finds the window taken.
 */
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError } from './errors';

/** The default window (REMIND_NOW_WINDOW_MINUTES). */
export const DEFAULT_REMIND_NOW_WINDOW_MINUTES = 60;

export type RemindClaim =
  | { claimed: true; round: number; at: Date; previous?: { at: Date; by: string } }
  | { claimed: false; lastAt: Date; lastBy: string; nextAt: Date };

/**
 * Claims the cycle's reminders on request for `actor` at `now`, unless the last went less than `windowMinutes` ago.
 * The claim and its audit event commit together; a refused request is audited too (nothing is sent).
 */
export async function claimReminderOnRequest(
  db: Db,
  input: { cycleId: string; actor: string; now?: Date; windowMinutes?: number },
): Promise<RemindClaim> {
  const now = input.now ?? new Date();
  const windowMs = (input.windowMinutes ?? DEFAULT_REMIND_NOW_WINDOW_MINUTES) * 60_000;
  return db.$transaction(async (tx) => {
    // The row exists before anyone claims it (a claim of a cycle never reminded finds it at the epoch).
    await tx.reminderOnRequest.createMany({
      data: [{ cycleId: input.cycleId, lastAt: new Date(0), lastBy: '' }],
      skipDuplicates: true,
    });
    const before = await tx.reminderOnRequest.findUniqueOrThrow({ where: { cycleId: input.cycleId } });
    // One statement: the row lock makes a racing request wait here and then find the window taken.
    const claimed = await tx.$executeRaw`
      UPDATE "ReminderOnRequest" SET "lastAt" = ${now}, "lastBy" = ${input.actor}, rounds = rounds + 1
      WHERE "cycleId" = ${input.cycleId} AND "lastAt" <= ${new Date(now.getTime() - windowMs)}`;
    const row = await tx.reminderOnRequest.findUniqueOrThrow({ where: { cycleId: input.cycleId } });
    if (claimed === 0) {
      const refused = { lastAt: row.lastAt, lastBy: row.lastBy, nextAt: new Date(row.lastAt.getTime() + windowMs) };
      await recordAudit(tx, {
        actor: input.actor,
        action: 'cycle.remind-now-refused',
        entity: 'SurveyCycle',
        entityId: input.cycleId,
        details: { lastAt: refused.lastAt.toISOString(), lastBy: refused.lastBy },
      });
      return { claimed: false, ...refused };
    }
    await recordAudit(tx, {
      actor: input.actor,
      action: 'cycle.remind-now',
      entity: 'SurveyCycle',
      entityId: input.cycleId,
      details: { round: row.rounds },
    });
    const previous = before.lastBy === '' ? undefined : { at: before.lastAt, by: before.lastBy };
    return { claimed: true, round: row.rounds, at: now, ...(previous ? { previous } : {}) };
  });
}

/**
 * Gives a claim back when the workflow could not be told (nothing was sent): the window is the previous one again.
 * Conditional on the claim still being the latest, so it never undoes someone else's.
 */
export async function releaseReminderOnRequest(
  db: Db,
  input: { cycleId: string; actor: string; claim: Extract<RemindClaim, { claimed: true }> },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const released = await tx.reminderOnRequest.updateMany({
      where: { cycleId: input.cycleId, lastAt: input.claim.at, lastBy: input.actor },
      data: {
        lastAt: input.claim.previous?.at ?? new Date(0),
        lastBy: input.claim.previous?.by ?? '',
        rounds: { decrement: 1 },
      },
    });
    if (released.count > 0)
      await recordAudit(tx, {
        actor: input.actor,
        action: 'cycle.remind-now-released',
        entity: 'SurveyCycle',
        entityId: input.cycleId,
        details: { round: input.claim.round, why: 'the survey workflow could not be told' },
      });
  });
}

function utc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** What a coordinator is told when a survey was reminded within the window: when, by whom, and when again. */
export function remindedRecentlyMessage(survey: string, refused: Extract<RemindClaim, { claimed: false }>): string {
  return `The ${survey} was already reminded at ${utc(refused.lastAt)} by ${refused.lastBy}: nothing was sent again. The next reminder on request can go from ${utc(refused.nextAt)}.`;
}

/** Every survey asked for was reminded within the window: nothing was sent (409). */
export class RemindedRecentlyError extends ConflictError {
  override name = 'RemindedRecentlyError';
}

/**
 * Sessions of the Commission, the one writer of `Session`: created and moved by coordinators from the console or the
 * CLI. Each write records the session's plan in the same transaction (services/session-plan.ts).
 */
import { z } from 'zod';
import { openingInstant } from '../domain/plan-rules';
import type { Db } from '../platform/database';
import { isUniqueConstraintViolation } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError } from './errors';
import { parseOrThrow } from './safe-input';
import { COMMISSION_CODE, getSessionByNumber, toSummary } from './session-lookup';
import type { SessionSummary } from './session-lookup';
import { readSessionPlan, recordSessionPlan } from './session-plan';
import type { PlanEntry } from '../domain/deadlines';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((value) => {
    try {
      openingInstant(value);
      return true;
    } catch {
      return false;
    }
  }, 'no such date');

export const ZCreateSessionInput = z
  .object({
    number: z.coerce.number({ error: 'the session number must be a whole number' }).int().min(1).max(999),
    openingDate: isoDate,
    closingDate: isoDate,
    venue: z.string().trim().min(2, 'name the venue').max(200),
    kind: z.enum(['REGULAR', 'RECONVENED'], { error: 'the kind is REGULAR or RECONVENED' }).default('REGULAR'),
  })
  .refine((s) => s.closingDate >= s.openingDate, {
    path: ['closingDate'],
    message: 'the session cannot close before it opens',
  });
export type TCreateSessionInput = z.infer<typeof ZCreateSessionInput>;

export async function createSession(db: Db, input: unknown, actor: string): Promise<SessionSummary> {
  const data = parseOrThrow(ZCreateSessionInput, input);
  const commission = await db.commission.findUnique({ where: { code: COMMISSION_CODE } });
  if (!commission) throw new NotFoundError(`Commission ${COMMISSION_CODE} is not in the database; run the seed`);
  try {
    return await db.$transaction(async (tx) => {
      const session = await tx.session.create({
        data: {
          commissionId: commission.id,
          number: data.number,
          openingDate: new Date(openingInstant(data.openingDate)),
          closingDate: new Date(openingInstant(data.closingDate)),
          venue: data.venue,
          kind: data.kind,
        },
      });
      const summary = toSummary(session);
      await recordSessionPlan(tx, summary);
      await recordAudit(tx, {
        actor,
        action: 'session.create',
        entity: 'Session',
        entityId: session.id,
        details: data,
      });
      return summary;
    });
  } catch (error) {
    if (isUniqueConstraintViolation(error))
      throw new ConflictError(
        `Session ${data.number}${data.kind === 'RECONVENED' ? ' (reconvened)' : ''} already exists`,
      );
    throw error;
  }
}

export const ZSessionDates = z
  .object({ openingDate: isoDate, closingDate: isoDate })
  .refine((s) => s.closingDate >= s.openingDate, {
    path: ['closingDate'],
    message: 'the session cannot close before it opens',
  });

/**
 * Changes a session's dates (audited) and re-plans every deadline and obligation not yet done, in one transaction.
 * Returns the plan as now recorded, for the caller to hand to the running preparation.
 */
export async function changeSessionDates(
  db: Db,
  number: number,
  input: unknown,
  actor: string,
): Promise<{ before: SessionSummary; after: SessionSummary; previousPlan: PlanEntry[]; plan: PlanEntry[] }> {
  const dates = parseOrThrow(ZSessionDates, input);
  const before = await getSessionByNumber(db, number);
  const after = await db.$transaction(async (tx) => {
    const session = await tx.session.update({
      where: { id: before.id },
      data: {
        openingDate: new Date(openingInstant(dates.openingDate)),
        closingDate: new Date(openingInstant(dates.closingDate)),
      },
    });
    await recordAudit(tx, {
      actor,
      action: 'session.move',
      entity: 'Session',
      entityId: session.id,
      details: { from: { openingDate: before.openingDate, closingDate: before.closingDate }, to: dates },
    });
    const summary = toSummary(session);
    const previousPlan = await readSessionPlan(tx, session.id);
    return { summary, previousPlan, plan: await recordSessionPlan(tx, summary) };
  });
  return { before, after: after.summary, previousPlan: after.previousPlan, plan: after.plan };
}

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
import { decideMove, recordSessionPlan } from './session-plan';
import type { MovePlan } from '../domain/move-plan';
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

/**
 * A move as a coordinator asks for it: the new dates and, when the move makes the plan impossible, the choice
 * (domain/move-plan.ts) — "accept" with the reason the breach is accepted, which the record and the report keep.
 */
export const ZSessionMove = z
  .object({
    openingDate: isoDate,
    closingDate: isoDate,
    choice: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['compress', 'accept'], { error: 'the choice is compress or accept' }).optional(),
    ),
    reason: z.string().trim().max(1000, 'at most 1,000 characters').optional(),
  })
  .refine((s) => s.closingDate >= s.openingDate, {
    path: ['closingDate'],
    message: 'the session cannot close before it opens',
  })
  .refine((s) => s.choice !== 'accept' || (s.reason ?? '').length >= 10, {
    path: ['reason'],
    message: 'say why the breach is accepted (at least 10 characters); the record and the report keep it',
  });
export type TSessionMove = z.infer<typeof ZSessionMove>;

/** Why a move cannot be recorded as asked, in words a coordinator can act on; undefined when it can. */
export function moveRefusal(decision: MovePlan, choice: TSessionMove['choice']): string | undefined {
  if (decision.impossible.length === 0) return undefined;
  const what = decision.impossible.map((d) => `${d.label}: ${d.why}`).join('; ');
  if (choice === undefined)
    return `This move makes the plan impossible (${what}). Choose ${decision.choices.join(' or ')}${decision.compressUnavailable ? ` (compress is not possible: ${decision.compressUnavailable})` : ''}; preview the move first.`;
  if (decision.applied !== choice)
    return `The plan cannot be compressed: ${decision.compressUnavailable ?? 'no compressed plan exists'}. Keep the surveys' dates and accept the breach instead.`;
  return undefined;
}

/**
 * Changes a session's dates (audited) and re-plans every deadline and obligation not yet done, in one transaction.
 * A move that makes the plan impossible is refused unless it carries the coordinator's choice; nothing is written
 * then. Returns the plan as now recorded, for the caller to hand to the running preparation.
 */
export async function changeSessionDates(
  db: Db,
  number: number,
  input: unknown,
  actor: string,
  now: number = Date.now(),
): Promise<{
  before: SessionSummary;
  after: SessionSummary;
  previousPlan: PlanEntry[];
  plan: PlanEntry[];
  decision: MovePlan;
}> {
  const dates = parseOrThrow(ZSessionMove, input);
  const before = await getSessionByNumber(db, number);
  const after = await db.$transaction(async (tx) => {
    const { previous, decision } = await decideMove(tx, before.id, dates.openingDate, now, dates.choice);
    const refusal = moveRefusal(decision, dates.choice);
    if (refusal) throw new ConflictError(refusal);
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
      details: {
        from: { openingDate: before.openingDate, closingDate: before.closingDate },
        to: { openingDate: dates.openingDate, closingDate: dates.closingDate },
        ...(decision.applied ? { choice: decision.applied, reason: dates.reason } : {}),
        impossible: decision.impossible.map((d) => d.key),
      },
    });
    const summary = toSummary(session);
    const acceptedBreach =
      decision.applied === 'accept' ? { reason: dates.reason!, by: actor, at: new Date(now) } : undefined;
    const plan = await recordSessionPlan(tx, summary, { plan: decision.plan, acceptedBreach }, now);
    return { summary, previousPlan: previous, plan, decision };
  });
  return { before, after: after.summary, previousPlan: after.previousPlan, plan: after.plan, decision: after.decision };
}

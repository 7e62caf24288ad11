/** Sessions of the Commission: created by coordinators from the console or the CLI. */
import { z } from 'zod';
import { openingInstant } from '../domain/deadlines';
import type { Db } from '../platform/database';
import { isUniqueConstraintViolation } from '../platform/database';
import { recordAudit } from './audit';
import { planSessionObligations } from './obligations';
import { ConflictError, InvalidInputError, NotFoundError } from './errors';
import { safeInputOrThrow } from './safe-input';

export const COMMISSION_CODE = 'CCPCJ';

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

export interface SessionSummary {
  id: string;
  number: number;
  openingDate: string;
  closingDate: string;
  venue: string;
  kind: 'REGULAR' | 'RECONVENED';
}

/** Every service input from outside (web forms, the CLI) passes here: made safe (domain/safe-text.ts), then checked. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(safeInputOrThrow(input));
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
  throw new InvalidInputError(fields.map((f) => `${f.field}: ${f.message}`).join('; '), fields);
}

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
      // The reconvened session deals with budget matters; the reporting obligations belong to the regular session.
      if (data.kind === 'REGULAR') await planSessionObligations(tx, summary);
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

/** Changes a session's dates (audited). The caller re-plans its running preparation. */
export async function changeSessionDates(
  db: Db,
  number: number,
  input: unknown,
  actor: string,
): Promise<{ before: SessionSummary; after: SessionSummary }> {
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
    await planSessionObligations(tx, summary);
    return summary;
  });
  return { before, after };
}

export async function listSessions(db: Db): Promise<SessionSummary[]> {
  const sessions = await db.session.findMany({ orderBy: [{ number: 'desc' }, { kind: 'asc' }] });
  return sessions.map(toSummary);
}

/** Sessions are named by number; the regular session unless the reconvened one is asked for. */
export async function getSessionByNumber(
  db: Db,
  number: number,
  kind: 'REGULAR' | 'RECONVENED' = 'REGULAR',
): Promise<SessionSummary> {
  const session = await db.session.findFirst({ where: { number, kind, commission: { code: COMMISSION_CODE } } });
  if (!session) throw new NotFoundError(`There is no session ${number}${kind === 'RECONVENED' ? ' (reconvened)' : ''}`);
  return toSummary(session);
}

function toSummary(session: {
  id: string;
  number: number;
  openingDate: Date;
  closingDate: Date;
  venue: string;
  kind: 'REGULAR' | 'RECONVENED';
}): SessionSummary {
  return {
    id: session.id,
    number: session.number,
    openingDate: session.openingDate.toISOString().slice(0, 10),
    closingDate: session.closingDate.toISOString().slice(0, 10),
    venue: session.venue,
    kind: session.kind,
  };
}

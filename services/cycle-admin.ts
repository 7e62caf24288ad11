/** What coordinators change in a running cycle: one organisation's deadline. Audited in the same transaction. */
import { z } from 'zod';
import { sanitiseText } from '../domain/questionnaire';
import { MAX_GRACE_DAYS } from '../domain/reminders';
import type { SurveyKind } from '../domain/questionnaires';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError } from './errors';
import { cycleOfOrganisation } from './cycle-status';
import { parseOrThrow } from './safe-input';

const DAY_MS = 24 * 60 * 60 * 1000;

export const ZExtension = z.object({
  organisationId: z.string().uuid('choose an organisation'),
  until: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'give the new deadline as YYYY-MM-DD'),
  reason: z
    .string()
    .transform(sanitiseText)
    .pipe(z.string().min(5, 'say why the extension is granted (at least 5 characters)').max(500)),
});

/**
 * Gives one organisation until the end of `until` (UTC) to reply. The date must fall after the survey's close and
 * within the longest extension the plan can absorb before the report is compiled.
 */
export async function extendDeadline(
  db: Db,
  sessionNumber: number,
  input: unknown,
  actor: string,
  /** Only in this survey (the CLI's --survey); any survey of the session otherwise. */
  kind?: SurveyKind,
): Promise<{ cycleWorkflowId: string; organisationId: string; until: string }> {
  const data = parseOrThrow(ZExtension, input);
  const { cycle } = await cycleOfOrganisation(db, sessionNumber, data.organisationId, kind);
  if (cycle.status !== 'OPEN') throw new ConflictError('The survey is closed: deadlines can no longer be extended');
  if (cycle.closedEarlyAt)
    throw new ConflictError(
      `The survey was closed early on ${cycle.closedEarlyAt.toISOString().slice(0, 10)}: deadlines can no longer be extended`,
    );
  const until = new Date(Date.parse(`${data.until}T23:59:59.999Z`));
  if (Number.isNaN(until.getTime())) throw new ConflictError(`No such date: ${data.until}`);
  if (until <= cycle.closesAt)
    throw new ConflictError(
      `The new deadline must fall after the survey's close (${cycle.closesAt.toISOString().slice(0, 10)})`,
    );
  const latest = new Date(cycle.closesAt.getTime() + MAX_GRACE_DAYS * DAY_MS);
  if (until > latest) {
    // The last date whose whole day still ends by `latest` (an extension runs to the end of its day).
    const lastDay = new Date(latest.getTime() - DAY_MS + 1).toISOString().slice(0, 10);
    throw new ConflictError(
      `An extension can run at most ${MAX_GRACE_DAYS} days past the close (until ${lastDay} at the latest), so the report can still be compiled on time`,
    );
  }
  return db.$transaction(async (tx) => {
    const extended = await tx.invitation.updateMany({
      where: { cycleId: cycle.id, organisationId: data.organisationId },
      data: { extendedUntil: until, extensionReason: data.reason, extendedBy: actor },
    });
    if (extended.count === 0) throw new NotFoundError('That organisation was not invited to this survey');
    await recordAudit(tx, {
      actor,
      action: 'invitation.extend',
      entity: 'Organisation',
      entityId: data.organisationId,
      details: { cycleId: cycle.id, until: until.toISOString(), reason: data.reason },
    });
    return { cycleWorkflowId: cycle.workflowId, organisationId: data.organisationId, until: until.toISOString() };
  });
}

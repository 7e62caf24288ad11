/**
 * Coordinator actions on a running survey cycle, shared by the console and the CLI: the database is written first
 * (the source of truth), then the cycle workflow is told.
 */
import { z } from 'zod';
import { extendDeadline } from '../services/cycle-admin';
import { cycleOfSession } from '../services/cycle-status';
import { recordAudit } from '../services/audit';
import { ConflictError, NotFoundError } from '../services/errors';
import { parseOrThrow } from '../services/sessions';
import { deadlineExtendedSignal, reissueLinkSignal, remindNowSignal } from '../workflows/definitions';
import type { PreparationClientDeps } from './preparation';

export async function grantExtension(
  deps: PreparationClientDeps,
  sessionNumber: number,
  input: unknown,
  actor: string,
): Promise<{ until: string }> {
  const extended = await extendDeadline(deps.db, sessionNumber, input, actor);
  await deps.temporal.workflow
    .getHandle(extended.cycleWorkflowId)
    .signal(deadlineExtendedSignal, { organisationId: extended.organisationId });
  return { until: extended.until };
}

/** Revokes a contact's links and has the cycle send a new one; the old links then say they were replaced. */
export async function reissueLink(
  deps: PreparationClientDeps,
  sessionNumber: number,
  contactId: string,
  actor: string,
): Promise<{ email: string }> {
  const { cycle } = await cycleOfSession(deps.db, sessionNumber);
  if (cycle.status !== 'OPEN') throw new ConflictError('The survey is closed: links can no longer be reissued');
  const invitation = await deps.db.invitation.findUnique({
    where: { cycleId_contactId: { cycleId: cycle.id, contactId } },
    include: { contact: true },
  });
  if (!invitation) throw new NotFoundError('That contact was not invited to this survey');
  await deps.db.$transaction((tx) =>
    recordAudit(tx, { actor, action: 'invitation.reissue-requested', entity: 'Invitation', entityId: invitation.id }),
  );
  await deps.temporal.workflow.getHandle(cycle.workflowId).signal(reissueLinkSignal, { contactId, requestedBy: actor });
  return { email: invitation.contact.email };
}

const ZOrganisationIds = z.array(z.string().uuid()).min(1, 'choose at least one organisation').max(10_000);

/** Reminds the chosen organisations now (those that have replied are skipped); the schedule is not disturbed. */
export async function remindOrganisations(
  deps: PreparationClientDeps,
  sessionNumber: number,
  organisationIds: unknown,
  actor: string,
): Promise<number> {
  const ids = parseOrThrow(ZOrganisationIds, organisationIds);
  const { cycle } = await cycleOfSession(deps.db, sessionNumber);
  if (cycle.status !== 'OPEN') throw new ConflictError('The survey is closed');
  await deps.temporal.workflow
    .getHandle(cycle.workflowId)
    .signal(remindNowSignal, { requestedBy: actor, organisationIds: ids });
  await deps.db.$transaction((tx) =>
    recordAudit(tx, {
      actor,
      action: 'cycle.remind-selected',
      entity: 'SurveyCycle',
      entityId: cycle.id,
      details: { organisations: ids.length },
    }),
  );
  return ids.length;
}

/**
 * Coordinator actions on a running survey cycle, shared by the console and the CLI: the database is written first
 * (the source of truth), then the cycle workflow is told.
 */
import { z } from 'zod';
import { SURVEY_NAMES } from '../domain/questionnaires';
import type { SurveyKind } from '../domain/questionnaires';
import { extendDeadline } from '../services/cycle-admin';
import { recordAuditEvent } from '../services/audit';
import { ConflictError, NotFoundError } from '../services/errors';
import { getSessionByNumber } from '../services/session-lookup';
import { parseOrThrow } from '../services/safe-input';
import { cycleOfOrganisation } from '../services/cycle-status';
import { reopenResponse } from '../services/response-versions';
import {
  deadlineExtendedSignal,
  reissueLinkSignal,
  remindNowSignal,
  responseReopenedSignal,
} from '../workflows/definitions';
import type { PreparationClientDeps } from './deps';

export async function grantExtension(
  deps: PreparationClientDeps,
  sessionNumber: number,
  input: unknown,
  actor: string,
  kind?: SurveyKind,
): Promise<{ until: string }> {
  const extended = await extendDeadline(deps.db, sessionNumber, input, actor, kind);
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
  /** Only in this survey (the CLI's --survey); any survey of the session otherwise. */
  kind?: SurveyKind,
): Promise<{ email: string }> {
  const session = await getSessionByNumber(deps.db, sessionNumber);
  const invitation = await deps.db.invitation.findFirst({
    where: { contactId, cycle: { sessionId: session.id, ...(kind ? { kind } : {}) } },
    include: { contact: true, cycle: true },
  });
  if (!invitation)
    throw new NotFoundError(
      kind
        ? `That contact was not invited to the ${SURVEY_NAMES[kind]} of this session`
        : 'That contact was not invited to a survey of this session',
    );
  const { cycle } = invitation;
  if (cycle.status !== 'OPEN') throw new ConflictError('The survey is closed: links can no longer be reissued');
  await recordAuditEvent(deps.db, {
    actor,
    action: 'invitation.reissue-requested',
    entity: 'Invitation',
    entityId: invitation.id,
  });
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
  const session = await getSessionByNumber(deps.db, sessionNumber);
  // The organisations chosen may be in either survey: each cycle reminds its own.
  const invitations = await deps.db.invitation.findMany({
    where: { organisationId: { in: ids }, cycle: { sessionId: session.id, status: 'OPEN' } },
    select: { organisationId: true, cycle: { select: { id: true, workflowId: true } } },
    distinct: ['organisationId'],
  });
  if (invitations.length === 0) throw new ConflictError('None of those organisations is in an open survey');
  const byCycle = new Map<string, { workflowId: string; organisationIds: string[] }>();
  for (const i of invitations) {
    const entry = byCycle.get(i.cycle.id) ?? { workflowId: i.cycle.workflowId, organisationIds: [] };
    entry.organisationIds.push(i.organisationId);
    byCycle.set(i.cycle.id, entry);
  }
  for (const [cycleId, { workflowId, organisationIds: chosen }] of byCycle) {
    await deps.temporal.workflow
      .getHandle(workflowId)
      .signal(remindNowSignal, { requestedBy: actor, organisationIds: chosen });
    await recordAuditEvent(deps.db, {
      actor,
      action: 'cycle.remind-selected',
      entity: 'SurveyCycle',
      entityId: cycleId,
      details: { organisations: chosen.length },
    });
  }
  return invitations.length;
}

/** Reopens an organisation's submitted reply for amendment, with a reason; the cycle e-mails the respondent a link. */
export async function reopenReply(
  deps: PreparationClientDeps,
  sessionNumber: number,
  organisationId: string,
  input: unknown,
  actor: string,
): Promise<{ version: number }> {
  const { cycle } = await cycleOfOrganisation(deps.db, sessionNumber, organisationId);
  const reopened = await reopenResponse(deps.db, { cycleId: cycle.id, organisationId }, input, actor);
  await deps.temporal.workflow
    .getHandle(reopened.cycleWorkflowId)
    .signal(responseReopenedSignal, { organisationId, version: reopened.version });
  return { version: reopened.version };
}

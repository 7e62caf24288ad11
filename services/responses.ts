/**
 * A respondent's access through a personal link, and their answers. Every write checks the version the respondent
 * read (no silent overwrite) and appends to the audit log in the same transaction.
 */
import { SYSTEM_WIDE_QUESTIONNAIRE, validateAnswers } from '../domain/questionnaire';
import type { Answers } from '../domain/questionnaire';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, InvalidInputError } from './errors';
import { hashAccessToken, looksLikeAccessToken } from './tokens';

export interface RespondentAccess {
  invitationId: string;
  cycleId: string;
  cycleWorkflowId: string;
  closesAt: Date;
  organisation: { id: string; name: string };
  contact: { id: string; name: string; email: string };
  response:
    | { status: 'DRAFT' | 'SUBMITTED' | 'NIL_RETURN'; answers: Answers; version: number; submittedAt: Date | null }
    | undefined;
}

/**
 * The access a token grants, or undefined. Unknown, revoked and expired tokens and closed cycles are deliberately
 * indistinguishable to the caller, so the answer reveals nothing about which links exist.
 */
export async function resolveAccess(db: Db, token: string, now = new Date()): Promise<RespondentAccess | undefined> {
  if (!looksLikeAccessToken(token)) return undefined;
  const found = await db.accessToken.findUnique({
    where: { tokenHash: hashAccessToken(token) },
    include: { invitation: { include: { cycle: true, organisation: true, contact: true } } },
  });
  if (!found || found.revokedAt) return undefined;
  const { invitation } = found;
  if (invitation.revokedAt || invitation.expiresAt <= now || invitation.cycle.status !== 'OPEN') return undefined;
  const response = await db.response.findUnique({
    where: { cycleId_organisationId: { cycleId: invitation.cycleId, organisationId: invitation.organisationId } },
  });
  return {
    invitationId: invitation.id,
    cycleId: invitation.cycleId,
    cycleWorkflowId: invitation.cycle.workflowId,
    closesAt: invitation.expiresAt,
    organisation: { id: invitation.organisation.id, name: invitation.organisation.name },
    contact: { id: invitation.contact.id, name: invitation.contact.name, email: invitation.contact.email },
    response: response
      ? {
          status: response.status,
          answers: response.answers as Answers,
          version: response.version,
          submittedAt: response.submittedAt,
        }
      : undefined,
  };
}

/** The respondent opens the questionnaire (a POST: opening the link itself changes nothing). Idempotent. */
export async function startResponse(db: Db, access: RespondentAccess): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.response.upsert({
      where: { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } },
      create: { cycleId: access.cycleId, organisationId: access.organisation.id, answers: {} },
      update: {},
    });
    const invitation = await tx.invitation.updateMany({
      where: { id: access.invitationId, startedAt: null },
      data: { startedAt: new Date() },
    });
    if (invitation.count > 0) {
      await recordAudit(tx, {
        actor: `contact:${access.contact.id}`,
        action: 'response.start',
        entity: 'Invitation',
        entityId: access.invitationId,
      });
    }
  });
}

export type SaveMode = 'draft' | 'submit';

export interface SaveResult {
  version: number;
  status: 'DRAFT' | 'SUBMITTED' | 'NIL_RETURN';
}

export async function saveAnswers(
  db: Db,
  access: RespondentAccess,
  rawAnswers: unknown,
  expectedVersion: number,
  mode: SaveMode,
): Promise<SaveResult> {
  const validation = validateAnswers(SYSTEM_WIDE_QUESTIONNAIRE, rawAnswers, mode);
  if (!validation.ok) {
    throw new InvalidInputError('Some answers need attention', validation.errors);
  }
  const status = mode === 'submit' ? 'SUBMITTED' : 'DRAFT';
  return db.$transaction(async (tx) => {
    // The version in the WHERE clause is the optimistic lock: a concurrent save or a submission bumps it first.
    const updated = await tx.response.updateMany({
      where: {
        cycleId: access.cycleId,
        organisationId: access.organisation.id,
        version: expectedVersion,
        status: 'DRAFT',
      },
      data: {
        answers: validation.answers,
        version: { increment: 1 },
        status,
        submittedAt: mode === 'submit' ? new Date() : undefined,
      },
    });
    if (updated.count === 0) {
      const current = await tx.response.findUnique({
        where: { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } },
      });
      if (!current) throw new ConflictError('Open the questionnaire from your link first');
      if (current.status !== 'DRAFT') throw new ConflictError('This questionnaire has already been submitted');
      throw new ConflictError('Someone else saved this questionnaire meanwhile; reload to see their changes');
    }
    await recordAudit(tx, {
      actor: `contact:${access.contact.id}`,
      action: mode === 'submit' ? 'response.submit' : 'response.save',
      entity: 'Response',
      entityId: `${access.cycleId}:${access.organisation.id}`,
      details: { version: expectedVersion + 1 },
    });
    return { version: expectedVersion + 1, status };
  });
}

/**
 * "Nothing to report": the organisation answers that it had no activities to report. It ends the organisation's
 * part in the cycle like a submission (no more reminders), and stays distinct from declining and from silence.
 */
export async function fileNilReturn(db: Db, access: RespondentAccess): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const where = { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } };
    const current = await tx.response.findUnique({ where });
    if (current && current.status !== 'DRAFT') throw new ConflictError('This questionnaire has already been submitted');
    const saved = await tx.response.upsert({
      where,
      create: {
        cycleId: access.cycleId,
        organisationId: access.organisation.id,
        answers: {},
        status: 'NIL_RETURN',
        submittedAt: new Date(),
      },
      update: { status: 'NIL_RETURN', submittedAt: new Date(), version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actor: `contact:${access.contact.id}`,
      action: 'response.nil-return',
      entity: 'Response',
      entityId: `${access.cycleId}:${access.organisation.id}`,
    });
    return { version: saved.version, status: 'NIL_RETURN' };
  });
}

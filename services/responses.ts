/**
 * A respondent's access through a personal link, and their answers. Every write checks the version the respondent
 * read (no silent overwrite) and appends to the audit log in the same transaction.
 */
import { answerFieldsOf, groupTableFields, sanitiseText, validateAnswers } from '../domain/questionnaire';
import type { Questionnaire } from '../domain/questionnaire';
import { softWarnings } from '../domain/soft-warnings';
import type { Answers } from '../domain/questionnaire';
import type { Db } from '../platform/database';
import { z } from 'zod';
import { recordAudit } from './audit';
import { readAccessRow } from './respondent-access-query';
import type { AccessRow } from './respondent-access-query';
import { actorOf } from './respondent-access';
import type { ClosedLink, GivenReply, RespondentAccess, ResponseState } from './respondent-access';
import { foreignAttachments } from './attachments';
import { requireInvitedContact } from './delegations';
import { questionnaireOfCycle } from './questionnaires';
import { keepSubmittedVersion } from './response-versions';
import { ConfirmationNeededError, ConflictError, InvalidInputError } from './errors';
import { parseOrThrow } from './safe-input';
import { hashAccessToken, looksLikeAccessToken } from './tokens';

const DAY_MS = 24 * 60 * 60 * 1000;

// Where respondent routes have always found them.
export { actorOf } from './respondent-access';
export type { ClosedLink, GivenReply, RespondentAccess, ResponseState } from './respondent-access';

/** What a link lets its holder do now: answer (until which deadline), only look back (closed on which day), nothing. */
type LinkStanding = { open: true; deadline: Date } | { open: false; closedOn: Date } | undefined;

/**
 * The one rule of a personal link's life. It works until the cycle's close (moved with it: the invitation's expiry)
 * plus the grace window, or until the respondent's own extension if later. An early close ends it at once, except
 * for an extension granted before that runs later: a close never voids what was promised. A revoked, replaced or
 * withdrawn link gives nothing at all.
 */
function standingOf(row: AccessRow, now: Date): LinkStanding {
  if (row.tokenRevokedAt || row.invitationRevokedAt) return undefined;
  if (row.delegationId && (row.delegationRevokedAt || row.delegationExpiresAt! <= now)) return undefined;
  const nominal = row.invitationExpiresAt;
  const extension = row.extendedUntil && row.extendedUntil > nominal ? row.extendedUntil : undefined;
  const deadline = extension ?? nominal;
  const keptByEarlyClose = row.closedEarlyAt && row.extendedUntil && row.extendedUntil > row.closedEarlyAt;
  const usableUntil = row.closedEarlyAt
    ? keptByEarlyClose
      ? row.extendedUntil!.getTime()
      : row.closedEarlyAt.getTime()
    : Math.max(nominal.getTime() + row.graceDays * DAY_MS, extension?.getTime() ?? 0);
  if (row.cycleStatus === 'OPEN' && usableUntil > now.getTime()) return { open: true, deadline };
  const closedOn =
    row.closedEarlyAt && !keptByEarlyClose
      ? row.closedEarlyAt
      : row.cycleClosedAt && row.cycleClosedAt < deadline
        ? row.cycleClosedAt
        : deadline;
  return { open: false, closedOn };
}

/** The reply an organisation gave (not a draft), from its row. */
function givenReply(row: AccessRow): GivenReply | undefined {
  if (!row.responseStatus || row.responseStatus === 'DRAFT' || !row.submittedAt) return undefined;
  return {
    status: row.responseStatus,
    answers: row.answers as Answers,
    version: row.responseVersion!,
    submittedAt: row.submittedAt,
    late: row.late ?? false,
    declineReason: row.declineReason,
  };
}

async function readLink(db: Db, token: string): Promise<AccessRow | undefined> {
  if (!looksLikeAccessToken(token)) return undefined;
  return readAccessRow(db, hashAccessToken(token));
}

/**
 * The access a token grants, or undefined. Unknown, revoked and expired tokens and closed cycles are all undefined
 * here; `resolveClosedLink` tells a closed survey's link apart for the pages that may say so.
 */
export async function resolveAccess(db: Db, token: string, now = new Date()): Promise<RespondentAccess | undefined> {
  const row = await readLink(db, token);
  const standing = row && standingOf(row, now);
  if (!row || !standing?.open) return undefined;
  const deadline = standing.deadline;
  const questionnaire = await questionnaireOfCycle(db, { questionnaireId: row.questionnaireId, kind: row.cycleKind });
  return {
    invitationId: row.invitationId,
    questionnaire,
    cycleId: row.cycleId,
    cycleKind: row.cycleKind,
    cycleWorkflowId: row.cycleWorkflowId,
    closesAt: deadline,
    late: now > deadline,
    remindersOptedOut: row.remindersOptedOutAt !== null,
    delegation: row.delegationId
      ? {
          id: row.delegationId,
          name: row.delegateName!,
          sectionIds: row.delegationSectionIds!,
          expiresAt: row.delegationExpiresAt!,
          delegatedBy: row.contactName,
        }
      : undefined,
    organisation: { id: row.organisationId, name: row.organisationName },
    contact: { id: row.contactId, name: row.contactName, email: row.contactEmail, language: row.contactLanguage },
    response: row.responseStatus
      ? {
          status: row.responseStatus,
          answers: row.answers as Answers,
          version: row.responseVersion!,
          submittedAt: row.submittedAt,
          late: row.late!,
          declineReason: row.declineReason,
          reopenReason: row.responseStatus === 'DRAFT' ? row.reopenReason : null,
        }
      : undefined,
  };
}

async function lookBack(db: Db, row: AccessRow, closedOn: Date | undefined) {
  const delegated = row.delegationId !== null;
  return {
    cycleId: row.cycleId,
    cycleKind: row.cycleKind,
    questionnaire: await questionnaireOfCycle(db, { questionnaireId: row.questionnaireId, kind: row.cycleKind }),
    closedOn,
    organisation: { id: row.organisationId, name: row.organisationName },
    contact: { id: row.contactId, name: row.contactName, language: row.contactLanguage },
    delegated,
    reply: delegated ? undefined : givenReply(row),
  };
}

/**
 * A link whose survey has closed for its holder (never one that still works, nor a revoked one). Only its holder
 * can reach this, so it may say when the survey closed and show the reply given through it. Changes nothing.
 */
export async function resolveClosedLink(db: Db, token: string, now = new Date()): Promise<ClosedLink | undefined> {
  const row = await readLink(db, token);
  const standing = row && standingOf(row, now);
  if (!row || !standing || standing.open) return undefined;
  return { ...(await lookBack(db, row, standing.closedOn)), closedOn: standing.closedOn };
}

/**
 * The reply given through the invited contact's link, open or closed (not a colleague's, not a draft): what the
 * read-only reply page and the receipt show. `closedOn` is set once the survey has closed for them.
 */
export async function resolveGivenReply(
  db: Db,
  token: string,
  now = new Date(),
): Promise<(Omit<ClosedLink, 'closedOn'> & { closedOn: Date | undefined; reply: GivenReply }) | undefined> {
  const row = await readLink(db, token);
  const standing = row && standingOf(row, now);
  if (!row || !standing || row.delegationId) return undefined;
  const look = await lookBack(db, row, standing.open ? undefined : standing.closedOn);
  return look.reply ? { ...look, reply: look.reply } : undefined;
}

/**
 * A colleague answers only their sections: their fields replace those of the stored answers, the rest is kept as
 * the contact and other colleagues left it.
 */
function withDelegatedFields(
  questionnaire: Questionnaire,
  access: RespondentAccess,
  stored: Answers,
  input: unknown,
): unknown {
  if (!access.delegation || access.delegation.sectionIds.length === 0) return input;
  const allowed = answerFieldsOf(questionnaire, access.delegation.sectionIds);
  const posted = groupTableFields(questionnaire, input) as Record<string, unknown>;
  const kept = Object.fromEntries(Object.entries(stored).filter(([field]) => !allowed.has(field)));
  const theirs = Object.fromEntries(Object.entries(posted ?? {}).filter(([field]) => allowed.has(field)));
  return { ...kept, ...theirs };
}

/** The respondent opens the questionnaire (a POST: opening the link itself changes nothing). Idempotent. */
export async function startResponse(db: Db, access: RespondentAccess): Promise<void> {
  // A colleague's link opens the reply the contact started (or starts it); only the contact's first open is noted.
  await db.$transaction(async (tx) => {
    await tx.response.upsert({
      where: { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } },
      create: { cycleId: access.cycleId, organisationId: access.organisation.id, answers: {} },
      update: {},
    });
    if (access.delegation) return;
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
  status: ResponseState;
}

export interface SaveOptions {
  /** The language the respondent is answering in (free text is kept as written); the contact's by default. */
  language?: string;
  /** The respondent has seen the soft warnings of these answers and confirms them. */
  warningsConfirmed?: boolean;
}

export async function saveAnswers(
  db: Db,
  access: RespondentAccess,
  rawAnswers: unknown,
  expectedVersion: number,
  mode: SaveMode,
  options: SaveOptions = {},
): Promise<SaveResult> {
  if (mode === 'submit') requireInvitedContact(access);
  const language = options.language ?? access.contact.language;
  const { questionnaire } = access;
  const stored = access.response?.answers ?? {};
  const validation = validateAnswers(
    questionnaire,
    withDelegatedFields(questionnaire, access, stored, rawAnswers),
    mode,
  );
  if (!validation.ok) {
    throw new InvalidInputError('Some answers need attention', validation.errors);
  }
  const foreign = await foreignAttachments(db, access, validation.answers);
  if (foreign.length > 0) throw new InvalidInputError('Some answers need attention', foreign);
  if (mode === 'submit' && !options.warningsConfirmed) {
    const warnings = softWarnings(questionnaire, validation.answers);
    if (warnings.length > 0) throw new ConfirmationNeededError('Please check these answers', warnings);
  }
  const status = mode === 'submit' ? 'SUBMITTED' : 'DRAFT';
  return db.$transaction(async (tx) => {
    // The version in the WHERE clause is the optimistic lock: a concurrent save or a submission bumps it first.
    // In SQL for the same reason as readAccessRow: it runs on every autosave.
    const submittedAt = mode === 'submit' ? new Date() : null;
    const late = mode === 'submit' ? access.late : null;
    const updated = await tx.$executeRaw`
      UPDATE "Response"
         SET answers = ${JSON.stringify(validation.answers)}::jsonb, version = version + 1,
             status = ${status}::"ResponseStatus", "submittedAt" = COALESCE(${submittedAt}, "submittedAt"),
             late = COALESCE(${late}, late), language = ${language}, "updatedAt" = ${new Date()}
       WHERE "cycleId" = ${access.cycleId} AND "organisationId" = ${access.organisation.id}
         AND version = ${expectedVersion} AND status = 'DRAFT'`;
    if (updated === 0) {
      const current = await tx.response.findUnique({
        where: { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } },
      });
      if (!current) throw new ConflictError('Open the questionnaire from your link first');
      if (current.status !== 'DRAFT') throw new ConflictError('This questionnaire has already been submitted');
      throw new ConflictError('Someone else saved this questionnaire meanwhile; reload to see their changes');
    }
    const where = { cycleId: access.cycleId, organisationId: access.organisation.id };
    if (mode === 'submit') await keepSubmittedVersion(tx, where, actorOf(access));
    await recordAudit(tx, {
      actor: actorOf(access),
      action: mode === 'submit' ? 'response.submit' : 'response.save',
      entity: 'Response',
      entityId: `${access.cycleId}:${access.organisation.id}`,
      details: { version: expectedVersion + 1 },
    });
    return { version: expectedVersion + 1, status };
  });
}

/**
 * An answer without a questionnaire (a nil return or a decline): it ends the organisation's part in the cycle like a
 * submission (no more reminders), refused once the organisation has answered. Audited in the same transaction.
 */
async function answerWithoutForm(
  db: Db,
  access: RespondentAccess,
  answer: { status: 'NIL_RETURN' | 'DECLINED'; declineReason?: string; action: string },
): Promise<SaveResult> {
  requireInvitedContact(access);
  return db.$transaction(async (tx) => {
    const where = { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } };
    const current = await tx.response.findUnique({ where });
    if (current && current.status !== 'DRAFT') throw new ConflictError('This questionnaire has already been answered');
    const fields = {
      status: answer.status,
      declineReason: answer.declineReason ?? null,
      submittedAt: new Date(),
      late: access.late,
    };
    const saved = await tx.response.upsert({
      where,
      create: { cycleId: access.cycleId, organisationId: access.organisation.id, answers: {}, ...fields },
      update: { ...fields, version: { increment: 1 } },
    });
    await keepSubmittedVersion(
      tx,
      { cycleId: access.cycleId, organisationId: access.organisation.id },
      `contact:${access.contact.id}`,
    );
    await recordAudit(tx, {
      actor: `contact:${access.contact.id}`,
      action: answer.action,
      entity: 'Response',
      entityId: `${access.cycleId}:${access.organisation.id}`,
      details: answer.declineReason ? { reason: answer.declineReason } : {},
    });
    return { version: saved.version, status: answer.status };
  });
}

/** "Nothing to report": an answer, distinct from declining and from silence. */
export function fileNilReturn(db: Db, access: RespondentAccess): Promise<SaveResult> {
  return answerWithoutForm(db, access, { status: 'NIL_RETURN', action: 'response.nil-return' });
}

const ZDecline = z.object({
  reason: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : sanitiseText(v)))
    .pipe(z.string().max(1000, 'at most 1,000 characters').optional())
    .transform((v) => (v === '' ? undefined : v)),
});

/** The organisation declines to take part, with its reason if it gives one; listed as such in the report's annex. */
export function declineResponse(db: Db, access: RespondentAccess, input: unknown): Promise<SaveResult> {
  const { reason } = parseOrThrow(ZDecline, input);
  return answerWithoutForm(db, access, { status: 'DECLINED', declineReason: reason, action: 'response.decline' });
}

/** The contact asks for no more scheduled reminders for this cycle. Idempotent. */
export async function optOutOfReminders(db: Db, access: RespondentAccess): Promise<void> {
  requireInvitedContact(access);
  await db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({
      where: { id: access.invitationId, remindersOptedOutAt: null },
      data: { remindersOptedOutAt: new Date() },
    });
    if (updated.count > 0)
      await recordAudit(tx, {
        actor: `contact:${access.contact.id}`,
        action: 'invitation.opt-out-reminders',
        entity: 'Invitation',
        entityId: access.invitationId,
      });
  });
}

/**
 * For a link that was replaced by a newer one (not for unknown, expired or merely revoked links, which all get the
 * same neutral page): when it was replaced, so the page can say so and whom to contact.
 */
export async function replacedLink(db: Db, token: string): Promise<{ replacedAt: Date } | undefined> {
  if (!looksLikeAccessToken(token)) return undefined;
  const found = await db.accessToken.findUnique({ where: { tokenHash: hashAccessToken(token) } });
  return found?.replacedAt ? { replacedAt: found.replacedAt } : undefined;
}

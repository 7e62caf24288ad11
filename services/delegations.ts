/**
 * Delegation: the invited contact asks a named colleague to answer the whole questionnaire or some of its sections,
 * through the colleague's own link that expires no later than the reply is due. The contact sees every answer, can
 * withdraw the link, and alone submits the reply. Every step is audited in its own transaction.
 */
import { z } from 'zod';
import { sanitiseText } from '../domain/questionnaire';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, ForbiddenError, NotFoundError } from './errors';
import type { RespondentAccess } from './respondent-access';
import { parseOrThrow } from './safe-input';

const DAY_MS = 24 * 60 * 60 * 1000;

const text = (max: number, empty: string) =>
  z
    .string({ error: empty })
    .transform(sanitiseText)
    .pipe(z.string().min(1, empty).max(max, `at most ${max} characters`));

const ZDelegation = z.object({
  name: text(200, "give your colleague's name"),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "give your colleague's e-mail address" })),
  sectionIds: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'give the date as YYYY-MM-DD')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  note: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : sanitiseText(v) || undefined))
    .pipe(z.string().max(1000, 'at most 1,000 characters').optional()),
});

/** Only the invited contact delegates, withdraws and submits; a colleague's link answers its sections. */
export function requireInvitedContact(access: RespondentAccess): void {
  if (access.delegation) throw new ForbiddenError('Only the colleague who asked for your help can do this');
}

/** Colleagues' links one reply may have at once, and in all (withdrawing and asking again is bounded too). */
export const DELEGATIONS_PER_REPLY = { active: 10, ever: 25 } as const;

export interface DelegationCreated {
  delegationId: string;
  email: string;
  cycleWorkflowId: string;
}

export async function createDelegation(db: Db, access: RespondentAccess, input: unknown): Promise<DelegationCreated> {
  requireInvitedContact(access);
  const data = parseOrThrow(ZDelegation, input);
  const known = new Set(access.questionnaire.sections.map((s) => s.id));
  const unknown = data.sectionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new ConflictError('The questionnaire has no such section; reload the page');
  if (data.email === access.contact.email.toLowerCase())
    throw new ConflictError('That is your own address: give your colleague’s');
  // The colleague's link lasts at most as long as the reply may be sent (the close, or this contact's extension).
  const latest = access.closesAt.getTime();
  const expiresAt = data.until ? Math.min(Date.parse(`${data.until}T23:59:59Z`), latest) : latest;
  if (expiresAt < Date.now() + DAY_MS / 24) throw new ConflictError('Give a date from today to the reply’s deadline');
  return db.$transaction(async (tx) => {
    const response = await tx.response.findUnique({
      where: { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } },
    });
    if (response && response.status !== 'DRAFT') throw new ConflictError('This reply has already been sent');
    // Each delegation makes the Secretariat's address write to an address the link holder chose: bounded.
    const given = await tx.delegation.findMany({ where: { invitationId: access.invitationId } });
    const active = given.filter((d) => !d.revokedAt && d.expiresAt.getTime() > Date.now());
    if (active.length >= DELEGATIONS_PER_REPLY.active || given.length >= DELEGATIONS_PER_REPLY.ever)
      throw new ConflictError(
        'This reply already has as many colleagues’ links as it may: withdraw one or ask the Secretariat',
      );
    const delegation = await tx.delegation.create({
      data: {
        invitationId: access.invitationId,
        delegateName: data.name,
        delegateEmail: data.email,
        sectionIds: data.sectionIds,
        note: data.note,
        expiresAt: new Date(expiresAt),
      },
    });
    await recordAudit(tx, {
      actor: `contact:${access.contact.id}`,
      action: 'delegation.create',
      entity: 'Delegation',
      entityId: delegation.id,
      details: { sections: data.sectionIds, expiresAt: new Date(expiresAt).toISOString() },
    });
    return { delegationId: delegation.id, email: data.email, cycleWorkflowId: access.cycleWorkflowId };
  });
}

/** Withdraws a colleague's link at once. Idempotent; only for the contact who gave it. */
export async function withdrawDelegation(db: Db, access: RespondentAccess, delegationId: string): Promise<void> {
  requireInvitedContact(access);
  await db.$transaction(async (tx) => {
    const delegation = await tx.delegation.findUnique({ where: { id: delegationId } });
    if (delegation?.invitationId !== access.invitationId) throw new NotFoundError('No such colleague’s link');
    if (delegation.revokedAt) return;
    await tx.delegation.update({ where: { id: delegationId }, data: { revokedAt: new Date() } });
    await tx.accessToken.updateMany({ where: { delegationId, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, {
      actor: `contact:${access.contact.id}`,
      action: 'delegation.withdraw',
      entity: 'Delegation',
      entityId: delegationId,
    });
  });
}

export async function listDelegations(db: Db, invitationId: string) {
  return db.delegation.findMany({
    where: { invitationId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'asc' },
  });
}

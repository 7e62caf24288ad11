/**
 * An invitation and its personal links, as the survey's e-mails make them: the invitation of a contact to a cycle,
 * a fresh link for each e-mail (only its SHA-256 stored), and the replacement of a contact's links. The survey's
 * other writers of `Invitation` and `AccessToken` are the coordinator's and respondent's actions (ARCHITECTURE.md).
 */
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { hashAccessToken, newAccessToken } from './tokens';

/** The contact's invitation to the cycle, made on first use; asking again returns the same one. */
export function ensureInvitation(
  db: Db,
  input: { cycleId: string; contactId: string; organisationId: string; expiresAt: Date },
) {
  const { cycleId, contactId } = input;
  return db.invitation.upsert({
    where: { cycleId_contactId: { cycleId, contactId } },
    create: { cycleId, contactId, organisationId: input.organisationId, expiresAt: input.expiresAt },
    update: {},
  });
}

/**
 * Stores a fresh link for the e-mail under `emailKey` and returns the raw token, for that e-mail alone. Called inside
 * the e-mail's claiming transaction, so the link exists exactly when the claim does; a retried claim replaces the
 * hash, so only the token of the e-mail that finally leaves opens the form.
 */
export async function issueAccessToken(
  tx: DbTransaction,
  link: { invitationId: string; emailKey: string; delegationId?: string },
): Promise<string> {
  const token = newAccessToken();
  await tx.accessToken.upsert({
    where: { emailKey: link.emailKey },
    create: { ...link, tokenHash: hashAccessToken(token) },
    update: { tokenHash: hashAccessToken(token) },
  });
  return token;
}

/**
 * Revokes every earlier link of the invitation (each will say it was replaced), except the one of the e-mail under
 * `keepEmailKey`, so a retried replacement keeps its own link; lifts a revocation of the invitation itself. Audited
 * when a link was replaced.
 */
export async function replaceLinks(
  db: Db,
  input: { invitationId: string; keepEmailKey: string; requestedBy: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const now = new Date();
    const revoked = await tx.accessToken.updateMany({
      where: { invitationId: input.invitationId, revokedAt: null, emailKey: { not: input.keepEmailKey } },
      data: { revokedAt: now, replacedAt: now },
    });
    await tx.invitation.update({ where: { id: input.invitationId }, data: { revokedAt: null } });
    if (revoked.count > 0)
      await recordAudit(tx, {
        actor: input.requestedBy,
        action: 'invitation.reissue',
        entity: 'Invitation',
        entityId: input.invitationId,
        details: { replacedLinks: revoked.count },
      });
  });
}

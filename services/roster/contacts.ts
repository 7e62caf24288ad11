/**
 * What the mail learns about a contact of the roster: its address refused a message for good. The fan-out then
 * invites the organisation's next contact that has not bounced.
 */
import type { Db } from '../../platform/database';
import { recordAudit } from '../audit';

/** Marks the contact's address as bounced, audited with the cycle whose invitation it refused. */
export async function markContactBounced(db: Db, input: { contactId: string; cycleId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.contact.update({ where: { id: input.contactId }, data: { bouncedAt: new Date() } });
    await recordAudit(tx, {
      actor: 'mailer',
      action: 'contact.bounced',
      entity: 'Contact',
      entityId: input.contactId,
      details: { cycleId: input.cycleId },
    });
  });
}

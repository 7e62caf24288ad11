/**
 * The mail ledger (`EmailMessage`): one row per message under its business key, claimed (SENDING) before the SMTP
 * conversation starts, then marked with what the conversation said. This module is the table's only writer; the SMTP
 * side of it is `activities/mail/ledger-mailer.ts`, which decides from a claim whether to send at all.
 */
import type { EmailMessage, EmailStatus } from '@prisma/client';
import type { Db, DbTransaction } from '../../platform/database';
import { mailKey, parseSurveyMailKey, surveyMailPrefix } from './keys';

export interface LedgerEntry {
  businessKey: string;
  kind: string;
  messageId: string;
}

/** What the claim found. Only `claimed` may be sent: every other answer means an earlier attempt decided already. */
export type LedgerClaim<M> =
  | { outcome: 'already-sent'; row: EmailMessage }
  /** An earlier attempt died mid-send: the message may have left, so it is never sent again. */
  | { outcome: 'uncertain' }
  | { outcome: 'failed'; reason: string }
  | { outcome: 'claimed'; row: EmailMessage; message: M };

/**
 * Claims the message under its key. `compose` runs inside the claiming transaction only when the message is to be
 * sent, so whatever it writes (a link's token) commits with the claim or not at all.
 */
export function claimMessage<M extends { to: string; subject: string }>(
  db: Db,
  entry: LedgerEntry,
  compose: (tx: DbTransaction) => Promise<M>,
): Promise<LedgerClaim<M>> {
  return db.$transaction(async (tx): Promise<LedgerClaim<M>> => {
    const existing = await tx.emailMessage.findUnique({ where: { businessKey: entry.businessKey } });
    if (existing?.status === 'SENT') return { outcome: 'already-sent', row: existing };
    if (existing?.status === 'SENDING' || existing?.status === 'UNCERTAIN') {
      await tx.emailMessage.update({ where: { id: existing.id }, data: { status: 'UNCERTAIN' } });
      return { outcome: 'uncertain' };
    }
    if (existing?.status === 'FAILED') return { outcome: 'failed', reason: existing.lastError ?? 'permanent failure' };
    const message = await compose(tx);
    const row = await tx.emailMessage.upsert({
      where: { businessKey: entry.businessKey },
      create: {
        businessKey: entry.businessKey,
        messageId: entry.messageId,
        kind: entry.kind,
        toAddress: message.to,
        subject: message.subject,
        status: 'SENDING',
        attempts: 1,
      },
      update: { status: 'SENDING', attempts: { increment: 1 }, toAddress: message.to, subject: message.subject },
    });
    return { outcome: 'claimed', row, message };
  });
}

/** The server refused the message for good (SMTP 5xx): never retried under this key. */
export async function markFailed(db: Db, emailMessageId: string, reason: string): Promise<void> {
  await db.emailMessage.update({ where: { id: emailMessageId }, data: { status: 'FAILED', lastError: reason } });
}

/** A transient failure (SMTP 4xx, a lost connection): the next attempt under the same key sends again. */
export async function markRetrying(db: Db, emailMessageId: string, reason: string): Promise<void> {
  await db.emailMessage.update({ where: { id: emailMessageId }, data: { status: 'RETRYING', lastError: reason } });
}

export async function markSent(db: Db, emailMessageId: string): Promise<void> {
  await db.emailMessage.update({
    where: { id: emailMessageId },
    data: { status: 'SENT', sentAt: new Date(), lastError: null },
  });
}

/** The ledger status of each contact's invitation e-mail to the cycle, by contact; a contact never claimed is absent. */
export async function invitationDeliveries(
  db: Db,
  cycleId: string,
  contactIds: string[],
): Promise<Map<string, EmailStatus>> {
  const contactOf = new Map(contactIds.map((contactId) => [mailKey.invitation(cycleId, contactId), contactId]));
  const rows = await db.emailMessage.findMany({
    where: { businessKey: { in: [...contactOf.keys()] } },
    select: { businessKey: true, status: true },
  });
  return new Map(rows.map((row) => [contactOf.get(row.businessKey)!, row.status]));
}

/** How many reminders of the cycle reached each organisation (sent, by organisation id). */
export async function sentReminderCounts(db: Db, cycleId: string): Promise<Map<string, number>> {
  const rows = await db.emailMessage.findMany({
    where: { businessKey: { startsWith: surveyMailPrefix('reminder', cycleId) }, status: 'SENT' },
    select: { businessKey: true },
  });
  const counts = new Map<string, number>();
  for (const row of rows) {
    // Every key under the prefix was built by mailKey.reminder, so it parses.
    const organisationId = parseSurveyMailKey(row.businessKey)!.subjectId;
    counts.set(organisationId, (counts.get(organisationId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Sends each e-mail at most once. Every message has a ledger row with a unique business key and a deterministic
 * Message-ID, claimed (status SENDING) before the SMTP conversation starts:
 *
 * - a retry after a clean SMTP error finds RETRYING and sends again;
 * - a retry that finds SENDING means an earlier attempt died mid-send (worker killed, timeout). The message may or
 *   may not have left, so it is marked UNCERTAIN and not resent: we choose a possibly lost message, visible to the
 *   coordinator, over a duplicate in a Government's inbox;
 * - SMTP 4xx and lost connections are transient: RETRYING, and the caller may try the same key again;
 * - SMTP 5xx is permanent: FAILED, no retry; the caller moves on to an alternate address.
 */
import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { Transporter } from 'nodemailer';
import type { Attachment } from 'nodemailer/lib/mailer';
import { FailureType } from '../../domain/failure-types';
import type { Db, DbTransaction } from '../../platform/database';
import type { RateLimiter } from './rate-limiter';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
}

export interface LedgerSendRequest {
  businessKey: string;
  kind: string;
  /** Builds the message inside the claiming transaction, so anything it writes (a link token) commits with the claim. */
  compose(tx: DbTransaction, messageId: string): Promise<OutgoingMessage>;
}

export type LedgerSendOutcome = { status: 'sent' | 'already-sent'; messageId: string; emailMessageId: string };

export interface LedgerMailerOptions {
  db: Db;
  transport: Transporter;
  from: string;
  messageIdDomain: string;
  limiter: RateLimiter;
}

export class LedgerMailer {
  constructor(private readonly options: LedgerMailerOptions) {}

  messageIdFor(businessKey: string): string {
    const digest = createHash('sha256').update(businessKey).digest('hex').slice(0, 32);
    return `<${digest}@${this.options.messageIdDomain}>`;
  }

  async send(request: LedgerSendRequest): Promise<LedgerSendOutcome> {
    const { db } = this.options;
    const messageId = this.messageIdFor(request.businessKey);
    const claim = await db.$transaction(async (tx) => {
      const existing = await tx.emailMessage.findUnique({ where: { businessKey: request.businessKey } });
      if (existing?.status === 'SENT') return { done: true as const, row: existing };
      if (existing?.status === 'SENDING' || existing?.status === 'UNCERTAIN') {
        await tx.emailMessage.update({ where: { id: existing.id }, data: { status: 'UNCERTAIN' } });
        return { done: false as const, uncertain: true as const };
      }
      if (existing?.status === 'FAILED')
        return { done: false as const, failed: existing.lastError ?? 'permanent failure' };
      const message = await request.compose(tx, messageId);
      const row = await tx.emailMessage.upsert({
        where: { businessKey: request.businessKey },
        create: {
          businessKey: request.businessKey,
          messageId,
          kind: request.kind,
          toAddress: message.to,
          subject: message.subject,
          status: 'SENDING',
          attempts: 1,
        },
        update: { status: 'SENDING', attempts: { increment: 1 }, toAddress: message.to, subject: message.subject },
      });
      return { done: false as const, row, message };
    });
    if (claim.done) return { status: 'already-sent', messageId: claim.row.messageId, emailMessageId: claim.row.id };
    if ('uncertain' in claim) {
      throw ApplicationFailure.create({
        type: FailureType.DeliveryOutcomeUnknown,
        nonRetryable: true,
        message: `An earlier attempt of ${request.kind} may have been delivered; not resending`,
      });
    }
    if ('failed' in claim) throw permanentFailure(claim.failed ?? 'permanent failure');

    await this.options.limiter.take();
    try {
      await this.options.transport.sendMail({
        from: this.options.from,
        messageId,
        ...claim.message,
      });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      const reason = describeSmtpError(error);
      if (code !== undefined && code >= 500 && code < 600) {
        await db.emailMessage.update({ where: { id: claim.row.id }, data: { status: 'FAILED', lastError: reason } });
        throw permanentFailure(reason);
      }
      await db.emailMessage.update({ where: { id: claim.row.id }, data: { status: 'RETRYING', lastError: reason } });
      throw ApplicationFailure.create({
        type: FailureType.TransientDeliveryFailure,
        message: `Transient SMTP failure, will retry: ${reason}`,
        cause: error instanceof Error ? error : undefined,
      });
    }
    await db.emailMessage.update({
      where: { id: claim.row.id },
      data: { status: 'SENT', sentAt: new Date(), lastError: null },
    });
    return { status: 'sent', messageId, emailMessageId: claim.row.id };
  }
}

function permanentFailure(reason: string): ApplicationFailure {
  return ApplicationFailure.create({ type: FailureType.PermanentDeliveryFailure, nonRetryable: true, message: reason });
}

/** The SMTP reply without addresses' local parts beyond what the server said; never includes message content. */
function describeSmtpError(error: unknown): string {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  if (e.responseCode) return `SMTP ${e.responseCode}: ${(e.response ?? '').slice(0, 200)}`;
  return `${e.code ?? 'error'}: ${(e.message ?? String(error)).slice(0, 200)}`;
}

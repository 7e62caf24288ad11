/**
 * Sends each e-mail at most once. Every message has a ledger row with a unique business key and a deterministic
 * Message-ID, claimed (status SENDING) before the SMTP conversation starts. The ledger's rows are written by their
 * owner, `services/mail-ledger/messages.ts`; this module holds the SMTP conversation and what its outcome means:
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
import { claimMessage, markFailed, markRetrying, markSent } from '../../services/mail-ledger/messages';
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
    const claim = await claimMessage(db, { businessKey: request.businessKey, kind: request.kind, messageId }, (tx) =>
      request.compose(tx, messageId),
    );
    if (claim.outcome === 'already-sent')
      return { status: 'already-sent', messageId: claim.row.messageId, emailMessageId: claim.row.id };
    if (claim.outcome === 'uncertain') {
      throw ApplicationFailure.create({
        type: FailureType.DeliveryOutcomeUnknown,
        nonRetryable: true,
        message: `An earlier attempt of ${request.kind} may have been delivered; not resending`,
      });
    }
    if (claim.outcome === 'failed') throw permanentFailure(claim.reason);

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
        await markFailed(db, claim.row.id, reason);
        throw permanentFailure(reason);
      }
      await markRetrying(db, claim.row.id, reason);
      throw ApplicationFailure.create({
        type: FailureType.TransientDeliveryFailure,
        message: `Transient SMTP failure, will retry: ${reason}`,
        cause: error instanceof Error ? error : undefined,
      });
    }
    await markSent(db, claim.row.id);
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

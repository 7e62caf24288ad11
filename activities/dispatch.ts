import { readFileSync } from 'node:fs';
import { ApplicationFailure } from '@temporalio/activity';
import { FailureType } from '../domain/failure-types';
import { daysBeforeOpening } from '../domain/deadlines';
import { readDeadline } from '../services/session-plan';
import { capitalise, sessionTitle } from '../domain/symbols';
import { recordDispatch, recordDispatchFailure } from '../services/documents';
import type { ActivityDeps } from './deps';
import { buildDispatchProof } from './documents/dispatch-proof';
import { DocumentKind } from '../domain/document-kinds';
import { findStored, storeDocument } from './documents/store';
import type { StoredDocument } from './documents/store';
import { renderNoteVerbale } from './mail/note-verbale';
import { assertReadable } from './documents/read-back';
import { mailKey } from '../services/mail-ledger/keys';

export type DispatchOutcome = 'sent' | 'sent-to-alternate' | 'undeliverable';

export function dispatchActivities({ db, mailer, storageDir }: ActivityDeps) {
  return {
    /** Builds the proof-of-dispatch .docx from the ledger once dispatch has finished. Keyed by (session, version). */
    async compileDispatchProof({ documentId }: { documentId: string }): Promise<StoredDocument> {
      const report = await db.document.findUniqueOrThrow({ where: { id: documentId }, include: { session: true } });
      const stored = await findStored(db, report.sessionId, DocumentKind.DispatchProof, report.version);
      if (stored) return stored;
      const openingDate = report.session.openingDate.toISOString().slice(0, 10);
      const governments = await db.government.findMany({
        orderBy: { name: 'asc' },
        include: { dispatches: { where: { documentId }, include: { emailMessage: true } } },
      });
      const buffer = await buildDispatchProof({
        reportSymbol: report.symbol,
        reportTitle: report.title,
        sessionLabel: capitalise(sessionTitle(report.session.number)),
        openingDate,
        deadline: (await readDeadline(db, report.sessionId, 'dispatch-deadline')).dueAt.slice(0, 10),
        generatedAt: new Date(),
        rows: governments.map((g) => {
          const sent = g.dispatches[0];
          const sentAt = sent?.emailMessage.sentAt ?? undefined;
          return {
            government: g.name,
            recipient: sent?.recipient ?? g.focalPointEmail,
            sentAt,
            messageId: sent?.emailMessage.messageId ?? '—',
            daysBeforeOpening: sentAt ? daysBeforeOpening(openingDate, sentAt) : undefined,
          };
        }),
      });
      return storeDocument(db, storageDir, {
        sessionId: report.sessionId,
        kind: DocumentKind.DispatchProof,
        symbol: `PROOF/${report.symbol}`,
        version: report.version,
        title: `Proof of dispatch of ${report.symbol}`,
        buffer,
      });
    },

    async listGovernments(): Promise<string[]> {
      const governments = await db.government.findMany({ select: { id: true }, orderBy: { name: 'asc' } });
      return governments.map((g) => g.id);
    },

    /**
     * Sends the approved report with the .docx attached to one Government's focal point, or to the alternate address
     * when the focal point's server refuses it permanently. Idempotent per (document, Government, address).
     */
    async dispatchReport({
      documentId,
      governmentId,
    }: {
      documentId: string;
      governmentId: string;
    }): Promise<DispatchOutcome> {
      const document = await db.document.findUniqueOrThrow({ where: { id: documentId }, include: { session: true } });
      if (!document.approvedAt) {
        throw ApplicationFailure.create({
          type: FailureType.InvalidState,
          nonRetryable: true,
          message: `${document.symbol} is not approved`,
        });
      }
      const government = await db.government.findUniqueOrThrow({ where: { id: governmentId } });
      const addresses = [
        { slot: 'focal-point', email: government.focalPointEmail },
        ...(government.alternateEmail ? [{ slot: 'alternate', email: government.alternateEmail }] : []),
      ];
      // Read back once more before it leaves: the stored file is what is attached, whatever happened to it since.
      const attachment = readFileSync(document.filePath);
      await assertReadable(attachment, document.symbol);
      for (const address of addresses) {
        try {
          const outcome = await mailer.send({
            businessKey: mailKey.dispatch(documentId, governmentId, address.slot),
            kind: 'dispatch',
            compose: () => {
              const note = renderNoteVerbale({
                language: government.language,
                governmentName: government.name,
                governmentOf: government.governmentOf as Record<string, string>,
                focalPointName: government.focalPointName,
                symbol: document.symbol,
                title: document.title,
                sessionNumber: document.session.number,
                openingDate: document.session.openingDate,
              });
              return Promise.resolve({
                to: address.email,
                subject: note.subject,
                html: note.html,
                text: note.text,
                attachments: [
                  {
                    filename: `${document.symbol.replace(/\//g, '_')}.docx`,
                    content: attachment,
                    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                  },
                ],
              });
            },
          });
          await recordDispatch(db, {
            documentId,
            governmentId,
            emailMessageId: outcome.emailMessageId,
            messageId: outcome.messageId,
            recipient: address.email,
          });
          return address.slot === 'focal-point' ? 'sent' : 'sent-to-alternate';
        } catch (error) {
          const type = error instanceof ApplicationFailure ? error.type : undefined;
          if (type !== FailureType.PermanentDeliveryFailure && type !== FailureType.DeliveryOutcomeUnknown) throw error;
          if (type === FailureType.DeliveryOutcomeUnknown) return 'undeliverable';
        }
      }
      await recordDispatchFailure(db, { documentId, governmentId });
      return 'undeliverable';
    },
  };
}

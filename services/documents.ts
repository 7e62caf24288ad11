/**
 * The session's documents in the database: a row per (session, kind, version) as compiled, its approval or return
 * by a manager, and each Government's dispatch. Every change is audited in its own transaction; approvals, returns
 * and dispatches are conditional, so a retried activity records once.
 */
import type { Prisma } from '@prisma/client';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';

export interface CompiledDocument {
  sessionId: string;
  kind: string;
  symbol: string;
  version: number;
  title: string;
  /** Where the .docx was written, and its SHA-256 (kept in the audit trail). */
  filePath: string;
  sha256: string;
  contents?: Prisma.InputJsonObject;
}

/** Records a compiled version (a retried compile overwrites the file and the row of its own version). */
export async function recordCompiledDocument(db: Db, doc: CompiledDocument) {
  const { filePath, sha256 } = doc;
  return db.$transaction(async (tx) => {
    const stored = await tx.document.upsert({
      where: { sessionId_kind_version: { sessionId: doc.sessionId, kind: doc.kind, version: doc.version } },
      create: {
        sessionId: doc.sessionId,
        kind: doc.kind,
        symbol: doc.symbol,
        version: doc.version,
        title: doc.title,
        filePath,
        sha256,
        contents: { ...doc.contents },
      },
      update: { filePath, sha256, contents: { ...doc.contents } },
    });
    await recordAudit(tx, {
      actor: 'workflow',
      action: 'document.compile',
      entity: 'Document',
      entityId: stored.id,
      details: { kind: doc.kind, symbol: doc.symbol, version: doc.version, sha256 },
    });
    return stored;
  });
}

export async function recordApproval(
  db: Db,
  input: { documentId: string; approvedBy: string; approvedAt: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const updated = await tx.document.updateMany({
      where: { id: input.documentId, approvedAt: null },
      data: { approvedAt: new Date(input.approvedAt), approvedBy: input.approvedBy },
    });
    if (updated.count > 0) {
      await recordAudit(tx, {
        actor: input.approvedBy,
        action: 'document.approve',
        entity: 'Document',
        entityId: input.documentId,
      });
    }
  });
}

/** A manager sent the version back: marked rejected with the comment (audited) once. Returns the document. */
export async function recordRejection(
  db: Db,
  input: { documentId: string; rejectedBy: string; rejectedAt: string; comment: string },
) {
  return db.$transaction(async (tx) => {
    const updated = await tx.document.updateMany({
      where: { id: input.documentId, rejectedAt: null },
      data: { rejectedAt: new Date(input.rejectedAt), rejectedBy: input.rejectedBy, reviewComment: input.comment },
    });
    if (updated.count > 0) {
      await recordAudit(tx, {
        actor: input.rejectedBy,
        action: 'document.reject',
        entity: 'Document',
        entityId: input.documentId,
        details: { comment: input.comment },
      });
    }
    return tx.document.findUniqueOrThrow({ where: { id: input.documentId }, include: { session: true } });
  });
}

/** The report reached a Government at this address: one Dispatch row per (document, Government), audited. */
export async function recordDispatch(
  db: Db,
  sent: { documentId: string; governmentId: string; emailMessageId: string; messageId: string; recipient: string },
): Promise<void> {
  const { documentId, governmentId } = sent;
  await db.$transaction(async (tx) => {
    await tx.dispatch.upsert({
      where: { documentId_governmentId: { documentId, governmentId } },
      create: { documentId, governmentId, emailMessageId: sent.emailMessageId, recipient: sent.recipient },
      update: {},
    });
    await recordAudit(tx, {
      actor: 'workflow',
      action: 'document.dispatch',
      entity: 'Government',
      entityId: governmentId,
      details: { documentId, messageId: sent.messageId },
    });
  });
}

/** No address of the Government took the report: audited, for the proof of dispatch and the coordinator. */
export async function recordDispatchFailure(
  db: Db,
  { documentId, governmentId }: { documentId: string; governmentId: string },
): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: 'workflow',
      action: 'document.dispatch-failed',
      entity: 'Government',
      entityId: governmentId,
      details: { documentId },
    }),
  );
}

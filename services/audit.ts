import type { Prisma } from '@prisma/client';
import type { DbTransaction } from '../platform/database';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

/** Appends to the audit log inside the caller's transaction, so the record and the action commit together. */
export async function recordAudit(tx: DbTransaction, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({ data: { ...entry, details: entry.details ?? {} } });
}

/**
 * The audit log: one append-only row per action, written in the action's own transaction, each row chained to the
 * one before by a SHA-256 hash (OWASP logging cheat sheet: integrity). The database refuses UPDATE and DELETE on the
 * table; someone able to get round that still cannot edit or remove a row unseen, because `verifyAuditChain` finds
 * the break.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '@prisma/client';
import { stringify } from 'safe-stable-stringify';
import type { Db, DbTransaction } from '../platform/database';

export interface AuditEntry {
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  details?: Prisma.InputJsonValue;
}

/** Serialises chained appends: the row read as "last" stays last until this transaction commits. */
const AUDIT_CHAIN_LOCK = 1992_22;

interface ChainedFields {
  previousHash: string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  details: unknown;
}

/** Keys in a fixed order, so the hash of a row read back from PostgreSQL's jsonb is the hash it was written with. */
export function auditHash(row: ChainedFields): string {
  const { previousHash, at, actor, action, entity, entityId, details } = row;
  const canonical = stringify({ previousHash, at: at.toISOString(), actor, action, entity, entityId, details }) ?? '';
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends to the audit log inside the caller's transaction, so the record and the action commit together. In SQL
 * rather than Prisma's model API: every save a respondent makes passes here, and the query compiler cost more than
 * the statements themselves (docs/reliability.md, "Autosave under load").
 */
export async function recordAudit(tx: DbTransaction, entry: AuditEntry): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text`;
  const [last] = await tx.$queryRaw<{ hash: string }[]>`
    SELECT hash FROM "AuditEvent" WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1`;
  const details = entry.details ?? {};
  const row = { ...entry, details, at: new Date(), previousHash: last?.hash ?? '' };
  await tx.$executeRaw`
    INSERT INTO "AuditEvent" (at, actor, action, entity, "entityId", details, "previousHash", hash)
    VALUES (${row.at}, ${row.actor}, ${row.action}, ${row.entity}, ${row.entityId}, ${JSON.stringify(details)}::jsonb,
            ${row.previousHash}, ${auditHash(row)})`;
}

/**
 * An audit row in a transaction of its own, for actions whose effect lies outside the database (a workflow
 * signalled, an e-mail about to be sent), so callers outside services/ never open a transaction themselves.
 */
export async function recordAuditEvent(db: Db, entry: AuditEntry): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, entry));
}

export interface AuditChainReport {
  checked: number;
  /** Rows written before the chain existed (no hash), left unchecked. */
  unchained: number;
  problems: { id: string; problem: string }[];
}

/** Walks the whole log in order and reports every row whose content or place in the chain does not match. */
export async function verifyAuditChain(db: Db): Promise<AuditChainReport> {
  const report: AuditChainReport = { checked: 0, unchained: 0, problems: [] };
  let previous: string | undefined;
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: 'asc' },
      take: 1000,
    });
    if (rows.length === 0) return report;
    for (const row of rows) {
      const id = row.id.toString();
      if (row.hash === null || row.previousHash === null) {
        if (previous === undefined) report.unchained += 1;
        else report.problems.push({ id, problem: 'row without a hash after the chain began' });
        continue;
      }
      report.checked += 1;
      if (previous !== undefined && row.previousHash !== previous)
        report.problems.push({ id, problem: 'the row before it was removed or changed' });
      if (auditHash({ ...row, previousHash: row.previousHash }) !== row.hash)
        report.problems.push({ id, problem: 'its content does not match its hash' });
      previous = row.hash;
    }
    after = rows.at(-1)!.id;
  }
}

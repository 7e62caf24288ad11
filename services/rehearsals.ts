/** Rehearsals kept for a real session (the dashboard shows their timeline and verdict), each audited. */
import type { Prisma } from '@prisma/client';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';

/** Stores a rehearsal's parameters and result as they are; returns its id. */
export async function recordRehearsal(
  db: Db,
  rehearsal: { sessionId: string; actor: string; holds: boolean; stored: Prisma.InputJsonValue },
): Promise<string> {
  const { sessionId, actor, holds } = rehearsal;
  return db.$transaction(async (tx) => {
    const row = await tx.rehearsal.create({
      data: { sessionId, createdBy: actor, holds, result: rehearsal.stored },
    });
    await recordAudit(tx, {
      actor,
      action: 'session.rehearse',
      entity: 'Rehearsal',
      entityId: row.id,
      details: { holds },
    });
    return row.id;
  });
}

/** Rehearsals run for a real session are kept, so managers can read their timeline and verdict on the dashboard. */
import type { Prisma } from '@prisma/client';
import type { Db } from '../../platform/database';
import { recordRehearsal } from '../../services/rehearsals';
import type { RehearsalResult } from './rehearse';

export interface StoredRehearsal {
  parameters: Record<string, unknown>;
  result: RehearsalResult;
}

export async function saveRehearsal(db: Db, sessionId: string, rehearsal: StoredRehearsal, actor: string) {
  return recordRehearsal(db, {
    sessionId,
    actor,
    holds: rehearsal.result.holds,
    stored: rehearsal as unknown as Prisma.InputJsonValue,
  });
}

export async function loadRehearsal(db: Db, id: string) {
  const row = await db.rehearsal.findUnique({ where: { id }, include: { session: true } });
  if (!row) return undefined;
  return {
    id: row.id,
    sessionNumber: row.session.number,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    ...(row.result as unknown as StoredRehearsal),
  };
}

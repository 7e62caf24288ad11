/** Reading sessions: by number (as people name them) or all of them. Writes are in services/sessions.ts. */
import type { Db } from '../platform/database';
import { NotFoundError } from './errors';

export const COMMISSION_CODE = 'CCPCJ';

export interface SessionSummary {
  id: string;
  number: number;
  openingDate: string;
  closingDate: string;
  venue: string;
  kind: 'REGULAR' | 'RECONVENED';
}

export async function listSessions(db: Db): Promise<SessionSummary[]> {
  const sessions = await db.session.findMany({ orderBy: [{ number: 'desc' }, { kind: 'asc' }] });
  return sessions.map(toSummary);
}

/** Sessions are named by number; the regular session unless the reconvened one is asked for. */
export async function getSessionByNumber(
  db: Db,
  number: number,
  kind: 'REGULAR' | 'RECONVENED' = 'REGULAR',
): Promise<SessionSummary> {
  const session = await db.session.findFirst({ where: { number, kind, commission: { code: COMMISSION_CODE } } });
  if (!session) throw new NotFoundError(`There is no session ${number}${kind === 'RECONVENED' ? ' (reconvened)' : ''}`);
  return toSummary(session);
}

export function toSummary(session: {
  id: string;
  number: number;
  openingDate: Date;
  closingDate: Date;
  venue: string;
  kind: 'REGULAR' | 'RECONVENED';
}): SessionSummary {
  return {
    id: session.id,
    number: session.number,
    openingDate: session.openingDate.toISOString().slice(0, 10),
    closingDate: session.closingDate.toISOString().slice(0, 10),
    venue: session.venue,
    kind: session.kind,
  };
}

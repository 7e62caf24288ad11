/**
 * Tokens for other systems calling the HTTP interface (/api/v1). A token is 256 random bits behind a `cpt_` prefix;
 * only its SHA-256 is stored, it is shown once when issued, and it carries scopes: `status:read` (sessions, their
 * preparation, survey counts) and `exports:read` (the roster export). Issuing and revoking are audited.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { InvalidInputError, NotFoundError } from './errors';
import { hashAccessToken } from './tokens';

export const API_SCOPES = ['status:read', 'exports:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

const PREFIX = 'cpt_';
const TOUCH_AFTER_MS = 60_000;

export interface ApiCaller {
  tokenId: string;
  name: string;
  scopes: ApiScope[];
}

export async function issueApiToken(
  db: Db,
  input: { name: string; scopes: string[] },
  actor: string,
): Promise<{ id: string; token: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw new InvalidInputError('Give the token a name of 1 to 100 characters');
  const unknown = input.scopes.filter((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (input.scopes.length === 0 || unknown.length > 0)
    throw new InvalidInputError(
      `Scopes are ${API_SCOPES.join(', ')}${unknown.length ? `; not ${unknown.join(', ')}` : ''}`,
    );
  const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { name, tokenHash: hashAccessToken(token), scopes: [...new Set(input.scopes)], createdBy: actor },
    });
    await recordAudit(tx, {
      actor,
      action: 'api-token.issue',
      entity: 'ApiToken',
      entityId: row.id,
      details: { name, scopes: row.scopes },
    });
    return row;
  });
  return { id: created.id, token };
}

export async function revokeApiToken(db: Db, id: string, actor: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const revoked = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (revoked.count === 0) throw new NotFoundError(`No token in force has the id ${id}`);
    await recordAudit(tx, { actor, action: 'api-token.revoke', entity: 'ApiToken', entityId: id });
  });
}

export async function listApiTokens(db: Db) {
  return db.apiToken.findMany({
    select: { id: true, name: true, scopes: true, createdBy: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: { createdAt: 'asc' },
  });
}

/** The caller behind a presented token, if it is one in force. */
export async function apiCallerOf(db: Db, presented: string): Promise<ApiCaller | undefined> {
  if (!presented.startsWith(PREFIX)) return undefined;
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashAccessToken(presented) } });
  if (!row || row.revokedAt) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_AFTER_MS)
    // Best effort, as a login's: a read-only database still answers the reads.
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
  return {
    tokenId: row.id,
    name: row.name,
    scopes: row.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  };
}

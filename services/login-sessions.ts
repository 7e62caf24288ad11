/**
 * Staff logins, stored so that they can end: the cookie carries only a login's random id, and every request finds
 * the login here. The rules (written down in docs/operations.md, "Staff sign-in"):
 * - a login lasts at most `maxHours` from sign-in, whatever the activity;
 * - it ends after `idleMinutes` without a request;
 * - signing out ends it, an administrator can end every login of a user (`prep users sign-out`), and removing a user
 *   removes their logins (cascade), so a copied cookie is worth nothing afterwards.
 * Stored in PostgreSQL, so every web server behind a load balancer sees the same logins.
 */
import { randomBytes } from 'node:crypto';
import type { UserRole } from '@prisma/client';
import type { Db, DbTransaction } from '../platform/database';

export interface LoginRules {
  idleMinutes: number;
  maxHours: number;
}

export interface ActiveLogin {
  /** The login's id: what the cookie holds, and what binds the forms' CSRF tokens to this login. */
  loginId: string;
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** lastSeenAt is written at most this often, so that reading pages does not write a row each time. */
const TOUCH_AFTER_MS = 60_000;

export async function startLogin(db: Db, userId: string, rules: LoginRules, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await db.loginSession.create({
    data: {
      id,
      userId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + rules.maxHours * 3600_000),
    },
  });
  return id;
}

/** The login behind a cookie, if it is still in force; a request through it counts as activity. */
export async function activeLogin(
  db: Db,
  loginId: string,
  rules: LoginRules,
  now = new Date(),
): Promise<ActiveLogin | undefined> {
  const login = await db.loginSession.findUnique({ where: { id: loginId }, include: { user: true } });
  if (!login || login.endedAt || login.expiresAt <= now) return undefined;
  if (now.getTime() - login.lastSeenAt.getTime() > rules.idleMinutes * 60_000) return undefined;
  if (now.getTime() - login.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    // Best effort: a database that cannot write now (read-only during a failover) still serves the staff's reads.
    await db.loginSession
      .updateMany({ where: { id: loginId, endedAt: null }, data: { lastSeenAt: now } })
      .catch(() => undefined);
  }
  const { user } = login;
  return { loginId, id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function endLogin(db: Db, loginId: string, now = new Date()): Promise<void> {
  await db.loginSession.updateMany({
    where: { id: loginId, endedAt: null },
    data: { endedAt: now, endedWhy: 'sign-out' },
  });
}

/** An administrator's action: every login of the user ends now. Returns how many were in force. */
export async function endLoginsOf(db: Db | DbTransaction, userId: string, now = new Date()): Promise<number> {
  const ended = await db.loginSession.updateMany({
    where: { userId, endedAt: null, expiresAt: { gt: now } },
    data: { endedAt: now, endedWhy: 'ended-by-administrator' },
  });
  return ended.count;
}

/**
 * Coordinator and manager accounts: the owner of the User table after the seed creates them. Passwords are hashed
 * with scrypt and a per-user salt.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { UserRole } from '@prisma/client';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { InvalidInputError, NotFoundError, TooManyAttemptsError } from './errors';
import { endLoginsOf } from './login-sessions';
import { countHit, forgiveHit } from './rate-counters';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LENGTH);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

export interface AuthenticatedUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Failed sign-ins one account may take in a window, from any number of addresses and web servers. */
export const ACCOUNT_FAILURES = { max: 10, windowMs: 15 * 60_000 } as const;

/** Hashed once, so an unknown e-mail costs the same scrypt as a known one and the timing tells nothing. */
const NO_ACCOUNT_HASH = hashPassword(randomBytes(16).toString('base64'));

/**
 * Undefined for an unknown e-mail or a wrong password alike, in the same time and with the same writes, so the
 * answer reveals neither which accounts exist nor which passwords are close. An account (known or not) that failed
 * ACCOUNT_FAILURES times in the window is refused even with the right password until the window ends.
 */
export async function authenticate(db: Db, email: string, password: string): Promise<AuthenticatedUser | undefined> {
  const normalized = email.trim().toLowerCase();
  const failuresKey = `login-account:${normalized}`;
  // Counted before the password is checked, in one statement: attempts sent at once cannot all pass the limit.
  const attempts = await countHit(db, failuresKey, ACCOUNT_FAILURES.windowMs);
  const user = await db.user.findUnique({ where: { email: normalized } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await NO_ACCOUNT_HASH));
  if (attempts.count > ACCOUNT_FAILURES.max) throw new TooManyAttemptsError(attempts.secondsLeft);
  if (!user || !matches) return undefined;
  // A right password is no failure: its attempt is taken back.
  await forgiveHit(db, failuresKey);
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

async function userByEmail(db: Db, email: string) {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) throw new NotFoundError(`No staff account has the e-mail ${email.trim()}`);
  return user;
}

/** An administrator ends every login of a user at once (a lost laptop, a role about to change). Audited. */
export async function endLoginsOfUser(db: Db, email: string, actor: string): Promise<number> {
  const user = await userByEmail(db, email);
  return db.$transaction(async (tx) => {
    const ended = await endLoginsOf(tx, user.id);
    await recordAudit(tx, {
      actor,
      action: 'user.logins-ended',
      entity: 'User',
      entityId: user.id,
      details: { ended },
    });
    return ended;
  });
}

/** Removes a staff account; its logins go with it (cascade), so a cookie copied before is refused at once. */
export async function removeUser(db: Db, email: string, actor: string): Promise<void> {
  const user = await userByEmail(db, email);
  await db.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(tx, {
      actor,
      action: 'user.removed',
      entity: 'User',
      entityId: user.id,
      details: { email: user.email, role: user.role },
    });
  });
}

/**
 * Changes a user's role. Their logins end in the same transaction, with the audit event, so the change takes effect
 * with a new sign-in: nobody keeps a session opened under the old role. Audited.
 */
export async function changeRole(db: Db, email: string, role: UserRole, actor: string): Promise<{ ended: number }> {
  if (role !== 'COORDINATOR' && role !== 'MANAGER') throw new InvalidInputError('The role is COORDINATOR or MANAGER');
  const user = await userByEmail(db, email);
  if (user.role === role) return { ended: 0 };
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { role } });
    const ended = await endLoginsOf(tx, user.id);
    await recordAudit(tx, {
      actor,
      action: 'user.role-changed',
      entity: 'User',
      entityId: user.id,
      details: { from: user.role, to: role, loginsEnded: ended },
    });
    return { ended };
  });
}

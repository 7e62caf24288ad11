/**
 * Personal-link tokens: 256 bits from the OS CSPRNG, base64url. Only the SHA-256 is ever stored or compared, so a
 * database leak does not open anyone's form.
 */
import { createHash, randomBytes } from 'node:crypto';

export function newAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before touching the database: 32 bytes in base64url is 43 characters. */
export function looksLikeAccessToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

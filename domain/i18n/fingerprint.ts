import { createHash } from 'node:crypto';

/**
 * A short fingerprint of an English text: what a translation records of the text it was translated from. Eight hex
 * digits of SHA-256 tell an edited text from the original; nothing depends on them being secret or collision-free
 * beyond that.
 */
export function fingerprint(english: string): string {
  return createHash('sha256').update(english, 'utf8').digest('hex').slice(0, 8);
}

/**
 * One budget of wrong guesses per address across every personal-link route, shared by every web server (counted in
 * PostgreSQL). A link that gives nothing usable counts one miss, whichever route it came through; once an address
 * has spent the budget, every link route answers 429 until the window ends, before the link is even looked up. A
 * respondent using a real link spends nothing, so colleagues behind one office address are not held up by each other.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../platform/database';
import { TooManyAttemptsError } from '../../../services/errors';
import { countHit, readCount } from '../../../services/rate-counters';

export const LINK_GUESSES = { misses: 30, windowMs: 10 * 60_000 } as const;

const keyOf = (request: FastifyRequest) => `link-miss:${request.ip}`;

/** Throws 429 when the address has no guesses left. */
export async function refuseSpentGuessingBudget(db: Db, request: FastifyRequest): Promise<void> {
  const { count, secondsLeft } = await readCount(db, keyOf(request));
  if (count >= LINK_GUESSES.misses) throw new TooManyAttemptsError(secondsLeft);
}

/** Counted on the way to the neutral page; a database that cannot count now (read-only) does not change the page. */
export async function countLinkMiss(db: Db, request: FastifyRequest): Promise<void> {
  await countHit(db, keyOf(request), LINK_GUESSES.windowMs).catch((error: unknown) =>
    request.log.warn({ err: error }, 'a link miss could not be counted'),
  );
}

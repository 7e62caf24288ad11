/**
 * Whether an error means the database cannot take the request right now (down, restarting, connections dropped,
 * read-only, pool exhausted) rather than that the request is wrong. Such requests get 503 with Retry-After, never a
 * 200 without a commit: the respondent's page keeps what was typed and tries again.
 */

/** What a 503 asks clients to wait: a database restart or failover takes seconds to a minute. */
export const RETRY_AFTER_SECONDS = 30;

/**
 * PostgreSQL SQLSTATEs (read-only transaction, statement timeout, lock timeout, admin shutdown, cannot connect now,
 * connection failures).
 */
const POSTGRES_UNAVAILABLE = new Set([
  '25006',
  '57014',
  '55P03',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
/** Prisma: cannot reach the server, connection closed, pool timeout. */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1017', 'P2024']);
const NETWORK_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
const MESSAGES =
  /Connection terminated|read-only transaction|Can't reach database server|the database system is (starting up|shutting down)|Query read timeout|timeout exceeded when trying to connect|canceling statement due to statement timeout/i;

/**
 * Walks the error and what it wraps: `cause` chains, and the driver's own error that Prisma keeps in
 * `meta.driverAdapterError` when a raw SQL statement fails (code P2010, the SQLSTATE only in there).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const e = current as {
      code?: unknown;
      originalCode?: unknown;
      message?: unknown;
      cause?: unknown;
      meta?: { driverAdapterError?: unknown };
    };
    for (const code of [e.code, e.originalCode])
      if (
        typeof code === 'string' &&
        (POSTGRES_UNAVAILABLE.has(code) || PRISMA_UNAVAILABLE.has(code) || NETWORK_UNAVAILABLE.has(code))
      )
        return true;
    if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}

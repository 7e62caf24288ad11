/**
 * Which errors mean "the database cannot take this now" (503 + Retry-After) rather than a fault in the request or the
 * code (500): shapes as PostgreSQL, the pg driver and Prisma throw them, raw SQL included.
 */
import { isDatabaseUnavailable } from '../../web/database-unavailable';

/** What Prisma throws when a raw SQL statement fails: P2010, the driver's error kept in meta. */
function rawQueryFailure(sqlState: string, message: string) {
  return Object.assign(new Error(`Raw query failed. Code: \`${sqlState}\`. Message: \`${message}\``), {
    code: 'P2010',
    meta: {
      driverAdapterError: Object.assign(new Error(message), {
        cause: { originalCode: sqlState, code: sqlState, kind: 'postgres', message },
      }),
    },
  });
}

describe('database unavailable', () => {
  it.each([
    ['a raw statement on a terminated connection', rawQueryFailure('57P01', 'terminating connection')],
    ['a raw write in a read-only database', rawQueryFailure('25006', 'cannot execute UPDATE')],
    ['a refused connection under a wrapper', new Error('request failed', { cause: { code: 'ECONNREFUSED' } })],
    ['Prisma unable to reach the server', Object.assign(new Error('unreachable'), { code: 'P1001' })],
  ])('answers 503 for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a raw statement breaking a unique constraint', rawQueryFailure('23505', 'duplicate key value')],
    ['a plain programming error', new TypeError('undefined is not a function')],
    ['something that is not an error', 'text'],
  ])('answers 500 for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

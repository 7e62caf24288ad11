/**
 * Counters over fixed windows, kept in PostgreSQL so that every web server counts against the same budget: request
 * limits per route (web/rate-limit-store.ts), the one guessing budget of personal links, failed sign-ins per account.
 * One statement counts and reads, so two servers counting at once never lose a hit.
 */
import type { Db } from '../platform/database';

export interface WindowCount {
  count: number;
  resetsAt: Date;
}

/** Counts one hit under `key` in a window of `windowMs` that starts with the first hit. */
export async function countHit(db: Db, key: string, windowMs: number): Promise<WindowCount> {
  const rows = await db.$queryRaw<{ count: number; windowEndsAt: Date }[]>`
    INSERT INTO "RateCounter" ("key", "count", "windowEndsAt")
    VALUES (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateCounter"."windowEndsAt" <= now() THEN 1 ELSE "RateCounter"."count" + 1 END,
      "windowEndsAt" = CASE WHEN "RateCounter"."windowEndsAt" <= now() THEN EXCLUDED."windowEndsAt"
                            ELSE "RateCounter"."windowEndsAt" END
    RETURNING "count", "windowEndsAt"`;
  const row = rows[0]!;
  if (row.count === 1 && Math.random() < 0.01) await forgetEndedWindows(db);
  return { count: row.count, resetsAt: row.windowEndsAt };
}

/** The hits counted under `key` in its current window (0 when the window ended), without counting one. */
export async function readCount(db: Db, key: string): Promise<WindowCount> {
  // The database's clock decides, as in countHit: web servers' clocks may differ.
  const rows = await db.$queryRaw<{ count: number; windowEndsAt: Date }[]>`
    SELECT "count", "windowEndsAt" FROM "RateCounter" WHERE "key" = ${key} AND "windowEndsAt" > now()`;
  const row = rows[0];
  return row ? { count: row.count, resetsAt: row.windowEndsAt } : { count: 0, resetsAt: new Date() };
}

/** Windows that ended an hour ago say nothing any more; dropped now and then, by whichever server counts. */
async function forgetEndedWindows(db: Db): Promise<void> {
  await db.rateCounter.deleteMany({ where: { windowEndsAt: { lt: new Date(Date.now() - 3600_000) } } });
}

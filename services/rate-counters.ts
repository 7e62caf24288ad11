/**
 * Counters over fixed windows, kept in PostgreSQL so that every web server counts against the same budget: request
 * limits per route (web/rate-limit-store.ts), the one guessing budget of personal links, failed sign-ins per account.
 * One statement counts and reads, so two servers counting at once never lose a hit.
 */
import { Prisma } from '@prisma/client';
import type { Db } from '../platform/database';

export interface WindowCount {
  count: number;
  /** Whole seconds until the window ends, by the database's clock (at least 1 while it runs). */
  secondsLeft: number;
}

/**
 * Every time of this table is the database's clock in UTC, as Prisma stores its timestamps: web servers' clocks and
 * the database session's time zone never enter the arithmetic.
 */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

interface CounterRow {
  count: number;
  secondsLeft: number;
}

/** Counts one hit under `key` in a window of `windowMs` that starts with the first hit. */
export async function countHit(db: Db, key: string, windowMs: number): Promise<WindowCount> {
  const rows = await db.$queryRaw<CounterRow[]>`
    INSERT INTO "RateCounter" ("key", "count", "windowEndsAt")
    VALUES (${key}, 1, ${NOW} + ${windowMs} * interval '1 millisecond')
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateCounter"."windowEndsAt" <= ${NOW} THEN 1 ELSE "RateCounter"."count" + 1 END,
      "windowEndsAt" = CASE WHEN "RateCounter"."windowEndsAt" <= ${NOW} THEN EXCLUDED."windowEndsAt"
                            ELSE "RateCounter"."windowEndsAt" END
    RETURNING "count", GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowEndsAt" - ${NOW}))))::int AS "secondsLeft"`;
  const row = rows[0]!;
  if (row.count === 1 && Math.random() < 0.01) await forgetEndedWindows(db);
  return row;
}

/** The hits counted under `key` in its current window (0 when the window ended), without counting one. */
export async function readCount(db: Db, key: string): Promise<WindowCount> {
  // The database's clock decides, as in countHit: web servers' clocks may differ.
  const rows = await db.$queryRaw<CounterRow[]>`
    SELECT "count", GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("windowEndsAt" - ${NOW}))))::int AS "secondsLeft"
      FROM "RateCounter" WHERE "key" = ${key} AND "windowEndsAt" > ${NOW}`;
  return rows[0] ?? { count: 0, secondsLeft: 0 };
}

/** Takes back one hit of the current window (a sign-in that turned out right is no failure). */
export async function forgiveHit(db: Db, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateCounter" SET "count" = GREATEST(0, "count" - 1) WHERE "key" = ${key} AND "windowEndsAt" > ${NOW}`;
}

/** Windows that ended an hour ago say nothing any more; dropped now and then, by whichever server counts. */
async function forgetEndedWindows(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateCounter" WHERE "windowEndsAt" < ${NOW} - interval '1 hour'`;
}

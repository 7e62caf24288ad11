/**
 * One PrismaClient per process, over the pg driver adapter (Prisma's JS engine, README, Architecture).
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, PrismaClient } from '@prisma/client';

export type Db = PrismaClient;
export type DbTransaction = Prisma.TransactionClient;

/**
 * How long anything waits on PostgreSQL. A frozen or unreachable database must not hold a request (29 s were seen):
 * the server cancels a statement after `statementMs`, the driver gives up on one the server no longer answers a
 * little later, and a connection that cannot be made in `connectMs` fails. Each failure is answered 503 with
 * Retry-After (web/database-unavailable.ts), so a page keeps what was typed and tries again.
 */
export interface DatabaseTimeouts {
  statementMs: number;
  connectMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { statementMs: 15_000, connectMs: 5_000 };

export function createPrismaClient(databaseUrl: string, timeouts = DEFAULT_DATABASE_TIMEOUTS): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    statement_timeout: timeouts.statementMs,
    query_timeout: timeouts.statementMs + 2_000,
    connectionTimeoutMillis: timeouts.connectMs,
  });
  return new PrismaClient({ adapter });
}

/** Prisma error codes the code reacts to (https://www.prisma.io/docs/orm/reference/error-reference). */
export const PrismaErrorCode = {
  UniqueConstraintViolation: 'P2002',
  RecordNotFound: 'P2025',
} as const;

export function isUniqueConstraintViolation(error: unknown): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError && error.code === PrismaErrorCode.UniqueConstraintViolation
  );
}

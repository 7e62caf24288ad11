/** A fresh, migrated (and optionally seeded) database per test file, dropped afterwards. */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { seedDatabase } from '../../prisma/seed/seed';
import { createPrismaClient } from '../../platform/database';
import type { Db } from '../../platform/database';
import { migrateDatabase } from '../../platform/migrate';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url)
    throw new Error('TEST_ADMIN_DATABASE_URL is not set: run the tests through jest (test/helpers/global-setup.ts)');
  return url;
}

export async function createTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const name = `cp_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  await migrateDatabase(url.toString());
  const db = createPrismaClient(url.toString());
  if (options.seed) await seedDatabase(db);
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      const client = new Client({ connectionString: adminUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Runs `during` while the database refuses writes, as during a failover: new transactions are read-only and every
 * open connection is dropped, so the service meets it at once. Writable again afterwards, whatever happened.
 */
export async function whileReadOnly<T>(databaseUrl: string, during: () => Promise<T>): Promise<T> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  const name = new URL(databaseUrl).pathname.slice(1);
  const reconnectEveryone = () =>
    admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
  try {
    await admin.query(`ALTER DATABASE "${name}" SET default_transaction_read_only = on`);
    await reconnectEveryone();
    return await during();
  } finally {
    await admin.query(`ALTER DATABASE "${name}" RESET default_transaction_read_only`);
    await reconnectEveryone();
    await admin.end();
  }
}

/**
 * The real parts a benchmark or a chaos run runs on, started once per run in a scratch folder: PostgreSQL (embedded, or the server
 * in BENCH_ADMIN_DATABASE_URL), the Temporal dev server (Temporal CLI, SQLite), and the SMTP sink. Each benchmark
 * gets a fresh migrated and seeded database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { createPrismaClient } from '../platform/database';
import type { Db } from '../platform/database';
import { startEmbeddedPostgres } from '../platform/embedded-postgres';
import { startMailCatcher } from '../platform/mail-catcher';
import { migrateDatabase } from '../platform/migrate';
import { requireTemporalCli } from '../platform/temporal-binaries';
import { startTemporalDevServer } from '../platform/temporal-dev-server';
import { seedDatabase } from '../prisma/seed/seed';

export interface BenchDatabase {
  url: string;
  db: Db;
}

export interface BenchInfrastructure {
  scratchDir: string;
  temporalAddress: string;
  smtpPort: number;
  mailDir: string;
  createDatabase(): Promise<BenchDatabase>;
  /** Stops the Temporal dev server and starts it again on the same port and SQLite file (its workflows survive). */
  restartTemporal(): Promise<void>;
  /** Stops PostgreSQL and starts it again on the same port and data; undefined on an external server. */
  restartPostgres?: () => Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startBenchInfrastructure(): Promise<BenchInfrastructure> {
  const scratchDir = mkdtempSync(path.join(os.tmpdir(), 'cp-bench-'));
  const stops: (() => Promise<void>)[] = [];
  let adminUrl = process.env.BENCH_ADMIN_DATABASE_URL;
  let restartPostgres: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const postgresOptions = { dataDir: path.join(scratchDir, 'postgres'), port: await freePort() };
    let postgres = await startEmbeddedPostgres(postgresOptions);
    stops.push(() => postgres.stop());
    adminUrl = `${postgres.serverUrl}/postgres`;
    restartPostgres = async () => {
      await postgres.stop();
      postgres = await startEmbeddedPostgres(postgresOptions);
    };
  }
  const devServerOptions = {
    cliPath: requireTemporalCli(process.env.TEMPORAL_CLI_PATH),
    dbFile: path.join(scratchDir, 'temporal.db'),
    port: await freePort(),
    uiPort: await freePort(),
  };
  let devServer = await startTemporalDevServer(devServerOptions);
  stops.push(() => devServer.stop());
  const mailDir = path.join(scratchDir, 'mail');
  const catcher = await startMailCatcher({ dir: mailDir, port: 0 });
  stops.push(() => catcher.close());
  const databases: BenchDatabase[] = [];
  const admin = adminUrl;
  return {
    scratchDir,
    temporalAddress: devServer.address,
    smtpPort: catcher.port,
    mailDir,
    async createDatabase() {
      const name = `cp_bench_${randomBytes(5).toString('hex')}`;
      const client = new PgClient({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/${name}`;
      await migrateDatabase(url.toString());
      const db = createPrismaClient(url.toString());
      await seedDatabase(db);
      const database = { url: url.toString(), db };
      databases.push(database);
      return database;
    },
    async restartTemporal() {
      await devServer.stop();
      devServer = await startTemporalDevServer(devServerOptions);
    },
    restartPostgres,
    async stop() {
      for (const { db } of databases) await db.$disconnect();
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      rmSync(scratchDir, { recursive: true, force: true });
    },
  };
}

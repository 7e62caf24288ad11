/**
 * The web server on a bench database, in the bench's own process, as production runs it behind a proxy: it trusts
 * X-Forwarded-For, so each simulated person can have their own client address and the per-address rate limits apply
 * per person. Access logs go nowhere: a bench measures the service, not a terminal.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { Connection } from '@temporalio/client';
import { clientForDatabase } from '../client/database-identity';
import { readDatabaseIdentity } from '../platform/database-identity';
import { loadConfig } from '../platform/config';
import { createLogger } from '../platform/logger';
import { buildWebServer } from '../web/server';
import type { BenchDatabase, BenchInfrastructure } from './infrastructure';

export interface BenchWebServer {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startBenchWebServer(
  infra: BenchInfrastructure,
  database: BenchDatabase,
): Promise<BenchWebServer> {
  const config = loadConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: infra.temporalAddress,
    SMTP_PORT: String(infra.smtpPort),
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-bench-web-')),
    SESSION_SECRET: 'bench-secret-of-at-least-thirty-two-characters',
    TRUST_PROXY: 'true',
  });
  const connection = await Connection.connect({ address: infra.temporalAddress });
  const web = await buildWebServer({
    config,
    db: database.db,
    temporal: clientForDatabase(connection, 'default', await readDatabaseIdentity(database.db)),
    logger: createLogger('warn', 'web', new PassThrough().resume()),
  });
  await web.listen({ host: '127.0.0.1', port: 0 });
  const address = web.server.address();
  return {
    baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    close: async () => {
      await web.close();
      await connection.close();
    },
  };
}

/** A distinct client address for the n-th simulated person. */
export function clientAddress(n: number): string {
  return `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}`;
}

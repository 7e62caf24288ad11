/** Runs a worker on its own (production: one or more per machine). `npm start` runs one in-process instead. */
import { loadConfig, databaseUrlOf } from '../platform/config';
import { createPrismaClient } from '../platform/database';
import { createLogger } from '../platform/logger';
import { createWorker, installWorkerRuntime } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const db = createPrismaClient(databaseUrlOf(config));
  installWorkerRuntime();
  const worker = await createWorker(config, db);
  logger.info({ taskQueue: config.temporal.taskQueue, address: config.temporal.address }, 'worker started');
  await worker.run();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

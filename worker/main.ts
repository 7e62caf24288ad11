/** Runs a worker on its own (production: one or more per machine). `npm start` runs one in-process instead. */
import { loadConfig, databaseUrlOf } from '../platform/config';
import { createPrismaClient } from '../platform/database';
import { createLogger } from '../platform/logger';
import { createWorker, installWorkerRuntime } from './create-worker';
import { startOpsServer } from './ops-server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const db = createPrismaClient(databaseUrlOf(config));
  installWorkerRuntime(config.operations.temporalMetricsAddress, logger);
  const worker = await createWorker(config, db);
  const ops = config.operations.workerOpsPort
    ? await startOpsServer(config.operations.workerOpsPort, worker, db)
    : undefined;
  logger.info(
    {
      taskQueue: config.temporal.taskQueue,
      address: config.temporal.address,
      opsPort: config.operations.workerOpsPort,
    },
    'worker started',
  );
  await worker.run();
  ops?.close();
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

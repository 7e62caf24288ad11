/**
 * Durability: the worker process is killed with SIGKILL while it is sending invitations, a respondent submits while
 * no worker runs, and a new worker picks up. No response is lost and no e-mail is sent twice (ARCHITECTURE.md).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { FastifyInstance } from 'fastify';
import { launchPreparation } from '../../client/preparation';
import { loadConfig } from '../../platform/config';
import { createLogger } from '../../platform/logger';
import { createSession } from '../../services/sessions';
import { buildWebServer } from '../../web/server';
import { createTestDatabase } from '../helpers/database';
import type { TestDatabase } from '../helpers/database';
import { HttpSession, eventually } from '../helpers/http';
import { clientForTestDatabase } from '../helpers/identity';
import { startTestMail } from '../helpers/mail';
import type { TestMail } from '../helpers/mail';
import { quietTemporalLogs, startDevServer } from '../helpers/temporal';
import { CONCURRENT_ORGANISATIONS } from '../../activities/fan-out';
import { cycleQuery } from '../../workflows/definitions';

quietTemporalLogs();

const ROOT = path.resolve(__dirname, '..', '..');
const DAY = 24 * 3600 * 1000;

/** SIGKILL to the whole process group of a detached child: no cleanup, no graceful shutdown. */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

describe('worker killed mid-cycle (separate worker process, SIGKILL)', () => {
  let env: TestWorkflowEnvironment;
  let temporal: Client;
  let database: TestDatabase;
  let mail: TestMail;
  let web: FastifyInstance;
  let baseUrl: string;
  let temporalPort: number;
  let workerProcess: ChildProcess | undefined;

  function startWorker(): ChildProcess {
    // Its own process group: tsx runs the worker in a child process, and SIGKILL must reach that one too.
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['worker/main.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
        TEMPORAL_TASK_QUEUE: 'crash-test',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(mail.port),
        MAIL_RATE_PER_SECOND: '2',
        PUBLIC_BASE_URL: baseUrl,
        SESSION_SECRET: 'crash-test-secret-of-at-least-32-characters!',
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-crash-')),
        LOG_LEVEL: 'warn',
      },
    });
    workerProcess = child;
    return child;
  }

  beforeAll(async () => {
    env = await startDevServer();
    temporalPort = Number(env.address.split(':').at(-1));
    database = await createTestDatabase({ seed: true });
    mail = await startTestMail();
    const config = loadConfig({
      DATABASE_URL: database.url,
      TEMPORAL_TASK_QUEUE: 'crash-test',
      SESSION_SECRET: 'crash-test-secret-of-at-least-32-characters!',
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-crash-web-')),
    });
    // The worker process refuses workflows not started for its database: start them as the web server does.
    temporal = await clientForTestDatabase(env, database.db);
    web = await buildWebServer({ config, db: database.db, temporal, logger: createLogger('silent') });
    await web.listen({ host: '127.0.0.1', port: 0 });
    const address = web.server.address();
    baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    if (workerProcess) killGroup(workerProcess);
    await web?.close();
    await mail?.catcher.close();
    await database?.drop();
    await env?.teardown();
  });

  it('loses no response and sends no e-mail twice', async () => {
    const openingDate = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closingDate = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    const session = await createSession(database.db, { number: 38, openingDate, closingDate, venue: 'Vienna' }, 'test');
    await launchPreparation({ db: database.db, temporal, taskQueue: 'crash-test' }, 38, 'test');

    const first = startWorker();
    const early = await eventually(
      async () => {
        const all = await mail.store.all();
        return all.length >= 3 && all;
      },
      90_000,
      'first invitations',
    );
    const exited = new Promise((resolve) => first.once('exit', resolve));
    killGroup(first);
    await exited;

    // A respondent answers while no worker runs: the web server and the database do not need one.
    const link = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/.exec(
      early[early.length - 1]!.parsed.text ?? '',
    )![1]!;
    const respondent = new HttpSession(baseUrl);
    await respondent.submit(link, `${link}/start`);
    const submitted = await respondent.submit(`${link}/form`, `${link}/form`, {
      version: '1',
      action: 'submit',
      activitiesCarriedOut: 'no',
    });
    expect(submitted.status).toBe(303);

    startWorker();
    const invited = await database.db.organisation.count({
      // Both surveys: the UN system (IV 10 (a)) and the IGOs and NGOs (IV 10 (b)).
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE', 'IGO', 'NGO'] } },
    });
    // An invitation interrupted inside the SMTP conversation is marked UNCERTAIN and not resent (at most once).
    await eventually(
      async () => {
        const settled = await database.db.emailMessage.count({
          where: { kind: 'invitation', status: { in: ['SENT', 'UNCERTAIN'] } },
        });
        return settled === invited;
      },
      150_000,
      'all invitations settled after restart',
    ).catch(async (error: unknown) => {
      // Say where it stood: the ledger and what the workflow thinks.
      const ledger = await database.db.emailMessage.groupBy({ by: ['kind', 'status'], _count: true });
      const view = await env.client.workflow
        .getHandle(`survey-cycle-ccpcj-38-${session.id}-system-wide`)
        .query(cycleQuery)
        .catch((e: Error) => e.message);
      throw new Error(`${(error as Error).message}; ledger ${JSON.stringify(ledger)}; cycle ${JSON.stringify(view)}`);
    });

    const received = await mail.store.all();
    const ids = received.map((m) => m.parsed.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    // One invitation per address (the respondent's receipt is a different message to the same address).
    const sent = await database.db.emailMessage.findMany({ where: { kind: 'invitation', status: 'SENT' } });
    for (const row of sent) expect(ids).toContain(row.messageId);
    const sentIds = new Set(sent.map((row) => row.messageId));
    const invitations = received.filter((m) => sentIds.has(m.parsed.messageId ?? ''));
    expect(invitations).toHaveLength(sent.length);
    const recipients = invitations.map((m) => JSON.stringify(m.parsed.to));
    expect(new Set(recipients).size).toBe(recipients.length);
    // At most the messages in flight at the kill are left uncertain (not resent): each survey cycle (IV 10 (a) and
    // (b) send side by side) sends to a few organisations at once.
    expect(await database.db.emailMessage.count({ where: { status: 'UNCERTAIN' } })).toBeLessThanOrEqual(
      2 * CONCURRENT_ORGANISATIONS,
    );

    const responses = await database.db.response.findMany({ where: { status: 'SUBMITTED' } });
    expect(responses).toHaveLength(1);
    const cycle = env.client.workflow.getHandle(`survey-cycle-ccpcj-38-${session.id}-system-wide`);
    await eventually(async () => (await cycle.query(cycleQuery)).submitted === 1, 30_000, 'signal');
  }, 300_000);
});

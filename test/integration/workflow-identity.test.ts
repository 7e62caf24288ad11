/**
 * Workflow identity (ARCHITECTURE.md): two databases, A and B, on one Temporal dev server, as when DATABASE_URL is
 * pointed at a new, empty database and the Temporal data is kept. Session 36 of B is not session 36 of A: its
 * workflows have other ids and it shows as not launched; and a worker on B refuses, with a clear message naming
 * only the two identities, to act for a workflow started for A, or for one that carries no identity at all.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import { getPreparationStatus, launchPreparation } from '../../client/preparation';
import { WEEKLY_DIGEST_SCHEDULE_ID, ensureWeeklyDigestSchedule } from '../../client/schedules';
import { loadConfig } from '../../platform/config';
import { readDatabaseIdentity } from '../../platform/database-identity';
import { createSession } from '../../services/sessions';
import { createWorker } from '../../worker/create-worker';
import { createTestDatabase } from '../helpers/database';
import type { TestDatabase } from '../helpers/database';
import { eventually } from '../helpers/http';
import { clientForTestDatabase } from '../helpers/identity';
import { startTestMail } from '../helpers/mail';
import type { TestMail } from '../helpers/mail';
import { quietTemporalLogs, startDevServer } from '../helpers/temporal';
import { preparationQuery } from '../../workflows/definitions';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;

interface Side {
  database: TestDatabase;
  identity: string;
  temporal: Client;
  taskQueue: string;
  worker: Worker;
  running: Promise<void>;
}

describe('workflow identity: two databases, one Temporal', () => {
  let env: TestWorkflowEnvironment;
  let mail: TestMail;
  let a: Side;
  let b: Side;

  async function side(taskQueue: string): Promise<Side> {
    const database = await createTestDatabase({ seed: true });
    const config = loadConfig({
      DATABASE_URL: database.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(mail.port),
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-identity-')),
      SESSION_SECRET: 'identity-test-secret-of-at-least-32-characters',
      MAIL_RATE_PER_SECOND: '100',
    });
    const worker = await createWorker(config, database.db, env.nativeConnection);
    return {
      database,
      identity: await readDatabaseIdentity(database.db),
      temporal: await clientForTestDatabase(env, database.db),
      taskQueue,
      worker,
      running: worker.run(),
    };
  }

  beforeAll(async () => {
    env = await startDevServer();
    mail = await startTestMail();
    a = await side('identity-a');
    b = await side('identity-b');
  });

  afterAll(async () => {
    for (const s of [a, b]) {
      if (!s) continue;
      s.worker.shutdown();
      await s.running.catch(() => undefined);
      await s.database.drop();
    }
    await mail?.catcher.close();
    await env?.teardown();
  });

  const deps = (s: Side) => ({ db: s.database.db, temporal: s.temporal, taskQueue: s.taskQueue });
  const session36 = (s: Side) => {
    const openingDate = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closingDate = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    return createSession(s.database.db, { number: 36, openingDate, closingDate, venue: 'Vienna' }, 'test');
  };

  /** The failure of the first activity of a workflow that ran on the worker, from its history. */
  async function firstActivityFailure(handle: { fetchHistory(): Promise<temporal.api.history.v1.IHistory> }) {
    return eventually(
      async () =>
        (await handle.fetchHistory()).events?.find((e) => e.activityTaskFailedEventAttributes)
          ?.activityTaskFailedEventAttributes?.failure,
      30_000,
      'the activity failure',
    );
  }

  it('gives each database its own identity', () => {
    expect(a.identity).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.identity).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.identity).not.toBe(b.identity);
  });

  it("names a new database's session 36 apart from another database's, and shows it as not launched", async () => {
    await session36(a);
    const launchedInA = await launchPreparation(deps(a), 36, 'test');
    // A's preparation runs for A: its survey cycle (a child workflow) opened its cycle in A's database.
    await eventually(
      async () => (await a.database.db.surveyCycle.count({ where: { workflowId: launchedInA.cycleWorkflowId } })) > 0,
      60_000,
      "A's survey cycle opened",
    );
    const inA = await getPreparationStatus(deps(a), 36);
    expect(inA.launched).toBe(true);

    const sessionInB = await session36(b);
    const inB = await getPreparationStatus(deps(b), 36);
    expect(inB).toEqual({
      sessionNumber: 36,
      workflowId: `session-prep-ccpcj-36-${sessionInB.id}`,
      launched: false,
    });
    expect(inB.workflowId).not.toBe(inA.workflowId);
    // So B's session 36 can be launched, not refused as launched already, and runs on its own.
    const launchedInB = await launchPreparation(deps(b), 36, 'test');
    expect(launchedInB.workflowId).toBe(inB.workflowId);
    expect(launchedInB.cycleWorkflowId).not.toBe(launchedInA.cycleWorkflowId);
    const view = await eventually(
      async () =>
        await b.temporal.workflow
          .getHandle(launchedInB.workflowId)
          .query(preparationQuery)
          .catch(() => undefined),
      30_000,
      "B's preparation",
    );
    expect(view.stage).not.toBe('done');
  });

  it('refuses, on a worker of B, to act for a workflow started for A', async () => {
    const handle = await a.temporal.workflow.start('weeklyDigestWorkflow', {
      taskQueue: b.taskQueue,
      workflowId: 'identity-digest-for-a-on-b',
    });
    await expect(handle.result()).rejects.toThrow();
    const failure = await firstActivityFailure(handle);
    expect(failure?.message).toBe(
      `This workflow was started for database ${a.identity}; this worker serves database ${b.identity}: ` +
        `it will not act on another database's data`,
    );
    expect(failure?.applicationFailureInfo).toMatchObject({ type: 'WrongDatabase', nonRetryable: true });
    // Nothing of the connection (host, user, database name) is in the refusal.
    for (const secret of [b.database.url, new URL(b.database.url).pathname.slice(1), '127.0.0.1', 'postgres'])
      expect(JSON.stringify(failure)).not.toContain(secret);
    // B sent no digest for A.
    expect(await b.database.db.emailMessage.count({ where: { kind: 'digest' } })).toBe(0);
  });

  it('refuses a workflow that carries no database identity', async () => {
    const handle = await env.client.workflow.start('weeklyDigestWorkflow', {
      taskQueue: b.taskQueue,
      workflowId: 'identity-digest-without-identity',
    });
    await expect(handle.result()).rejects.toThrow();
    const failure = await firstActivityFailure(handle);
    expect(failure?.message).toContain('This workflow carries no database identity');
    expect(failure?.message).toContain(`this worker serves database ${b.identity}`);
    expect(failure?.applicationFailureInfo).toMatchObject({ type: 'WrongDatabase', nonRetryable: true });
  });

  it("carries the identity of the client's database into the workflows a schedule starts", async () => {
    expect(await ensureWeeklyDigestSchedule(a.temporal, b.taskQueue)).toBe('created');
    const schedule = a.temporal.schedule.getHandle(WEEKLY_DIGEST_SCHEDULE_ID);
    await schedule.trigger();
    const workflowId = await eventually(
      async () => (await schedule.describe()).info.recentActions[0]?.action.workflow.workflowId,
      30_000,
      'the scheduled run',
    );
    const failure = await firstActivityFailure(a.temporal.workflow.getHandle(workflowId));
    expect(failure?.message).toContain(`started for database ${a.identity}; this worker serves database ${b.identity}`);
    await schedule.delete();
  });
});

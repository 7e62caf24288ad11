/**
 * One reporting obligation's deadline workflow on the time-skipping server: the ladder fires only while the
 * obligation is open, a breach is recorded at the deadline and kept, a moved session re-plans the checkpoints.
 * The obligation's row is an in-memory stand-in for the database, read through the typed activity contract.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createActivities } from '../../activities';
import type { ObligationState } from '../../services/obligations';
import { DEFAULT_LADDER } from '../../domain/escalation';
import { obligationChangedSignal, obligationQuery } from '../../workflows/definitions';
import { obligationDeadlineWorkflow } from '../../workflows';
import { saveHistory } from '../helpers/histories';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

type Activities = ReturnType<typeof createActivities>;
const DAY = 24 * 3600 * 1000;

quietTemporalLogs();

interface Row extends ObligationState {
  breachedAt?: string;
}

/** `now` is the test server's clock: activities run outside the workflow sandbox, where Date.now() is wall time. */
function fakeObligationStore(row: Row, now: () => Promise<number>) {
  const events: string[] = [];
  const day = async () => Math.round(((await now()) - Date.parse(row.dueAt)) / DAY);
  const activities = {
    checkObligation: () => Promise.resolve({ ...row }),
    recordObligationBreach: async ({ dueAt }: { dueAt: string }) => {
      if (row.status === 'OPEN') Object.assign(row, { status: 'BREACHED', breachedAt: dueAt });
      events.push(`breach @T${await day()}`);
    },
    escalateObligation: async ({ checkpoint, level }: { checkpoint: string; level: string }) => {
      events.push(`${checkpoint} ${level} @T${await day()}`);
      return 1;
    },
  } satisfies Partial<Activities>;
  return { events, activities };
}

describe('obligationDeadlineWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  async function scenario(name: string, dueInDays: number) {
    const now = await env.currentTimeMs();
    const row: Row = {
      code: 'IV-2',
      title: 'Statements of the institutes',
      dueAt: new Date(now + dueInDays * DAY).toISOString(),
      dueRule: 'ten-week',
      status: 'OPEN',
      ladder: DEFAULT_LADDER,
    };
    const { events, activities } = fakeObligationStore(row, () => env.currentTimeMs());
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: name,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    const start = () =>
      env.client.workflow.start(obligationDeadlineWorkflow, {
        taskQueue: name,
        workflowId: name,
        args: [{ sessionObligationId: name }],
      });
    /** Staff record the document (the service writes the row, the client signals). */
    const meet = async (handle: Awaited<ReturnType<typeof start>>) => {
      Object.assign(row, { status: 'MET', metAt: new Date(await env.currentTimeMs()).toISOString() });
      await handle.signal(obligationChangedSignal);
    };
    return { row, events, worker, start, meet };
  }

  it('escalates owner → manager → chief daily, records the breach at the deadline, and completes when met late', async () => {
    const { row, events, worker, start, meet } = await scenario('obligation-breach', 45);
    const result = await worker.runUntil(async () => {
      const handle = await start();
      await env.sleep(45 * DAY + 3 * DAY);
      expect(row.status).toBe('BREACHED');
      expect((await handle.query(obligationQuery)).status).toBe('BREACHED');
      await meet(handle);
      const outcome = await handle.result();
      await saveHistory('obligation-deadline-breach', handle);
      return outcome;
    });
    expect(events).toEqual([
      'T-30 owner @T-30',
      'T-14 manager @T-14',
      ...[7, 6, 5, 4, 3, 2, 1].map((d) => `T-${d} chief @T-${d}`),
      'breach @T0',
      'breach chief @T0',
    ]);
    expect(result).toMatchObject({ code: 'IV-2', status: 'MET', late: true });
    expect(row.breachedAt).toBe(row.dueAt); // the breach stays recorded
  });

  it('stays silent and completes when the document is submitted before the first checkpoint', async () => {
    const { events, worker, start, meet } = await scenario('obligation-on-time', 60);
    const result = await worker.runUntil(async () => {
      const handle = await start();
      await env.sleep(10 * DAY);
      await meet(handle);
      return handle.result();
    });
    expect(events).toEqual([]);
    expect(result.late).toBe(false);
  });

  it('escalates at once when started after a checkpoint, and re-plans its ladder when the session moves later', async () => {
    const { row, events, worker, start, meet } = await scenario('obligation-moved', 20);
    await worker.runUntil(async () => {
      const handle = await start();
      // Started 20 days before the deadline: T-30 is already past, so the owner hears at once.
      await env.sleep(DAY);
      expect(events).toEqual(['T-30 owner @T-20']);
      // The session moves 40 days later: the checkpoints count from the new due date.
      row.dueAt = new Date(Date.parse(row.dueAt) + 40 * DAY).toISOString();
      await handle.signal(obligationChangedSignal);
      await env.sleep(47 * DAY);
      await meet(handle);
      await handle.result();
      await saveHistory('obligation-deadline-moved', handle);
    });
    // After the move (due now 59 days away) nothing fires until the new T-30 and T-14 checkpoints.
    expect(events).toEqual(['T-30 owner @T-20', 'T-30 owner @T-30', 'T-14 manager @T-14']);
  });
});

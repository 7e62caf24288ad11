import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { chiefDigestWorkflow, weeklyDigestWorkflow } from '../../workflows';
import { saveHistory } from '../helpers/histories';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

quietTemporalLogs();

describe('weeklyDigestWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });

  afterAll(() => env?.teardown());

  it('sends the digest for the week it runs in', async () => {
    const sendWeeklyDigest = jest.fn(async ({ weekOf }: { weekOf: string }) => ({
      overdue: 0,
      missed: 0,
      upcoming: weekOf.length,
      delivered: 1,
    }));
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'digest',
      workflowsPath: require.resolve('../../workflows'),
      activities: { sendWeeklyDigest },
    });
    const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(weeklyDigestWorkflow, {
        taskQueue: 'digest',
        workflowId: 'weekly-digest-test',
      });
      await expect(handle.result()).resolves.toEqual({ overdue: 0, missed: 0, upcoming: 10, delivered: 1 });
      await saveHistory('weekly-digest-run', handle);
    });
    expect(sendWeeklyDigest).toHaveBeenCalledWith({ weekOf: today });
  });

  it("sends the chief's digest for the instant it starts", async () => {
    const sendChiefDigest = jest.fn(async ({ at }: { at: string }) => ({
      mode: 'digest' as const,
      sessions: at.length > 0 ? 2 : 0,
      delivered: 1,
    }));
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'chief-digest',
      workflowsPath: require.resolve('../../workflows'),
      activities: { sendChiefDigest },
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(chiefDigestWorkflow, {
        taskQueue: 'chief-digest',
        workflowId: 'chief-digest-test',
      });
      await expect(handle.result()).resolves.toEqual({ mode: 'digest', sessions: 2, delivered: 1 });
      await saveHistory('chief-digest-run', handle);
    });
    expect(sendChiefDigest).toHaveBeenCalledTimes(1);
  });
});

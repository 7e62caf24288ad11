/**
 * The whole preparation chain on the time-skipping test server: months pass in seconds. Activities are mocks typed
 * against the real ones, so the test pins what the workflows decide (who is reminded, when dispatch happens).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createActivities } from '../../activities';
import { daysBeforeOpening, planDeadlines } from '../../domain/deadlines';
import { FailureType } from '../../domain/failure-types';
import {
  approveReportUpdate,
  cycleQuery,
  preparationQuery,
  submissionReceivedSignal,
} from '../../workflows/definitions';
import { sessionPreparationWorkflow } from '../../workflows';
import { quietTemporalLogs, timeSkippingExecutable } from '../helpers/temporal';

type Activities = ReturnType<typeof createActivities>;
const DAY = 24 * 3600 * 1000;
const HISTORIES = path.join(__dirname, '..', 'histories');

quietTemporalLogs();

function fakeActivities(events: string[]) {
  const invitees = [
    { organisationId: 'org-responds', contactIds: ['c1'] },
    { organisationId: 'org-silent', contactIds: ['c2'] },
    { organisationId: 'org-bounces', contactIds: ['c3-bounced', 'c3-alternate'] },
  ];
  return {
    recordPlan: jest.fn<ReturnType<Activities['recordPlan']>, Parameters<Activities['recordPlan']>>(
      async () => undefined,
    ),
    settleDeadline: jest.fn<ReturnType<Activities['settleDeadline']>, Parameters<Activities['settleDeadline']>>(
      async () => undefined,
    ),
    openSurveyCycle: jest.fn<ReturnType<Activities['openSurveyCycle']>, Parameters<Activities['openSurveyCycle']>>(
      async () => ({ cycleId: 'cycle-1' }),
    ),
    listInvitees: jest.fn<ReturnType<Activities['listInvitees']>, Parameters<Activities['listInvitees']>>(
      async () => invitees,
    ),
    sendInvitation: jest.fn<ReturnType<Activities['sendInvitation']>, Parameters<Activities['sendInvitation']>>(
      async ({ contactId }) => {
        if (contactId.endsWith('bounced'))
          throw ApplicationFailure.create({
            type: FailureType.PermanentDeliveryFailure,
            nonRetryable: true,
            message: '550',
          });
        events.push(`invite ${contactId} @${new Date().toISOString()}`);
        return 'sent';
      },
    ),
    sendReminder: jest.fn<ReturnType<Activities['sendReminder']>, Parameters<Activities['sendReminder']>>(
      async ({ organisationId }) => {
        events.push(`remind ${organisationId}`);
        return 'sent';
      },
    ),
    closeSurveyCycle: jest.fn<ReturnType<Activities['closeSurveyCycle']>, Parameters<Activities['closeSurveyCycle']>>(
      async () => ({ submitted: 1 }),
    ),
    compileAnalysisReport: jest.fn<
      ReturnType<Activities['compileAnalysisReport']>,
      Parameters<Activities['compileAnalysisReport']>
    >(async () => ({
      documentId: 'doc-1',
      symbol: 'E/CN.15/2027/2',
      version: 1,
    })),
    notifyManagers: jest.fn<ReturnType<Activities['notifyManagers']>, Parameters<Activities['notifyManagers']>>(
      async ({ reason }) => {
        events.push(`notify ${reason}`);
        return 1;
      },
    ),
    recordApproval: jest.fn<ReturnType<Activities['recordApproval']>, Parameters<Activities['recordApproval']>>(
      async () => undefined,
    ),
    listGovernments: jest.fn<ReturnType<Activities['listGovernments']>, Parameters<Activities['listGovernments']>>(
      async () => ['gov-1', 'gov-2'],
    ),
    dispatchReport: jest.fn<ReturnType<Activities['dispatchReport']>, Parameters<Activities['dispatchReport']>>(
      async ({ governmentId }) => {
        events.push(`dispatch ${governmentId} @${new Date().toISOString()}`);
        return 'sent';
      },
    ),
  } satisfies Activities;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('sessionPreparationWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: timeSkippingExecutable() } });
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('runs survey → report → late approval → dispatch over 100+ days, reminding only non-respondents', async () => {
    const events: string[] = [];
    const activities = fakeActivities(events);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'test-prep',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    const start = await env.currentTimeMs();
    const openingDate = isoDate(start + 200 * DAY);
    const plan = planDeadlines(openingDate);

    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(sessionPreparationWorkflow, {
        taskQueue: 'test-prep',
        workflowId: 'session-prep-test-full-chain',
        args: [{ sessionId: 'session-1', openingDate, cycleWorkflowId: 'survey-cycle-test-full-chain' }],
      });
      await env.sleep('2 days');
      const cycle = env.client.workflow.getHandle('survey-cycle-test-full-chain');
      expect(await cycle.query(cycleQuery)).toMatchObject({ status: 'open', invited: 3, undeliverable: 0 });
      await cycle.signal(submissionReceivedSignal, { organisationId: 'org-responds' });

      // Past the survey close and the approval due date: the manager has been reminded that approval is late.
      await env.sleep(Date.parse(plan['report-approval'].dueAt) - (await env.currentTimeMs()) + 4 * DAY);
      const waiting = await handle.query(preparationQuery);
      expect(waiting.stage).toBe('awaiting-approval');
      expect(events).toContain('notify approval-overdue');
      await expect(
        handle.executeUpdate(approveReportUpdate, {
          args: [{ documentId: 'some-other-version', approvedBy: 'manager@example.org' }],
        }),
      ).rejects.toThrow();

      await handle.executeUpdate(approveReportUpdate, {
        args: [{ documentId: 'doc-1', approvedBy: 'manager@example.org' }],
      });
      const outcome = await handle.result();
      if (process.env.UPDATE_HISTORIES === '1') {
        mkdirSync(HISTORIES, { recursive: true });
        // Binary protobuf, as the SDK keeps its own fixtures: exact, and independent of JSON field-name conventions.
        const encode = (history: temporal.api.history.v1.IHistory) =>
          temporal.api.history.v1.History.encode(history).finish();
        writeFileSync(path.join(HISTORIES, 'session-preparation-full-chain.bin'), encode(await handle.fetchHistory()));
        writeFileSync(path.join(HISTORIES, 'survey-cycle-full-chain.bin'), encode(await cycle.fetchHistory()));
      }
      return outcome;
    });

    const elapsedDays = ((await env.currentTimeMs()) - start) / DAY;
    expect(elapsedDays).toBeGreaterThan(100);
    expect(result).toMatchObject({ symbol: 'E/CN.15/2027/2', sent: 2, failed: 0, deadlineMet: true });
    expect(daysBeforeOpening(openingDate, result.dispatchedAt)).toBeGreaterThanOrEqual(60);
    const dispatches = events.filter((e) => e.startsWith('dispatch'));
    expect(dispatches).toHaveLength(2);

    // Reminders: only the organisations that had not submitted, once each; the bounced primary fell back to its alternate.
    expect(events.filter((e) => e.startsWith('remind')).sort()).toEqual(['remind org-bounces', 'remind org-silent']);
    expect(events.some((e) => e.startsWith('invite c3-alternate'))).toBe(true);
    expect(activities.settleDeadline).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'report-approval', state: 'missed' }),
    );
    expect(activities.settleDeadline).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'dispatch-deadline', state: 'met' }),
    );
  });

  it('closes early on the coordinator signal and skips the reminder', async () => {
    const events: string[] = [];
    const activities = fakeActivities(events);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'test-early',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(sessionPreparationWorkflow, {
        taskQueue: 'test-early',
        workflowId: 'session-prep-test-early-close',
        args: [{ sessionId: 'session-2', openingDate, cycleWorkflowId: 'survey-cycle-test-early-close' }],
      });
      await env.sleep('1 day');
      await env.client.workflow
        .getHandle('survey-cycle-test-early-close')
        .signal('closeCycle', { closedBy: 'coordinator@example.org' });
      await env.sleep('1 hour');
      expect((await handle.query(preparationQuery)).stage).toBe('awaiting-approval');
      await handle.executeUpdate(approveReportUpdate, {
        args: [{ documentId: 'doc-1', approvedBy: 'manager@example.org' }],
      });
      await handle.result();
    });
    expect(events.filter((e) => e.startsWith('remind'))).toEqual([]);
    expect(activities.closeSurveyCycle).toHaveBeenCalledWith({
      cycleId: 'cycle-1',
      closedBy: 'coordinator@example.org',
    });
    expect(activities.settleDeadline).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'survey-reminder', state: 'skipped' }),
    );
  });
});

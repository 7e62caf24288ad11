/**
 * The survey cycle at scale on the time-skipping server: a thousand organisations, replies signalled in
 * bursts while the workflow continues as new, reminders only to those who have not answered, and every run's history
 * kept short.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createActivities } from '../../activities';
import { inMemoryFanOut } from '../../client/rehearsal/in-memory-fan-out';
import { FailureType } from '../../domain/failure-types';
import { surveyCycleWorkflow } from '../../workflows';
import {
  closeCycleSignal,
  cycleQuery,
  delegatedSignal,
  reissueLinkSignal,
  remindNowSignal,
  responseReopenedSignal,
  submissionReceivedSignal,
} from '../../workflows/definitions';
import { saveHistory } from '../helpers/histories';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

type Activities = ReturnType<typeof createActivities>;
const DAY = 24 * 3600 * 1000;
const ORGANISATIONS = 1000;
const REPLIES = 400;

quietTemporalLogs();

describe('surveyCycleWorkflow', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /** The close of a cycle without grace or extensions, counting what the fakes recorded as answered. */
  const closing = (answered: Set<string>) =>
    ({
      moveSurveyClose: () => Promise.resolve(),
      finalCloseInstant: async () => ({ until: new Date(await env.currentTimeMs()).toISOString() }),
      closeSurveyEarly: async () => ({ until: new Date(await env.currentTimeMs()).toISOString() }),
      closeSurveyCycle: () => Promise.resolve({ submitted: answered.size }),
    }) satisfies Partial<Activities>;

  const workerOn = (taskQueue: string, activities: Partial<Activities>) =>
    Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });

  it('keeps every reply signalled while it continues as new, and reminds only those who have not answered', async () => {
    const organisations = Array.from({ length: ORGANISATIONS }, (_, i) => ({
      organisationId: `org-${String(i).padStart(4, '0')}`,
      contactIds: [`contact-${i}`],
    }));
    const answered = new Set<string>();
    const receipts: string[] = [];
    const reminded: string[] = [];
    const messages: Pick<Activities, 'sendInvitation' | 'sendReminder'> = {
      sendInvitation: () => Promise.resolve('sent'),
      sendReminder: ({ organisationId }) => {
        reminded.push(organisationId);
        return Promise.resolve('sent');
      },
    };
    const activities = {
      ...inMemoryFanOut({ organisationsOf: () => organisations, answered }, messages),
      sendReceipt: ({ organisationId }: { organisationId: string }) => {
        receipts.push(organisationId);
        return Promise.resolve('sent' as const);
      },
      ...closing(answered),
    } satisfies Partial<Activities>;
    const worker = await workerOn('test-continued', activities);
    const start = await env.currentTimeMs();
    const closesAt = new Date(start + 30 * DAY).toISOString();

    const { result, runs, longestRun, firstRunId } = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(surveyCycleWorkflow, {
        taskQueue: 'test-continued',
        workflowId: 'survey-cycle-test-continued',
        args: [
          {
            cycleId: 'cycle-continued',
            closesAt,
            reminderAt: closesAt,
            reminderDaysBefore: [7],
            // Small, so that the replies below land while runs hand over to each other.
            historyEventsBeforeContinuing: 150,
          },
        ],
      });
      await env.sleep('1 day');
      expect(await handle.query(cycleQuery)).toMatchObject({ status: 'open', invited: ORGANISATIONS });
      // Replies arrive in bursts of 50 signals at once (the database first, as the web service does).
      for (let burst = 0; burst < REPLIES / 50; burst += 1) {
        const replies = organisations.slice(burst * 50, (burst + 1) * 50);
        for (const r of replies) answered.add(r.organisationId);
        await Promise.all(
          replies.map((r) =>
            handle.signal(submissionReceivedSignal, { organisationId: r.organisationId, contactId: r.contactIds[0] }),
          ),
        );
      }
      await env.sleep(Date.parse(closesAt) - (await env.currentTimeMs()) - 3 * DAY);
      expect((await handle.query(cycleQuery)).submitted).toBe(REPLIES);
      await env.sleep(4 * DAY);
      const outcome = await handle.result();

      // Walk the chain of runs back from the last one, measuring each history.
      let runId: string | undefined = (await handle.describe()).runId;
      let count = 0;
      let longest = 0;
      while (runId) {
        const history = await env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
        count += 1;
        longest = Math.max(longest, history.events?.length ?? 0);
        runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
      }
      await saveHistory('survey-cycle-continued-first-run', {
        fetchHistory: () => env.client.workflow.getHandle(handle.workflowId, handle.firstExecutionRunId).fetchHistory(),
      });
      await saveHistory('survey-cycle-continued-last-run', handle);
      return { result: outcome, runs: count, longestRun: longest, firstRunId: handle.firstExecutionRunId };
    });

    expect(firstRunId).toBeTruthy();
    expect(runs).toBeGreaterThan(2);
    // The threshold (150) plus the replies that arrived before the run reached a step where it could hand over.
    expect(longestRun).toBeLessThan(600);
    expect(result).toMatchObject({ invited: ORGANISATIONS, submitted: REPLIES });
    // Every reply got its receipt once: no signal lost or handled twice across the hand-overs.
    expect(new Set(receipts).size).toBe(REPLIES);
    expect(receipts).toHaveLength(REPLIES);
    // One reminder each to the 600 who had not answered, none to those who had.
    expect(reminded).toHaveLength(ORGANISATIONS - REPLIES);
    expect(reminded.filter((id) => answered.has(id))).toEqual([]);
  });

  it('e-mails a delegation, a reopening and a reissued link once each, reminds on request, and closes when asked', async () => {
    const organisations = ['org-a', 'org-b', 'org-c'].map((id) => ({
      organisationId: id,
      contactIds: [`${id}-contact`],
    }));
    const answered = new Set<string>();
    const sent: string[] = [];
    const activities = {
      ...inMemoryFanOut(
        { organisationsOf: () => organisations, answered },
        {
          sendInvitation: () => Promise.resolve('sent'),
          sendReminder: ({ organisationId, occasion }) => {
            sent.push(`${occasion ?? 'scheduled'} reminder ${organisationId}`);
            return Promise.resolve('sent');
          },
        },
      ),
      sendReceipt: ({ organisationId }: { organisationId: string }) => {
        sent.push(`receipt ${organisationId}`);
        return Promise.resolve('sent' as const);
      },
      sendDelegationInvite: ({ delegationId }: { delegationId: string }) => {
        sent.push(`delegation ${delegationId}`);
        return Promise.resolve('sent' as const);
      },
      sendReopenNotice: ({ organisationId, version }: { organisationId: string; version: number }) => {
        sent.push(`reopened ${organisationId} v${version}`);
        return Promise.resolve('sent' as const);
      },
      reissueLink: ({ contactId, sequence }: { contactId: string; sequence: number }) => {
        sent.push(`reissue ${contactId} #${sequence}`);
        return Promise.resolve('sent' as const);
      },
      ...closing(answered),
    } satisfies Partial<Activities>;
    const worker = await workerOn('test-requests', activities);
    const closesAt = new Date((await env.currentTimeMs()) + 30 * DAY).toISOString();
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(surveyCycleWorkflow, {
        taskQueue: 'test-requests',
        workflowId: 'survey-cycle-test-requests',
        args: [{ cycleId: 'cycle-requests', closesAt, reminderAt: closesAt, reminderDaysBefore: [7] }],
      });
      await env.sleep('1 day');
      await handle.signal(delegatedSignal, { delegationId: 'delegation-1' });
      answered.add('org-a');
      await handle.signal(submissionReceivedSignal, { organisationId: 'org-a', contactId: 'org-a-contact' });
      answered.delete('org-a'); // the Secretariat reopens org-a's reply
      await handle.signal(responseReopenedSignal, { organisationId: 'org-a', version: 3 });
      await handle.signal(reissueLinkSignal, { contactId: 'org-b-contact', requestedBy: 'coordinator@example.org' });
      await handle.signal(remindNowSignal, { requestedBy: 'coordinator@example.org', organisationIds: ['org-c'] });
      await env.sleep('2 days');
      await handle.signal(closeCycleSignal, { closedBy: 'coordinator@example.org' });
      const outcome = await handle.result();
      await saveHistory('survey-cycle-requests', handle);
      return outcome;
    });
    expect(sent).toEqual([
      'delegation delegation-1',
      'receipt org-a',
      'reopened org-a v3',
      'reissue org-b-contact #1',
      'on-request reminder org-c',
    ]);
    expect(result).toMatchObject({ invited: 3, closedEarlyBy: 'coordinator@example.org' });
  });
  it('waits out a 48-hour mail server outage: nothing dropped, the alert raised after 2 hours and cleared, the reminder due in it sent after', async () => {
    const HOUR = 3600 * 1000;
    const organisations = Array.from({ length: 500 }, (_, i) => ({
      organisationId: `org-${String(i).padStart(3, '0')}`,
      contactIds: [`contact-${i}`],
    }));
    const answered = new Set<string>();
    const start = await env.currentTimeMs();
    const outageEnds = start + 48 * HOUR;
    const invited: { organisationId: string; at: number }[] = [];
    const reminded: { organisationId: string; at: number }[] = [];
    const alerts: string[] = [];
    const mailServer = async () => {
      if ((await env.currentTimeMs()) < outageEnds)
        throw ApplicationFailure.create({ type: FailureType.TransientDeliveryFailure, message: 'ECONNREFUSED' });
    };
    const activities = {
      ...inMemoryFanOut(
        { organisationsOf: () => organisations, answered },
        {
          sendInvitation: async ({ contactId }) => {
            await mailServer();
            invited.push({ organisationId: contactId.replace('contact-', 'org-'), at: await env.currentTimeMs() });
            return 'sent';
          },
          sendReminder: async ({ organisationId }) => {
            await mailServer();
            reminded.push({ organisationId, at: await env.currentTimeMs() });
            return 'sent';
          },
        },
      ),
      raiseMailAlert: async ({ waitingSince }: { waitingSince: string }) => {
        alerts.push(
          `raised at +${Math.round(((await env.currentTimeMs()) - start) / HOUR)} h, waiting since ${waitingSince}`,
        );
      },
      sendReceipt: () => Promise.resolve('sent' as const),
      clearMailAlert: async () => {
        alerts.push(`cleared at +${Math.round(((await env.currentTimeMs()) - start) / HOUR)} h`);
      },
      ...closing(answered),
    } satisfies Partial<Activities>;
    const worker = await workerOn('test-outage', activities);
    // The reminder (D-7) falls on day 1.5, inside the outage.
    const closesAt = new Date(start + 8.5 * DAY).toISOString();
    const result = await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(surveyCycleWorkflow, {
        taskQueue: 'test-outage',
        workflowId: 'survey-cycle-test-mail-outage',
        args: [{ cycleId: 'cycle-outage', closesAt, reminderAt: closesAt, reminderDaysBefore: [7] }],
      });
      await env.sleep('47 hours');
      expect(await handle.query(cycleQuery)).toMatchObject({ status: 'inviting', invited: 0 });
      await env.sleep('2 days');
      // The first hundred answer once the invitations are out.
      for (const o of organisations.slice(0, 100)) {
        answered.add(o.organisationId);
        await handle.signal(submissionReceivedSignal, {
          organisationId: o.organisationId,
          contactId: o.contactIds[0]!,
        });
      }
      await env.sleep(8 * DAY);
      const outcome = await handle.result();
      await saveHistory('survey-cycle-mail-outage', handle);
      return outcome;
    });

    expect(result).toMatchObject({ invited: 500 });
    // Nothing dropped: every organisation invited once, all after the outage.
    expect(new Set(invited.map((i) => i.organisationId)).size).toBe(500);
    expect(invited).toHaveLength(500);
    expect(Math.min(...invited.map((i) => i.at))).toBeGreaterThanOrEqual(outageEnds);
    // One alert, two hours into the outage, cleared when the first page got through.
    expect(alerts).toEqual([expect.stringMatching(/^raised at \+2 h, waiting since /), 'cleared at +48 h']);
    const waitingSince = Date.parse(alerts[0]!.replace(/^.* since /, ''));
    expect(Math.abs(waitingSince - start)).toBeLessThan(60_000);
    // The reminder that fell due during the outage went out after it, to everyone invited (no one had answered yet).
    expect(reminded).toHaveLength(500);
    expect(Math.min(...reminded.map((r) => r.at))).toBeGreaterThanOrEqual(outageEnds);
    expect(Math.max(...reminded.map((r) => r.at))).toBeLessThan(outageEnds + 2 * HOUR);
  });
});

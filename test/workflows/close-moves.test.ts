/**
 * A survey whose close moves, on the time-skipping server (issue 11): everyone still to answer is told once per
 * change, reminders a move put in the past are not sent in a burst, and a close moved back into the future during
 * the grace window opens the survey again.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createActivities } from '../../activities';
import { inMemoryFanOut } from '../../client/rehearsal/in-memory-fan-out';
import { surveyCycleWorkflow } from '../../workflows';
import { cycleQuery, rescheduleCycleSignal, submissionReceivedSignal } from '../../workflows/definitions';
import { saveHistory } from '../helpers/histories';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

type Activities = ReturnType<typeof createActivities>;
const DAY = 24 * 3600 * 1000;
const GRACE = 3 * DAY;

quietTemporalLogs();

describe('a survey whose close moves', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('tells each respondent once per change, sends no burst of past reminders, and reopens when moved back', async () => {
    const organisations = ['org-a', 'org-b', 'org-c', 'org-d'].map((id) => ({
      organisationId: id,
      contactIds: [`${id}-1`],
    }));
    const answered = new Set<string>();
    const notices: string[] = [];
    const reminders: string[] = [];
    const movedTo: string[] = [];
    let closesAt = '';
    let closed = 0;
    const activities = {
      ...inMemoryFanOut(
        { organisationsOf: () => organisations, answered },
        {
          sendInvitation: () => Promise.resolve('sent'),
          sendReminder: ({ organisationId, sequence }) => {
            reminders.push(`${organisationId}#${sequence}`);
            return Promise.resolve('sent');
          },
          sendCloseMovedNotice: ({ organisationId, change, to }) => {
            notices.push(`${organisationId}:${change}:${to.slice(0, 10)}`);
            return Promise.resolve('sent');
          },
        },
      ),
      sendReceipt: () => Promise.resolve('sent' as const),
      moveSurveyClose: ({ closesAt: to }: { closesAt: string }) => {
        movedTo.push(to);
        closesAt = to;
        return Promise.resolve();
      },
      finalCloseInstant: () => Promise.resolve({ until: new Date(Date.parse(closesAt) + GRACE).toISOString() }),
      closeSurveyEarly: () => Promise.resolve({ until: new Date(0).toISOString() }),
      closeSurveyCycle: () => {
        closed += 1;
        return Promise.resolve({ submitted: answered.size });
      },
    } satisfies Partial<Activities>;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'test-close-moves',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    const start = await env.currentTimeMs();
    const at = (days: number) => new Date(start + days * DAY).toISOString();
    closesAt = at(30);

    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(surveyCycleWorkflow, {
        taskQueue: 'test-close-moves',
        workflowId: 'survey-cycle-test-close-moves',
        args: [{ cycleId: 'cycle-moves', closesAt, reminderAt: closesAt, reminderDaysBefore: [21, 7, 2] }],
      });
      await env.sleep('1 day');
      answered.add('org-a');
      await handle.signal(submissionReceivedSignal, { organisationId: 'org-a', contactId: 'org-a-1' });
      // Moved much earlier: the reminders 21 and 7 days before the new close have passed; they are not sent.
      await handle.signal(rescheduleCycleSignal, { closesAt: at(5), reminderAt: at(3) });
      // The same date again (a retried move) is no change and tells nobody.
      await handle.signal(rescheduleCycleSignal, { closesAt: at(5), reminderAt: at(3) });
      await env.sleep('1 hour');
      expect(notices.sort()).toEqual(['org-b:1:', 'org-c:1:', 'org-d:1:'].map((n) => n + at(5).slice(0, 10)));
      expect(reminders).toEqual([]);
      // The reminder two days before the new close goes, once.
      await env.sleep(2.5 * DAY);
      expect(reminders.sort()).toEqual(['org-b#3', 'org-c#3', 'org-d#3']);
      // Past the close, in the grace window: the session moves back and the survey opens again.
      await env.sleep(2 * DAY);
      expect(await env.currentTimeMs()).toBeGreaterThan(Date.parse(at(5)));
      await handle.signal(rescheduleCycleSignal, { closesAt: at(20), reminderAt: at(13) });
      await env.sleep('1 hour');
      expect(await handle.query(cycleQuery)).toMatchObject({ status: 'open', closesAt: at(20) });
      expect(notices.filter((n) => n.includes(':2:')).sort()).toEqual(
        ['org-b', 'org-c', 'org-d'].map((o) => `${o}:2:${at(20).slice(0, 10)}`),
      );
      const result = await handle.result();
      expect(closed).toBe(1);
      expect(movedTo).toEqual([at(5), at(20)]);
      expect(Date.parse(result.closeReachedAt!)).toBeGreaterThanOrEqual(Date.parse(at(20)));
      // Every respondent received exactly one notice per change, and one reminder before each close: the one two days
      // before the close of day 5, then the one seven days before the close of day 20 (day 13). No burst.
      expect(notices).toHaveLength(6);
      expect(reminders.slice(3).sort()).toEqual(['org-b#2', 'org-c#2', 'org-d#2']);
      expect(reminders).toHaveLength(6);
      await saveHistory('survey-cycle-close-moved-and-back', handle);
    });
  });
});

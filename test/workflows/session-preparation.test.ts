/**
 * The whole preparation chain on the time-skipping test server: months pass in seconds. Activities are mocks typed
 * against the real ones, so the test pins what the workflows decide (who is reminded, when dispatch happens).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { createActivities } from '../../activities';
import { daysBeforeOpening, planDeadlines } from '../../domain/deadlines';
import { previewSessionPlan } from '../../services/session-plan';
import { FailureType } from '../../domain/failure-types';
import {
  approveReportUpdate,
  cycleQuery,
  preparationQuery,
  remindNowSignal,
  closeCycleSignal,
  deadlineExtendedSignal,
  reissueLinkSignal,
  rejectReportUpdate,
  rescheduleUpdate,
  reviseReportUpdate,
  submissionReceivedSignal,
} from '../../workflows/definitions';
import { sessionPreparationWorkflow } from '../../workflows';
import { inMemoryFanOut } from '../../client/rehearsal/in-memory-fan-out';
import { saveHistory } from '../helpers/histories';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

type Activities = ReturnType<typeof createActivities>;
const DAY = 24 * 3600 * 1000;

quietTemporalLogs();

/** What the fakes report: the options the compile found (a test can empty them), and when the cycle may finally close. */
interface FakeReportState {
  options: number;
  /** Grace window or extensions: the instant the cycle may close for good (default: at once). */
  finalCloseAt?: number;
  /** After an early close: the last extension it keeps open (default: none, the close is final at once). */
  extensionsUntil?: number;
  reminders: { organisationId: string; sequence: number; occasion?: string; at: string }[];
  /** From when the live forecast sees a risk (default: never); the escalation activity asks it at send time. */
  forecastRiskFrom?: number;
  /** The test server's clock (activities run outside the workflow sandbox, where Date is wall time). */
  now: () => Promise<number>;
}

/** A new session's plan, as recorded at its creation. */
function recordedPlan(openingDate: string) {
  return previewSessionPlan(openingDate, []).deadlines;
}

function fakeActivities(events: string[], report: FakeReportState) {
  const answered = new Set<string>();
  const invitees = [
    { organisationId: 'org-responds', contactIds: ['c1'] },
    { organisationId: 'org-silent', contactIds: ['c2'] },
    { organisationId: 'org-bounces', contactIds: ['c3-bounced', 'c3-alternate'] },
  ];
  const activities = {
    settleDeadline: jest.fn<ReturnType<Activities['settleDeadline']>, Parameters<Activities['settleDeadline']>>(
      async () => undefined,
    ),
    openSurveyCycle: jest.fn<ReturnType<Activities['openSurveyCycle']>, Parameters<Activities['openSurveyCycle']>>(
      async ({ kind }) => ({ cycleId: kind === 'IGO_NGO' ? 'cycle-igo-ngo' : 'cycle-1' }),
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
      async ({ organisationId, occasion, sequence }) => {
        events.push(occasion === 'on-request' ? `remind-now ${organisationId}` : `remind ${organisationId}`);
        report.reminders.push({ organisationId, sequence, occasion, at: new Date(await report.now()).toISOString() });
        return 'sent';
      },
    ),
    sendReceipt: jest.fn<ReturnType<Activities['sendReceipt']>, Parameters<Activities['sendReceipt']>>(
      async ({ organisationId }) => {
        answered.add(organisationId); // the web service wrote the reply before it signalled
        events.push(`receipt ${organisationId}`);
        return 'sent';
      },
    ),
    sendWeeklyDigest: jest.fn<ReturnType<Activities['sendWeeklyDigest']>, Parameters<Activities['sendWeeklyDigest']>>(
      async () => ({
        overdue: 0,
        missed: 0,
        upcoming: 0,
        delivered: 0,
      }),
    ),
    moveSurveyClose: jest.fn<ReturnType<Activities['moveSurveyClose']>, Parameters<Activities['moveSurveyClose']>>(
      async () => undefined,
    ),
    escalate: jest.fn<ReturnType<Activities['escalate']>, Parameters<Activities['escalate']>>(
      async ({ checkpoint, level, workflowSaw }) => {
        if (checkpoint === 'forecast') {
          const now = await report.now();
          events.push(`forecast asked @${new Date(now).toISOString().slice(0, 10)}`);
          if (report.forecastRiskFrom === undefined || now < report.forecastRiskFrom) return { escalated: false };
        }
        events.push(`escalate ${checkpoint} ${level}`);
        return { escalated: true, reason: workflowSaw ?? 'at risk', delivered: 1 };
      },
    ),
    finalCloseInstant: jest.fn<
      ReturnType<Activities['finalCloseInstant']>,
      Parameters<Activities['finalCloseInstant']>
    >(async () => ({ until: new Date(report.finalCloseAt ?? 0).toISOString() })),
    closeSurveyEarly: jest.fn<ReturnType<Activities['closeSurveyEarly']>, Parameters<Activities['closeSurveyEarly']>>(
      async () => ({ until: new Date(report.extensionsUntil ?? 0).toISOString() }),
    ),
    reissueLink: jest.fn<ReturnType<Activities['reissueLink']>, Parameters<Activities['reissueLink']>>(
      async ({ contactId, sequence }) => {
        events.push(`reissue ${contactId} #${sequence}`);
        return 'sent';
      },
    ),
    closeSurveyCycle: jest.fn<ReturnType<Activities['closeSurveyCycle']>, Parameters<Activities['closeSurveyCycle']>>(
      async () => ({ submitted: 1 }),
    ),
    compileAnalysisReport: jest.fn<
      ReturnType<Activities['compileAnalysisReport']>,
      Parameters<Activities['compileAnalysisReport']>
    >(async ({ version }) => ({
      documentId: `doc-${version}`,
      symbol: 'E/CN.15/2027/2',
      version,
      words: 9100, // over the limit: the dashboard warns
      options: report.options,
    })),
    recordRejection: jest.fn<ReturnType<Activities['recordRejection']>, Parameters<Activities['recordRejection']>>(
      async ({ comment }) => {
        events.push(`returned: ${comment}`);
        return 1;
      },
    ),
    compileProvisionalAgenda: jest.fn<
      ReturnType<Activities['compileProvisionalAgenda']>,
      Parameters<Activities['compileProvisionalAgenda']>
    >(async ({ version }) => ({ documentId: `agenda-${version}`, symbol: 'E/CN.15/2027/1', version, words: 2400 })),
    compileDispatchProof: jest.fn<
      ReturnType<Activities['compileDispatchProof']>,
      Parameters<Activities['compileDispatchProof']>
    >(async () => ({ documentId: 'proof-1', symbol: 'PROOF/E/CN.15/2027/2', version: 1, words: 2400 })),
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
  };
  return {
    ...activities,
    // The IGO/NGO survey has its own scenario; here it surveys no one and closes at once.
    ...inMemoryFanOut(
      { organisationsOf: (cycleId) => (cycleId === 'cycle-igo-ngo' ? [] : invitees), answered },
      activities,
    ),
  } satisfies Partial<Activities>;
}

/** An update the workflow's validator refused, with the reason it gave. */
function refusal(reason: RegExp) {
  return { cause: expect.objectContaining({ message: expect.stringMatching(reason) }) };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('sessionPreparationWorkflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await startTimeSkippingServer();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /** A worker on its own task queue, running the workflows against fresh fake activities. */
  async function scenarioWorker(taskQueue: string) {
    const events: string[] = [];
    const report: FakeReportState = { options: 2, reminders: [], now: () => env.currentTimeMs() };
    const activities = fakeActivities(events, report);
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    return { events, activities, worker, report };
  }

  function startPreparation(
    taskQueue: string,
    workflowId: string,
    cycleWorkflowId: string,
    openingDate: string,
    survey: { reminderDaysBefore?: number[]; graceDays?: number } = {},
  ) {
    return env.client.workflow.start(sessionPreparationWorkflow, {
      taskQueue,
      workflowId,
      // The plan as services/session-plan.ts records it for a new session (a preview is recorded the same way).
      args: [{ sessionId: workflowId, openingDate, plan: recordedPlan(openingDate), cycleWorkflowId, ...survey }],
    });
  }

  /** The manager approves the report the fake compile produced. */
  function approve(handle: WorkflowHandle<typeof sessionPreparationWorkflow>) {
    return handle.executeUpdate(approveReportUpdate, {
      args: [{ documentId: 'doc-1', approvedBy: 'manager@example.org' }],
    });
  }

  it('runs survey → report → late approval → dispatch over 100+ days, reminding only non-respondents', async () => {
    const { events, activities, worker } = await scenarioWorker('test-prep');
    const start = await env.currentTimeMs();
    const openingDate = isoDate(start + 200 * DAY);
    const plan = planDeadlines(openingDate);

    const result = await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-prep',
        'session-prep-test-full-chain',
        'survey-cycle-test-full-chain',
        openingDate,
      );
      await env.sleep('2 days');
      const cycle = env.client.workflow.getHandle('survey-cycle-test-full-chain');
      expect(await cycle.query(cycleQuery)).toMatchObject({ status: 'open', invited: 3, undeliverable: 0 });
      await cycle.signal(submissionReceivedSignal, { organisationId: 'org-responds', contactId: 'c1' });

      // Past the survey close and the approval due date: the manager has been reminded that approval is late.
      await env.sleep(Date.parse(plan['report-approval'].dueAt) - (await env.currentTimeMs()) + 4 * DAY);
      const waiting = await handle.query(preparationQuery);
      expect(waiting.stage).toBe('awaiting-approval');
      expect(waiting.report?.wordWarning).toMatch(/^9,100 words: over the 8,500-word limit/);
      expect(events).toContain('notify approval-overdue');
      await expect(
        handle.executeUpdate(approveReportUpdate, {
          args: [{ documentId: 'some-other-version', approvedBy: 'manager@example.org' }],
        }),
      ).rejects.toThrow();

      await approve(handle);
      const outcome = await handle.result();
      await saveHistory('session-preparation-full-chain', handle);
      await saveHistory('survey-cycle-full-chain', cycle);
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
    expect(events.filter((e) => e.startsWith('receipt'))).toEqual(['receipt org-responds']);
    expect(activities.settleDeadline).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'report-approval', state: 'missed' }),
    );
    expect(activities.settleDeadline).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'dispatch-deadline', state: 'met' }),
    );
  });

  it('sends the report back with comments, compiles a new version on request, and needs options before approval', async () => {
    const { events, activities, worker, report } = await scenarioWorker('test-review');
    report.options = 0;
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-review',
        'session-prep-test-review',
        'survey-cycle-test-review',
        openingDate,
      );
      await env.sleep('1 day');
      await env.client.workflow
        .getHandle('survey-cycle-test-review')
        .signal('closeCycle', { closedBy: 'coordinator@example.org' });
      await env.sleep('1 hour');
      expect((await handle.query(preparationQuery)).report).toMatchObject({ version: 1, options: 0 });
      await expect(approve(handle)).rejects.toMatchObject(refusal(/options section is empty/));

      const reject = (documentId: string, comment: string) =>
        handle.executeUpdate(rejectReportUpdate, {
          args: [{ documentId, rejectedBy: 'manager@example.org', comment }],
        });
      await expect(reject('doc-1', '   ')).rejects.toMatchObject(refusal(/needs a comment/));
      await reject('doc-1', 'Cost the options for each region');
      await env.sleep('1 minute');
      const revising = await handle.query(preparationQuery);
      expect(revising.stage).toBe('revising');
      expect(revising.reviews).toEqual([
        expect.objectContaining({ version: 1, comment: 'Cost the options for each region' }),
      ]);
      await expect(approve(handle)).rejects.toMatchObject(
        refusal(/No report is awaiting approval \(stage: revising\)/),
      );

      report.options = 2; // staff wrote the options
      const revised = await handle.executeUpdate(reviseReportUpdate, {
        args: [{ requestedBy: 'coordinator@example.org' }],
      });
      expect(revised).toEqual({ documentId: 'doc-2', version: 2 });
      await expect(approve(handle)).rejects.toMatchObject(refusal(/not the one awaiting approval/));
      await handle.executeUpdate(approveReportUpdate, {
        args: [{ documentId: 'doc-2', approvedBy: 'manager@example.org' }],
      });
      await handle.result();
      await saveHistory('session-preparation-review', handle);
    });
    expect(events).toContain('returned: Cost the options for each region');
    expect(activities.compileAnalysisReport.mock.calls.map(([input]) => input.version)).toEqual([1, 2]);
    expect(activities.recordApproval).toHaveBeenCalledWith(expect.objectContaining({ documentId: 'doc-2' }));
    expect(activities.notifyManagers).toHaveBeenCalledWith(
      expect.objectContaining({ documentId: 'doc-2', reason: 'report-ready' }),
    );
  });

  it('reminds non-respondents on the schedule counted back from the close, skipping a reminder already past', async () => {
    const { worker, report } = await scenarioWorker('test-schedule');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    const close = Date.parse(planDeadlines(openingDate)['survey-close'].dueAt);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-schedule',
        'session-prep-test-schedule',
        'survey-cycle-test-schedule',
        openingDate,
        {
          reminderDaysBefore: [2, 21, 7, 120], // 120 days before the close is before the launch
        },
      );
      await env.sleep('2 days');
      await env.client.workflow
        .getHandle('survey-cycle-test-schedule')
        .signal(submissionReceivedSignal, { organisationId: 'org-responds', contactId: 'c1' });
      await env.sleep(close - (await env.currentTimeMs()) + DAY);
      await approve(handle);
      await handle.result();
      await saveHistory('survey-cycle-schedule', env.client.workflow.getHandle('survey-cycle-test-schedule'));
    });
    const daysBeforeClose = (at: string) => Math.round((close - Date.parse(at)) / DAY);
    expect(report.reminders.map((r) => [r.organisationId, r.sequence, daysBeforeClose(r.at)])).toEqual([
      // Organisations in id order, page by page.
      ['org-bounces', 2, 21],
      ['org-silent', 2, 21],
      ['org-bounces', 3, 7],
      ['org-silent', 3, 7],
      ['org-bounces', 4, 2],
      ['org-silent', 4, 2],
    ]);
  });

  it('keeps taking replies through the grace window and a personal extension, then closes the cycle', async () => {
    const { activities, worker, report } = await scenarioWorker('test-grace');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    const close = Date.parse(planDeadlines(openingDate)['survey-close'].dueAt);
    report.finalCloseAt = close + 3 * DAY; // a three-day grace window
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-grace',
        'session-prep-test-grace',
        'survey-cycle-test-grace',
        openingDate,
        {
          reminderDaysBefore: [7],
          graceDays: 3,
        },
      );
      const cycle = env.client.workflow.getHandle('survey-cycle-test-grace');
      await env.sleep(close - (await env.currentTimeMs()) + DAY);
      expect((await cycle.query(cycleQuery)).status).toBe('open');
      // An extension to five days after the close, granted during the grace window.
      report.finalCloseAt = close + 5 * DAY;
      await cycle.signal(deadlineExtendedSignal, { organisationId: 'org-silent' });
      await env.sleep(3 * DAY);
      expect(activities.closeSurveyCycle).not.toHaveBeenCalledWith(expect.objectContaining({ cycleId: 'cycle-1' }));
      await env.sleep(2 * DAY);
      expect((await cycle.query(cycleQuery)).status).toBe('closed');
      await approve(handle);
      await handle.result();
      await saveHistory('survey-cycle-grace', cycle);
      // Both surveys of IV 10 (a) and (b) as children, the schedule and grace window in the input.
      await saveHistory('session-preparation-two-surveys', handle);
    });
    expect(activities.openSurveyCycle).toHaveBeenCalledWith(
      expect.objectContaining({ reminderDaysBefore: [7], graceDays: 3 }),
    );
    // The close itself was on time: the grace window and the extension are part of the plan, not a miss.
    expect(activities.settleDeadline).toHaveBeenCalledWith(
      expect.objectContaining({ key: 'survey-close', state: 'met' }),
    );
  });

  it("replaces a contact's link once per request", async () => {
    const { events, worker } = await scenarioWorker('test-reissue');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-reissue',
        'session-prep-test-reissue',
        'survey-cycle-test-reissue',
        openingDate,
      );
      await env.sleep('1 day');
      const cycle = env.client.workflow.getHandle('survey-cycle-test-reissue');
      await cycle.signal(reissueLinkSignal, { contactId: 'c2', requestedBy: 'coordinator@example.org' });
      await cycle.signal(reissueLinkSignal, { contactId: 'c2', requestedBy: 'coordinator@example.org' });
      await cycle.signal(closeCycleSignal, { closedBy: 'coordinator@example.org' });
      await env.sleep('1 hour');
      await approve(handle);
      await handle.result();
    });
    expect(events.filter((e) => e.startsWith('reissue'))).toEqual(['reissue c2 #1', 'reissue c2 #2']);
  });

  it('closes early on the coordinator signal and skips the reminder', async () => {
    const { events, activities, worker } = await scenarioWorker('test-early');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-early',
        'session-prep-test-early-close',
        'survey-cycle-test-early-close',
        openingDate,
      );
      await env.sleep('1 day');
      await env.client.workflow
        .getHandle('survey-cycle-test-early-close')
        .signal('closeCycle', { closedBy: 'coordinator@example.org' });
      await env.sleep('1 hour');
      expect((await handle.query(preparationQuery)).stage).toBe('awaiting-approval');
      await approve(handle);
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

  it('closes early but keeps an extension open: the report waits for the extension, then the cycle closes for good', async () => {
    const { activities, worker, report } = await scenarioWorker('test-early-extension');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-early-extension',
        'session-prep-test-early-extension',
        'survey-cycle-test-early-extension',
        openingDate,
      );
      await env.sleep('1 day');
      report.extensionsUntil = (await env.currentTimeMs()) + 10 * DAY;
      await env.client.workflow
        .getHandle('survey-cycle-test-early-extension')
        .signal('closeCycle', { closedBy: 'coordinator@example.org' });
      await env.sleep('2 days');
      // Closed to new replies, but the extension still runs: nothing is compiled, the cycle is not closed for good.
      expect(activities.closeSurveyEarly).toHaveBeenCalledWith({
        cycleId: 'cycle-1',
        closedBy: 'coordinator@example.org',
      });
      // (The fakes' IGO/NGO survey invites nobody and closes on its own.)
      const closedForGood = () =>
        activities.closeSurveyCycle.mock.calls.filter(([call]) => call.cycleId === 'cycle-1').length;
      expect(closedForGood()).toBe(0);
      expect(activities.compileAnalysisReport).not.toHaveBeenCalled();
      await env.sleep('9 days');
      expect((await handle.query(preparationQuery)).stage).toBe('awaiting-approval');
      expect(closedForGood()).toBe(1);
      await approve(handle);
      await handle.result();
      await saveHistory('session-preparation-early-close-extension', handle);
      await saveHistory(
        'survey-cycle-early-close-extension',
        env.client.workflow.getHandle('survey-cycle-test-early-extension'),
      );
    });
  });

  it('escalates up the ladder before the IV 11 deadline and records the breach when approval never comes in time', async () => {
    const { events, activities, worker } = await scenarioWorker('test-breach');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    const plan = planDeadlines(openingDate);
    const result = await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-breach',
        'session-prep-test-breach',
        'survey-cycle-test-breach',
        openingDate,
      );
      await env.sleep(Date.parse(plan['dispatch-deadline'].dueAt) - (await env.currentTimeMs()) + DAY);
      const late = await handle.query(preparationQuery);
      expect(late.plan.find((d) => d.key === 'dispatch-deadline')?.state).toBe('missed');
      expect(late.risk).toMatch(/not approved although approval was due on/);
      await approve(handle);
      const outcome = await handle.result();
      await saveHistory('session-preparation-breach', handle);
      return outcome;
    });
    const escalations = events.filter((e) => e.startsWith('escalate'));
    expect(escalations).toEqual([
      'escalate T-14 manager',
      'escalate T-7 chief',
      'escalate T-6 chief',
      'escalate T-5 chief',
      'escalate T-4 chief',
      'escalate T-3 chief',
      'escalate T-2 chief',
      'escalate T-1 chief',
      'escalate breach chief',
    ]);
    // The breach was recorded when it happened, before any dispatch, and stays recorded afterwards.
    const breachIndex = activities.settleDeadline.mock.calls.findIndex(
      ([c]) => c.key === 'dispatch-deadline' && c.state === 'missed',
    );
    expect(breachIndex).toBeGreaterThanOrEqual(0);
    expect(events.findIndex((e) => e.startsWith('escalate T-14'))).toBeLessThan(
      events.findIndex((e) => e.startsWith('dispatch')),
    );
    expect(result.deadlineMet).toBe(false);
    expect(activities.settleDeadline).toHaveBeenLastCalledWith(
      expect.objectContaining({ key: 'dispatch-deadline', state: 'missed' }),
    );
  });

  it('asks the forecast weekly before the first rung, and lets it escalate once when it sees a risk', async () => {
    const { events, report, worker } = await scenarioWorker('test-forecast');
    const start = await env.currentTimeMs();
    const openingDate = isoDate(start + 200 * DAY);
    const plan = planDeadlines(openingDate);
    // The reply curve turns bad five weeks in; the forecast says so at the next weekly look.
    const riskFrom = start + 35 * DAY;
    report.forecastRiskFrom = riskFrom;
    const firstRung = Date.parse(plan['dispatch-deadline'].dueAt) - 30 * DAY;
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-forecast',
        'session-prep-test-forecast',
        'survey-cycle-test-forecast',
        openingDate,
      );
      await env.sleep(firstRung - (await env.currentTimeMs()) - DAY);
      const state = await handle.query(preparationQuery);
      expect(state.escalations.map((e) => [e.checkpoint, e.level])).toEqual([['forecast', 'owner']]);
      await handle.terminate('the forecast spoke; the rest of the ladder is another test');
    });
    const asked = events
      .filter((e) => e.startsWith('forecast asked'))
      .map((e) => Date.parse(e.slice('forecast asked @'.length)));
    // Weekly, in whole weeks before the first rung, from the first look after the launch to the first that saw the
    // risk; then the forecast fell silent for good.
    const [first] = asked;
    const last = asked.at(-1);
    expect(first).toBeLessThanOrEqual(start + 7 * DAY);
    expect(asked.slice(1).every((at, i) => at - asked[i]! === 7 * DAY)).toBe(true);
    expect((firstRung - first!) % (7 * DAY)).toBeLessThan(DAY);
    expect(last).toBeGreaterThanOrEqual(riskFrom - DAY);
    expect(last).toBeLessThan(riskFrom + 7 * DAY);
    expect(events.filter((e) => e === 'escalate forecast owner')).toHaveLength(1);
    expect(events.some((e) => e.startsWith('escalate T-'))).toBe(false);
  });

  it.each([
    ['earlier', -20],
    ['later', 15],
  ])('re-plans every open deadline and timer when the session moves %s', async (_direction, shiftDays) => {
    const queue = `test-move-${shiftDays}`;
    const { events, activities, worker } = await scenarioWorker(queue);
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    const movedOpening = isoDate(Date.parse(openingDate) + shiftDays * DAY);
    const newPlan = planDeadlines(movedOpening);
    const result = await worker.runUntil(async () => {
      const handle = await startPreparation(
        queue,
        `session-prep-test-move-${shiftDays}`,
        `survey-cycle-test-move-${shiftDays}`,
        openingDate,
      );
      await env.sleep('3 days');
      const moved = await handle.executeUpdate(rescheduleUpdate, {
        args: [{ openingDate: movedOpening, plan: recordedPlan(movedOpening), requestedBy: 'coordinator@example.org' }],
      });
      expect(moved.map((m) => m.key).sort()).toEqual([
        'dispatch-deadline',
        'dispatch-target',
        'igo-ngo-survey-close',
        'report-approval',
        'survey-close',
        'survey-reminder',
      ]);
      // The workflow takes the plan it is handed, never one of its own.
      const shown = (await handle.query(preparationQuery)).plan;
      expect(Object.fromEntries(shown.map((d) => [d.key, d.dueAt]))).toEqual(
        Object.fromEntries(Object.values(newPlan).map((d) => [d.key, d.dueAt])),
      );
      expect(moved.every((m) => Date.parse(m.to) - Date.parse(m.from) === shiftDays * DAY)).toBe(true);
      await env.sleep(Date.parse(newPlan['report-approval'].dueAt) - (await env.currentTimeMs()) - DAY);
      expect((await handle.query(preparationQuery)).stage).toBe('awaiting-approval');
      await approve(handle);
      const outcome = await handle.result();
      const name = shiftDays > 0 ? 'later' : 'earlier';
      await saveHistory(`session-preparation-moved-${name}`, handle);
      await saveHistory(
        `survey-cycle-moved-${name}`,
        env.client.workflow.getHandle(`survey-cycle-test-move-${shiftDays}`),
      );
      return outcome;
    });
    expect(activities.moveSurveyClose).toHaveBeenCalledWith({
      cycleId: 'cycle-1',
      closesAt: newPlan['survey-close'].dueAt,
    });
    const closeCall = activities.settleDeadline.mock.calls.find(([c]) => c.key === 'survey-close')![0];
    // The survey closed at the moved deadline (the timer followed), not at the original one.
    expect(Math.abs(Date.parse(closeCall.doneAt!) - Date.parse(newPlan['survey-close'].dueAt))).toBeLessThan(60_000);
    expect(daysBeforeOpening(movedOpening, result.dispatchedAt)).toBeGreaterThanOrEqual(60);
    // Nobody answered in this run: every organisation is reminded once, at the moved reminder date.
    expect(events.filter((e) => e.startsWith('remind'))).toHaveLength(3);
  });

  it('reminds non-respondents on request, all of them or those named, never those who submitted', async () => {
    const { events, activities, worker } = await scenarioWorker('test-remind-now');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-remind-now',
        'session-prep-test-remind-now',
        'survey-cycle-test-remind-now',
        openingDate,
      );
      await env.sleep('2 days');
      const cycle = env.client.workflow.getHandle('survey-cycle-test-remind-now');
      await cycle.signal(submissionReceivedSignal, { organisationId: 'org-responds', contactId: 'c1' });
      await cycle.signal(remindNowSignal, { requestedBy: 'coordinator@example.org' });
      await cycle.signal(remindNowSignal, { requestedBy: 'coordinator@example.org', organisationIds: ['org-silent'] });
      await env.sleep('1 hour');
      expect(events.filter((e) => e.startsWith('remind')).sort()).toEqual([
        'remind-now org-bounces',
        'remind-now org-silent',
        'remind-now org-silent',
      ]);
      await cycle.signal('closeCycle', { closedBy: 'coordinator@example.org' });
      await env.sleep('1 hour');
      await approve(handle);
      await handle.result();
      await saveHistory('survey-cycle-remind-now', cycle);
    });
    const rounds = activities.sendReminder.mock.calls
      .map(([c]) => `${c.organisationId}:${c.occasion}:${c.sequence}`)
      .sort();
    expect(rounds).toEqual(['org-bounces:on-request:1', 'org-silent:on-request:1', 'org-silent:on-request:2']);
  });

  it('keeps the scheduled reminder after a reminder on request', async () => {
    const { events, worker } = await scenarioWorker('test-remind-both');
    const openingDate = isoDate((await env.currentTimeMs()) + 200 * DAY);
    const plan = planDeadlines(openingDate);
    await worker.runUntil(async () => {
      const handle = await startPreparation(
        'test-remind-both',
        'session-prep-test-remind-both',
        'survey-cycle-test-remind-both',
        openingDate,
      );
      await env.sleep('2 days');
      await env.client.workflow
        .getHandle('survey-cycle-test-remind-both')
        .signal(remindNowSignal, { requestedBy: 'coordinator@example.org' });
      await env.sleep(Date.parse(plan['survey-close'].dueAt) - (await env.currentTimeMs()) + DAY);
      await approve(handle);
      await handle.result();
    });
    expect(events.filter((e) => e.startsWith('remind-now'))).toHaveLength(3);
    expect(events.filter((e) => e.startsWith('remind '))).toHaveLength(3);
  });
});

/**
 * Alerts people will not filter away (issue 11, item 4), on the time-skipping server with the real escalation and
 * manager-notice activities, a real database and a real SMTP capture: a move that passes several rungs of the ladder
 * sends one escalation per person, a rung never speaks twice to the same person after another move, and an approval
 * overdue long ago gives one reminder, then the next only an interval later. The e-mails each person receives are
 * counted in the capture.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { inMemoryFanOut } from '../../client/rehearsal/in-memory-fan-out';
import { planDeadlines } from '../../domain/deadlines';
import { changeSessionDates, createSession } from '../../services/sessions';
import { readSessionPlan } from '../../services/session-plan';
import { preparationQuery, rescheduleUpdate } from '../../workflows/definitions';
import { sessionPreparationWorkflow } from '../../workflows';
import { createTestDatabase } from '../helpers/database';
import type { TestDatabase } from '../helpers/database';
import { startTestMail } from '../helpers/mail';
import type { TestMail } from '../helpers/mail';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const MANAGERS = ['manager@example.org'];
const CHIEF = 'chief@example.org';

type Activities = ReturnType<typeof createActivities>;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

describe('escalations and approval reminders after a move', () => {
  let env: TestWorkflowEnvironment;
  let database: TestDatabase;
  let mail: TestMail;
  let real: Activities;
  let coordinators: string[];
  let managers: string[];

  beforeAll(async () => {
    env = await startTimeSkippingServer();
    database = await createTestDatabase({ seed: true });
    mail = await startTestMail();
    real = createActivities({
      db: database.db,
      mailer: mail.mailer(database.db),
      storageDir: mkdtempSync(path.join(os.tmpdir(), 'cp-alerts-')),
      publicBaseUrl: 'http://prep.test',
      chiefEmail: CHIEF,
    });
    const users = await database.db.user.findMany();
    coordinators = users.filter((u) => u.role === 'COORDINATOR').map((u) => u.email);
    managers = users.filter((u) => u.role === 'MANAGER').map((u) => u.email);
    expect(managers).toEqual(expect.arrayContaining(MANAGERS));
    expect(coordinators.length).toBeGreaterThan(0);
  });

  afterAll(async () => {
    await env?.teardown();
    await mail?.catcher.close();
    await database?.drop();
  });

  /** How many e-mails `address` received whose subject matches. */
  async function received(address: string, subject: RegExp): Promise<number> {
    return (await mail.store.all()).filter(
      (m) => subject.test(m.parsed.subject ?? '') && JSON.stringify(m.parsed.to).includes(address),
    ).length;
  }

  async function texts(address: string, subject: RegExp): Promise<string[]> {
    return (await mail.store.all())
      .filter((m) => subject.test(m.parsed.subject ?? '') && JSON.stringify(m.parsed.to).includes(address))
      .map((m) => m.parsed.text ?? '');
  }

  /**
   * The real survey bookkeeping, escalation and manager notices; nobody to survey (both surveys close at once), a
   * report "compiled" as a stored row, no Governments to dispatch to.
   */
  function workerActivities(number: number) {
    const send = {
      sendInvitation: async () => 'sent' as const,
      sendReminder: async () => 'sent' as const,
    };
    return {
      ...send,
      settleDeadline: real.settleDeadline,
      openSurveyCycle: real.openSurveyCycle,
      moveSurveyClose: real.moveSurveyClose,
      finalCloseInstant: real.finalCloseInstant,
      closeSurveyCycle: real.closeSurveyCycle,
      escalate: real.escalate,
      notifyManagers: real.notifyManagers,
      recordApproval: real.recordApproval,
      sendReceipt: async () => 'sent' as const,
      reissueLink: async () => 'sent' as const,
      raiseMailAlert: async () => undefined,
      clearMailAlert: async () => undefined,
      recordRejection: async () => 0,
      listGovernments: async () => [] as string[],
      dispatchReport: async () => 'sent' as const,
      compileProvisionalAgenda: async ({ version }: { version: number }) => ({
        documentId: `agenda-${number}-${version}`,
        symbol: `E/CN.15/${number}/1`,
        version,
        words: 2400,
      }),
      compileDispatchProof: async () => ({ documentId: 'proof', symbol: 'PROOF', version: 1, words: 1 }),
      compileAnalysisReport: async ({ sessionId, version }: { sessionId: string; version: number }) => {
        const symbol = `E/CN.15/${number}/2`;
        const row = await database.db.document.upsert({
          where: { symbol_version: { symbol, version } },
          create: {
            sessionId,
            kind: 'analysis-report',
            symbol,
            version,
            title: 'Analysis report',
            filePath: '/dev/null',
            sha256: '0',
          },
          update: {},
        });
        return { documentId: row.id, symbol, version, words: 2400, options: 2 };
      },
      ...inMemoryFanOut({ organisationsOf: () => [], answered: new Set() }, send),
    } satisfies Partial<Activities>;
  }

  /** A session opening in 200 days, its preparation launched on the recorded plan and awaiting approval. */
  async function awaitingApproval(number: number, taskQueue: string) {
    // Noon UTC: deadlines fall at midnight, so every checkpoint is half a day from now.
    const now = await env.currentTimeMs();
    await env.sleep(DAY - (now % DAY) + 12 * HOUR);
    const opening = isoDate((await env.currentTimeMs()) + 200 * DAY);
    const session = await createSession(
      database.db,
      { number, openingDate: opening, closingDate: isoDate(Date.parse(opening) + 4 * DAY), venue: 'Vienna' },
      'test',
    );
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../../workflows'),
      activities: workerActivities(number),
    });
    return { session, worker, opening };
  }

  async function start(taskQueue: string, session: { id: string; number: number }, opening: string) {
    const handle = await env.client.workflow.start(sessionPreparationWorkflow, {
      taskQueue,
      workflowId: `alerts-prep-${session.number}`,
      args: [
        {
          sessionId: session.id,
          openingDate: opening,
          plan: await readSessionPlan(database.db, session.id),
          cycleWorkflowId: `alerts-cycle-${session.number}-system-wide`,
        },
      ],
    });
    await env.sleep(HOUR);
    expect((await handle.query(preparationQuery)).stage).toBe('awaiting-approval');
    return handle;
  }

  /** Moves the session as the client does: the database first, then the workflow's reschedule update. */
  async function move(handle: WorkflowHandle<typeof sessionPreparationWorkflow>, number: number, opening: string) {
    const { plan } = await changeSessionDates(
      database.db,
      number,
      // The move lands in an impossible plan on purpose: the coordinator accepts the breach (domain/move-plan.ts).
      {
        openingDate: opening,
        closingDate: isoDate(Date.parse(opening) + 4 * DAY),
        choice: 'accept',
        reason: 'The Bureau moved the session; the report will be late.',
      },
      'coordinator@example.org',
    );
    await handle.executeUpdate(rescheduleUpdate, {
      args: [{ openingDate: opening, plan, requestedBy: 'coordinator@example.org' }],
    });
  }

  /** The opening date whose dispatch deadline falls `days` (x.5) days from now. */
  async function openingWithDeadlineIn(days: number): Promise<string> {
    const deadline = (await env.currentTimeMs()) + days * DAY;
    const opening = isoDate(deadline + 60 * DAY);
    const actual = Date.parse(planDeadlines(opening)['dispatch-deadline'].dueAt);
    expect(Math.abs(actual - deadline)).toBeLessThanOrEqual(DAY);
    return opening;
  }

  it('sends one escalation per person for a move passing three rungs, and none again for those rungs', async () => {
    const queue = 'alerts-three-rungs';
    const { session, worker, opening } = await awaitingApproval(61, queue);
    await worker.runUntil(async () => {
      const handle = await start(queue, session, opening);
      const atRisk = new RegExp(`^At risk: report to Governments for session ${session.number}`);
      for (const manager of managers) expect(await received(manager, /^For approval/)).toBe(1);
      expect(await received(CHIEF, atRisk)).toBe(0);

      // The deadline now 6.5 days away: T-30, T-14 and T-7 all passed at once.
      await move(handle, session.number, await openingWithDeadlineIn(6.5));
      await env.sleep(HOUR);
      for (const person of [...managers, CHIEF]) expect(await received(person, atRisk)).toBe(1);
      for (const coordinator of coordinators) expect(await received(coordinator, atRisk)).toBe(0);
      // At the highest rung passed, with the reason that held when it was sent.
      const [text] = await texts(CHIEF, atRisk);
      expect(text).toContain('checkpoint T-7');
      expect(text).toMatch(/the analysis report is not approved although approval was due on/);
      const view = await handle.query(preparationQuery);
      expect(view.escalations.map((e) => `${e.checkpoint}:${e.level}`)).toEqual(['T-7:chief']);

      // Moved one day later and back: T-7 is the same rung, and it has spoken.
      await move(handle, session.number, await openingWithDeadlineIn(7.5));
      await env.sleep(HOUR);
      await move(handle, session.number, await openingWithDeadlineIn(6.5));
      await env.sleep(HOUR);
      for (const person of [...managers, CHIEF]) expect(await received(person, atRisk)).toBe(1);

      // The next rung, a day later, is a new one: one more each.
      await env.sleep(DAY);
      for (const person of [...managers, CHIEF]) expect(await received(person, atRisk)).toBe(2);
      for (const coordinator of coordinators) expect(await received(coordinator, atRisk)).toBe(0);
      await handle.terminate('test over');
    });
  });

  it('escalates an accepted breach once to each person; moving back reopens the IV 11 deadline, silently', async () => {
    const queue = 'alerts-breach-and-back';
    const { session, worker, opening } = await awaitingApproval(63, queue);
    await worker.runUntil(async () => {
      const handle = await start(queue, session, opening);
      const missed = new RegExp(`^Deadline missed: report to Governments for session ${session.number}`);
      const planned = async () =>
        (await handle.query(preparationQuery)).plan.find((e) => e.key === 'dispatch-deadline')!;
      const recorded = async () =>
        database.db.deadline.findUniqueOrThrow({
          where: { sessionId_key: { sessionId: session.id, key: 'dispatch-deadline' } },
        });
      const before = await planned();

      // Every rung and the IV 11 date itself passed at once: the breach is recorded and said once to each.
      await move(handle, session.number, await openingWithDeadlineIn(-3.5));
      await env.sleep(HOUR);
      expect((await planned()).state).toBe('missed');
      expect((await recorded()).status).toBe('MISSED');
      for (const person of [...managers, CHIEF]) expect(await received(person, missed)).toBe(1);
      for (const coordinator of coordinators) expect(await received(coordinator, missed)).toBe(0);

      // Back to the first dates: the deadline is open again on its first date, in the workflow and in the record.
      await move(handle, session.number, opening);
      await env.sleep(HOUR);
      expect(await planned()).toMatchObject({ state: 'planned', dueAt: before.dueAt });
      expect((await recorded()).status).toBe('PLANNED');
      // Nothing more is said: the rungs that spoke stay spoken, and the plan is on schedule again.
      await env.sleep(3 * DAY);
      for (const person of [...managers, CHIEF, ...coordinators]) {
        expect(await received(person, missed)).toBe(person === CHIEF || managers.includes(person) ? 1 : 0);
        expect(
          await received(person, new RegExp(`^At risk: report to Governments for session ${session.number}`)),
        ).toBe(0);
      }
      await handle.terminate('test over');
    });
  });

  it('reminds once of an approval overdue long ago, then again only an interval after the last reminder', async () => {
    const queue = 'alerts-approval';
    const { session, worker, opening } = await awaitingApproval(62, queue);
    await worker.runUntil(async () => {
      const handle = await start(queue, session, opening);
      const overdue = new RegExp(`^Approval overdue: E/CN\\.15/${session.number}/2`);
      // Approval was due 40.5 days ago (21 days before the dispatch deadline, 19.5 days ago).
      await move(handle, session.number, await openingWithDeadlineIn(-19.5));
      await env.sleep(HOUR);
      for (const manager of managers) expect(await received(manager, overdue)).toBe(1);
      await env.sleep(2 * DAY);
      for (const manager of managers) expect(await received(manager, overdue)).toBe(1);
      await env.sleep(DAY + HOUR);
      for (const manager of managers) {
        expect(await received(manager, overdue)).toBe(2);
        const labels = (await texts(manager, overdue)).map((t) => /Reminder (\d+)\./.exec(t)?.[1]);
        expect(labels.sort()).toEqual(['1', '2']);
      }
      // The breach escalated once, to the chief's level, however far past it is.
      const missed = new RegExp(`^Deadline missed: report to Governments for session ${session.number}`);
      for (const person of [...managers, CHIEF]) expect(await received(person, missed)).toBe(1);
      await handle.terminate('test over');
    });
  });
});

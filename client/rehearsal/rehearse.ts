/**
 * `prep rehearse`: a session's whole preparation on the time-skipping test server, with simulated respondents, in
 * seconds. The real workflows run; only the activities are simulated. It prints a timeline in simulated dates and
 * whether every deadline holds.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { daysBeforeOpening, deadlinePlanOf } from '../../domain/deadlines';
import { escalationCheckpoints, nextForecastCheck } from '../../domain/escalation';
import { seededRandom } from '../../platform/seeded-random';
import { resolveTemporalBinary } from '../../platform/temporal-binaries';
import { installWorkerRuntime } from '../../worker/create-worker';
import { approveReportUpdate, preparationQuery, submissionReceivedSignal } from '../../workflows/definitions';
import type { PlanEntry } from '../../domain/deadlines';
import { RESOLUTION_1992_22_OBLIGATIONS } from '../../domain/obligations';
import { previewSessionPlan } from '../../services/session-plan';
import type { PlannedObligation } from '../../services/session-plan';
import { obligationDeadlineWorkflow, sessionPreparationWorkflow } from '../../workflows';
import { createSimulatedActivities } from './simulated-activities';
import type { SimulationState } from './simulated-activities';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export interface RehearsalOptions {
  openingDate: string;
  /**
   * The session's recorded plan and the obligations its deadline workflows watch, when its own dates are rehearsed;
   * absent, the plan `openingDate` would get today (recorded nowhere).
   */
  recorded?: { plan: PlanEntry[]; obligations: PlannedObligation[] };
  /** Organisations surveyed. */
  respondents: number;
  /** Share of organisations that reply at all (0–1). */
  responseRate: number;
  /** Share of the replies that arrive after the survey has closed (0–1). */
  lateRate: number;
  /** Share of organisations whose primary contact bounces (0–1); their alternate is used. */
  bounceRate: number;
  /** Transient SMTP faults to inject (each fails one attempt; Temporal retries). */
  smtpFaults: number;
  /** Days the manager takes to approve once the report is ready. */
  approvalDelayDays: number;
  /** Days before its due date that staff submit each other obligation's document (negative: after it). */
  obligationLeadDays: number;
  /** The mail server down for `days`, starting `startDay` days after the launch: every message then fails. */
  smtpOutage?: { startDay: number; days: number };
  /** No worker at all for `days`, starting `startDay` days after the launch (timers due meanwhile fire after). */
  workerOutage?: { startDay: number; days: number };
  seed: number;
  testServerPath?: string;
  onProgress?: (line: string) => void;
}

export interface RehearsalResult {
  plan: PlanEntry[];
  timeline: { at: string; what: string }[];
  /** Every deadline met (or not needed). */
  holds: boolean;
  dispatchedAt: string;
  daysBeforeOpening: number;
  replies: { onTime: number; late: number };
  obligations: { code: string; dueAt: string; rule: string; metAt?: string; status: string }[];
}

function previewOf(openingDate: string): { plan: PlanEntry[]; obligations: PlannedObligation[] } {
  const preview = previewSessionPlan(
    openingDate,
    RESOLUTION_1992_22_OBLIGATIONS.filter((o) => o.watchedBy === 'obligation-deadline'),
  );
  return { plan: preview.deadlines, obligations: preview.obligations };
}

/** The simulated world at the start: the organisations and their contacts, the governments, the obligations. */
function simulationOf(
  options: RehearsalOptions,
  rehearsed: { obligations: PlannedObligation[] },
  rand: () => number,
  now: () => Promise<number>,
): SimulationState {
  return {
    organisations: Array.from({ length: options.respondents }, (_, i) => ({
      id: `org-${String(i + 1).padStart(4, '0')}`,
      contacts: [
        { id: `org-${i + 1}-primary`, bounces: rand() < options.bounceRate },
        { id: `org-${i + 1}-alternate`, bounces: false },
      ],
    })),
    governments: Array.from({ length: 193 }, (_, i) => `gov-${i + 1}`),
    submitted: new Set(),
    timeline: [],
    smtpFaultsLeft: options.smtpFaults,
    obligations: new Map(
      rehearsed.obligations.map((o) => [
        `rehearsal-${o.code}`,
        {
          ...o,
          submitAt: Date.parse(o.dueAt) - options.obligationLeadDays * DAY,
          status: 'OPEN' as const,
        },
      ]),
    ),
    now,
  };
}

interface Window {
  from: number;
  until: number;
}

/**
 * The worker's outage, moved to the first moment at or after the one asked for that keeps it clear of every timer the
 * rehearsal knows of: the time-skipping server holds its clock while a workflow task or an activity retry waits for a
 * worker, so an outage spanning one would never end (a rehearsal stalled on the forecast's look three weeks after the
 * launch, inside a three-day outage; another on a mail retry during the mail server's outage). The known timers are
 * the forecast's weekly looks and the mail server's outage with a day of retries after it.
 */
function outageClearOfTimers(outage: { from: number; ms: number }, busy: Window[]): { from: number; ms: number } {
  const clear = (from: number) => busy.every((w) => w.until < from || w.from > from + outage.ms);
  const candidates = [outage.from, ...busy.map((w) => w.until + HOUR)].filter((c) => c >= outage.from);
  const from = candidates.sort((x, y) => x - y).find(clear) ?? outage.from;
  return { from, ms: outage.ms };
}

/** The forecast's looks (domain/escalation.ts `nextForecastCheck`) between `from` and the first rung. */
function forecastLooks(from: number, dispatchDeadline: number): Window[] {
  const ladder = escalationCheckpoints(dispatchDeadline);
  const looks: Window[] = [];
  for (let at = nextForecastCheck(from, ladder); at !== undefined; at = nextForecastCheck(at, ladder))
    looks.push({ from: at, until: at });
  return looks;
}

/**
 * The rehearsal's worker, and the outage it may be put through: taken away once the outage's start is reached, a
 * new one brought up after it. A worker that will go away keeps no workflow cache, hence no sticky task queue: the
 * time-skipping server died when a worker holding one went away (a replacement then replays histories).
 */
async function rehearsalWorker(
  env: TestWorkflowEnvironment,
  activities: ReturnType<typeof createSimulatedActivities>,
  state: SimulationState,
  outage: { from: number; ms: number } | undefined,
) {
  const startWorker = async (goesAway: boolean) => {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'rehearsal',
      workflowsPath: require.resolve('../../workflows'),
      activities,
      ...(goesAway ? { maxCachedWorkflows: 0 } : {}),
    });
    return { worker, running: worker.run() };
  };
  let current = await startWorker(outage !== undefined);
  const stop = async () => {
    if (current.worker.getState() === 'RUNNING') current.worker.shutdown();
    await current.running;
  };
  let pending = outage;
  /** Goes through the outage if it starts by `at` (and has not been gone through yet). */
  const outageBy = async (at: number) => {
    if (!pending || pending.from > at) return;
    const wait = pending.from - (await env.currentTimeMs());
    if (wait > 0) await env.sleep(wait);
    await stop();
    state.timeline.push({ at: await env.currentTimeMs(), what: 'WORKER DOWN' });
    await env.sleep(pending.ms);
    current = await startWorker(false);
    state.timeline.push({ at: await env.currentTimeMs(), what: 'worker back' });
    pending = undefined;
  };
  return { stop, outageBy };
}

/**
 * The organisations that reply, each at its moment: on time between launch and the close, or late (after it). A
 * late reply the closed cycle no longer takes is not counted.
 */
async function simulateReplies(
  env: TestWorkflowEnvironment,
  state: SimulationState,
  options: RehearsalOptions,
  rand: () => number,
  worker: Awaited<ReturnType<typeof rehearsalWorker>>,
  { start, closeAt }: { start: number; closeAt: number },
): Promise<{ onTime: number; late: number }> {
  const replies = state.organisations
    .filter(() => rand() < options.responseRate)
    .map((o) => {
      const late = rand() < options.lateRate;
      const at = late ? closeAt + (1 + rand() * 10) * DAY : start + DAY + rand() * (closeAt - start - 2 * DAY);
      return { organisationId: o.id, at, late };
    })
    .sort((a, b) => a.at - b.at);
  let onTime = 0;
  let late = 0;
  const cycle = env.client.workflow.getHandle('rehearsal-cycle');
  for (const reply of replies) {
    await worker.outageBy(reply.at);
    const wait = reply.at - (await env.currentTimeMs());
    if (wait > 0) await env.sleep(wait);
    const accepted = await cycle
      .signal(submissionReceivedSignal, {
        organisationId: reply.organisationId,
        contactId: `${reply.organisationId}-primary`,
      })
      .then(() => true)
      .catch(() => false); // the cycle has closed: a late reply is not counted
    if (accepted && !reply.late) {
      state.submitted.add(reply.organisationId);
      onTime += 1;
    } else {
      late += 1;
    }
  }
  return { onTime, late };
}

/** How each obligation ended: met (on time or late) or still open or breached. */
function obligationOutcomes(state: SimulationState): RehearsalResult['obligations'] {
  return [...state.obligations.values()].map((o) => ({
    code: o.code,
    dueAt: o.dueAt,
    rule: o.dueRule,
    metAt: o.metAt,
    status: o.status === 'MET' && Date.parse(o.metAt!) > Date.parse(o.dueAt) ? 'met late' : o.status.toLowerCase(),
  }));
}

export async function rehearse(options: RehearsalOptions): Promise<RehearsalResult> {
  const progress = options.onProgress ?? (() => undefined);
  const rehearsed = options.recorded ?? previewOf(options.openingDate);
  const rand = seededRandom(options.seed);
  installWorkerRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: resolveTemporalBinary('test-server', options.testServerPath) },
  });
  try {
    const state = simulationOf(options, rehearsed, rand, () => env.currentTimeMs());
    const plan = deadlinePlanOf(rehearsed.plan);
    const closeAt = Date.parse(plan['survey-close'].dueAt);
    const start = await env.currentTimeMs();
    const smtpOutage = options.smtpOutage && {
      from: start + options.smtpOutage.startDay * DAY,
      until: start + (options.smtpOutage.startDay + options.smtpOutage.days) * DAY,
    };
    const busy = [
      ...forecastLooks(start, Date.parse(plan['dispatch-deadline'].dueAt)),
      ...(smtpOutage ? [{ from: smtpOutage.from, until: smtpOutage.until + DAY }] : []),
    ];
    const worker = await rehearsalWorker(
      env,
      createSimulatedActivities(state),
      state,
      options.workerOutage &&
        outageClearOfTimers(
          { from: start + options.workerOutage.startDay * DAY, ms: options.workerOutage.days * DAY },
          busy,
        ),
    );

    try {
      if (smtpOutage) state.smtpOutage = smtpOutage;
      const handle = await env.client.workflow.start(sessionPreparationWorkflow, {
        taskQueue: 'rehearsal',
        workflowId: 'rehearsal-session',
        args: [
          {
            sessionId: 'rehearsal',
            openingDate: options.openingDate,
            plan: rehearsed.plan,
            cycleWorkflowId: 'rehearsal-cycle',
          },
        ],
      });
      const obligationHandles = await Promise.all(
        [...state.obligations.keys()].map((id) =>
          env.client.workflow.start(obligationDeadlineWorkflow, {
            taskQueue: 'rehearsal',
            workflowId: id,
            args: [{ sessionObligationId: id }],
          }),
        ),
      );
      progress(
        `rehearsal started: opening ${options.openingDate}, ${options.respondents} organisations, ${obligationHandles.length + 1} obligations`,
      );

      const { onTime, late } = await simulateReplies(env, state, options, rand, worker, { start, closeAt });
      await worker.outageBy(Number.POSITIVE_INFINITY);
      progress(`replies: ${onTime} on time, ${late} late`);

      // Wait for the report, then approve after the configured delay.
      for (;;) {
        const view = await handle.query(preparationQuery);
        if (view.stage === 'awaiting-approval' || view.stage === 'done') break;
        await env.sleep(Math.max(closeAt - (await env.currentTimeMs()), DAY / 24));
      }
      progress('report compiled and awaiting approval');
      await env.sleep(options.approvalDelayDays * DAY);
      const report = (await handle.query(preparationQuery)).report!;
      await handle.executeUpdate(approveReportUpdate, {
        args: [{ documentId: report.documentId, approvedBy: 'rehearsal manager' }],
      });
      progress(`approved after ${options.approvalDelayDays} days; dispatching`);
      const result = await handle.result();
      const final = await handle.query(preparationQuery);
      progress('report dispatched; waiting for the other obligations');
      // Their workflows notice a document at the next rung of the ladder (at most 16 days later) or at a weekly
      // recheck after a breach. Time is advanced explicitly to then: waiting on their results alone once ended in
      // "Workflow execution timed out" in a loaded full-suite run (the test server skipped past every timer).
      const lastSubmission = Math.max(...[...state.obligations.values()].map((o) => o.submitAt));
      const settled = lastSubmission + 17 * DAY - (await env.currentTimeMs());
      if (settled > 0) await env.sleep(settled);
      await Promise.all(obligationHandles.map((h) => h.result()));
      const obligations = obligationOutcomes(state);
      return {
        plan: final.plan,
        timeline: state.timeline.map((e) => ({ at: new Date(e.at).toISOString(), what: e.what })),
        holds:
          final.plan.every((d) => d.state === 'met' || d.state === 'skipped') &&
          obligations.every((o) => o.status === 'met'),
        dispatchedAt: result.dispatchedAt,
        daysBeforeOpening: daysBeforeOpening(options.openingDate, result.dispatchedAt),
        replies: { onTime, late },
        obligations,
      };
    } finally {
      await worker.stop();
    }
  } finally {
    await env.teardown();
  }
}

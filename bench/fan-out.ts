/**
 * Bench 1 and 5: the invitations of one cycle to N respondents through the whole system (launch → workflow →
 * page activities → ledger → SMTP), against bare nodemailer sending the same number of messages to the same SMTP
 * sink, and against the dev server starting and completing N no-op workflows. The worker runs as its own process,
 * so its resident memory through the cycle is measured too; the cycle's history is measured run by run.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { clientForDatabase } from '../client/database-identity';
import { readDatabaseIdentity } from '../platform/database-identity';
import { NativeConnection, Worker } from '@temporalio/worker';
import nodemailer from 'nodemailer';
import { launchPreparation } from '../client/preparation';
import { createSession } from '../services/sessions';
import { cycleQuery } from '../workflows/definitions';
import { compared, rate } from '../harness/figures';
import type { Figure } from '../harness/figures';
import type { BenchInfrastructure } from '../harness/infrastructure';
import { sampleMemory } from '../harness/memory-sampler';
import { addSyntheticOrganisations } from '../harness/roster';
import { startWorkerProcess, stopWorkerProcess } from '../harness/worker-process';

const DAY = 24 * 3600 * 1000;
const BODY = 'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a). '.repeat(20);

async function bareNodemailer(smtpPort: number, count: number, pool: boolean): Promise<number> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, ignoreTLS: true, pool });
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    await transport.sendMail({
      from: 'ccpcj-secretariat@example.org',
      to: `bare.${i}@example.org`,
      subject: 'Survey of crime prevention and criminal justice activities',
      text: BODY,
      html: `<p>${BODY}</p>`,
    });
  }
  const elapsed = performance.now() - started;
  transport.close();
  return elapsed;
}

async function noopWorkflows(temporalAddress: string, count: number): Promise<number> {
  const connection = await NativeConnection.connect({ address: temporalAddress });
  const clientConnection = await Connection.connect({ address: temporalAddress });
  const client = new Client({ connection: clientConnection });
  const worker = await Worker.create({
    connection,
    taskQueue: 'bench-noop',
    workflowsPath: require.resolve('./noop-workflow'),
  });
  const started = performance.now();
  await worker.runUntil(async () => {
    let next = 0;
    const lane = async () => {
      while (next < count) {
        const i = next++;
        await client.workflow.execute('noopWorkflow', { taskQueue: 'bench-noop', workflowId: `noop-${i}` });
      }
    };
    await Promise.all(Array.from({ length: 50 }, lane));
  });
  const elapsed = performance.now() - started;
  await clientConnection.close();
  await connection.close();
  return elapsed;
}

async function waitForPoller(client: Client, taskQueue: string): Promise<void> {
  for (;;) {
    const described = await client.workflowService.describeTaskQueue({
      namespace: 'default',
      taskQueue: { name: taskQueue },
      taskQueueType: 1, // workflow tasks
    });
    if ((described.pollers ?? []).length > 0) return;
    await sleep(250);
  }
}

export async function benchFanOut(infra: BenchInfrastructure, respondents: number): Promise<Figure[]> {
  const name = `fan-out ${respondents.toLocaleString('en')}`;
  // A connection per message is slow enough that a sample tells its rate.
  const plainSample = Math.min(respondents, 200);
  const plainMs = await bareNodemailer(infra.smtpPort, plainSample, false);
  const pooledMs = await bareNodemailer(infra.smtpPort, respondents, true);
  const noopMs = await noopWorkflows(infra.temporalAddress, respondents);

  const { url, db } = await infra.createDatabase();
  await addSyntheticOrganisations(db, respondents);
  const opening = new Date(Date.now() + 240 * DAY).toISOString().slice(0, 10);
  const closing = new Date(Date.now() + 244 * DAY).toISOString().slice(0, 10);
  await createSession(db, { number: 90, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'bench');
  const surveyed = await db.organisation.count({
    where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE'] } },
  });

  const taskQueue = 'bench-fan-out';
  const worker = startWorkerProcess({
    databaseUrl: url,
    temporalAddress: infra.temporalAddress,
    taskQueue,
    smtpPort: infra.smtpPort,
    dataDir: infra.scratchDir,
  });
  const connection = await Connection.connect({ address: infra.temporalAddress });
  // Started for this run's database, as the web server and `prep` start them (ARCHITECTURE.md, "Workflow identity").
  const temporal = clientForDatabase(connection, 'default', await readDatabaseIdentity(db));
  try {
    await waitForPoller(temporal, taskQueue);
    await sleep(2000); // the worker's memory settles after its workflow bundle is built
    const memory = sampleMemory(worker.pid!);
    const started = performance.now();
    const { cycleWorkflowId } = await launchPreparation({ db, temporal, taskQueue }, 90, 'bench@example.org');
    const cycle = temporal.workflow.getHandle(cycleWorkflowId);
    for (;;) {
      const view = await cycle.query(cycleQuery).catch(() => undefined);
      if (view && view.status !== 'inviting' && view.invited + view.undeliverable >= surveyed) break;
      if (worker.exitCode !== null) throw new Error(`the worker exited with code ${worker.exitCode}`);
      await sleep(250);
    }
    const oursMs = performance.now() - started;
    const { baselineMiB, peakMiB } = memory.stop();

    // Every run of the cycle's workflow, from the last back to the first.
    let runId: string | undefined = (await cycle.describe()).runId;
    let runs = 0;
    let longest = 0;
    let events = 0;
    while (runId) {
      const history = await temporal.workflow.getHandle(cycleWorkflowId, runId).fetchHistory();
      const length = history.events?.length ?? 0;
      runs += 1;
      events += length;
      longest = Math.max(longest, length);
      runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
    }
    const sent = await db.emailMessage.count({ where: { kind: 'invitation', status: 'SENT' } });

    const ours = rate(surveyed, oursMs);
    const fastestBare = Math.max(rate(plainSample, plainMs), rate(respondents, pooledMs));
    return [
      compared({
        benchmark: name,
        measure: 'invitations sent, end to end',
        value: ours,
        unit: 'msg/s',
        limit: { what: 'bare nodemailer, fastest of plain and pooled', value: fastestBare },
        note: `${surveyed} organisations invited in ${(oursMs / 1000).toFixed(1)} s; ${sent} ledger rows SENT; bare nodemailer ${rate(plainSample, plainMs)} msg/s with a connection per message (${plainSample} sent), ${rate(respondents, pooledMs)} msg/s pooled`,
      }),
      compared({
        benchmark: name,
        measure: 'invitations vs workflow starts',
        value: ours,
        unit: 'per s',
        limit: { what: `${respondents} no-op workflows on the dev server`, value: rate(respondents, noopMs) },
      }),
      {
        benchmark: name,
        measure: 'cycle workflow history, longest run',
        value: longest,
        unit: 'events',
        limit: { what: "Temporal's warning threshold", value: 10240 },
        ratio: Math.round((longest / 10240) * 1000) / 1000,
        note: `${runs} run(s), ${events} events in all`,
      },
      {
        benchmark: name,
        measure: 'worker resident memory',
        value: peakMiB,
        unit: 'MiB peak',
        limit: { what: 'the same worker idle before launch', value: baselineMiB },
        ratio: Math.round((peakMiB / Math.max(1, baselineMiB)) * 100) / 100,
      },
    ];
  } finally {
    await stopWorkerProcess(worker);
    await connection.close();
  }
}

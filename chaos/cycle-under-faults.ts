/**
 * A survey cycle to N respondents on the real dev server, with the worker as its own process, disrupted again and
 * again at random moments (each once the worker has sent something since the last disruption) while replies arrive
 * all the while. What disrupts it is the caller's: SIGKILLs of the worker (F1), a deploy, a restart of the Temporal
 * server or of PostgreSQL, the network between the worker and Temporal cut (F5, F7). Afterwards: every organisation invited (or its message held as uncertain, never
 * sent twice), every reply kept with exactly one receipt, no Message-ID at the SMTP sink twice, the cycle's workflow
 * completing on its own; and the time the system took to drain its backlog after the last disruption.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { clientForDatabase } from '../client/database-identity';
import { readDatabaseIdentity } from '../platform/database-identity';
import { SURVEYED_TYPES } from '../domain/questionnaires';
import { launchPreparation, notifySubmission } from '../client/preparation';
import { createSession } from '../services/sessions';
import { surveyMailPrefix } from '../services/mail-ledger/keys';
import { closeCycleSignal, cycleQuery } from '../workflows/definitions';
import type { BenchInfrastructure } from '../harness/infrastructure';
import { addSyntheticOrganisations } from '../harness/roster';
import { submitReplyOnce } from '../harness/replies';
import { startTcpProxy } from '../harness/tcp-proxy';
import type { TcpProxy } from '../harness/tcp-proxy';
import { lastErrorOutput, startWorkerProcess, stopWorkerProcess } from '../harness/worker-process';

const DAY = 24 * 3600 * 1000;
/** The system-wide survey's organisations (the synthetic roster is all UN entities). */
const SURVEYED = { type: { in: [...SURVEYED_TYPES.SYSTEM_WIDE] } };

/** What a disruption may do to the worker: replace it (after stopping it with `signal`), or cut its network. */
export interface FaultContext {
  replaceWorker: (signal: NodeJS.Signals) => Promise<void>;
  /** The worker reaches the Temporal server only through this relay, which can cut the network. */
  workerNetwork: TcpProxy;
}

export interface CycleFaultReport {
  respondents: number;
  /** What each disruption was, in order. */
  disruptions: string[];
  replies: number;
  invitedOrganisations: number;
  uncertainInvitations: number;
  missingInvitations: number;
  duplicateMessageIds: number;
  repliesKept: number;
  receipts: number;
  drainSeconds: number;
  /** Times the worker exited without being stopped (and was started again). */
  unaskedWorkerExits: number;
  cycleCompleted: boolean;
  wallSeconds: number;
}

function messageIdsAtSink(mailDir: string): string[] {
  return readdirSync(mailDir)
    .filter((f) => f.endsWith('.eml'))
    .map((f) => /^Message-ID:\s*(<[^>]+>)/im.exec(readFileSync(path.join(mailDir, f), 'utf8'))?.[1] ?? `missing:${f}`);
}

export async function cycleUnderFaults(
  infra: BenchInfrastructure,
  options: {
    respondents: number;
    replies: number;
    /** How many disruptions, and what the nth one does (it says what it did). */
    faults: number;
    disrupt: (n: number, context: FaultContext) => Promise<string>;
    sessionNumber: number;
    log: (line: string) => void;
  },
): Promise<CycleFaultReport> {
  const started = performance.now();
  const { url, db } = await infra.createDatabase();
  await addSyntheticOrganisations(db, options.respondents);
  const opening = new Date(Date.now() + 240 * DAY).toISOString().slice(0, 10);
  const closing = new Date(Date.now() + 244 * DAY).toISOString().slice(0, 10);
  await createSession(
    db,
    { number: options.sessionNumber, openingDate: opening, closingDate: closing, venue: 'Vienna' },
    'chaos',
  );
  const surveyed = await db.organisation.count({ where: SURVEYED });
  const taskQueue = `chaos-${options.sessionNumber}`;
  const workerNetwork = await startTcpProxy(infra.temporalAddress);
  // A worker that exits when nobody stopped it is started again, as the service manager does in production
  // (README, "Running in production"), and counted.
  const stopped = new WeakSet<ChildProcess>();
  let unaskedExits = 0;
  const spawnWorker = (): ChildProcess => {
    const child = startWorkerProcess({
      databaseUrl: url,
      temporalAddress: workerNetwork.address,
      taskQueue,
      smtpPort: infra.smtpPort,
      dataDir: infra.scratchDir,
      mailRatePerSecond: 200,
    });
    child.once('exit', (code, signal) => {
      if (stopped.has(child)) return;
      unaskedExits += 1;
      const why = lastErrorOutput(child).trim().split('\n').slice(-3).join(' | ');
      options.log(`the worker exited on its own (${signal ?? `code ${code}`}): started again. Last said: ${why}`);
      worker = spawnWorker();
    });
    return child;
  };
  const stopWorker = (signal?: NodeJS.Signals) => {
    stopped.add(worker);
    return stopWorkerProcess(worker, signal);
  };
  let worker: ChildProcess = spawnWorker();
  const connection = await Connection.connect({ address: infra.temporalAddress });
  // Started for this run's database, as the web server and `prep` start them (ARCHITECTURE.md, "Workflow identity").
  const temporal = clientForDatabase(connection, 'default', await readDatabaseIdentity(db));
  const deps = { db, temporal, taskQueue };
  const sent = () => db.emailMessage.count({ where: { status: { in: ['SENT', 'UNCERTAIN'] } } });
  try {
    const { cycleWorkflowId } = await launchPreparation(deps, options.sessionNumber, 'chaos@example.org');
    const cycle = temporal.workflow.getHandle(cycleWorkflowId);
    const cycleRow = await (async () => {
      for (;;) {
        const row = await db.surveyCycle.findFirst({ where: { workflowId: cycleWorkflowId } });
        if (row) return row; // opened by the preparation workflow's first steps
        await sleep(200);
      }
    })();

    // Replies arrive through the chaos, as the web service records them: the database first, then the signal.
    const repliers = (
      await db.organisation.findMany({ where: SURVEYED, select: { id: true }, take: options.replies })
    ).map((o) => o.id);
    let repliesSent = 0;
    let replying = true;
    const replies = (async () => {
      for (const organisationId of repliers) {
        if (!replying) break;
        const invitation = await db.invitation.findFirst({ where: { cycleId: cycleRow.id, organisationId } });
        if (!invitation) {
          repliers.push(organisationId); // not invited yet: later
          await sleep(200);
          continue;
        }
        await submitReplyOnce(db, { cycleId: cycleRow.id, organisationId, answers: { activitiesCarriedOut: 'no' } });
        await notifySubmission(temporal, cycleWorkflowId, organisationId, invitation.contactId);
        repliesSent += 1;
        await sleep(150);
      }
    })();

    const context: FaultContext = {
      async replaceWorker(signal) {
        await stopWorker(signal);
        worker = spawnWorker();
      },
      workerNetwork,
    };
    const disruptions: string[] = [];
    let lastRestart = performance.now();
    for (let n = 1; n <= options.faults; n += 1) {
      // A random moment while the worker is doing something: once it has sent anything since the last disruption.
      const before = await sent();
      const waitUntil = performance.now() + 45_000;
      while ((await sent()) === before && performance.now() < waitUntil) await sleep(100);
      await sleep(200 + Math.random() * 1500);
      disruptions.push(await options.disrupt(n, context));
      lastRestart = performance.now();
      options.log(
        `${disruptions.at(-1)} (${n}/${options.faults}): ${await sent()} messages out, replies so far ${repliesSent}`,
      );
    }
    replying = false;
    await replies;

    // Drained: every organisation invited and every reply's receipt out.
    for (;;) {
      const view = await cycle.query(cycleQuery).catch(() => undefined);
      const receipts = await db.emailMessage.count({
        where: { kind: 'receipt', status: { in: ['SENT', 'UNCERTAIN'] } },
      });
      if (
        view &&
        view.status !== 'inviting' &&
        view.invited + view.undeliverable >= surveyed &&
        receipts >= repliesSent
      )
        break;
      await sleep(250);
    }
    const drainSeconds = (performance.now() - lastRestart) / 1000;
    await cycle.signal(closeCycleSignal, { closedBy: 'chaos@example.org' });
    const completed = await Promise.race([cycle.result().then(() => true), sleep(120_000).then(() => false)]);

    // The system-wide cycle's invitations (the IGO/NGO survey runs beside it with the seeded IGOs and NGOs).
    const invitations = await db.emailMessage.findMany({
      where: { kind: 'invitation', businessKey: { startsWith: surveyMailPrefix('invitation', cycleRow.id) } },
    });
    const invitedOrganisations = new Set(
      (await db.invitation.findMany({ where: { cycleId: cycleRow.id, contact: { bouncedAt: null } } })).map(
        (i) => i.organisationId,
      ),
    ).size;
    const ids = messageIdsAtSink(infra.mailDir);
    return {
      respondents: surveyed,
      disruptions,
      replies: repliesSent,
      invitedOrganisations,
      uncertainInvitations: invitations.filter((m) => m.status === 'UNCERTAIN').length,
      missingInvitations: surveyed - invitations.filter((m) => m.status === 'SENT' || m.status === 'UNCERTAIN').length,
      duplicateMessageIds: ids.length - new Set(ids).size,
      repliesKept: await db.response.count({ where: { cycleId: cycleRow.id, status: 'SUBMITTED' } }),
      receipts: await db.emailMessage.count({ where: { kind: 'receipt', status: { in: ['SENT', 'UNCERTAIN'] } } }),
      drainSeconds: Math.round(drainSeconds * 10) / 10,
      unaskedWorkerExits: unaskedExits,
      cycleCompleted: completed,
      wallSeconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await stopWorker();
    await connection.close();
    await workerNetwork.close();
  }
}

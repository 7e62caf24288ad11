/**
 * The worker's probes and metrics for its operators, on WORKER_OPS_PORT: `/healthz` (the process is alive),
 * `/readyz` (the worker is polling its task queue and its database answers) and `/metrics` (Prometheus text format:
 * the mail ledger's states, the backlog, uncertain messages, missed dates, and the process). The Temporal SDK's own
 * runtime metrics (task slots, poll and task latencies, workflow task failures) come from its exporter on
 * TEMPORAL_METRICS_ADDRESS (worker/create-worker.ts).
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { Worker } from '@temporalio/worker';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { Db } from '../platform/database';
import { breachCounts } from '../services/breaches';
import { mailBacklog, mailByStatus } from '../services/mail-backlog';

export function workerRegistry(db: Db): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'commission_prep_worker_' });
  new Gauge({
    name: 'commission_prep_mail_messages',
    help: 'Messages of the mail ledger, by state (SENT counts every message sent)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const [status, count] of Object.entries(await mailByStatus(db))) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'commission_prep_mail_backlog',
    help: 'Messages that met a transient failure and wait for their next attempt',
    registers: [registry],
    async collect() {
      this.set((await mailBacklog(db)).retrying);
    },
  });
  new Gauge({
    name: 'commission_prep_mail_uncertain',
    help: 'Messages whose delivery nobody can confirm (never resent automatically): each needs a person',
    registers: [registry],
    async collect() {
      this.set((await mailBacklog(db)).uncertain);
    },
  });
  new Gauge({
    name: 'commission_prep_mail_alerts',
    help: 'Survey cycles whose e-mails have waited longer than the alert delay for the mail server',
    registers: [registry],
    async collect() {
      this.set((await mailBacklog(db)).alerts.length);
    },
  });
  new Gauge({
    name: 'commission_prep_dates_missed',
    help: 'Dates of the recorded plans that passed unmet, by kind (deadline, obligation)',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      const counts = await breachCounts(db);
      this.set({ kind: 'deadline' }, counts.deadlinesMissed);
      this.set({ kind: 'obligation' }, counts.obligationsBreached);
    },
  });
  return registry;
}

export async function startOpsServer(port: number, worker: Worker, db: Db): Promise<Server> {
  const registry = workerRegistry(db);
  const server = createServer((request, response) => {
    const send = (status: number, type: string, body: string) =>
      response.writeHead(status, { 'content-type': type }).end(body);
    const json = (status: number, body: unknown) => send(status, 'application/json', JSON.stringify(body));
    void (async () => {
      switch (request.url) {
        case '/healthz':
          return json(200, { ok: true });
        case '/readyz': {
          const polling = worker.getState() === 'RUNNING';
          const database = await db.$queryRaw`SELECT 1`.then(
            () => true,
            () => false,
          );
          return json(polling && database ? 200 : 503, {
            ready: polling && database,
            state: worker.getState(),
            database,
          });
        }
        case '/metrics':
          return send(200, registry.contentType, await registry.metrics());
        default:
          return json(404, { error: 'not_found' });
      }
    })().catch(() => json(503, { error: 'unavailable' }));
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}

/**
 * The probes a load balancer and an orchestrator ask. `/healthz` says the process is alive and nothing more (a
 * database outage must not get healthy servers restarted); `/readyz` says whether this server can serve: the
 * database answers within the probe's time, every migration of this build is applied, and Temporal answers. A server
 * that is not ready answers 503 with what failed, so traffic goes elsewhere until it is.
 */
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../platform/database';
import { pendingMigrations } from '../platform/migrate';

/** A probe answers within this time, whatever hangs behind it. */
const CHECK_TIMEOUT_MS = 2_000;

type Check = { ok: true } | { ok: false; problem: string };

async function withinTime(check: () => Promise<Check>): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Check>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, problem: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
      CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([
      check().catch((error: unknown) => ({ ok: false as const, problem: (error as Error).message.split('\n')[0]! })),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function readinessOf(db: Db, temporal: Client) {
  const [database, migrations, temporalServer] = await Promise.all([
    withinTime(async () => (await db.$queryRaw`SELECT 1`, { ok: true })),
    withinTime(async () => {
      const pending = await pendingMigrations(db);
      return pending.length === 0 ? { ok: true } : { ok: false, problem: `not applied: ${pending.join(', ')}` };
    }),
    withinTime(async () => (await temporal.workflowService.getSystemInfo({}), { ok: true })),
  ]);
  const checks = { database, migrations, temporal: temporalServer };
  return { ready: Object.values(checks).every((c) => c.ok), checks };
}

export function registerProbes(app: FastifyInstance, db: Db, temporal: Client): void {
  app.get('/healthz', (_request, reply) => reply.send({ ok: true }));
  app.get('/readyz', async (_request, reply) => {
    const readiness = await readinessOf(db, temporal);
    return reply.code(readiness.ready ? 200 : 503).send(readiness);
  });
}

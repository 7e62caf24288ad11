/**
 * The probes an operator's load balancer asks, and what a request meets when the database hangs or is gone (issue
 * 14, items 3 and 5): `/healthz` says alive, `/readyz` says whether the server can serve, and a request held by the
 * database is answered 503 with Retry-After within the statement timeout instead of waiting as long as it hangs.
 */
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createPrismaClient } from '../../platform/database';
import { pendingMigrations } from '../../platform/migrate';
import { HttpSession } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('probes and database timeouts', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('probes-test');
  });

  afterAll(() => stack?.close());

  it('is ready when the database answers, every migration is applied and Temporal answers', async () => {
    expect(await (await fetch(`${stack.baseUrl}/healthz`)).json()).toEqual({ ok: true });
    const ready = await fetch(`${stack.baseUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { database: { ok: true }, migrations: { ok: true }, temporal: { ok: true } },
    });
  });

  it('is alive but not ready while its database cannot be reached', async () => {
    const unreachable = createPrismaClient('postgresql://postgres@127.0.0.1:1/nowhere', {
      statementMs: 500,
      connectMs: 500,
    });
    const server = (await stack.anotherWebServer(unreachable)).baseUrl;
    expect((await fetch(`${server}/healthz`)).status).toBe(200);
    const started = Date.now();
    const ready = await fetch(`${server}/readyz`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { ready: boolean; checks: Record<string, { ok: boolean; problem?: string }> };
    expect(body.ready).toBe(false);
    expect(body.checks.database!.ok).toBe(false);
    expect(body.checks.temporal!.ok).toBe(true);
    // The probe answers within its own time, whatever hangs behind it.
    expect(Date.now() - started).toBeLessThan(10_000);
    await unreachable.$disconnect();
  });

  it('names the migrations this build has and the database lacks', async () => {
    const migrations = path.resolve(__dirname, '../../prisma/migrations');
    const withOneMore = mkdtempSync(path.join(os.tmpdir(), 'cp-migrations-'));
    for (const name of readdirSync(migrations, { withFileTypes: true }).filter((e) => e.isDirectory()))
      mkdirSync(path.join(withOneMore, name.name));
    mkdirSync(path.join(withOneMore, '29991231000000_from_a_newer_build'));
    expect(await pendingMigrations(stack.database.db, migrations)).toEqual([]);
    expect(await pendingMigrations(stack.database.db, withOneMore)).toEqual(['29991231000000_from_a_newer_build']);
  });

  it('answers 503 with Retry-After when the database holds a request past the statement timeout', async () => {
    const impatient = createPrismaClient(stack.database.url, { statementMs: 300, connectMs: 1_000 });
    const server = (await stack.anotherWebServer(impatient)).baseUrl;
    const coordinator = new HttpSession(server);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    // Another transaction holds the sessions table, as a frozen or overloaded database would.
    const holder = new Client({ connectionString: stack.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE "Session" IN ACCESS EXCLUSIVE MODE');
    try {
      const started = Date.now();
      const response = await fetch(`${server}/console`, { headers: { cookie: coordinator.cookieHeader() } });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('30');
      expect(await response.text()).toContain('Nothing was lost');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect((await fetch(`${server}/console`, { headers: { cookie: coordinator.cookieHeader() } })).status).toBe(200);
    await impatient.$disconnect();
  });
});

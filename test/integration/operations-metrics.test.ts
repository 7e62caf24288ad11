/**
 * What operators scrape (issue 14, item 3): the web server's /metrics (requests by route pattern, latency, saves,
 * refusals by reason) behind its bearer token, and a worker process's probes and metrics with the Temporal SDK's
 * own runtime metrics. Every scrape is read with a real exposition-format parser.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually, HttpSession } from '../helpers/http';
import { family, scrape } from '../helpers/metrics';
import { freePort } from '../helpers/ports';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const ROOT = path.resolve(__dirname, '../..');
const METRICS_TOKEN = 'metrics-test-token-0123456789';

describe('operations: metrics and probes', () => {
  let stack: Stack;
  let workerProcess: ChildProcess | undefined;

  beforeAll(async () => {
    stack = await startStack('metrics-test', { METRICS_TOKEN });
  });

  afterAll(async () => {
    workerProcess?.kill('SIGTERM');
    await stack?.close();
  });

  it('counts requests by route pattern, saves and refusals by reason, and asks for the bearer token', async () => {
    expect((await fetch(`${stack.baseUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${stack.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);

    const guessed = randomBytes(32).toString('base64url');
    expect((await fetch(`${stack.baseUrl}/r/${guessed}`)).status).toBe(404);
    // A POST without the form's token: refused as CSRF.
    expect((await new HttpSession(stack.baseUrl).request('POST', '/logout', {})).status).toBe(403);
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.get('/console/sessions/abc')).status).toBe(400);

    const text = await (
      await fetch(`${stack.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(text).not.toContain(guessed);
    const families = await scrape(`${stack.baseUrl}/metrics`, { authorization: `Bearer ${METRICS_TOKEN}` });
    const requests = family(families, 'commission_prep_http_requests_total');
    expect(requests.type).toBe('COUNTER');
    expect(requests.metrics).toContainEqual({
      labels: { method: 'GET', route: '/r/:token', status: '404' },
      value: '1',
    });
    expect(requests.metrics).toContainEqual(
      expect.objectContaining({ labels: { method: 'POST', route: '/login', status: '302' } }),
    );
    const latency = family(families, 'commission_prep_http_request_duration_seconds');
    expect(latency.type).toBe('HISTOGRAM');
    // The parser folds a labelled histogram's buckets into one set (it follows prom2json's flat form): the buckets
    // are there and counted; the per-route split is checked on the counter above.
    expect(Number(latency.metrics[0]?.buckets?.['+Inf'])).toBeGreaterThanOrEqual(1);
    const refusals = family(families, 'commission_prep_http_refusals_total').metrics;
    expect(refusals).toContainEqual({ labels: { reason: 'csrf' }, value: '1' });
    expect(refusals).toContainEqual({ labels: { reason: 'invalid_input' }, value: '1' });
    expect(family(families, 'commission_prep_reply_saves_total').type).toBe('COUNTER');
    expect(family(families, 'commission_prep_web_process_resident_memory_bytes').type).toBe('GAUGE');
  });

  it('serves a worker process’s probes and metrics, and the Temporal SDK’s runtime metrics', async () => {
    const [opsPort, sdkPort] = [await freePort(), await freePort()];
    workerProcess = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['worker/main.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: stack.database.url,
        TEMPORAL_ADDRESS: stack.env.address,
        TEMPORAL_TASK_QUEUE: 'metrics-test-worker',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: '1',
        SESSION_SECRET: 'metrics-test-secret-of-at-least-32-characters',
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-metrics-')),
        WORKER_OPS_PORT: String(opsPort),
        TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${sdkPort}`,
        LOG_LEVEL: 'warn',
      },
    });
    const ops = `http://127.0.0.1:${opsPort}`;
    // Ready once it polls its task queue (the workflow bundle is built first).
    await eventually(
      async () => (await fetch(`${ops}/readyz`).catch(() => undefined))?.status === 200,
      90_000,
      'the worker ready',
    );
    expect(await (await fetch(`${ops}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${ops}/readyz`)).json()).toEqual({ ready: true, state: 'RUNNING', database: true });

    const families = await scrape(`${ops}/metrics`);
    for (const name of [
      'commission_prep_mail_backlog',
      'commission_prep_mail_uncertain',
      'commission_prep_mail_alerts',
    ])
      expect(family(families, name).metrics).toEqual([{ value: '0' }]);
    expect(family(families, 'commission_prep_dates_missed').metrics).toEqual([
      { labels: { kind: 'deadline' }, value: '0' },
      { labels: { kind: 'obligation' }, value: '0' },
    ]);
    expect(family(families, 'commission_prep_mail_messages').type).toBe('GAUGE');

    const sdk = await eventually(
      async () => {
        const scraped = await scrape(`http://127.0.0.1:${sdkPort}/metrics`).catch(() => undefined);
        return scraped?.some((f) => f.name.startsWith('temporal_')) && scraped;
      },
      30_000,
      'the SDK metrics',
    );
    const names = sdk.map((f) => f.name);
    expect(names.some((n) => n.startsWith('temporal_worker_task_slots_available'))).toBe(true);
    expect(names.some((n) => n.startsWith('temporal_num_pollers'))).toBe(true);

    workerProcess.kill('SIGTERM');
    await eventually(
      async () => (await fetch(`${ops}/readyz`).catch(() => undefined))?.status !== 200,
      30_000,
      'the worker no longer ready',
    );
  });
});

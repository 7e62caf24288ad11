/**
 * Two web servers and two workers against one Temporal server and one database (issue 14, item 2), as a Secretariat
 * runs it behind a load balancer. Respondents are spread across both web servers; mid-cycle one worker is killed
 * (SIGKILL, no cleanup) and one web server is stopped. Nothing is lost (every reply stored, every receipt sent),
 * nothing is sent twice (one invitation and one receipt per organisation at the mail server), and the link-guessing
 * limit holds across both servers.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession } from '../../services/sessions';
import { LINK_GUESSES } from '../../web/routes/respondent/guessing-budget';
import { HttpSession, eventually } from '../helpers/http';
import { freePort } from '../helpers/ports';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const ROOT = path.resolve(__dirname, '../..');
const DAY = 24 * 3600 * 1000;
const LINK = /\/r\/([A-Za-z0-9_-]{43})/;
const TASK_QUEUE = 'two-by-two';

describe('two web servers and two workers', () => {
  let stack: Stack;
  let secondWeb: { baseUrl: string; close(): Promise<void> };
  let secondWorker: ChildProcess;

  beforeAll(async () => {
    // Behind the load balancer: each respondent's own address arrives in X-Forwarded-For.
    stack = await startStack(TASK_QUEUE, { MAIL_RATE_PER_SECOND: '20', TRUST_PROXY: 'true' });
    secondWeb = await stack.anotherWebServer();
    const secondWorkerOps = await freePort();
    // The second worker is a process of its own on the same task queue, database and mail server.
    secondWorker = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['worker/main.ts'], {
      cwd: ROOT,
      stdio: 'ignore',
      detached: true,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: stack.database.url,
        TEMPORAL_ADDRESS: stack.env.address,
        TEMPORAL_TASK_QUEUE: TASK_QUEUE,
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(stack.mail.port),
        MAIL_RATE_PER_SECOND: '20',
        PUBLIC_BASE_URL: stack.baseUrl,
        SESSION_SECRET: 'integration-test-secret-of-at-least-32-characters',
        DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'cp-2x2-')),
        WORKER_OPS_PORT: String(secondWorkerOps),
        LOG_LEVEL: 'warn',
      },
    });
    // Both workers poll before the cycle starts, so the work is shared between them.
    await eventually(
      async () => (await fetch(`http://127.0.0.1:${secondWorkerOps}/readyz`).catch(() => undefined))?.status === 200,
      90_000,
      'the second worker polling',
    );
  });

  afterAll(async () => {
    try {
      process.kill(-secondWorker.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await stack?.close();
  });

  it('loses nothing and sends nothing twice when one worker and one web server die mid-cycle', async () => {
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(
      stack.database.db,
      { number: 54, openingDate: opening, closingDate: closing, venue: 'Vienna' },
      'test',
    );
    const coordinator = new HttpSession(secondWeb.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/54/launch')).status).toBe(302);

    const surveyed = await eventually(
      async () => {
        const cycles = await stack.database.db.surveyCycle.findMany({ include: { invitations: true } });
        return cycles.length === 2 && cycles.every((c) => c.invitations.length > 0) && cycles;
      },
      60_000,
      'both surveys inviting',
    );
    // Mid-fan-out: the second worker dies without a word. The first one carries on from the last heartbeat.
    process.kill(-secondWorker.pid!, 'SIGKILL');
    // The fan-out is done when every invitation is settled in the ledger and no invitation is added. A message the
    // killed worker was sending is UNCERTAIN: never resent automatically (it may have left), shown to people.
    const cycleIds = surveyed.map((c) => c.id);
    let previous = -1;
    const organisations = await eventually(
      async () => {
        const rows = await stack.database.db.invitation.count({ where: { cycleId: { in: cycleIds } } });
        const settledRows = await stack.database.db.emailMessage.count({
          where: { kind: 'invitation', status: { in: ['SENT', 'UNCERTAIN'] } },
        });
        const settled = rows === settledRows && rows === previous;
        previous = rows;
        if (!settled) await new Promise((resolve) => setTimeout(resolve, 1_000));
        return settled && rows;
      },
      150_000,
      'every invitation settled',
    );
    const uncertain = await stack.database.db.emailMessage.count({
      where: { kind: 'invitation', status: 'UNCERTAIN' },
    });
    const invitations = (await stack.mail.store.all()).filter((m) => LINK.test(m.parsed.text ?? ''));
    // Each uncertain message either reached the mail server or not; every other one did, once.
    expect(invitations.length).toBeGreaterThanOrEqual(organisations - uncertain);
    expect(invitations.length).toBeLessThanOrEqual(organisations);
    const links = [...new Set(invitations.map((m) => LINK.exec(m.parsed.text ?? '')![1]!))];
    expect(links).toHaveLength(invitations.length);

    // Respondents spread across both web servers; halfway, the second web server stops, as in a deploy, and the
    // load balancer sends the rest to the first.
    const servers = [stack.baseUrl, secondWeb.baseUrl];
    for (const [index, token] of links.entries()) {
      if (index === Math.floor(links.length / 2)) await secondWeb.close();
      const base = index < links.length / 2 ? servers[index % 2]! : stack.baseUrl;
      const respondent = new HttpSession(base, { 'x-forwarded-for': `198.51.100.${index + 1}` });
      const filed = await respondent.submit(`/r/${token}`, `/r/${token}/nil`);
      expect(filed.status).toBe(303);
    }

    const stored = await stack.database.db.response.findMany({ where: { cycleId: { in: cycleIds } } });
    expect(stored.filter((r) => r.status === 'NIL_RETURN')).toHaveLength(links.length);

    // Receipts are in the respondent's language: counted in the ledger, then at the mail server below.
    await eventually(
      async () =>
        (await stack.database.db.emailMessage.count({ where: { kind: 'receipt', status: 'SENT' } })) >= links.length,
      120_000,
      'a receipt per organisation',
    );
    // Give a duplicate the time to arrive, then count: one of each per address.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const all = await stack.mail.store.all();
    const perMessage = new Map<string, number>();
    for (const message of all) {
      const key = `${JSON.stringify(message.parsed.to)} ${LINK.test(message.parsed.text ?? '') ? 'invitation' : message.parsed.subject}`;
      perMessage.set(key, (perMessage.get(key) ?? 0) + 1);
    }
    expect([...perMessage].filter(([, count]) => count > 1)).toEqual([]);
    const receipts = all.filter((m) => /\b[0-9A-F]{4}-[0-9A-F]{8}\b/.test(m.parsed.subject ?? ''));
    expect(receipts.length).toBe(links.length);
    expect(await stack.database.db.emailMessage.count({ where: { kind: 'receipt' } })).toBe(links.length);
  }, 400_000);

  it('holds the link-guessing limit across web servers', async () => {
    const third = await stack.anotherWebServer();
    const guess = () => `/r/${randomBytes(32).toString('base64url')}`;
    const address = { 'x-forwarded-for': '203.0.113.77' };
    const elsewhere = { 'x-forwarded-for': '203.0.113.78' };
    for (let miss = 0; miss < LINK_GUESSES.misses; miss += 1) {
      const base = miss % 2 === 0 ? stack.baseUrl : third.baseUrl;
      expect((await fetch(`${base}${guess()}`, { headers: address })).status).toBe(404);
    }
    expect((await fetch(`${stack.baseUrl}${guess()}`, { headers: address })).status).toBe(429);
    expect((await fetch(`${third.baseUrl}${guess()}`, { headers: address })).status).toBe(429);
    expect((await fetch(`${third.baseUrl}${guess()}`, { headers: elsewhere })).status).toBe(404);
  });
});

/**
 * Staff logins that can end, CSRF tokens bound to what received the form, and limits that hold per account and across
 * web servers (issue 14, item 5), over HTTP on the real stack. The stack trusts X-Forwarded-For, as it would behind
 * the Secretariat's load balancer, so that one test can speak from many addresses.
 */
import { randomBytes } from 'node:crypto';
import { changeRole, endLoginsOfUser, removeUser } from '../../services/users';
import { LINK_GUESSES } from '../../web/routes/respondent/guessing-budget';
import { HttpSession, csrfToken } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

let addressCounter = 0;
/** A fresh client address for each caller, so that the per-address limits of one test do not touch another. */
const freshAddress = () => `203.0.113.${++addressCounter}`;

describe('staff logins and shared limits', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('logins-test', { TRUST_PROXY: 'true', LOGIN_IDLE_MINUTES: '30' });
  });

  afterAll(() => stack?.close());

  /** A sign-in from `address`, as a browser would: the form's page first, then the POST with its cookies. */
  async function signIn(email: string, password: string, address = freshAddress()) {
    const page = await fetch(`${stack.baseUrl}/login`, { headers: { 'x-forwarded-for': address } });
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const response = await fetch(`${stack.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'x-forwarded-for': address, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrfToken(await page.text()), email, password, next: '/' }).toString(),
    });
    const login = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('cp_session='));
    return { status: response.status, cookie: [cookie, login].filter(Boolean).join('; ') };
  }

  const dashboardWith = async (cookie: string) =>
    (await fetch(`${stack.baseUrl}/dashboard`, { redirect: 'manual', headers: { cookie } })).status;

  it('ends the login at sign-out: a copy of the cookie kept from before is refused', async () => {
    const manager = new HttpSession(stack.baseUrl);
    await manager.login('manager@example.org', 'manager-demo');
    const copied = manager.cookieHeader();
    expect(await dashboardWith(copied)).toBe(200);
    const signedOut = await manager.submit('/', '/logout');
    expect(signedOut.status).toBe(302);
    expect(await dashboardWith(copied)).toBe(302);
  });

  it('ends every login of a user when an administrator says so, and removes them with the user', async () => {
    const first = await signIn('manager@example.org', 'manager-demo');
    const second = await signIn('manager@example.org', 'manager-demo');
    expect(await dashboardWith(first.cookie)).toBe(200);
    expect(await endLoginsOfUser(stack.database.db, 'manager@example.org', 'admin@example.org')).toBeGreaterThanOrEqual(
      2,
    );
    expect(await dashboardWith(first.cookie)).toBe(302);
    expect(await dashboardWith(second.cookie)).toBe(302);

    await stack.database.db.user.create({
      data: {
        email: 'leaving.manager@example.org',
        name: 'Leaving Manager',
        role: 'MANAGER',
        passwordHash: (await stack.database.db.user.findUniqueOrThrow({ where: { email: 'manager@example.org' } }))
          .passwordHash,
      },
    });
    const leaving = await signIn('leaving.manager@example.org', 'manager-demo');
    expect(await dashboardWith(leaving.cookie)).toBe(200);
    await removeUser(stack.database.db, 'leaving.manager@example.org', 'admin@example.org');
    expect(await dashboardWith(leaving.cookie)).toBe(302);
    const audit = await stack.database.db.auditEvent.findMany({ where: { entity: 'User' } });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['user.logins-ended', 'user.removed']));
  });

  it('ends a user’s logins when their role changes, so the new role needs a new sign-in', async () => {
    const before = await signIn('manager@example.org', 'manager-demo');
    expect(await dashboardWith(before.cookie)).toBe(200);
    expect(await changeRole(stack.database.db, 'manager@example.org', 'COORDINATOR', 'admin@example.org')).toEqual({
      ended: expect.any(Number),
    });
    expect(await dashboardWith(before.cookie)).toBe(302);
    const after = await signIn('manager@example.org', 'manager-demo');
    // Now a coordinator: the manager-only approval is refused.
    const approve = await fetch(`${stack.baseUrl}/dashboard/sessions/1/approve`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: after.cookie },
    });
    expect(approve.status).toBe(403);
    await changeRole(stack.database.db, 'manager@example.org', 'MANAGER', 'admin@example.org');
  });

  it('ends a login left idle longer than the idle timeout', async () => {
    const idle = await signIn('coordinator@example.org', 'coordinator-demo');
    expect(await dashboardWith(idle.cookie)).toBe(200);
    await stack.database.db.loginSession.updateMany({
      where: { user: { email: 'coordinator@example.org' }, endedAt: null },
      data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) },
    });
    expect(await dashboardWith(idle.cookie)).toBe(302);
  });

  it('refuses a form token issued to an earlier login of the same browser', async () => {
    const browser = new HttpSession(stack.baseUrl);
    await browser.login('coordinator@example.org', 'coordinator-demo');
    const earlierToken = csrfToken((await browser.get('/console')).body);
    expect((await browser.submit('/', '/logout')).status).toBe(302);
    await browser.login('coordinator@example.org', 'coordinator-demo');
    // The browser keeps its CSRF secret across logins: only the binding to the login refuses the old token.
    const replayed = await browser.request('POST', '/logout', { _csrf: earlierToken });
    expect(replayed.status).toBe(403);
    const own = await browser.request('POST', '/logout', { _csrf: csrfToken((await browser.get('/console')).body) });
    expect(own.status).toBe(302);
  });

  it('limits wrong passwords per account across addresses: the right one after many wrong ones is refused', async () => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const wrong = await signIn('coordinator@example.org', `guess-${attempt}`, `198.51.100.${attempt % 10}`);
      expect(wrong.status).toBe(attempt < 10 ? 401 : 429);
    }
    const right = await signIn('coordinator@example.org', 'coordinator-demo', freshAddress());
    expect(right.status).toBe(429);
    // Another account is not held up by it.
    expect((await signIn('manager@example.org', 'manager-demo')).status).toBe(302);
  });

  it('holds the account limit against wrong passwords sent all at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn('nobody.at.once@example.org', `guess-${i}`, `198.51.100.${100 + i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
  });

  it('signs out of a login that has already ended, and clears its cookie', async () => {
    const browser = new HttpSession(stack.baseUrl);
    await browser.login('manager@example.org', 'manager-demo');
    const home = await browser.get('/');
    await endLoginsOfUser(stack.database.db, 'manager@example.org', 'admin@example.org');
    const signedOut = await browser.request('POST', '/logout', { _csrf: csrfToken(home.body) });
    expect(signedOut.status).toBe(302);
    expect(browser.cookieHeader()).not.toContain('cp_session=');
  });

  it('answers an unknown e-mail in about the time of a known one (the password is hashed either way)', async () => {
    const timeOf = async (email: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const started = performance.now();
        await signIn(email, 'not-the-password');
        samples.push(performance.now() - started);
      }
      return samples.sort((a, b) => a - b)[2]!;
    };
    const known = await timeOf('manager@example.org');
    const unknown = await timeOf('nobody@example.org');
    // Before, an unknown e-mail answered in a fifteenth of the time; a third is far outside any noise of hashing.
    expect(unknown).toBeGreaterThan(known / 3);
  });

  it('spends one guessing budget per address across every link route and every web server', async () => {
    const guesser = freshAddress();
    const other = freshAddress();
    const guess = () => randomBytes(32).toString('base64url');
    const get = (base: string, path: string, address: string) =>
      fetch(`${base}${path}`, { headers: { 'x-forwarded-for': address } }).then((r) => r.status);
    const secondServer = (await stack.anotherWebServer()).baseUrl;
    for (let miss = 0; miss < LINK_GUESSES.misses; miss += 1) {
      // Half of the guesses through each server, on different routes.
      const base = miss % 2 === 0 ? stack.baseUrl : secondServer;
      expect(await get(base, miss % 3 === 0 ? `/r/${guess()}` : `/r/${guess()}/reply`, guesser)).toBe(404);
    }
    for (const path of [`/r/${guess()}`, `/r/${guess()}/form`, `/r/${guess()}/receipt`, `/r/${guess()}/no-reminders`]) {
      expect(await get(stack.baseUrl, path, guesser)).toBe(429);
      expect(await get(secondServer, path, guesser)).toBe(429);
    }
    const autosave = await fetch(`${secondServer}/r/${guess()}/form/autosave`, {
      method: 'POST',
      headers: { 'x-forwarded-for': guesser, 'content-type': 'application/json', accept: 'application/json' },
      body: '{}',
    });
    expect(autosave.status).toBe(429);
    expect(Number(autosave.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address still gets the neutral page.
    expect(await get(stack.baseUrl, `/r/${guess()}`, other)).toBe(404);
  });
});

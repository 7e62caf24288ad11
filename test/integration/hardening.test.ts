/**
 * What an independent test found at the web server's edge (issue 14, item 5), each kept fixed here, over HTTP on the
 * real stack: security headers on every response, no open redirect after login, and a 400 that says what is wrong
 * for a session number that is not one.
 */
import { HttpSession } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('the web server’s edge', () => {
  let stack: Stack;
  let manager: HttpSession;
  let coordinator: HttpSession;

  beforeAll(async () => {
    stack = await startStack('hardening-test');
    manager = new HttpSession(stack.baseUrl);
    await manager.login('manager@example.org', 'manager-demo');
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
  });

  afterAll(() => stack?.close());

  const headersOf = async (path: string, cookie = '') =>
    (await fetch(`${stack.baseUrl}${path}`, { redirect: 'manual', headers: { cookie } })).headers;

  it.each([
    ['the signed-in dashboard', '/dashboard', true],
    ['the console', '/console', true],
    ['the login page', '/login', false],
    ['a personal link that does not exist', '/r/0000000000000000000000', false],
    ['a page that does not exist', '/no-such-page', false],
    ['the liveness probe', '/healthz', false],
  ])('sends CSP, frame refusal, nosniff and a referrer policy on %s', async (_what, path, signedIn) => {
    const headers = await headersOf(path, signedIn ? manager.cookieHeader() : '');
    const csp = headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    // Plain http (the embedded default): nothing may be upgraded to a port that is not listening.
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    // Personal-link pages send no referrer at all (their path is the capability); every other page same-origin.
    expect(headers.get('referrer-policy')).toBe(path.startsWith('/r/') ? 'no-referrer' : 'same-origin');
  });

  it.each([['/%5Cevil.example/phish'], ['/%09/evil.example'], ['//evil.example'], ['https://evil.example/']])(
    'never sends a signed-in user off-site after login (next=%s)',
    async (next) => {
      const page = await new HttpSession(stack.baseUrl).get(`/login?next=${next}`);
      expect(page.body).not.toContain('evil.example');
      const visitor = new HttpSession(stack.baseUrl);
      const signedIn = await visitor.submit('/login', '/login', {
        email: 'manager@example.org',
        password: 'manager-demo',
        next: decodeURIComponent(next),
      });
      expect(signedIn.status).toBe(302);
      expect(signedIn.location).toBe('/');
    },
  );

  it('follows a path of this site after login', async () => {
    const visitor = new HttpSession(stack.baseUrl);
    const signedIn = await visitor.submit('/login', '/login', {
      email: 'manager@example.org',
      password: 'manager-demo',
      next: '/dashboard?session=60#plan',
    });
    expect(signedIn.location).toBe('/dashboard?session=60#plan');
  });

  it.each([['abc'], ['1e999'], ['-1'], ['0'], ['60.5']])(
    'answers /console/sessions/%s with a 400 that says what is wrong',
    async (number) => {
      const page = await coordinator.get(`/console/sessions/${number}`);
      expect(page.status).toBe(400);
      expect(page.body).toContain('The session number in the address must be a whole number');
      const json = await fetch(`${stack.baseUrl}/console/sessions/${number}`, {
        headers: { cookie: coordinator.cookieHeader(), accept: 'application/json' },
      });
      expect(json.status).toBe(400);
      expect(await json.json()).toMatchObject({ error: 'invalid_input' });
    },
  );

  it('keeps the mailbox, which lists every personal link, behind sign-in', async () => {
    for (const path of ['/mailbox', '/mailbox/any-message', '/mailbox/any-message/attachments/0']) {
      const anonymous = await fetch(`${stack.baseUrl}${path}`, { redirect: 'manual' });
      expect(anonymous.status).toBe(302);
      expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
    }
    expect((await coordinator.get('/mailbox')).status).toBe(200);
  });

  it('names each request in its answer and its log lines: the load balancer’s id, else a new one', async () => {
    const given = await fetch(`${stack.baseUrl}/healthz`, { headers: { 'x-request-id': 'lb-7f3a.42' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const made = (await fetch(`${stack.baseUrl}/healthz`)).headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const odd = await fetch(`${stack.baseUrl}/healthz`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(stack.logLines.some((line) => line.includes('"reqId":"lb-7f3a.42"'))).toBe(true);
  });
});

/**
 * No log line carries a personal-link token, whatever the route: Fastify's own messages for unknown routes, bad URLs
 * and refused bodies included, and no framework reply echoes the token either. (Every test file on the stack also
 * checks its whole log against every token it e-mailed, when the stack closes.)
 */
import { createSession } from '../../services/sessions';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const LINK = /http:\/\/127\.0\.0\.1:\d+\/r\/([A-Za-z0-9_-]{43})/;

describe('tokens in logs', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('tokens-in-logs-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(
      stack.database.db,
      { number: 46, openingDate: opening, closingDate: closing, venue: 'Vienna' },
      'test',
    );
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/46/launch')).status).toBe(302);
  });

  afterAll(() => stack?.close());

  it('writes no token into any log line and echoes none, whatever the route', async () => {
    const token = await eventually(
      async () => {
        const found = (await stack.mail.store.all()).filter((m) =>
          JSON.stringify(m.parsed.to).includes('focal.point@undp.example.org'),
        );
        return LINK.exec(found.at(-1)?.parsed.text ?? '')?.[1];
      },
      60_000,
      'invitation',
    );
    const from = stack.logLines.length;
    const bodies: string[] = [];
    const send = async (method: string, path: string, init: RequestInit = {}) => {
      const response = await fetch(`${stack.baseUrl}${path}`, { method, redirect: 'manual', ...init });
      bodies.push(`${method} ${response.status} ${await response.text()}`);
      return response.status;
    };
    // The paths that leaked before: Fastify's "Route GET:/r/<token>/ not found" for each of them.
    expect(await send('GET', `/r/${token}/`)).toBe(404);
    expect(await send('GET', `/r/${token}/start`)).toBe(404);
    expect(await send('GET', `/r/${token}/no/such/page`)).toBe(404);
    expect(await send('GET', `/r/${token}/`, { headers: { accept: 'application/json' } })).toBe(404);
    expect(await send('HEAD', `/r/${token}/`)).toBe(404);
    expect(await send('OPTIONS', `/r/${token}`)).toBe(404);
    expect(await send('GET', `//r//${token}`)).toBe(404);
    expect(await send('GET', `/R/${token}`)).toBe(404);
    expect(await send('GET', `/r%2F${token}`)).toBe(404);
    // Framework errors that quote the URL or refuse the body.
    expect(await send('GET', `/r/${token}%zz`)).toBe(400);
    const post = (path: string, type: string, body: string) =>
      send('POST', path, { headers: { 'content-type': type }, body });
    expect(await post(`/r/${token}/form`, 'application/xml', '<a/>')).toBeGreaterThanOrEqual(400);
    expect(await post(`/r/${token}/form/autosave`, 'application/json', '{"version": 1, "answers": ')).toBe(400);
    expect(await post(`/r/${token}/no-such-action`, 'application/x-www-form-urlencoded', 'a=1')).toBeGreaterThanOrEqual(
      400,
    );

    const lines = stack.logLines.slice(from);
    // The requests were logged (so the check below is not vacuous), and no line holds the token.
    expect(lines.filter((line) => line.includes('/r/[redacted]')).length).toBeGreaterThanOrEqual(10);
    expect(lines.filter((line) => line.includes(token))).toEqual([]);
    expect(bodies.filter((body) => body.includes(token))).toEqual([]);
  });
});

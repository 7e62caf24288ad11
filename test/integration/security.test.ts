/**
 * The respondent link and the staff pages under attack (ARCHITECTURE.md): GET and HEAD change nothing, every unusable
 * link gets the same answer, lookups are rate-limited, state changes need the form's CSRF token, a link reaches only
 * its own organisation, markup in answers is escaped, and staff pages need the right role.
 */
import { Client as PgClient } from 'pg';
import { launchPreparation } from '../../client/preparation';
import { CATALOGUES } from '../../domain/i18n';
import { createSession } from '../../services/sessions';
import { hashAccessToken, newAccessToken } from '../../services/tokens';
import { whileReadOnly } from '../helpers/database';
import { HttpSession, csrfToken, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/;

describe('security of links and pages', () => {
  let stack: Stack;
  let links: { organisation: string; link: string }[];
  let unicri: { organisation: string; link: string };
  /** A system-wide survey's link (the form with `theme_a_description`) kept for the no-JavaScript test alone. */
  let unafei: { organisation: string; link: string };

  beforeAll(async () => {
    stack = await startStack('security-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(
      stack.database.db,
      { number: 41, openingDate: opening, closingDate: closing, venue: 'Vienna' },
      'test',
    );
    await launchPreparation(
      { db: stack.database.db, temporal: stack.temporal, taskQueue: 'security-test' },
      41,
      'test',
    );
    const invited = await stack.database.db.organisation.count({
      // Both surveys: the UN system (IV 10 (a)) and the IGOs and NGOs (IV 10 (b)).
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE', 'IGO', 'NGO'] } },
    });
    const messages = await eventually(
      async () => {
        const all = await stack.mail.store.all();
        return all.length >= invited && all;
      },
      60_000,
      'invitations',
    );
    const all = messages.map((m) => ({
      organisation: JSON.stringify(m.parsed.to),
      link: LINK.exec(m.parsed.text ?? '')![1]!,
    }));
    // UNICRI (system-wide survey, English) writes the markup test; the other tests take the other links.
    unicri = all.find((l) => l.organisation.includes('focal.point@unicri.example.org'))!;
    unafei = all.find((l) => l.organisation.includes('focal.point@unafei.example.org'))!;
    links = all.filter((l) => l !== unicri && l !== unafei);
  });

  afterAll(() => stack?.close());

  async function snapshot() {
    const db = stack.database.db;
    return {
      responses: await db.response.count(),
      audit: await db.auditEvent.count(),
      started: await db.invitation.count({ where: { startedAt: { not: null } } }),
      tokens: await db.accessToken.count({ where: { revokedAt: { not: null } } }),
    };
  }

  it('GET and HEAD on links, as mail scanners do, change nothing', async () => {
    const before = await snapshot();
    for (const { link } of links.slice(0, 5)) {
      for (let i = 0; i < 4; i += 1) {
        expect((await fetch(link, { method: i % 2 ? 'HEAD' : 'GET' })).status).toBe(200);
      }
      expect((await fetch(`${link}/form`, { redirect: 'manual' })).status).toBe(303); // not started: the form sends back to the landing page
    }
    expect(await snapshot()).toEqual(before);
  });

  // A link whose survey closed for it is a genuine capability: it learns only that its survey closed and when
  // (issue 11), never the form. Every link that proves nothing gets one neutral answer.
  it('answers unknown, malformed and revoked links alike, and an expired one with its closed page only', async () => {
    const db = stack.database.db;
    const [revoked, expired] = [links[5]!.link, links[6]!.link];
    const revokedHash = hashAccessToken(revoked.split('/r/')[1]!);
    await db.accessToken.update({ where: { tokenHash: revokedHash }, data: { revokedAt: new Date() } });
    const expiredHash = hashAccessToken(expired.split('/r/')[1]!);
    const expiredToken = await db.accessToken.findUniqueOrThrow({ where: { tokenHash: expiredHash } });
    await db.invitation.update({
      where: { id: expiredToken.invitationId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const answers = await Promise.all(
      [
        `${stack.baseUrl}/r/${'x'.repeat(43)}`,
        `${stack.baseUrl}/r/short`,
        `${stack.baseUrl}/r/%3Cscript%3E`,
        revoked,
      ].map(async (url) => {
        const response = await fetch(url);
        return { status: response.status, body: await response.text() };
      }),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([404]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);

    const closed = await fetch(expired);
    const page = await closed.text();
    expect(closed.status).toBe(200);
    expect(page).not.toBe(answers[0]!.body);
    expect(page).not.toMatch(/<form[^>]*action="[^"]*\/form/);
    // The form's own path answers the same closed page, not the form.
    expect(await (await fetch(`${expired}/form`, { redirect: 'manual' })).text()).toBe(page);
  });

  it('refuses state changes without the form’s CSRF token and writes nothing', async () => {
    const { link } = links[7]!;
    const before = await snapshot();
    expect((await fetch(`${link}/start`, { method: 'POST' })).status).toBe(403);
    // A token from another browser's form does not match this browser's secret cookie.
    const other = new HttpSession(stack.baseUrl);
    const stolen = csrfToken((await other.get(link)).body);
    const attacker = new HttpSession(stack.baseUrl);
    await attacker.get('/login');
    expect((await attacker.request('POST', `${link}/start`, { _csrf: stolen })).status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it('lets a link write only its own organisation’s reply, and escapes markup in answers', async () => {
    const { link } = unicri;
    const respondent = new HttpSession(stack.baseUrl);
    await respondent.submit(link, `${link}/start`);
    const saved = await respondent.submit(`${link}/form`, `${link}/form`, {
      version: '1',
      action: 'save',
      theme_a_description: '<script>alert(1)</script>',
      organisationId: 'someone-else', // ignored: the organisation comes from the link, never from the form
    });
    expect(saved.status).toBe(303);
    const page = await respondent.get(`${link}/form`);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    const rows = await stack.database.db.response.findMany({
      include: { organisation: { include: { contacts: true } } },
    });
    expect(rows).toHaveLength(1);
    expect(unicri.organisation).toContain(rows[0]!.organisation.contacts[0]!.email.split('@')[1]);
  });

  it('answers 503 with Retry-After while the database refuses writes, writes nothing, and saves once it is back', async () => {
    const { link } = links[7]!; // the CSRF test above wrote nothing through it
    const respondent = new HttpSession(stack.baseUrl);
    await respondent.submit(link, `${link}/start`);
    const form = await respondent.get(`${link}/form`);
    const csrf = csrfToken(form.body);
    const version = Number(/name="version" value="(\d+)"/.exec(form.body)![1]);
    const autosave = () =>
      fetch(`${link}/form/autosave`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'csrf-token': csrf,
          cookie: respondent.cookieHeader(),
        },
        body: JSON.stringify({ version, answers: { theme_a_description: 'Typed while the database was read-only' } }),
      });
    // The database turns read-only under the running service (as during a failover): new sessions cannot write.
    // Read on a connection of its own each time: going read-only drops every open connection.
    const storedVersions = async () => {
      const reader = new PgClient({ connectionString: stack.database.url });
      await reader.connect();
      try {
        return (await reader.query<{ version: number }>('SELECT version FROM "Response" ORDER BY version')).rows.map(
          (r) => r.version,
        );
      } finally {
        await reader.end();
      }
    };
    const before = await storedVersions();
    await whileReadOnly(stack.database.url, async () => {
      const refused = [await autosave(), await autosave()];
      expect(refused.map((r) => r.status)).toEqual([503, 503]);
      expect(refused[1]!.headers.get('retry-after')).toBe('30');
      expect(await refused[1]!.json()).toMatchObject({ error: 'unavailable' });
      expect(await storedVersions()).toEqual(before);
    });
    // Writable again: the form's next attempt saves (the one before may still meet a dropped connection).
    let saved = await autosave();
    if (saved.status === 503) saved = await autosave();
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: version + 1 });
  });

  it('refuses a lone surrogate in an autosave with a 400 in JSON that says what is wrong, and stores nothing', async () => {
    const { link } = links[8]!;
    const respondent = new HttpSession(stack.baseUrl);
    await respondent.submit(link, `${link}/start`);
    const form = await respondent.get(`${link}/form`);
    const version = Number(/name="version" value="(\d+)"/.exec(form.body)![1]);
    const send = (body: string) =>
      fetch(`${link}/form/autosave`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'csrf-token': csrfToken(form.body),
          cookie: respondent.cookieHeader(),
        },
        body,
      });
    // JSON's \ud800 escape arrives as a lone surrogate, which no text column may hold (PostgreSQL 22P02).
    for (const body of [
      `{"version":${version},"answers":{"theme_a_description":"x\\ud800y"}}`,
      `{"version":${version},"answers":{"partners":"x\\ud800y"}}`,
      `{"partners":"x\\ud800y"}`,
    ]) {
      const refused = await send(body);
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toContain('application/json');
      expect(((await refused.json()) as { message: string }).message.length).toBeGreaterThan(0);
    }
    const after = await respondent.get(`${link}/form`);
    expect(Number(/name="version" value="(\d+)"/.exec(after.body)![1])).toBe(version);
  });

  it('gives a respondent without JavaScript the form back with what was typed after a 409 or a 503', async () => {
    const { link } = unafei;
    const respondent = new HttpSession(stack.baseUrl);
    await respondent.submit(link, `${link}/start`);
    const form = await respondent.get(`${link}/form`);
    const version = Number(/name="version" value="(\d+)"/.exec(form.body)![1]);
    const post = (fields: Record<string, string>) =>
      respondent.request('POST', `${link}/form`, { _csrf: csrfToken(form.body), action: 'save', ...fields });
    expect((await post({ version: String(version), theme_a_description: 'Saved by a colleague' })).status).toBe(303);

    // The same page, still open in another window, is saved over the colleague's change.
    const stale = await post({ version: String(version), theme_a_description: 'Typed without JavaScript' });
    expect(stale.status).toBe(409);
    expect(stale.body).toContain('Typed without JavaScript');
    // Said in the respondent's language, as a problem on top of the form.
    expect(stale.body).toMatch(/<p class="error" role="alert">[^<]+<\/p>/);
    expect(stale.body).toContain(`name="version" value="${version + 1}"`);
    expect((await post({ version: String(version + 1), theme_a_description: 'Typed without JavaScript' })).status).toBe(
      303,
    );

    await whileReadOnly(stack.database.url, async () => {
      let refused = await post({ version: String(version + 2), theme_a_description: 'Typed during a failover' });
      // The first request may meet a connection the reconnect dropped: the page's own retry is the next one.
      if (refused.status === 503 && !refused.body.includes('Typed during a failover'))
        refused = await post({ version: String(version + 2), theme_a_description: 'Typed during a failover' });
      expect(refused.status).toBe(503);
      expect(refused.body).toContain('Typed during a failover');
      expect(refused.body).toMatch(/<p class="error" role="alert">[^<]+<\/p>/);
      expect(refused.headers.get('retry-after')).toBe('30');
    });
  });

  it('sends a respondent’s error page back through the browser, not to the staff home page', async () => {
    const { link } = links[9]!;
    const refused = await new HttpSession(stack.baseUrl).request('POST', `${link}/form`, { action: 'save' });
    expect(refused.status).toBe(403);
    expect(refused.body).not.toContain('href="/"');
    // In the page's language; the token of the link is not repeated in the error page.
    const hints = Object.values(CATALOGUES).map((catalogue) => catalogue['error.backInBrowser']!);
    expect(hints.some((hint) => refused.body.includes(hint))).toBe(true);
    expect(refused.body).not.toContain(new URL(link).pathname);
  });

  it('keeps staff pages behind login and roles', async () => {
    const anonymous = await fetch(`${stack.baseUrl}/dashboard`, { redirect: 'manual' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/dashboard/sessions/41/approve')).status).toBe(403);
    const wrong = await new HttpSession(stack.baseUrl).submit('/login', '/login', {
      email: 'manager@example.org',
      password: 'guess',
    });
    expect(wrong.status).toBe(401);
  });

  it('keeps no raw token anywhere: not in any table of the database, nor in the web server log', async () => {
    const db = stack.database.db;
    const tokens = (await stack.mail.store.all()).flatMap((m) =>
      [...(m.parsed.text ?? '').matchAll(/\/r\/([A-Za-z0-9_-]{43})/g)].map((match) => match[1]!),
    );
    expect(tokens.length).toBeGreaterThan(10);
    const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
      "SELECT table_name::text AS table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
    );
    let rows = 0;
    for (const { table_name } of tables) {
      const dump = await db.$queryRawUnsafe<{ row: string }[]>(
        `SELECT row_to_json(t)::text AS row FROM "${table_name}" t`,
      );
      rows += dump.length;
      const text = dump.map((r) => r.row).join('\n');
      for (const token of tokens)
        expect(text.includes(token) ? `${table_name} holds a raw token` : 'clean').toBe('clean');
    }
    expect(rows).toBeGreaterThan(100);
    const log = stack.logLines.join('');
    expect(log).toContain('/r/'); // the access log does record link requests …
    for (const token of tokens) expect(log.includes(token)).toBe(false); // … with the token redacted
  });

  // Last: these exhaust the link rate limit for this address.
  it('burns no link under 100 scanner-style GET and HEAD requests', async () => {
    const before = await snapshot();
    const statuses: number[] = [];
    const usable = links.slice(8); // not revoked or expired by the tests above
    for (let i = 0; i < 100; i += 1) {
      const { link } = usable[i % usable.length]!;
      statuses.push(
        (await fetch(i % 3 === 2 ? `${link}/form` : link, { method: i % 2 ? 'HEAD' : 'GET', redirect: 'manual' }))
          .status,
      );
    }
    // Served (200, or 303 from a form not yet started) until the rate limit answers 429.
    expect(statuses.every((status) => [200, 303, 429].includes(status))).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it('finds nothing with 10,000 guessed tokens, and rate-limits the guessing', async () => {
    const statuses = new Map<number, number>();
    const guesses = Array.from({ length: 10_000 }, newAccessToken);
    for (let start = 0; start < guesses.length; start += 100) {
      const batch = await Promise.all(
        guesses.slice(start, start + 100).map(async (token) => (await fetch(`${stack.baseUrl}/r/${token}`)).status),
      );
      for (const status of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(200) ?? 0).toBe(0);
    // At most 60 lookups a minute from one address get an answer at all (the neutral 404); the rest are refused.
    expect(statuses.get(404) ?? 0).toBeLessThanOrEqual(60);
    expect(statuses.get(429) ?? 0).toBeGreaterThanOrEqual(9_940);
  });
});

/**
 * The managers' dashboard shows the live forecast (each survey's expected replies with the basis in words, and a
 * forecast beside every deadline) and a late report's lateness footnote, which staff edit there (audited). Opened in
 * Chromium at a phone's width and a desktop's; the screenshots go to /tmp/i11-forecast-*.png.
 */
import { launchChromium } from '../helpers/browser';
import { HttpSession } from '../helpers/http';
import { surveyWithReplies } from '../helpers/replies';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';
import { createSession } from '../../services/sessions';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe('the forecast and the lateness footnote on the dashboard', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('forecast-dashboard-test');
    const db = stack.database.db;
    const create = (number: number, opening: string, closing: string) =>
      createSession(db, { number, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    // Session 41's survey closes in ten days (102 days before its opening) and has run for thirty.
    const current = await create(41, day(112), day(116));
    const previous = await create(40, day(112 - 364), day(116 - 364));
    await surveyWithReplies(db, previous, [1, 2, 3, 5, 6, 8, 9, 20, 25, 30, 35, 38, 39], { closed: true });
    await surveyWithReplies(db, current, [1, 2, 3, 4, 5, 6, 8, 20, 25, 29]);
    // Session 37 opens on 25 January 2027: every date of its plan has passed undone.
    await create(37, '2027-01-25', '2027-01-29');
  });

  afterAll(() => stack?.close());

  it('shows each survey’s expected replies with their basis, and a forecast beside every deadline', async () => {
    const manager = new HttpSession(stack.baseUrl);
    await manager.login('manager@example.org', 'manager-demo');
    const page = await manager.get('/dashboard');
    expect(page.status).toBe(200);
    const forecast = /<p class="forecast" data-survey="SYSTEM_WIDE">(.*?)<\/p>/s.exec(page.body)?.[1];
    expect(forecast).toMatch(
      /^<strong>Forecast:<\/strong> 12 of 16 expected by \d{1,2} \w+ \d{4}, from the last 14 days&#39; pace of 0\.2 replies a day \(12\) and the previous cycle&#39;s curve \(19 % of its invitees replied after this point of its run\) \(13\), weighted \d+ : \d+ by the share of the survey run; last cycle \(session 40\) reached 81 %\.$/,
    );
    expect(page.body).toContain('13 of 16 replied by the close on');
    expect(page.body).toContain('<th>Forecast</th>');
    expect(page.body).toMatch(/data-deadline="dispatch-deadline">on track/);
    // Session 37, every date passed: overdue, and the escalation's forecast reason shown.
    expect(page.body).toMatch(/data-deadline="report-approval">overdue/);
    expect(page.body).toContain(
      'At risk by the forecast: analysis report reaches Governments (26 November 2026) is overdue: due 26 November 2026, not yet done',
    );
  });

  it('shows the drafted lateness footnote of a late session; staff edit it (audited), a bad edit is refused', async () => {
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    const before = await coordinator.get('/dashboard');
    expect(before.body).toContain('Lateness footnote');
    expect(before.body).toMatch(
      /<blockquote class="lateness-footnote">The present report is submitted late: the survey of the United Nations system, planned to close on 15 October 2026, had not closed \d+ days later;/,
    );

    const refused = await coordinator.submit('/dashboard', '/dashboard/sessions/37/footnote', { text: 'late' });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('say why the report is late in at least 20 characters');
    expect(await stack.database.db.reportFootnote.count()).toBe(0);

    const text =
      'The present report was submitted late owing to the time required to receive and analyse all inputs from various United Nations entities and other organizations.';
    const saved = await coordinator.submit('/dashboard', '/dashboard/sessions/37/footnote', { text });
    expect(saved.status).toBe(302);
    const after = await coordinator.get('/dashboard');
    expect(after.body).toContain(`<blockquote class="lateness-footnote">${text}</blockquote>`);
    expect(after.body).toContain('as edited by coordinator@example.org');
    expect(after.body).toContain('Drafted from the record: <q>The present report is submitted late:');
    const audit = await stack.database.db.auditEvent.findMany({ where: { action: 'report-footnote.save' } });
    expect(audit.map((a) => a.actor)).toEqual(['coordinator@example.org']);
  });

  it('reads at a phone’s width and a desktop’s (screenshots in /tmp)', async () => {
    const browser = await launchChromium();
    try {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${stack.baseUrl}/login`);
        await page.getByLabel('E-mail').fill('manager@example.org');
        await page.getByLabel('Password').fill('manager-demo');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.goto(`${stack.baseUrl}/dashboard`);
        const forecast = page.locator('p.forecast[data-survey="SYSTEM_WIDE"]').first();
        await forecast.scrollIntoViewIfNeeded();
        expect(await forecast.isVisible()).toBe(true);
        // Nothing wider than the screen: the page does not scroll sideways.
        await page.screenshot({ path: `/tmp/i11-forecast-${width}.png`, fullPage: true });
        // The parts this shows closer: session 41's deadlines and replies, and session 37's footnote.
        await page
          .locator('section[aria-labelledby="session-41"]')
          .screenshot({ path: `/tmp/i11-forecast-${width}-session-41.png` });
        await page
          .locator('section.footnote')
          .first()
          .screenshot({ path: `/tmp/i11-forecast-${width}-footnote.png` });
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
        expect(overflow).toBeLessThanOrEqual(0);
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});

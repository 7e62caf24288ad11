/**
 * Closing respects what was promised (issue 11, item 3), over HTTP on the Temporal dev server, real SMTP and
 * PostgreSQL. An early close ends every link at once except those of extensions granted before, which stay open
 * until their date, and the coordinator is told which. After the close a respondent who replied can still open the
 * reply read-only and download its receipt; every other link of the closed survey says on which day it closed and
 * whom to write to, in the respondent's language; nothing a closed link is used for writes anything.
 */
import { convert } from 'html-to-text';
import { SaxesParser } from 'saxes';
import { resolveAccess, saveAnswers, startResponse } from '../../services/responses';
import { createSession } from '../../services/sessions';
import { launchChromium, seriousAccessibilityViolations } from '../helpers/browser';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/;

describe('closing a survey early', () => {
  let stack: Stack;
  let coordinator: HttpSession;
  const db = () => stack.database.db;
  const linkTo = async (address: string) => {
    const found = (await stack.mail.store.all()).filter((m) => JSON.stringify(m.parsed.to).includes(address));
    return LINK.exec(found.at(0)?.parsed.text ?? '')?.[1];
  };
  const tokenOf = (link: string) => link.split('/r/')[1]!;

  beforeAll(async () => {
    stack = await startStack('closing-test');
    const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
    await createSession(db(), { number: 45, openingDate: day(200), closingDate: day(204), venue: 'Vienna' }, 'test');
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/45/launch')).status).toBe(302);
    await eventually(
      async () => (await linkTo('focal.point@unesco.example.org')) && (await linkTo('focal.point@undp.example.org')),
      60_000,
      'invitations',
    );
  });

  afterAll(() => stack?.close());

  it('keeps the extension granted before the close open, tells the coordinator, and closes every other link', async () => {
    const cycle = await db().surveyCycle.findFirstOrThrow({ where: { kind: 'SYSTEM_WIDE' } });
    const until = new Date(cycle.closesAt.getTime() + 5 * DAY).toISOString().slice(0, 10);
    const unicri = await db().organisation.findUniqueOrThrow({ where: { code: 'UNICRI' } });
    const extended = await coordinator.submit('/console/sessions/45', '/console/sessions/45/extend', {
      organisationId: unicri.id,
      until,
      reason: 'Mission travel of the focal point',
    });
    expect(extended.status).toBe(302);

    // UNDP replies before the close.
    const undp = (await linkTo('focal.point@undp.example.org'))!;
    const access = (await resolveAccess(db(), tokenOf(undp)))!;
    await startResponse(db(), access);
    await saveAnswers(db(), access, { activitiesCarriedOut: 'no' }, 1, 'submit');

    const closed = await coordinator.submit('/console/sessions/45', '/console/sessions/45/close-survey');
    expect(closed.status).toBe(302);
    const flash = decodeURIComponent(closed.location ?? '');
    expect(flash).toContain('closed to new replies');
    expect(flash).toContain(`One extension stays open until its date: ${unicri.name} (until `);

    const after = await db().surveyCycle.findUniqueOrThrow({ where: { id: cycle.id } });
    expect(after.closedEarlyAt).not.toBeNull();
    expect(after.status).toBe('OPEN'); // until the extension runs out
    expect((await db().auditEvent.findMany({ where: { action: 'cycle.close-early' } })).length).toBe(2);

    // The extension holder still answers, on time; no new extension can be granted after the close.
    const unicriLink = (await linkTo('focal.point@unicri.example.org'))!;
    const respondent = new HttpSession(stack.baseUrl);
    const open = await respondent.get(unicriLink);
    expect(open.status).toBe(200);
    expect(open.body).toContain('Start the questionnaire');
    expect((await resolveAccess(db(), tokenOf(unicriLink)))?.late).toBe(false);
    const refused = await coordinator.submit('/console/sessions/45', '/console/sessions/45/extend', {
      organisationId: (await db().organisation.findUniqueOrThrow({ where: { code: 'UNDP' } })).id,
      until,
      reason: 'Asked after the close',
    });
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('closed early on');

    // The console says where the survey stands.
    expect((await coordinator.get('/console/sessions/45')).body).toContain('extensions granted before still running');
  });

  it('shows a respondent who replied the reply, read-only, and its receipt to download', async () => {
    const undp = (await linkTo('focal.point@undp.example.org'))!;
    const respondent = new HttpSession(stack.baseUrl);
    const landing = await respondent.get(undp);
    expect(landing.status).toBe(200);
    expect(landing.body).toContain('This survey has closed');
    expect(landing.body).toContain('Thank you. Your organization&#39;s reply was submitted on');
    expect(landing.body).toMatch(/Reference: [0-9A-F]{4}-[0-9A-F]{8}/);
    expect(landing.body).not.toContain('Start the questionnaire');

    const reply = await respondent.get(`${undp}/reply`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('The reply of United Nations Development Programme');
    expect(reply.body).toMatch(/<dd>No<\/dd>/);
    expect(reply.body).not.toContain('<form');

    const receipt = await fetch(`${undp}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-disposition')).toMatch(/^attachment; filename="receipt-[0-9A-F-]+\.html"$/);
    const html = await receipt.text();
    // Read back by independent parsers: well-formed markup, and the text a person reads.
    const parser = new SaxesParser();
    let problem: string | undefined;
    parser.on('error', (e) => (problem ??= e.message));
    parser.write(html.replace(/^<!doctype html>/i, '').replace(/<meta([^>]*[^/])>/g, '<meta$1/>')).close();
    expect(problem).toBeUndefined();
    const text = convert(html);
    expect(text).toMatch(/Reference: [0-9A-F]{4}-[0-9A-F]{8}/);
    expect(text).toContain('received this reply on');
    expect(text).toContain('United Nations Development Programme');
  });

  it('tells everyone else, in their language, on which day the survey closed and whom to write to; nothing is written', async () => {
    const unesco = (await linkTo('focal.point@unesco.example.org'))!;
    const before = {
      responses: await db().response.count(),
      audit: await db().auditEvent.count(),
    };
    const respondent = new HttpSession(stack.baseUrl);
    const page = await respondent.get(unesco);
    expect(page.status).toBe(200);
    expect(page.body).toContain('lang="fr"');
    expect(page.body).toContain('Cette enquête est clôturée');
    expect(page.body).toMatch(/L’enquête a été clôturée le \d{1,2} \S+ \d{4}/);
    expect(page.body).toContain('ccpcj-secretariat@example.org');
    expect(page.body).toContain('Le Secrétariat n’a reçu aucune réponse');
    // No reply to show, and no action goes through.
    expect((await respondent.get(`${unesco}/reply`)).body).toContain('Cette enquête est clôturée');
    // A closed link's page has no form, and a form token taken from another link's page (the extension holder's)
    // is bound to that link: refused before anything is looked at.
    const unicriLink = (await linkTo('focal.point@unicri.example.org'))!;
    const started = await respondent.submit(unicriLink, `${unesco}/start`);
    expect(started.status).toBe(403);
    expect({ responses: await db().response.count(), audit: await db().auditEvent.count() }).toEqual(before);
    // An unknown link still gets the neutral page.
    const unknown = await respondent.get(`${unesco.slice(0, -5)}AAAAA`);
    expect([unknown.status, unknown.body.includes('This link is not available')]).toEqual([404, true]);
  });

  it('reads at a phone’s width and a desktop’s, Arabic right to left (screenshots in /tmp)', async () => {
    const pages = {
      'closed-replied': `${(await linkTo('focal.point@undp.example.org'))!}`,
      reply: `${(await linkTo('focal.point@undp.example.org'))!}/reply`,
      'closed-fr': (await linkTo('focal.point@unesco.example.org'))!,
      'closed-ar': (await linkTo('focal.point@asstc.example.org'))!,
    };
    const browser = await launchChromium();
    try {
      for (const width of [390, 1280]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        for (const [name, url] of Object.entries(pages)) {
          await page.goto(url);
          await page.screenshot({ path: `/tmp/i11-closing-${name}-${width}.png`, fullPage: true });
          expect(
            await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth'),
          ).toBeLessThanOrEqual(0);
          expect(await seriousAccessibilityViolations(page)).toEqual([]);
        }
        expect(await page.getAttribute('html', 'dir')).toBe('rtl');
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
});

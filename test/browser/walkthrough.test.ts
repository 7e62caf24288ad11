/**
 * The slice as people use it, in real Chromium: the coordinator launches from the console, the respondent opens the
 * link from the mailbox page, saves a draft, finds it again after a reload, submits and sees the receipt; the
 * manager approves on the dashboard and sees the deadlines with their rules. axe-core checks the respondent pages.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, seriousAccessibilityViolations } from '../helpers/browser';
import { eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;

describe('walkthrough in Chromium', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack('browser-test');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function signIn(page: Page, email: string, password: string): Promise<void> {
    await page.goto(`${stack.baseUrl}/login`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('launch → mailbox → link → draft → reload → submit → receipt → approve', async () => {
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);

    const coordinator = await (await browser.newContext()).newPage();
    await signIn(coordinator, 'coordinator@example.org', 'coordinator-demo');
    await coordinator.getByLabel('Session number').fill('39');
    await coordinator.getByLabel('Opening date').fill(opening);
    await coordinator.getByLabel('Closing date').fill(closing);
    await coordinator.getByRole('button', { name: 'Create session' }).click();
    await coordinator.getByText('Session 39 created.').waitFor();
    await coordinator.getByRole('button', { name: 'Launch survey' }).click();
    await coordinator.getByText('Survey for session 39 launched.').waitFor();

    // The respondent follows the link in the e-mail, as shown by the mailbox page.
    const respondent = await (await browser.newContext()).newPage();
    await eventually(
      async () =>
        (await stack.mail.store.all()).some(
          (m) =>
            m.parsed.subject?.startsWith('Survey of crime prevention') &&
            JSON.stringify(m.parsed.to).includes('focal.point@unicri.example.org'),
        ),
      30_000,
      'invitation',
    );
    // The mailbox lists everyone's personal links: only signed-in staff may open it.
    await respondent.goto(`${stack.baseUrl}/mailbox`);
    await respondent.getByRole('heading', { name: 'Sign in' }).waitFor();
    await coordinator.goto(`${stack.baseUrl}/mailbox`);
    // UNICRI answers the system-wide survey (IV 10 (a)).
    await coordinator
      .getByRole('row')
      .filter({ hasText: 'focal.point@unicri.example.org' })
      .getByRole('link', { name: /Survey of crime prevention/ })
      .click();
    const personalLink = await coordinator.getByRole('link', { name: /\/r\// }).first().getAttribute('href');
    await respondent.goto(personalLink!);
    await respondent.getByRole('button', { name: 'Start the questionnaire' }).waitFor();
    expect(await seriousAccessibilityViolations(respondent)).toEqual([]);

    // The respondent switches to Arabic: the page is written right to left, and stays accessible.
    const landing = respondent.url();
    await respondent.getByRole('link', { name: 'العربية' }).click();
    await respondent.getByRole('button', { name: 'بدء الاستبيان' }).waitFor();
    expect(
      await respondent.evaluate<string[]>('[document.documentElement.dir, getComputedStyle(document.body).direction]'),
    ).toEqual(['rtl', 'rtl']);
    expect(await seriousAccessibilityViolations(respondent)).toEqual([]);
    await respondent.goto(`${landing}?lang=en`);

    await respondent.getByRole('button', { name: 'Start the questionnaire' }).click();
    await respondent.locator('html[data-form-ready]').waitFor({ state: 'attached' });
    // Every answer POST the page makes: a check the browser makes itself sends nothing.
    const formPosts: string[] = [];
    respondent.on('request', (request) => {
      if (request.method() === 'POST' && /\/form$/.test(request.url())) formPosts.push(request.url());
    });
    await respondent.getByLabel('Yes').check();
    await respondent
      .getByLabel(/Activities under priority theme VI 1 \(b\)/)
      .fill('Urban crime prevention pilots in <three> cities');
    await respondent.getByLabel(/Budget for these activities \(VI 1 \(b\)\)/).fill('75000');
    // Saved on the server as the respondent types, without pressing "Save draft".
    await respondent.getByText(/^Draft saved at/).waitFor();
    expect(await seriousAccessibilityViolations(respondent)).toEqual([]);

    await respondent.reload();
    await respondent.locator('html[data-form-ready]').waitFor({ state: 'attached' });
    await expect(respondent.getByLabel(/Activities under priority theme VI 1 \(b\)/).inputValue()).resolves.toBe(
      'Urban crime prevention pilots in <three> cities',
    );
    await expect(respondent.getByLabel(/Budget for these activities \(VI 1 \(b\)\)/).inputValue()).resolves.toBe(
      '75000',
    );

    // An invalid amount is refused in the page, by the same rules as the server's, and nothing is lost.
    await respondent.getByLabel(/Budget for these activities \(VI 1 \(b\)\)/).fill('seventy');
    await respondent.getByRole('button', { name: 'Submit reply' }).click();
    await respondent.getByRole('link', { name: 'enter the amount in digits only' }).waitFor();
    // An unusually large amount is allowed once the respondent confirms it.
    await respondent.getByLabel(/Budget for these activities \(VI 1 \(b\)\)/).fill('90000000');
    await respondent.getByRole('button', { name: 'Submit reply' }).click();
    await respondent.getByRole('link', { name: 'this amount is unusually large: please check it' }).waitFor();
    expect(formPosts).toEqual([]);
    expect(await seriousAccessibilityViolations(respondent)).toEqual([]);
    await respondent.getByLabel('I have checked these answers and they are correct').check();
    await respondent.getByRole('button', { name: 'Submit reply' }).click();
    await respondent.getByText(/Thank you\. Your organization's reply was submitted/).waitFor();
    expect(formPosts).toHaveLength(1);
    expect(await seriousAccessibilityViolations(respondent)).toEqual([]);

    // The coordinator closes the survey; the manager approves on the dashboard.
    await coordinator.goto(`${stack.baseUrl}/console`);
    await coordinator.getByRole('button', { name: 'Close survey now' }).click();
    const manager = await (await browser.newContext()).newPage();
    await signIn(manager, 'manager@example.org', 'manager-demo');
    await manager.getByRole('heading', { name: /Session 39/ }).waitFor();
    // One sixty-day rule: the dispatch deadline cites it, and so does the obligation it binds (IV 10 (c)).
    const sixtyDay = 'ECOSOC 1992/22 IV 11: report to Governments at least 60 days before the opening of the session';
    await expect(manager.getByText(sixtyDay, { exact: true }).count()).resolves.toBe(1);
    await expect(manager.getByText(`Sixty-day rule: ${sixtyDay}`).count()).resolves.toBeGreaterThanOrEqual(1);
    await eventually(
      async () => {
        await manager.reload();
        return (await manager.getByRole('button', { name: /^Approve E\/CN\.15\// }).count()) === 1;
      },
      30_000,
      'approve button',
    );
    // The manager sends the first version back; staff write an option and compile version 2; the manager approves.
    await manager.getByLabel('Send back for revision: what must change').fill('Add costed options');
    await manager.getByRole('button', { name: 'Send version 1 back' }).click();
    await manager.getByText(/sent back to staff with your comments/).waitFor();
    await manager.getByLabel('New option 1: title').fill('Regional workshops');
    await manager
      .getByLabel('Text', { exact: true })
      .fill('One workshop per region with the institutes of the network.');
    await manager.getByLabel('Budget implication (US dollars)').fill('120000');
    await manager.getByRole('button', { name: 'Add option 1' }).click();
    await manager.getByText(/Option 1 saved/).waitFor();
    await manager.getByRole('button', { name: 'Compile a new version with the current options' }).click();
    await manager.getByText(/Version 2 compiled and awaiting approval/).waitFor();
    await manager.getByRole('img', { name: /Session 39: every deadline to the opening/ }).waitFor();
    await manager
      .getByRole('img', { name: /Replies to the system-wide survey against its close: \d+ of \d+ still to reply/ })
      .waitFor();
    expect(await seriousAccessibilityViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: /^Approve E\/CN\.15\// }).click();
    await manager.getByText(/approved; dispatch to Governments has started/).waitFor();
    // The proof of dispatch appears once the last send is recorded.
    await eventually(
      async () => {
        await manager.reload();
        return (await manager.getByRole('link', { name: 'Proof of dispatch (.docx)' }).count()) === 1;
      },
      30_000,
      'proof of dispatch',
    );
    await expect(manager.getByText(/Dispatch to Governments: 16 sent, 0 undeliverable, of 16/).count()).resolves.toBe(
      1,
    );
  });

  it('has an accessibility check that does find serious violations when they exist', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.setContent('<html><body><input type="text"><button></button></body></html>');
    const violations = await seriousAccessibilityViolations(page);
    expect(violations.map((v) => v.id)).toEqual(expect.arrayContaining(['button-name']));
  });
});

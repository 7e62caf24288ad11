/**
 * A coordinator's controls over a running survey, on the Temporal dev server, real SMTP and PostgreSQL, over HTTP:
 * a reminder schedule refused when it cannot fire, the status table with filters, an extension, a reissued link
 * (the old one says it was replaced), a decline and a reminder opt-out by respondents, reminders to a selection,
 * the export of replies and the audit trail. Late replies within the grace window are flagged.
 */
import { parse } from 'csv-parse/sync';
import { resolveAccess, saveAnswers, startResponse } from '../../services/responses';
import { createSession } from '../../services/sessions';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/;

describe('survey cycle controls', () => {
  let stack: Stack;
  let coordinator: HttpSession;
  const db = () => stack.database.db;
  const mails = () => stack.mail.store.all();
  /** The link in the latest e-mail to `address` (whatever its language), or in the latest with that subject. */
  const linkTo = async (address: string, subject = /./) => {
    const found = (await mails()).filter(
      (m) => subject.test(m.parsed.subject ?? '') && JSON.stringify(m.parsed.to).includes(address),
    );
    return LINK.exec(found.at(-1)?.parsed.text ?? '')?.[1];
  };

  beforeAll(async () => {
    stack = await startStack('cycle-controls-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(db(), { number: 43, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
  });

  afterAll(() => stack?.close());

  it('refuses a reminder schedule that cannot fire, then launches with a valid one', async () => {
    const refused = await coordinator.submit('/console', '/console/sessions/43/launch', {
      reminderDaysBefore: '150,7',
      graceDays: '2',
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(
      /the reminder 150 days before the close \(\d{4}-\d{2}-\d{2}\) would fall before the launch/,
    );
    expect(await db().surveyCycle.count()).toBe(0);
    const launched = await coordinator.submit('/console', '/console/sessions/43/launch', {
      reminderDaysBefore: '21, 7, 2',
      graceDays: '2',
    });
    expect(launched.status).toBe(302);
    const cycle = await eventually(() => db().surveyCycle.findFirst(), 30_000, 'cycle');
    expect(cycle).toMatchObject({ reminderDaysBefore: [21, 7, 2], graceDays: 2 });
    const invited = await db().organisation.count({
      // Both surveys: the UN system (IV 10 (a)) and the IGOs and NGOs (IV 10 (b)).
      where: { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE', 'IGO', 'NGO'] } },
    });
    // Each in its contact's language: counted in the ledger.
    await eventually(
      async () => (await db().emailMessage.count({ where: { kind: 'invitation', status: 'SENT' } })) === invited,
      60_000,
      'invitations',
    );
  });

  it('shows every respondent with its status, filtered and searched', async () => {
    const page = (await coordinator.get('/console/sessions/43')).body;
    expect(page).toContain('Reminders 21, 7, 2 days before the close');
    expect(page).toMatch(/<strong>delivered<\/strong>/);
    expect(page).toContain('aria-label="Replies by organisation type');
    const searched = (await coordinator.get('/console/sessions/43?q=unicri')).body;
    expect(searched).toMatch(/<p>1 of \d+ shown\.<\/p>/);
    expect((await coordinator.get('/console/sessions/43?state=submitted')).body).toMatch(/<p>0 of \d+ shown\.<\/p>/);
  });

  it('extends one deadline with its reason, refusing dates before the close', async () => {
    const unicri = await db().organisation.findUniqueOrThrow({ where: { code: 'UNICRI' } });
    const cycle = await db().surveyCycle.findFirstOrThrow();
    const day = (offset: number) => new Date(cycle.closesAt.getTime() + offset * DAY).toISOString().slice(0, 10);
    const early = await coordinator.submit('/console/sessions/43', '/console/sessions/43/extend', {
      organisationId: unicri.id,
      until: day(-3),
      reason: 'Mission travel',
    });
    expect(early.status).toBe(409);
    expect(early.body).toContain('must fall after the survey&#39;s close');
    // Too long: the refusal names a date that is itself accepted.
    const tooLong = await coordinator.submit('/console/sessions/43', '/console/sessions/43/extend', {
      organisationId: unicri.id,
      until: day(30),
      reason: 'Mission travel',
    });
    expect(tooLong.status).toBe(409);
    const lastDay = /until (\d{4}-\d{2}-\d{2}) at the latest/.exec(tooLong.body)?.[1];
    expect(lastDay).toBeDefined();
    const atTheLimit = await coordinator.submit('/console/sessions/43', '/console/sessions/43/extend', {
      organisationId: unicri.id,
      until: lastDay!,
      reason: 'Mission travel',
    });
    expect(atTheLimit.status).toBe(302);
    const extended = await coordinator.submit('/console/sessions/43', '/console/sessions/43/extend', {
      organisationId: unicri.id,
      until: day(5),
      reason: 'Mission travel',
    });
    expect(extended.status).toBe(302);
    const invitation = await db().invitation.findFirstOrThrow({ where: { organisationId: unicri.id } });
    expect(invitation).toMatchObject({ extensionReason: 'Mission travel', extendedBy: 'coordinator@example.org' });
    expect(invitation.extendedUntil?.toISOString().slice(0, 10)).toBe(day(5));
    expect((await coordinator.get('/console/sessions/43?state=extended')).body).toContain('extended to');
  });

  it('reissues a link: the new one works, the old one says it was replaced', async () => {
    const old = (await linkTo('focal.point@heuni.example.org'))!;
    const contact = await db().contact.findFirstOrThrow({ where: { email: 'focal.point@heuni.example.org' } });
    expect(
      (await coordinator.submit('/console/sessions/43', `/console/sessions/43/contacts/${contact.id}/reissue`)).status,
    ).toBe(302);
    const fresh = await eventually(
      () => linkTo('focal.point@heuni.example.org', /^Your new link to the survey/),
      30_000,
      'reissued link',
    );
    expect(fresh).not.toBe(old);
    const respondent = new HttpSession(stack.baseUrl);
    const replaced = await respondent.get(old);
    expect(replaced.status).toBe(410);
    expect(replaced.body).toContain('This link was replaced');
    expect((await respondent.get(fresh)).status).toBe(200);
    // An unknown link still gets the neutral page.
    expect((await respondent.get(`${old.slice(0, -5)}AAAAA`)).body).toContain('This link is not available');
  });

  it('lets a respondent decline or stop reminders, and reminds only the selected non-respondents', async () => {
    const respondent = new HttpSession(stack.baseUrl);
    const unafei = (await linkTo('focal.point@unafei.example.org'))!;
    expect((await respondent.submit(unafei, `${unafei}/decline`, { reason: 'No activities this year' })).status).toBe(
      303,
    );
    expect((await respondent.get(unafei)).body).toContain('declined to take part');
    await eventually(
      async () =>
        (await mails()).find(
          (m) =>
            m.parsed.subject?.startsWith('Reply received') && (m.parsed.text ?? '').includes('declined to take part'),
        ),
      30_000,
      'decline receipt',
    );
    const ilanud = (await linkTo('focal.point@ilanud.example.org'))!;
    expect((await respondent.submit(ilanud, `${ilanud}/no-reminders`)).status).toBe(303);
    const optedOut = await db().invitation.findFirstOrThrow({ where: { organisation: { code: 'ILANUD' } } });
    expect(optedOut.remindersOptedOutAt).not.toBeNull();

    const [declined, other] = await Promise.all(
      ['UNAFEI', 'UNAFRI'].map((code) => db().organisation.findUniqueOrThrow({ where: { code } })),
    );
    const page = await coordinator.get('/console/sessions/43');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const response = await fetch(`${stack.baseUrl}/console/sessions/43/remind-selected`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: coordinator.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([
        ['_csrf', token],
        ['organisationId', declined!.id],
        ['organisationId', other!.id],
      ]).toString(),
    });
    expect(response.status).toBe(302);
    await eventually(
      async () => (await mails()).filter((m) => m.parsed.subject?.startsWith('Reminder:')).length === 1,
      30_000,
      'reminder to the selection',
    );
    const reminders = (await mails()).filter((m) => m.parsed.subject?.startsWith('Reminder:'));
    expect(JSON.stringify(reminders[0]!.parsed.to)).toContain('unafri.example.org');
  });

  it('flags a reply in the grace window as late', async () => {
    const link = (await linkTo('focal.point@unicri.example.org'))!;
    const token = link.split('/r/')[1]!;
    const cycle = await db().surveyCycle.findFirstOrThrow();
    // One day after the close UNICRI is within its extension: on time. An organisation without one is late.
    const afterClose = new Date(cycle.closesAt.getTime() + DAY);
    expect((await resolveAccess(db(), token, afterClose))?.late).toBe(false);
    const unodc = (await linkTo('focal.point@undp.example.org')) ?? '';
    const access = await resolveAccess(db(), unodc.split('/r/')[1] ?? '', afterClose);
    expect(access).toMatchObject({ late: true });
    await startResponse(db(), access!);
    await saveAnswers(db(), access!, { activitiesCarriedOut: 'no' }, 1, 'submit');
    expect(await db().response.findFirstOrThrow({ where: { organisationId: access!.organisation.id } })).toMatchObject({
      status: 'SUBMITTED',
      late: true,
    });
    // After the grace window (two days) the link no longer works.
    expect(
      await resolveAccess(db(), unodc.split('/r/')[1]!, new Date(cycle.closesAt.getTime() + 3 * DAY)),
    ).toBeUndefined();
  });

  it('writes to each contact in their language, and lets the respondent switch (Arabic right to left)', async () => {
    const spanish = (await mails()).find(
      (m) =>
        JSON.stringify(m.parsed.to).includes('focal.point@ilanud.example.org') &&
        m.parsed.subject?.startsWith('Encuesta'),
    )!;
    expect(spanish.parsed.subject).toMatch(
      /^Encuesta sobre las actividades de prevención del delito y justicia penal: respuesta antes del \d+ de \w+ de \d{4}$/,
    );
    expect(spanish.parsed.text).toContain('Estimado/a Focal point, ILANUD:');
    const arabic = (await mails()).find((m) => JSON.stringify(m.parsed.to).includes('focal.point@asstc.example.org'))!;
    expect(arabic.parsed.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.parsed.subject).toContain('استقصاء أنشطة منع الجريمة والعدالة الجنائية');

    const link = LINK.exec(spanish.parsed.text ?? '')![1]!;
    const respondent = new HttpSession(stack.baseUrl);
    const inSpanish = (await respondent.get(link)).body;
    expect(inSpanish).toContain('<html lang="es" dir="ltr">');
    expect(inSpanish).toContain('Encuesta sobre las actividades de prevención del delito y justicia penal');
    const inArabic = (await respondent.get(`${link}?lang=ar`)).body;
    expect(inArabic).toContain('<html lang="ar" dir="rtl">');
    expect(inArabic).toContain('استقصاء الأنشطة المتعلقة بمنع الجريمة والعدالة الجنائية داخل منظومة الأمم المتحدة');
    // The choice is kept (a cookie: opening a link still writes nothing on the server).
    expect((await respondent.get(link)).body).toContain('<html lang="ar" dir="rtl">');
  });

  it('refuses to launch while a contact needs a language without a complete translation, writing nothing', async () => {
    const opening = new Date(Date.now() + 300 * DAY).toISOString().slice(0, 10);
    await createSession(db(), { number: 44, openingDate: opening, closingDate: opening, venue: 'Vienna' }, 'test');
    const contact = await db().contact.findFirstOrThrow({ where: { email: 'focal.point@who.example.org' } });
    await db().contact.update({ where: { id: contact.id }, data: { language: 'de' } });
    try {
      const refused = await coordinator.submit('/console', '/console/sessions/44/launch', {});
      expect(refused.status).toBe(400);
      expect(refused.body).toContain('1 contact(s) read de, which is not one of the six official languages');
      expect(await db().surveyCycle.count()).toBe(2); // session 43's two surveys, none for 44
    } finally {
      await db().contact.update({ where: { id: contact.id }, data: { language: 'en' } });
    }
  });

  it('runs the IGO/NGO survey of IV 10 (b): one row per activity, errors by row, its own status and export', async () => {
    const link = (await linkTo('focal.point@coe.example.org'))!;
    const invitation = (await mails()).find((m) =>
      JSON.stringify(m.parsed.to).includes('focal.point@coe.example.org'),
    )!;
    expect(invitation.parsed.subject).toMatch(/^Enquête sur les activités relatives aux thèmes prioritaires/);
    expect(invitation.parsed.text).toContain('alinéa b) du paragraphe 10');
    const respondent = new HttpSession(stack.baseUrl);
    const landing = (await respondent.get(link)).body;
    // The Council of Europe's contact reads French.
    expect(landing).toContain(
      'Enquête sur les activités des organisations intergouvernementales et non gouvernementales',
    );
    expect((await respondent.submit(link, `${link}/start`)).status).toBe(303);
    const form = await respondent.get(`${link}/form`);
    expect(form.body).toContain('name="activities.2.title"'); // three blank rows offered
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const row = {
      'activities.0.title': 'Formation des juges pour mineurs',
      'activities.0.theme': 'b',
      'activities.0.region': 'EUROPE',
      'activities.0.budget': '86200',
      'activities.0.budget_currency': 'EUR',
      'activities.0.start': '2026-01-15',
      'activities.1.title': 'Audit of urban safety',
      'activities.1.region': 'AFRICA',
      'activities.1.budget_currency': 'USD',
      'activities.1.start': '15/01/2026',
    };
    const refused = await respondent.submit(`${link}/form`, `${link}/form`, {
      version,
      action: 'submit',
      activitiesCarriedOut: 'yes',
      ...row,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('href="#activities.1.theme">il faut répondre à cette question');
    expect(refused.body).toContain('href="#activities.1.start">indiquez la date sous la forme AAAA-MM-JJ');
    expect(refused.body).toContain('value="Formation des juges pour mineurs"'); // nothing typed is lost
    const accepted = await respondent.submit(`${link}/form`, `${link}/form`, {
      version,
      action: 'submit',
      activitiesCarriedOut: 'yes',
      regionalNetworks: 'EUROPE',
      ...row,
      'activities.1.theme': 'b',
      'activities.1.start': '2026-02-01',
    });
    expect(accepted.status).toBe(303);
    const coe = await db().organisation.findUniqueOrThrow({ where: { code: 'COE' } });
    const response = await db().response.findFirstOrThrow({ where: { organisationId: coe.id } });
    expect(response).toMatchObject({ status: 'SUBMITTED', language: 'fr' });
    expect(response.answers).toMatchObject({
      regionalNetworks: ['EUROPE'],
      activities: [
        {
          title: 'Formation des juges pour mineurs',
          theme: 'b',
          region: 'EUROPE',
          budget: 86200,
          budget_currency: 'EUR',
        },
        { title: 'Audit of urban safety', theme: 'b', region: 'AFRICA', start: '2026-02-01' },
      ],
    });
    const page = (await coordinator.get('/console/sessions/43?survey=IGO_NGO&state=submitted')).body;
    expect(page).toContain('Council of Europe');
    const exported = await fetch(`${stack.baseUrl}/console/sessions/43/replies?format=csv&survey=IGO_NGO`, {
      headers: { cookie: coordinator.cookieHeader() },
    });
    const rows = parse<Record<string, string>>(Buffer.from(await exported.arrayBuffer()), { bom: true, columns: true });
    expect(rows.find((r) => r.organisation_code === 'COE')!.activities).toContain(
      '1. Formation des juges pour mineurs; VI 1 (b); Europe; 86,200 EUR; 2026-01-15',
    );
  });

  it('exports the replies with codes and labels, and keeps the audit trail', async () => {
    const exported = await fetch(`${stack.baseUrl}/console/sessions/43/replies?format=csv`, {
      headers: { cookie: coordinator.cookieHeader() },
    });
    const rows = parse<Record<string, string>>(Buffer.from(await exported.arrayBuffer()), {
      bom: true,
      columns: true,
    });
    expect(rows.find((r) => r.organisation_code === 'UNAFEI')).toMatchObject({ status: 'declined' });
    expect(rows.find((r) => r.organisation_code === 'UNDP')).toMatchObject({
      status: 'submitted',
      late: 'yes',
      activitiesCarriedOut: 'no',
      activitiesCarriedOut_label: 'No',
    });
    // The same codes, with the labels in French (the console's export form offers the six languages).
    expect((await coordinator.get('/console/sessions/43')).body).toContain('<option value="fr" >Français</option>');
    const inFrench = await fetch(`${stack.baseUrl}/console/sessions/43/replies?format=csv&language=fr`, {
      headers: { cookie: coordinator.cookieHeader() },
    });
    const french = parse<Record<string, string>>(Buffer.from(await inFrench.arrayBuffer()), {
      bom: true,
      columns: true,
    });
    expect(french.find((r) => r.organisation_code === 'UNDP')).toMatchObject({
      activitiesCarriedOut: 'no',
      activitiesCarriedOut_label: 'Non',
    });
    const trail = (await coordinator.get('/console/sessions/43')).body;
    for (const action of [
      'invitation.extend',
      'invitation.reissue',
      'response.decline',
      'invitation.opt-out-reminders',
    ])
      expect(trail).toContain(action);
  });
});

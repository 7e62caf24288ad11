/**
 * A reply's life beyond one person filling one form, on the Temporal dev server, real SMTP and PostgreSQL, over HTTP.
 * Delegation: a contact gives a colleague a link to one section; the colleague answers only that section and cannot
 * submit; the contact sees the answers and submits; a withdrawn link stops working. Reopening: refused without a
 * reason or for a manager (nothing written), then reopened by a coordinator; the respondent is e-mailed the reason
 * and a link, amends and submits again; both versions are kept and the differences shown.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { createSession } from '../../services/sessions';
import { HttpSession, csrfToken, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const LINK = /(http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{43})/;
const UNODC_HEUNI = 'focal.point@heuni.example.org';

describe('delegating and reopening a reply', () => {
  let stack: Stack;
  let coordinator: HttpSession;
  const db = () => stack.database.db;
  const linkTo = async (address: string, subject = /./) => {
    const found = (await stack.mail.store.all()).filter(
      (m) => subject.test(m.parsed.subject ?? '') && JSON.stringify(m.parsed.to).includes(address),
    );
    return LINK.exec(found.at(-1)?.parsed.text ?? '')?.[1];
  };
  /** Everything a refused request must leave as it was. */
  const snapshot = async () => ({
    responses: await db().response.findMany({ orderBy: { id: 'asc' } }),
    versions: await db().responseVersion.count(),
    attachments: await db().attachment.count(),
    audit: await db().auditEvent.count(),
  });

  beforeAll(async () => {
    stack = await startStack('reopen-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(db(), { number: 44, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/44/launch')).status).toBe(302);
  });

  afterAll(() => stack?.close());

  it('lets a colleague answer the delegated section only, while the contact keeps sight and submits', async () => {
    const UNICRI = 'focal.point@unicri.example.org';
    const link = await eventually(() => linkTo(UNICRI), 60_000, 'invitation');
    const contact = new HttpSession(stack.baseUrl);
    const delegated = await contact.submit(link, `${link}/delegate`, {
      name: 'Maria Rossi',
      email: 'maria.rossi@unicri.example.org',
      sectionIds: 'theme_b',
      note: 'Please fill in the <urban> projects',
    });
    expect(delegated.status).toBe(303);
    const colleagueLink = await eventually(
      () => linkTo('maria.rossi@unicri.example.org', /asks for your help with a United Nations survey/),
      30_000,
      'delegation e-mail',
    );
    const invite = (await stack.mail.store.all()).find((m) => JSON.stringify(m.parsed.to).includes('maria.rossi'))!;
    expect(invite.parsed.html).toContain('Please fill in the &lt;urban&gt; projects');
    expect(invite.parsed.text).toContain('Priority theme VI 1 (b)');
    // Whoever receives it can see who asked the Secretariat's address to write to them.
    expect(invite.parsed.text?.replace(/\s+/g, ' ')).toContain(`at the request of Focal point, UNICRI (${UNICRI})`);

    const colleague = new HttpSession(stack.baseUrl);
    const landing = (await colleague.get(colleagueLink)).body;
    expect(landing).toContain('You are helping');
    expect(landing).not.toContain('File a nil return');
    expect((await colleague.submit(colleagueLink, `${colleagueLink}/start`)).status).toBe(303);
    const form = (await colleague.get(`${colleagueLink}/form`)).body;
    expect(form).toContain('name="theme_b_description"');
    expect(form).not.toContain('name="activitiesCarriedOut"');
    expect(form).not.toContain('value="submit"');
    const version = /name="version" value="(\d+)"/.exec(form)![1]!;
    const saved = await colleague.submit(`${colleagueLink}/form`, `${colleagueLink}/form`, {
      version,
      action: 'save',
      theme_b_description: 'Safer cities programme in Turin and Naples',
      theme_b_budget: '48000',
      theme_b_budget_currency: 'EUR',
      activitiesCarriedOut: 'no', // not theirs to answer: ignored
    });
    expect(saved.status).toBe(303);

    // The colleague can neither submit nor answer for the organisation; nothing is written when they try.
    const before = await snapshot();
    const fresh = /name="version" value="(\d+)"/.exec((await colleague.get(`${colleagueLink}/form`)).body)![1]!;
    expect(
      (await colleague.submit(`${colleagueLink}/form`, `${colleagueLink}/form`, { version: fresh, action: 'submit' }))
        .status,
    ).toBe(403);
    expect((await colleague.submit(colleagueLink, `${colleagueLink}/nil`)).status).toBe(403);
    expect(
      (await colleague.submit(colleagueLink, `${colleagueLink}/delegate`, { name: 'X', email: 'x@example.org' }))
        .status,
    ).toBe(403);
    // In the language the colleague reads the pages in.
    await colleague.get(`${colleagueLink}?lang=fr`);
    const refusedInFrench = await colleague.submit(colleagueLink, `${colleagueLink}/nil`);
    expect(refusedInFrench.status).toBe(403);
    expect(refusedInFrench.body).toContain('<html lang="fr"');
    expect(refusedInFrench.body).toContain('Seul le collègue qui a demandé votre aide peut le faire');
    expect(await snapshot()).toEqual(before);

    // The contact sees the colleague's answers and submits the whole reply.
    expect((await contact.submit(link, `${link}/start`)).status).toBe(303);
    const contactForm = (await contact.get(`${link}/form`)).body;
    expect(contactForm).toContain('Safer cities programme in Turin and Naples');
    const contactVersion = /name="version" value="(\d+)"/.exec(contactForm)![1]!;
    expect(
      (
        await contact.submit(`${link}/form`, `${link}/form`, {
          version: contactVersion,
          action: 'submit',
          activitiesCarriedOut: 'yes',
          theme_b_description: 'Safer cities programme in Turin and Naples',
          theme_b_budget: '48000',
          theme_b_budget_currency: 'EUR',
        })
      ).status,
    ).toBe(303);
    const unicri = await db().organisation.findUniqueOrThrow({ where: { code: 'UNICRI' } });
    const reply = await db().response.findFirstOrThrow({ where: { organisationId: unicri.id } });
    expect(reply).toMatchObject({ status: 'SUBMITTED' });
    expect(reply.answers).toMatchObject({ activitiesCarriedOut: 'yes', theme_b_budget: 48000 });
    const actions = await db().auditEvent.findMany({ where: { entityId: { contains: unicri.id } } });
    expect(actions.some((a) => a.action === 'response.save' && a.actor.startsWith('delegate:'))).toBe(true);
    // After the reply is sent the colleague's link shows the thank-you page, and no form.
    expect((await colleague.get(`${colleagueLink}?lang=en`)).body).toContain('was submitted');
  });

  it('caps the colleagues’ links of one reply, so a link holder cannot make the Secretariat write without end', async () => {
    const ASSTC = 'focal.point@asstc.example.org';
    const link = await eventually(() => linkTo(ASSTC), 60_000, 'invitation');
    const contact = new HttpSession(stack.baseUrl);
    const ask = (i: number) =>
      contact.submit(link, `${link}/delegate`, { name: `Colleague ${i}`, email: `colleague.${i}@asstc.example.org` });
    for (let i = 0; i < 10; i += 1) expect((await ask(i)).status).toBe(303);
    const before = await snapshot();
    const refused = await ask(10);
    expect(refused.status).toBe(409);
    expect(refused.body).toContain('as many colleagues’ links as it may');
    expect(await snapshot()).toEqual(before);
    const sent = await eventually(
      async () => {
        const all = (await stack.mail.store.all()).filter((m) =>
          /colleague\.\d+@asstc/.test(JSON.stringify(m.parsed.to)),
        );
        return all.length >= 10 && all;
      },
      30_000,
      'delegation e-mails',
    );
    expect(sent).toHaveLength(10);
  });
  it('stops a withdrawn colleague link at once', async () => {
    const UNAFRI = 'focal.point@unafri.example.org';
    const link = await eventually(() => linkTo(UNAFRI), 60_000, 'invitation');
    const contact = new HttpSession(stack.baseUrl);
    expect(
      (await contact.submit(link, `${link}/delegate`, { name: 'Amina Okello', email: 'amina@unafri.example.org' }))
        .status,
    ).toBe(303);
    const colleagueLink = await eventually(
      () => linkTo('amina@unafri.example.org', /asks for your help/),
      30_000,
      'delegation e-mail',
    );
    expect((await new HttpSession(stack.baseUrl).get(colleagueLink)).status).toBe(200);
    const landing = (await contact.get(link)).body;
    expect(landing).toContain('Amina Okello (amina@unafri.example.org): the whole questionnaire');
    const delegation = await db().delegation.findFirstOrThrow({ where: { delegateEmail: 'amina@unafri.example.org' } });
    expect((await contact.submit(link, `${link}/delegations/${delegation.id}/withdraw`)).status).toBe(303);
    const after = await new HttpSession(stack.baseUrl).get(colleagueLink);
    expect(after.status).toBe(404);
    expect(after.body).toContain('This link is not available');
    expect(await db().auditEvent.count({ where: { action: 'delegation.withdraw' } })).toBe(1);
  });

  it('attaches a file within its limits, refuses the wrong kind or size without writing, and keeps it with the reply', async () => {
    const UNDP = 'focal.point@undp.example.org';
    const link = await eventually(() => linkTo(UNDP), 60_000, 'invitation');
    const respondent = new HttpSession(stack.baseUrl);
    expect((await respondent.submit(link, `${link}/start`)).status).toBe(303);
    const form = `${link}/form`;
    expect((await respondent.get(form)).body).toContain('Supporting document (a report or work plan');
    const action = `${link}/files/supportingDocument`;

    const before = await snapshot();
    const disguised = await respondent.upload(form, action, { name: 'report.pdf', content: 'MZ\x90\x00 not a pdf' });
    expect(disguised.status).toBe(400);
    expect(disguised.body).toContain('this kind of file is not accepted here');
    const huge = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const tooLarge = await respondent.upload(form, action, { name: 'report.pdf', content: huge });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body).toContain('the file is too large for this question');
    expect(await snapshot()).toEqual(before);

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    // The name keeps what a file name may hold (markup characters are dropped) and is escaped where shown.
    const attached = await respondent.upload(form, action, { name: 'Work plan <2027> & budget.pdf', content: pdf });
    expect(attached.status).toBe(303);
    const page = (await respondent.get(form)).body;
    expect(page).toContain('Attached: Work plan 2027 &amp; budget.pdf');
    const attachment = await db().attachment.findFirstOrThrow({ where: { questionId: 'supportingDocument' } });
    const storedFiles = () => readdirSync(path.join(stack.dataDir, 'attachments')).sort();

    // What one reply may store is bounded: a full reply refuses the next file before writing it.
    const full = await db().attachment.create({
      data: { ...attachment, id: undefined, size: 100 * 1024 * 1024, sha256: 'f'.repeat(64), fileName: 'earlier.pdf' },
    });
    const filesBefore = storedFiles();
    const another = Buffer.from('%PDF-1.4\n% another one\n%%EOF\n');
    const refusedFull = await respondent.upload(form, action, { name: 'another.pdf', content: another });
    expect(refusedFull.status).toBe(400);
    expect(refusedFull.body).toContain('this reply holds as many files as it may');
    expect(storedFiles()).toEqual(filesBefore);
    await db().attachment.delete({ where: { id: full.id } });

    // A form cannot cite a file that is not this reply's own.
    const version = /name="version" value="(\d+)"/.exec(page)![1]!;
    const tokenBeforeSubmission = csrfToken(page);
    const foreign = await respondent.submit(form, form, {
      version,
      action: 'save',
      supportingDocument: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toContain('the attached file is not valid: attach it again');

    expect(
      (
        await respondent.submit(form, form, {
          version,
          action: 'submit',
          activitiesCarriedOut: 'no',
          supportingDocument: attachment.id,
        })
      ).status,
    ).toBe(303);
    const receipt = await eventually(
      async () =>
        (await stack.mail.store.all()).find(
          (m) => JSON.stringify(m.parsed.to).includes(UNDP) && (m.parsed.subject ?? '').startsWith('Reply received'),
        ),
      30_000,
      'receipt',
    );
    expect(receipt.parsed.text).toContain('Work plan 2027 & budget.pdf');

    // Once submitted, an upload is refused before anything is written: no file left behind without a row.
    const filesAtSubmission = storedFiles();
    const rowsAtSubmission = await db().attachment.count();
    const late = new FormData();
    late.append('_csrf', tokenBeforeSubmission);
    late.append('file', new Blob([another]), 'late.pdf');
    const afterSubmission = await fetch(action, {
      method: 'POST',
      headers: { cookie: respondent.cookieHeader() },
      body: late,
    });
    expect(afterSubmission.status).toBe(409);
    expect(storedFiles()).toEqual(filesAtSubmission);
    expect(await db().attachment.count()).toBe(rowsAtSubmission);

    // Staff download it from the reply's page; a respondent cannot.
    const undp = await db().organisation.findUniqueOrThrow({ where: { code: 'UNDP' } });
    const replyPage = (await coordinator.get(`/console/sessions/44/organisations/${undp.id}/reply`)).body;
    expect(replyPage).toContain(`/console/attachments/${attachment.id}`);
    const download = await fetch(`${stack.baseUrl}/console/attachments/${attachment.id}`, {
      headers: { cookie: coordinator.cookieHeader() },
    });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await respondent.get(`/console/attachments/${attachment.id}`)).status).not.toBe(200);
  });

  it('keeps every submitted version, reopens with a reason and shows what the respondent changed', async () => {
    const link = await eventually(() => linkTo(UNODC_HEUNI), 60_000, 'invitation');
    const respondent = new HttpSession(stack.baseUrl);
    expect((await respondent.submit(link, `${link}/start`)).status).toBe(303);
    const form = await respondent.get(`${link}/form`);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    // Without the page's script the server gives the same soft warning, and writes nothing until it is confirmed.
    const unconfirmed = await snapshot();
    const warned = await respondent.submit(`${link}/form`, `${link}/form`, {
      version,
      action: 'submit',
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Training',
      theme_a_budget: '120000',
      theme_a_budget_currency: 'EUR',
    });
    expect(warned.status).toBe(422);
    expect(warned.body).toContain('this description is very short: please say what, where and with whom');
    expect(warned.body).toContain('name="confirmWarnings"');
    expect(await snapshot()).toEqual(unconfirmed);
    const first = await respondent.submit(`${link}/form`, `${link}/form`, {
      version,
      action: 'submit',
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Training of prosecutors in Helsinki',
      theme_a_budget: '120000',
      theme_a_budget_currency: 'EUR',
    });
    expect(first.status).toBe(303);
    // The same submission again (a double click, a resent form), and a second launch of the session: refused with
    // what is wrong, and nothing written.
    const afterFirst = await snapshot();
    const again = await respondent.request('POST', `${link}/form`, {
      _csrf: csrfToken(form.body), // the form as the respondent still has it open
      version,
      action: 'submit',
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Training of prosecutors in Helsinki',
      theme_a_budget: '120000',
      theme_a_budget_currency: 'EUR',
    });
    expect(again.status).toBe(409);
    expect(again.body).toContain('This questionnaire has already been submitted');
    const relaunch = await coordinator.submit('/console', '/console/sessions/44/launch');
    expect(relaunch.status).toBe(409);
    expect(relaunch.body).toContain('Session 44 has already been launched');
    expect(await snapshot()).toEqual(afterFirst);
    const heuni = await db().organisation.findUniqueOrThrow({ where: { code: 'HEUNI' } });
    const replyPage = `/console/sessions/44/organisations/${heuni.id}/reply`;
    expect((await coordinator.get(replyPage)).body).toContain('Version 2: SUBMITTED');

    // A manager may look but not reopen; a coordinator must give a reason. Neither writes anything.
    const before = await snapshot();
    const manager = new HttpSession(stack.baseUrl);
    await manager.login('manager@example.org', 'manager-demo');
    expect((await manager.submit(replyPage, `${replyPage}/reopen`, { reason: 'Please check the budget' })).status).toBe(
      403,
    );
    const noReason = await coordinator.submit(replyPage, `${replyPage}/reopen`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toContain('give the reason for reopening');
    expect(await snapshot()).toEqual(before);

    const reopened = await coordinator.submit(replyPage, `${replyPage}/reopen`, {
      reason: 'Please give the budget in US dollars <as agreed>',
    });
    expect(reopened.status).toBe(303);
    const notice = await eventually(
      () => linkTo(UNODC_HEUNI, /^Your reply has been reopened for amendment/),
      30_000,
      'reopen notice',
    );
    const mail = (await stack.mail.store.all()).find((m) =>
      (m.parsed.subject ?? '').startsWith('Your reply has been'),
    )!;
    expect(mail.parsed.html).toContain('Please give the budget in US dollars &lt;as agreed&gt;');
    const landing = (await respondent.get(notice)).body;
    expect(landing).toContain('The Secretariat reopened this reply for amendment: Please give the budget');

    const amendForm = await respondent.get(`${notice}/form`);
    expect(amendForm.body).toContain('>Training of prosecutors in Helsinki</textarea>'); // the answers are kept
    const amendVersion = /name="version" value="(\d+)"/.exec(amendForm.body)![1]!;
    expect(
      (
        await respondent.submit(`${notice}/form`, `${notice}/form`, {
          version: amendVersion,
          action: 'submit',
          activitiesCarriedOut: 'yes',
          theme_a_description: 'Training of prosecutors in Helsinki',
          theme_a_budget: '131000',
          theme_a_budget_currency: 'USD',
        })
      ).status,
    ).toBe(303);

    const versions = await db().responseVersion.findMany({
      where: { response: { organisationId: heuni.id } },
      orderBy: { version: 'asc' },
    });
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [2, 'SUBMITTED'],
      [4, 'SUBMITTED'],
    ]);
    const history = (await coordinator.get(replyPage)).body;
    expect(history).toMatch(/Version 4: SUBMITTED/);
    expect(history).toContain('<td class="diff-before">120,000 EUR</td><td class="diff-after">131,000 USD</td>');
    const audit = await db().auditEvent.findMany({ where: { action: 'response.reopen' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'coordinator@example.org' });
    // A second receipt for the amended version.
    await eventually(
      async () =>
        (await db().emailMessage.count({ where: { kind: 'receipt', toAddress: UNODC_HEUNI, status: 'SENT' } })) === 2,
      30_000,
      'second receipt',
    );
  });
});

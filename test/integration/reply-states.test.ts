/**
 * Every surface shows the same numbers for the same survey. On the Temporal dev server, real SMTP and PostgreSQL, one
 * survey of each kind (system-wide, IV 10 (a); IGOs and NGOs, IV 10 (b)) is driven through every reply state — a
 * contact refused by the mail server (SMTP 550) with and without an alternate, delivered, opened, in progress,
 * submitted, nil return, declined, late, extended — using the `prep` CLI with `--survey` for the coordinator's part.
 * Then the console's table, filters, counts and charts, the burn-down and the reply lines of the dashboard,
 * `prep status --json`, `prep survey status --json`, the report and its annex, and the weekly digest are read, and
 * each must agree with the expected counts.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildProgram } from '../../client/cli/main';
import type { Runtime } from '../../client/cli/main';
import { CHIEF_DIGEST_SCHEDULE_ID, WEEKLY_DIGEST_SCHEDULE_ID } from '../../client/schedules';
import { formatDateIn } from '../../domain/i18n';
import { REPLY_STATES } from '../../domain/reply-states';
import type { ReplyState } from '../../domain/reply-states';
import type { SurveyCounts } from '../../services/cycle-status';
import { declineResponse, fileNilReturn, resolveAccess, saveAnswers, startResponse } from '../../services/responses';
import type { RespondentAccess } from '../../services/responses';
import { createSession } from '../../services/sessions';
import { docxText } from '../helpers/docx';
import { HttpSession, eventually } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const LINK = /http:\/\/127\.0\.0\.1:\d+\/r\/([A-Za-z0-9_-]{43})/;
const TASK_QUEUE = 'reply-states-test';
const SESSION = 45;

const SYSTEM_WIDE = ['UNICRI', 'UNAFEI', 'UNAFRI', 'ILANUD', 'HEUNI', 'ASSTC', 'CHR', 'UNDP', 'UNICEF'];
const IGO_NGO = ['INTERPOL', 'COE', 'OAS', 'LAS', 'ISPAC', 'PRI', 'ASC', 'AFJN', 'TESTNGO'];

/** The same story in both surveys: nine organisations, one or two in each state. */
const EXPECTED: Record<ReplyState, number> = {
  invited: 1, // every contact bounced (CHR, ASC)
  delivered: 2, // UNAFRI and LAS (primary bounced, alternate reached); ILANUD and AFJN (extended)
  bounced: 2,
  opened: 1,
  'in progress': 1,
  submitted: 2, // one on time, one late
  'nil return': 1,
  declined: 1,
  late: 1,
  extended: 1,
};
const REPLIES = 3; // two submissions and a nil return; the decline does not count
const RATE = 33;

describe('one vocabulary of reply states, the same numbers everywhere', () => {
  let stack: Stack;
  let coordinator: HttpSession;
  let closesAt: Date;
  let extendTo: string;
  const db = () => stack.database.db;
  const runtime: Runtime = {
    db: () => stack.database.db,
    deps: () => Promise.resolve({ db: stack.database.db, temporal: stack.temporal, taskQueue: TASK_QUEUE }),
    close: () => Promise.resolve(),
  };
  async function prep(...args: string[]): Promise<string[]> {
    const lines: string[] = [];
    await buildProgram(runtime, (line) => lines.push(line)).parseAsync(['node', 'prep', ...args]);
    return lines;
  }
  /** The respondent's access through the latest link e-mailed to `address`, as of `now`. */
  async function accessOf(address: string, now?: Date): Promise<RespondentAccess> {
    const mails = (await stack.mail.store.all()).filter((m) => JSON.stringify(m.parsed.to).includes(address));
    const token = LINK.exec(mails.at(-1)?.parsed.text ?? '')?.[1];
    if (!token) throw new Error(`no link was e-mailed to ${address}`);
    const access = await resolveAccess(db(), token, now);
    if (!access) throw new Error(`the link of ${address} does not open`);
    return access;
  }
  const focal = (code: string) => `focal.point@${code.toLowerCase()}.example.org`;
  async function open(code: string, now?: Date) {
    const access = await accessOf(focal(code), now);
    await startResponse(db(), access);
    return access;
  }
  async function submit(code: string, answers: Record<string, unknown>, now?: Date) {
    const access = await open(code, now);
    const saved = await saveAnswers(db(), access, answers, 1, 'draft');
    await saveAnswers(db(), access, answers, saved.version, 'submit', { warningsConfirmed: true });
  }

  beforeAll(async () => {
    stack = await startStack(TASK_QUEUE);
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(db(), { number: SESSION, openingDate: opening, closingDate: closing, venue: 'Vienna' }, 'test');
    // The mail catcher refuses @bounce.example.org with 550. CHR has no alternate; ASC loses both; UNAFRI and LAS
    // fall back to their alternate.
    const bounce = (email: string, to: string) => db().contact.updateMany({ where: { email }, data: { email: to } });
    await bounce(focal('CHR'), 'chr@bounce.example.org');
    await bounce(focal('UNAFRI'), 'unafri@bounce.example.org');
    await bounce(focal('LAS'), 'las@bounce.example.org');
    await bounce(focal('ASC'), 'asc@bounce.example.org');
    await bounce('alternate@asc.example.org', 'asc-alternate@bounce.example.org');
    // A ninth organisation for the IGO/NGO survey, so both surveys tell the same story.
    await db().organisation.create({
      data: {
        code: 'TESTNGO',
        name: 'Test Justice Forum',
        type: 'NGO',
        region: 'AMERICAS',
        contacts: {
          create: [{ name: 'Focal point, TESTNGO', email: focal('TESTNGO'), role: 'PRIMARY', language: 'en' }],
        },
      },
    });
    coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
  });

  afterAll(() => stack?.close());

  it('drives both surveys through every state, the coordinator working with prep --survey', async () => {
    const launched = await prep(
      'survey',
      'launch',
      '--session',
      String(SESSION),
      '--grace',
      '3',
      '--reminders',
      '7',
      '--only',
      [...SYSTEM_WIDE, ...IGO_NGO].join(','),
      '--no-wait',
    );
    expect(launched[0]).toMatch(/^Session 45 launched/);
    // 18 organisations; CHR and ASC reach nobody, so 16 invitations leave, and 5 addresses bounce.
    await eventually(
      async () => (await db().emailMessage.count({ where: { kind: 'invitation', status: 'SENT' } })) === 16,
      60_000,
      'invitations',
    );
    await eventually(async () => (await db().contact.count({ where: { bouncedAt: { not: null } } })) === 5, 30_000);
    closesAt = (await db().surveyCycle.findFirstOrThrow()).closesAt;
    const afterClose = new Date(closesAt.getTime() + DAY);
    extendTo = new Date(closesAt.getTime() + 2 * DAY).toISOString().slice(0, 10);

    // System-wide survey (IV 10 (a)): a theme description is one activity under that theme.
    await submit('UNICRI', {
      activitiesCarriedOut: 'yes',
      theme_a_description: 'Research on organized crime',
      theme_a_budget: 120000,
      theme_a_budget_currency: 'USD',
      theme_c_description: 'Court management training',
    });
    await submit(
      'UNICEF',
      { activitiesCarriedOut: 'yes', theme_b_description: 'Juvenile justice programme' },
      afterClose,
    );
    await fileNilReturn(db(), await accessOf(focal('UNDP')));
    await declineResponse(db(), await accessOf(focal('UNAFEI')), { reason: 'No activities this year' });
    await open('HEUNI');
    const asstc = await open('ASSTC');
    await saveAnswers(db(), asstc, { partners: 'UNODC' }, 1, 'draft');

    // IGO/NGO survey (IV 10 (b)): one row per activity, each with its theme.
    const activity = (title: string, theme: string) => ({ title, theme, region: 'EUROPE', start: '2026-01-15' });
    await submit('COE', {
      activitiesCarriedOut: 'yes',
      activities: [
        activity('Judges training', 'a'),
        activity('Urban safety audit', 'b'),
        activity('Youth mentoring', 'b'),
      ],
    });
    await submit('PRI', { activitiesCarriedOut: 'yes', activities: [activity('Prison reform', 'c')] }, afterClose);
    await fileNilReturn(db(), await accessOf(focal('ISPAC')));
    await declineResponse(db(), await accessOf(focal('INTERPOL')), { reason: 'Outside our mandate' });
    await open('OAS');
    const forum = await open('TESTNGO');
    await saveAnswers(db(), forum, { activitiesCarriedOut: 'yes' }, 1, 'draft');

    // The coordinator's part, with the CLI: an extension in each survey, refused in the wrong one.
    const extend = (survey: string[], code: string) =>
      prep(
        'survey',
        'extend',
        '--session',
        '45',
        ...survey,
        '--organisation',
        code,
        '--until',
        extendTo,
        '--reason',
        'Mission travel',
      );
    await expect(extend([], 'ILANUD')).resolves.toEqual([`ILANUD may reply until ${extendTo}T23:59:59.999Z.`]);
    await expect(extend(['--survey', 'igo-ngo'], 'AFJN')).resolves.toHaveLength(1);
    await expect(extend(['--survey', 'igo-ngo'], 'HEUNI')).rejects.toThrow(
      'That organisation was not invited to the Survey of IGOs and NGOs (IV 10 (b)) of this session',
    );
    await expect(extend(['--survey', 'regional'], 'HEUNI')).rejects.toThrow(
      '--survey must be system-wide or igo-ngo, got "regional"',
    );
    await expect(
      prep('survey', 'reissue', '--session', '45', '--survey', 'igo-ngo', '--email', focal('UNICRI')),
    ).rejects.toThrow('That contact was not invited to the Survey of IGOs and NGOs (IV 10 (b)) of this session');

    // Reminders now, to the IGO/NGO survey only: its four non-respondents that can be reached.
    await expect(prep('survey', 'remind', '--session', '45', '--survey', 'igo-ngo')).resolves.toEqual([
      'Reminders for the Survey of IGOs and NGOs (IV 10 (b)) of session 45 are being sent to every organisation that has not replied.',
    ]);
    await eventually(
      async () => (await db().emailMessage.count({ where: { kind: 'reminder', status: 'SENT' } })) === 4,
      30_000,
      'reminders',
    );
    const reminded = (await db().emailMessage.findMany({ where: { kind: 'reminder' } })).map((m) => m.toAddress);
    expect(reminded.sort()).toEqual(
      ['alternate@las.example.org', focal('AFJN'), focal('OAS'), focal('TESTNGO')].sort(),
    );
  });

  /** Both surveys, as the one query answers for each. */
  const surveys = [
    { kind: 'SYSTEM_WIDE', option: 'system-wide', title: 'system-wide survey' },
    { kind: 'IGO_NGO', option: 'igo-ngo', title: 'IGO/NGO survey' },
  ] as const;

  it.each(surveys)('shows the same counts of the $option survey while it is open', async ({ kind, option }) => {
    const cli = JSON.parse(
      (await prep('survey', 'status', '--session', '45', '--survey', option, '--json')).join('\n'),
    ) as { counts: SurveyCounts; rows: { code: string; state: string; marks: string[] }[] };
    expect(cli.counts.states).toEqual(EXPECTED);
    expect(cli.counts).toMatchObject({ invited: 9, replies: REPLIES, responseRate: RATE, status: 'OPEN' });
    await expectConsole(kind, EXPECTED, REPLIES);
  });

  it('closes each survey early from the CLI, ending its extension, and the status says on which day it closed', async () => {
    const until = formatDateIn('en', new Date(`${extendTo}T23:59:59.999Z`));
    // Each survey holds one extension (ILANUD, AFJN); without --end-extensions it would stay open until that date.
    await expect(
      prep('survey', 'close', '--session', '45', '--survey', 'igo-ngo', '--end-extensions'),
    ).resolves.toEqual([
      'Session 45: the Survey of IGOs and NGOs (IV 10 (b)) closed to new replies; the report is compiled once it has closed for good. ' +
        `One extension ends with the close, and that organisation is e-mailed: African Justice Network (until ${until}).`,
    ]);
    await eventually(
      async () => (await db().surveyCycle.findFirst({ where: { kind: 'IGO_NGO' } }))?.status === 'CLOSED',
      30_000,
      'IGO/NGO close',
    );
    expect((await db().surveyCycle.findFirstOrThrow({ where: { kind: 'SYSTEM_WIDE' } })).status).toBe('OPEN');
    await prep('survey', 'close', '--session', '45', '--survey', 'system-wide', '--end-extensions');
    await eventually(
      () => db().document.findFirst({ where: { kind: 'analysis-report' } }),
      120_000,
      'the analysis report',
    );
    // The organisations whose extension the close ended are told, once each.
    await eventually(
      async () => (await db().emailMessage.count({ where: { kind: 'extension-ended', status: 'SENT' } })) === 2,
      30_000,
      'extension-ended notices',
    );
    const told = (await db().emailMessage.findMany({ where: { kind: 'extension-ended' } })).map((m) => m.toAddress);
    expect(told.sort()).toEqual([focal('AFJN'), focal('ILANUD')].sort());
    const today = new Date().toISOString().slice(0, 10);
    for (const { kind } of surveys) {
      const page = (await coordinator.get(`/console/sessions/45?survey=${kind}`)).body;
      expect(page).toContain(
        `Status: <strong>closed on ${today}, early (the planned close was ${closesAt.toISOString().slice(0, 10)})</strong>`,
      );
      expect(page).not.toContain('accepted as late');
    }
  });

  it.each(surveys)(
    'agrees on the $option survey in the console: table, filters, counts and charts',
    async ({ kind }) => {
      await expectConsole(kind, EXPECTED, REPLIES);
      const page = (await coordinator.get(`/console/sessions/45?survey=${kind}`)).body;
      // The bounced contacts are named in the table.
      expect(page).toContain(
        kind === 'SYSTEM_WIDE' ? 'bounced: unafri@bounce.example.org' : 'bounced: las@bounce.example.org',
      );
      const themes = barTotals(chart(page, 'Activities reported, by priority theme'));
      expect(themes).toEqual(
        kind === 'SYSTEM_WIDE'
          ? { 'VI 1 (a)': 1, 'VI 1 (b)': 1, 'VI 1 (c)': 1 }
          : { 'VI 1 (a)': 1, 'VI 1 (b)': 2, 'VI 1 (c)': 1 },
      );
    },
  );

  it('agrees on the dashboard: the reply lines and the burn-downs of both surveys', async () => {
    const page = (await coordinator.get('/dashboard')).body;
    for (const { kind, title } of surveys) {
      expect(page).toMatch(
        new RegExp(`data-survey="${kind}">[^<]+: <strong>${REPLIES} of 9</strong> replied \\(${RATE}%\\), 1 declined;`),
      );
      expect(page).toContain(
        `aria-label="Replies to the ${title} against its close: ${9 - REPLIES} of 9 still to reply (${RATE}% replied)"`,
      );
    }
  });

  it('agrees in prep status --json', async () => {
    const status = JSON.parse((await prep('status', '--session', '45', '--json')).join('\n')) as {
      cycle: { submitted: number };
      surveys: SurveyCounts[];
    };
    expect(status.surveys.map((s) => s.kind)).toEqual(['SYSTEM_WIDE', 'IGO_NGO']);
    for (const survey of status.surveys) {
      expect(survey.states).toEqual(EXPECTED);
      expect(survey).toMatchObject({ invited: 9, replies: REPLIES, responseRate: RATE, status: 'CLOSED' });
    }
    expect(status.cycle.submitted).toBe(EXPECTED.submitted);
    const text = (await prep('status', '--session', '45')).join('\n');
    expect(text).toContain(`System-wide survey (IV 10 (a)): closed on`);
    expect(text).toContain(`; ${REPLIES} of 9 replied (${RATE}%): 1 invited, 2 delivered, 2 bounced,`);
    // The forecast counts the same replies: the surveys are closed, so their replies are the result.
    const { forecast } = status as unknown as { forecast: { surveys: { kind: string; expected: number }[] } };
    expect(forecast.surveys.map((s) => [s.kind, s.expected])).toEqual([
      ['SYSTEM_WIDE', REPLIES],
      ['IGO_NGO', REPLIES],
    ]);
    expect(text).toContain(`Forecast, System-wide survey (IV 10 (a)): ${REPLIES} of 9 replied by the close on`);
  });

  it('agrees in the report and its annex: a decline is listed, not counted as a reply', async () => {
    const document = await db().document.findFirstOrThrow({ where: { kind: 'analysis-report' } });
    const file = await fetch(`${stack.baseUrl}/documents/${document.id}`, {
      headers: { cookie: coordinator.cookieHeader() },
    });
    const { body } = await docxText(Buffer.from(await file.arrayBuffer()));
    expect(body).toContain(`It analyses the replies of ${2 * REPLIES} of the 18 organizations surveyed`);
    expect(body).toContain(
      `When the surveys closed, ${REPLIES} of the former and ${REPLIES} of the latter had replied, 2 of them with a nil return; 2 declined to take part and are not counted as replies.`,
    );
    // Theme by theme, the activities of both surveys' charts.
    expect(body).toContain(
      '2 organization(s) reported 2 activities under this theme (1 of the United Nations system, 1 intergovernmental',
    );
    expect(body).toContain('2 organization(s) reported 3 activities under this theme');
    const annex = body.slice(body.lastIndexOf('Organizations surveyed'));
    const count = (label: RegExp) => (annex.match(label) ?? []).length;
    expect(count(/Replied/g)).toBe(2 * EXPECTED.submitted);
    expect(annex).toMatch(
      /Far East Institute for the Prevention of Crime and the Treatment of Offenders\s*Programme network institute\s*Asia and the Pacific\s*Declined/,
    );
    expect(count(/Nil return/g)).toBe(2);
    expect(count(/Declined/g)).toBe(2);
    expect(count(/No reply/g)).toBe(18 - 2 * REPLIES - 2);
  });

  it('agrees in the weekly digest', async () => {
    await expect(prep('schedules')).resolves.toEqual([
      `Schedule ${WEEKLY_DIGEST_SCHEDULE_ID}: created (Mondays 06:00 UTC).`,
      `Schedule ${CHIEF_DIGEST_SCHEDULE_ID}: created (daily 06:00 UTC; sends only with CHIEF_ESCALATION=digest).`,
    ]);
    await stack.env.client.schedule.getHandle(WEEKLY_DIGEST_SCHEDULE_ID).trigger();
    const digest = await eventually(
      async () => (await stack.mail.store.all()).find((m) => m.parsed.subject?.startsWith('Deadlines this week')),
      30_000,
      'digest',
    );
    const text = (digest.parsed.text ?? '').replace(/\s+/g, ' ');
    for (const name of ['System-wide survey (IV 10 (a))', 'Survey of IGOs and NGOs (IV 10 (b))'])
      expect(text).toContain(
        `Session 45, ${name}: ${REPLIES} of 9 replied (${RATE}%), 1 nil return(s), 1 declined, 2 with a bounced contact; closed on`,
      );
  });

  it('exports either survey from the CLI with --survey', async () => {
    const out = path.join(os.tmpdir(), `reply-states-${Date.now()}.csv`);
    await expect(prep('survey', 'export', '--session', '45', '--survey', 'igo-ngo', '--out', out)).resolves.toEqual([
      expect.stringMatching(new RegExp(`^Wrote ${out} \\(\\d+ bytes\\)\\.$`)),
    ]);
    const csv = await readFile(out, 'utf8');
    expect(csv).toContain('COE,Council of Europe');
    expect(csv).not.toContain('UNICRI');
  });

  /** The console page of one survey: its counts list, its headline, each filter, and the replies charts. */
  async function expectConsole(kind: string, expected: Record<ReplyState, number>, replies: number) {
    const page = (await coordinator.get(`/console/sessions/45?survey=${kind}`)).body;
    expect(page).toContain(`Replied: <strong>${replies} of 9</strong> organizations (${RATE}%`);
    for (const state of REPLY_STATES) {
      expect([state, Number(new RegExp(`data-state="${state}">(\\d+)<`).exec(page)?.[1])]).toEqual([
        state,
        expected[state],
      ]);
      const filtered = (await coordinator.get(`/console/sessions/45?survey=${kind}&state=${encodeURIComponent(state)}`))
        .body;
      expect([state, /<p>(\d+) of 9 shown\.<\/p>/.exec(filtered)?.[1]]).toEqual([state, String(expected[state])]);
    }
    // The table: one progress state per row, and the marks beside it.
    const progress = [...page.matchAll(/<td class="respondent-[a-z-]+"><strong>([a-z ]+)<\/strong>/g)].map((m) => m[1]);
    expect(progress).toHaveLength(9);
    for (const state of [
      'invited',
      'delivered',
      'opened',
      'in progress',
      'submitted',
      'nil return',
      'declined',
    ] as const)
      expect([state, progress.filter((p) => p === state).length]).toEqual([state, expected[state]]);
    for (const mark of ['bounced', 'late', 'extended'] as const)
      expect([mark, (page.match(new RegExp(`class="mark-${mark}"`, 'g')) ?? []).length]).toEqual([
        mark,
        expected[mark],
      ]);
    // The replies charts add up to the same replies.
    const repliedIn = (title: string) =>
      [...chart(page, title).matchAll(/<title>Replied: (\d+)<\/title>/g)].reduce((s, m) => s + Number(m[1]), 0);
    expect(repliedIn('Replies by organisation type')).toBe(replies);
    expect(repliedIn('Replies by region')).toBe(replies);
  }
});

/** One inline SVG chart of a page, by its title. */
function chart(page: string, title: string): string {
  const start = page.indexOf(`aria-label="${title}"`);
  if (start < 0) throw new Error(`no chart "${title}" on the page`);
  return page.slice(start, page.indexOf('</svg>', start));
}

/** Each bar's label and the total written at its end. */
function barTotals(svg: string): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const m of svg.matchAll(
    /text-anchor="end" fill="#1b1b1b">([^<]+)<\/text>(?:<rect[^>]*>(?:<title>[^<]*<\/title>)?<\/rect>)*<text[^>]*>(\d+)<\/text>/g,
  ))
    totals[m[1]!] = Number(m[2]);
  return totals;
}

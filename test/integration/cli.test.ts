/**
 * The `prep` CLI against a real database and the time-skipping server: sessions, obligations, options and a
 * rehearsal kept for the dashboard. Bad input is refused with a message saying what is wrong, and writes nothing.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { buildProgram } from '../../client/cli/main';
import type { Runtime } from '../../client/cli/main';
import { createTestDatabase } from '../helpers/database';
import type { TestDatabase } from '../helpers/database';
import { quietTemporalLogs, startTimeSkippingServer } from '../helpers/temporal';

quietTemporalLogs();

describe('prep CLI', () => {
  let database: TestDatabase;
  let env: TestWorkflowEnvironment;
  let runtime: Runtime;

  beforeAll(async () => {
    database = await createTestDatabase({ seed: true });
    env = await startTimeSkippingServer();
    runtime = {
      db: () => database.db,
      deps: () => Promise.resolve({ db: database.db, temporal: env.client, taskQueue: 'cli-test' }),
      close: () => Promise.resolve(),
    };
  });

  afterAll(async () => {
    await env?.teardown();
    await database?.drop();
  });

  async function prep(...args: string[]): Promise<string[]> {
    const lines: string[] = [];
    await buildProgram(runtime, (line) => lines.push(line)).parseAsync(['node', 'prep', ...args]);
    return lines;
  }

  it('creates a regular and a reconvened session, and lists the obligations with the rule that sets each date', async () => {
    await expect(
      prep('session', 'create', '--number', '38', '--opening', '2031-02-30', '--closing', '2031-03-01'),
    ).rejects.toThrow('openingDate: no such date');
    expect(await database.db.session.count()).toBe(0);

    await prep('session', 'create', '--number', '38', '--opening', '2031-05-12', '--closing', '2031-05-16');
    expect(
      await prep(
        'session',
        'create',
        '--number',
        '38',
        '--opening',
        '2031-12-04',
        '--closing',
        '2031-12-05',
        '--reconvened',
      ),
    ).toEqual(['Session 38 (reconvened) created: Vienna, 2031-12-04 to 2031-12-05.']);
    const list = (await prep('session', 'list')).join('\n');
    expect(list).toMatch(/38\s+regular\s+2031-05-12/);
    expect(list).toMatch(/38\s+reconvened\s+2031-12-04/);

    const obligations = (await prep('obligations', 'list', '--session', '38')).join('\n');
    expect(obligations).toMatch(
      /ECOSOC 1992\/22 IV 10 \(c\) and IV 11\s+2031-03-13\s+Sixty-day rule \(stricter than six-week issuance rule\)\s+open/,
    );
    expect(obligations).toMatch(
      /ECOSOC 1992\/22 IV 2\s+2031-03-03\s+Ten-week submission rule \(stricter than six-week issuance rule\)\s+open/,
    );

    await expect(
      prep('obligations', 'met', '--session', '38', '--code', 'IV-2', '--symbol', 'E/CN.15/2031/5'),
    ).resolves.toEqual(['Obligation IV-2 of session 38 met by E/CN.15/2031/5.']);
    expect((await prep('obligations', 'list', '--session', '38')).join('\n')).toMatch(
      /IV 2\s+2031-03-03.*met \d{4}-\d{2}-\d{2}\s+E\/CN\.15\/2031\/5/,
    );
  });

  it('writes options, refusing a bad budget without writing anything', async () => {
    await expect(
      prep(
        'report',
        'options',
        'set',
        '--session',
        '38',
        '--position',
        '1',
        '--title',
        'Workshops',
        '--text',
        'Regional workshops with the institutes.',
        '--budget',
        'lots',
      ),
    ).rejects.toThrow('give the budget implication in US dollars, digits only');
    expect(await database.db.reportOption.count()).toBe(0);
    await prep(
      'report',
      'options',
      'set',
      '--session',
      '38',
      '--position',
      '1',
      '--title',
      'Workshops',
      '--text',
      'Regional workshops with the institutes.',
      '--budget',
      '90,000',
    );
    expect((await prep('report', 'options', 'list', '--session', '38')).join('\n')).toMatch(
      /1\s+Workshops\s+90000\s+cli/,
    );
    await expect(
      prep('report', 'reject', '--session', '38', '--as', 'coordinator@example.org', '--comment', 'no'),
    ).rejects.toThrow('coordinator@example.org is not a manager');
  });

  it('shows and edits the lateness footnote (staff only, audited), and goes back to the draft', async () => {
    // Session 38's dates are all ahead: nothing is late, so the report carries no footnote.
    expect(await prep('report', 'footnote', '--session', '38')).toEqual([
      'No date that binds the report has been missed: it carries no lateness footnote.',
    ]);
    const text = 'The present report was submitted late owing to the time required to analyse all inputs.';
    await expect(
      prep('report', 'footnote', '--session', '38', '--text', text, '--as', 'someone@example.org'),
    ).rejects.toThrow('someone@example.org is not a coordinator or manager');
    await expect(prep('report', 'footnote', '--session', '38', '--text', text)).rejects.toThrow(
      '--as <email> is required to edit the footnote',
    );
    await expect(
      prep('report', 'footnote', '--session', '38', '--text', 'late', '--as', 'coordinator@example.org'),
    ).rejects.toThrow('text: say why the report is late in at least 20 characters');
    expect(await database.db.reportFootnote.count()).toBe(0);

    await prep('report', 'footnote', '--session', '38', '--text', text, '--as', 'coordinator@example.org');
    const json = JSON.parse((await prep('report', 'footnote', '--session', '38', '--json')).join('\n')) as {
      edited: { text: string; editedBy: string };
      text?: string;
    };
    expect(json.edited).toMatchObject({ text, editedBy: 'coordinator@example.org' });
    expect(json.text).toBeUndefined();
    await prep('report', 'footnote', '--session', '38', '--reset', '--as', 'manager@example.org');
    expect(await database.db.reportFootnote.count()).toBe(0);
    expect(
      (await database.db.auditEvent.findMany({ where: { entity: 'ReportFootnote' }, orderBy: { id: 'asc' } })).map(
        (a) => `${a.action} ${a.actor}`,
      ),
    ).toEqual(['report-footnote.save coordinator@example.org', 'report-footnote.reset manager@example.org']);
  });

  it('rehearses a session on its own dates and keeps the result for the dashboard', async () => {
    const lines = await prep('rehearse', '--session', '38', '--respondents', '10', '--approval-delay', '3');
    expect(lines).toContain('Every deadline holds.');
    expect(lines.some((l) => /^Kept for the dashboard as rehearsal [0-9a-f-]{36}\.$/.test(l))).toBe(true);
    const kept = await database.db.rehearsal.findFirstOrThrow();
    expect(kept).toMatchObject({ holds: true, createdBy: 'cli' });
    expect(
      (kept.result as { result: { plan: { dueAt: string; key: string }[] } }).result.plan.find(
        (d) => d.key === 'dispatch-deadline',
      )?.dueAt,
    ).toBe('2031-03-13T00:00:00.000Z');
  });

  it('takes --survey system-wide or igo-ngo on every survey command, refusing anything else', async () => {
    await expect(prep('survey', 'status', '--session', '38', '--survey', 'igo-ngo')).rejects.toThrow(
      'Session 38 has no Survey of IGOs and NGOs (IV 10 (b)) yet',
    );
    await expect(prep('survey', 'status', '--session', '38')).rejects.toThrow(
      'Session 38 has no System-wide survey (IV 10 (a)) yet',
    );
    for (const command of [
      ['status'],
      ['export', '--out', 'x.csv'],
      ['remind'],
      ['close'],
      ['extend', '--organisation', 'COE', '--until', '2031-04-01', '--reason', 'Mission travel'],
      ['reissue', '--email', 'focal.point@coe.example.org'],
    ])
      await expect(
        prep('survey', command[0]!, '--session', '38', '--survey', 'regional', ...command.slice(1)),
      ).rejects.toThrow('--survey must be system-wide or igo-ngo, got "regional"');
    await expect(prep('survey', 'remind', '--session', '38', '--survey', 'igo-ngo')).rejects.toThrow(
      'Session 38 has no Survey of IGOs and NGOs (IV 10 (b)) yet',
    );
    await expect(prep('survey', 'close', '--session', '38', '--survey', 'IGO_NGO')).rejects.toThrow(
      'Session 38 has no Survey of IGOs and NGOs (IV 10 (b)) yet',
    );
    await expect(prep('survey', 'status', '--session', '38', '--state', 'replied')).rejects.toThrow(
      '--state must be one of invited, delivered, bounced, opened, in progress, submitted, nil return, declined, late, extended; got "replied"',
    );
    expect(await database.db.surveyCycle.count()).toBe(0);
    expect(await database.db.auditEvent.count({ where: { action: { startsWith: 'cycle.' } } })).toBe(0);
  });
});

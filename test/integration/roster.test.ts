/**
 * Roster import and export, CSV and XLSX, on PostgreSQL and over HTTP: a valid file is written in one go, a file with
 * any error writes nothing and reports every problem by row and column, duplicates are caught, and an export
 * imports back unchanged.
 */
import ExcelJS from 'exceljs';
import { exportRoster } from '../../services/roster/export';
import { RosterInvalidError, importRoster } from '../../services/roster/import';
import type { RosterIssue } from '../../services/roster/import';
import { HttpSession } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const HEADER =
  'organisation_code,organisation_name,organisation_type,region,contact_name,contact_email,contact_role,language';

describe('roster import and export', () => {
  let stack: Stack;
  const db = () => stack.database.db;

  beforeAll(async () => {
    stack = await startStack('roster-test');
  });

  afterAll(() => stack?.close());

  /** Everything an import could touch, to prove a refused import wrote nothing. */
  async function snapshot() {
    return {
      organisations: await db().organisation.findMany({ orderBy: { code: 'asc' } }),
      contacts: await db().contact.findMany({ orderBy: { email: 'asc' } }),
      governments: await db().government.findMany({ orderBy: { iso3: 'asc' } }),
      audit: await db().auditEvent.count(),
    };
  }

  async function refusal(csv: string): Promise<RosterIssue[]> {
    const before = await snapshot();
    const error: unknown = await importRoster(
      db(),
      { buffer: Buffer.from(csv), format: 'csv' },
      'organisations',
      't',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterInvalidError);
    expect(await snapshot()).toEqual(before);
    return (error as RosterInvalidError).issues;
  }

  it('imports organisations with their contacts, updating those it names and creating the new ones', async () => {
    const progress: string[] = [];
    const summary = await importRoster(
      db(),
      {
        buffer: Buffer.from(
          `\uFEFF${HEADER}\n` +
            'UNICRI,United Nations Interregional Crime and Justice Research Institute,institute,europe,New Focal Point,new.focal@unicri.example.org,primary,fr\n' +
            'ARABNGO,Arab Network for Crime Prevention,NGO,WESTERN_ASIA,"Salma, Head of Programmes",salma@arabngo.example.org,primary,ar\n' +
            'ARABNGO,Arab Network for Crime Prevention,NGO,WESTERN_ASIA,Omar,omar@arabngo.example.org,alternate,ar\n',
        ),
        format: 'csv',
      },
      'organisations',
      'coordinator@example.org',
      (done, total) => progress.push(`${done}/${total}`),
    );
    expect(summary).toEqual({ kind: 'organisations', rows: 3, created: 3, updated: 0 });
    expect(progress).toEqual(['3/3']);
    const unicri = await db().organisation.findUniqueOrThrow({
      where: { code: 'UNICRI' },
      include: { contacts: true },
    });
    // The new primary demotes the old one: never two primaries.
    expect(unicri.contacts.filter((c) => c.role === 'PRIMARY').map((c) => c.email)).toEqual([
      'new.focal@unicri.example.org',
    ]);
    const ngo = await db().organisation.findUniqueOrThrow({ where: { code: 'ARABNGO' }, include: { contacts: true } });
    expect(ngo).toMatchObject({ type: 'NGO', region: 'WESTERN_ASIA' });
    expect(ngo.contacts.map((c) => [c.name, c.language]).sort()).toEqual([
      ['Omar', 'ar'],
      ['Salma, Head of Programmes', 'ar'],
    ]);
  });

  it('refuses a file with errors, writing nothing, and says row, column and what is wrong', async () => {
    const issues = await refusal(
      `${HEADER}\n` +
        'OK1,Fine Organisation,IGO,AFRICA,Ann,ann@ok1.example.org,primary,en\n' +
        'BAD,Bad Organisation,CHARITY,MARS,Bob,not-an-address,boss,de\n' +
        'OK1,Fine Organisation,IGO,AFRICA,Ann again,ann@ok1.example.org,alternate,en\n' +
        'OK2,Second,NGO,EUROPE,Carl,carl@ok2.example.org,alternate,en\n' +
        'OK3,Third,NGO,EUROPE,Dora,ann@ok1.example.org,primary,en\n',
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'organisation_type', message: 'one of UN_ENTITY, SPECIALIZED_AGENCY, INSTITUTE, IGO, NGO' },
        { row: 3, column: 'region', message: 'one of AFRICA, AMERICAS, ASIA_PACIFIC, EUROPE, WESTERN_ASIA, GLOBAL' },
        { row: 3, column: 'contact_email', message: 'not an e-mail address' },
        { row: 3, column: 'contact_role', message: 'primary or alternate' },
        { row: 3, column: 'language', message: 'one of ar, zh, en, fr, ru, es' },
        { row: 4, column: 'contact_email', message: 'duplicate of row 2' },
        { row: 5, column: 'contact_role', message: 'OK2 has no primary contact' },
        {
          row: 6,
          column: 'contact_email',
          message: 'already the contact of OK1 on row 2; one address answers for one organisation',
        },
      ]),
    );
    expect(await refusal('code,name\nA,B\n')).toEqual(
      expect.arrayContaining([
        { row: 1, column: 'organisation_code', message: 'missing column' },
        expect.objectContaining({ row: 1, column: 'code', message: expect.stringMatching(/^unknown column/) }),
      ]),
    );
  });

  it('exports XLSX and CSV that import back unchanged', async () => {
    const before = await snapshot();
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await exportRoster(db(), 'organisations', format);
      const summary = await importRoster(db(), { buffer: file, format }, 'organisations', 'roundtrip');
      expect(summary).toMatchObject({ created: 0, updated: before.contacts.length });
    }
    const after = await snapshot();
    expect(after.organisations).toEqual(before.organisations);
    expect(after.contacts.map(({ id, name, email, role, language }) => ({ id, name, email, role, language }))).toEqual(
      before.contacts.map(({ id, name, email, role, language }) => ({ id, name, email, role, language })),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportRoster(db(), 'governments', 'xlsx')) as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      'iso3',
      'name',
      'language',
      'focal_point_name',
      'focal_point_email',
      'alternate_email',
    ]);
  });

  it('neutralises formulas in exported CSV cells', async () => {
    await importRoster(
      db(),
      {
        buffer: Buffer.from(
          `${HEADER}\nFORMULA,"=HYPERLINK(""http://evil"")",NGO,GLOBAL,@cmd,f@formula.example.org,primary,en\n`,
        ),
        format: 'csv',
      },
      'organisations',
      't',
    );
    const csv = (await exportRoster(db(), 'organisations', 'csv')).toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`'@cmd`);
  });

  it('imports over HTTP from the console, and shows the report of a refused file', async () => {
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    const upload = (name: string, content: string | Buffer, kind = 'organisations', withToken = true) =>
      coordinator.upload('/console/roster', '/console/roster/import', { name, content }, { kind }, withToken);
    const before = await snapshot();
    expect(
      (
        await upload(
          'roster.csv',
          `${HEADER}\nX1,Name,NGO,GLOBAL,Eve,eve@x1.example.org,primary,en\n`,
          'organisations',
          false,
        )
      ).status,
    ).toBe(403);
    const refused = await upload('roster.csv', `${HEADER}\nX1,<b>Name</b>,NGO,GLOBAL,Eve,eve@x1,primary,en\n`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/Nothing was imported from roster\.csv/);
    expect(refused.body).toMatch(/<td>2<\/td><td>contact_email<\/td><td>not an e-mail address<\/td>/);
    expect((await upload('roster.pdf', 'x')).body).toContain('neither a .csv nor a .xlsx file');
    expect(await snapshot()).toEqual(before);

    const governments = await exportRoster(db(), 'governments', 'xlsx');
    expect((await upload('governments.xlsx', governments, 'governments')).status).toBe(302);
    const exported = await fetch(`${stack.baseUrl}/console/roster/export?kind=organisations&format=csv`, {
      headers: { cookie: coordinator.cookieHeader() },
    });
    expect(exported.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(await exported.arrayBuffer());
    // UTF-8 with a byte-order mark, so Excel reads Arabic and Chinese names correctly.
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.toString('utf8').slice(1).split('\n')[0]).toBe(HEADER);
  });
});

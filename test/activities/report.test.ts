import { readFileSync } from 'node:fs';
import { MockActivityEnvironment } from '@temporalio/testing';
import { surveyedBy } from '../../services/cycles';
import { saveReportOption } from '../../services/report-options';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import type { TestDatabase } from '../helpers/database';
import { docxText } from '../helpers/docx';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

describe('analysis report (IV 10 (c))', () => {
  let fixture: ActivityFixture;
  let database: TestDatabase;
  let activities: ActivityFixture['activities'];
  let sessionId: string;
  let cycleId: string;

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 36,
      opening: '2027-05-10',
      closing: '2027-05-14',
      surveyCloses: '2027-01-28T00:00:00.000Z',
    });
    ({ database, activities, sessionId, cycleId } = fixture);
    // Every surveyed organisation invited through its primary contact, as the cycle's invitation pages do.
    const cycle = await database.db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
    const invitees = await database.db.organisation.findMany({
      where: surveyedBy(cycle),
      include: { contacts: { where: { bouncedAt: null }, orderBy: [{ role: 'asc' }, { email: 'asc' }] } },
      orderBy: { name: 'asc' },
    });
    for (const invitee of invitees) {
      await database.db.invitation.create({
        data: {
          cycleId,
          organisationId: invitee.id,
          contactId: invitee.contacts[0]!.id,
          expiresAt: new Date('2027-01-28'),
        },
      });
    }
    const unicri = await database.db.organisation.findUniqueOrThrow({ where: { code: 'UNICRI' } });
    await database.db.response.create({
      data: {
        cycleId,
        organisationId: unicri.id,
        status: 'SUBMITTED',
        submittedAt: new Date(),
        answers: {
          activitiesCarriedOut: 'yes',
          theme_a_description: 'Research on <money laundering>\u0007 & environmental crime',
          theme_a_budget: 420000,
          theme_a_budget_currency: 'USD',
        },
      },
    });
    const heuni = await database.db.organisation.findUniqueOrThrow({ where: { code: 'HEUNI' } });
    await database.db.response.create({
      data: {
        cycleId,
        organisationId: heuni.id,
        status: 'SUBMITTED',
        submittedAt: new Date(),
        answers: {
          activitiesCarriedOut: 'yes',
          theme_a_description: 'Training of prosecutors',
          theme_a_budget: 86200,
          theme_a_budget_currency: 'EUR',
        },
      },
    });
    await saveReportOption(
      database.db,
      36,
      {
        position: 1,
        title: 'Regional workshops on economic crime',
        text: 'Hold one workshop per region with the institutes.',
        budgetUsd: '250,000',
      },
      'coordinator@example.org',
    );
  });

  afterAll(() => fixture.close());

  it('writes a .docx with the UN masthead, numbered analysis and annex, and reuses it on retry', async () => {
    const env = new MockActivityEnvironment();
    const first: { documentId: string; symbol: string; version: number; words: number } = await env.run(
      activities.compileAnalysisReport,
      { sessionId, cycleId, version: 1 },
    );
    expect(first).toMatchObject({ symbol: 'E/CN.15/2027/2', version: 1 });
    // Counted the UN way, footnotes and headers included; this short report is well under the limit.
    expect(first.words).toBeGreaterThan(300);
    expect(first.words).toBeLessThan(8500);
    await expect(env.run(activities.compileAnalysisReport, { sessionId, cycleId, version: 1 })).resolves.toEqual(first);

    const document = await database.db.document.findUniqueOrThrow({ where: { id: first.documentId } });
    const { body, headers, footnotes, images } = await docxText(readFileSync(document.filePath));
    for (const field of [
      'E/CN.15/2027/2',
      'Economic and Social Council',
      'Distr.: General',
      'Original: English',
      'Commission on Crime Prevention and Criminal Justice',
      'Thirty-sixth session',
      'Vienna, 10–14 May 2027',
      'Item 3 of the provisional agenda',
      'Report of the Secretary-General',
      'The present report was prepared pursuant to Economic and Social Council resolution 1992/22',
    ]) {
      expect(body).toContain(field);
    }
    expect(headers).toContain('E/CN.15/2027/2');
    expect(footnotes).toContain('E/CN.15/2027/1.');
    expect(body).toContain('Research on <money laundering> & environmental crime');
    expect(body).not.toContain('\u0007');
    expect(body).toContain('$420,000');
    // Budgets normalised to US dollars (86,200 EUR at 0.862 per USD), with the median across reporting organisations.
    expect(body).toContain('86,200 EUR');
    expect(body).toContain('$100,000');
    expect(body).toContain('with reported budgets totalling $520,000, with a median of $260,000');
    expect(body).toContain(
      'were converted to United States dollars at the rates of the working table of the Secretariat',
    );
    expect(body).toContain('Figure I. Organizations reporting activities, by priority theme and region');
    expect(body).toContain('Figure II. Reported budgets by priority theme, in United States dollars');
    expect(body).toMatch(/Region\s*VI 1 \(a\)\s*VI 1 \(b\)\s*VI 1 \(c\)/);
    expect(body).toContain(
      'Option 1: Regional workshops on economic crime. Hold one workshop per region with the institutes. Budget implications: $250,000.',
    );
    expect(images).toHaveLength(2);
    for (const png of images) expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(body).toMatch(
      /United Nations Development Programme\s*United Nations entity\s*Global or interregional\s*No reply/,
    );
    const audit = await database.db.auditEvent.count({
      where: { action: 'document.compile', entityId: first.documentId },
    });
    expect(audit).toBeGreaterThanOrEqual(1);
  });

  it('compiles the provisional agenda with the standing items of VII 2 and VII 3, listing the report under its item', async () => {
    const env = new MockActivityEnvironment();
    const agenda: { documentId: string; symbol: string } = await env.run(activities.compileProvisionalAgenda, {
      sessionId,
      version: 2,
    });
    expect(agenda.symbol).toBe('E/CN.15/2027/1');
    const document = await database.db.document.findUniqueOrThrow({ where: { id: agenda.documentId } });
    const { body } = await docxText(readFileSync(document.filePath));
    expect(body).toContain('Provisional agenda');
    expect(body).toMatch(/3\.\tProgramme of work on the priority themes/);
    expect(body).toMatch(/4\.\tTechnical assistance/);
    expect(body).toContain('Mandate: ECOSOC 1992/22 VII 2 (standing item)');
    expect(body).toMatch(/5\.\tExisting United Nations standards and norms/);
    expect(body).toContain('Mandate: ECOSOC 1992/22 VII 3 (standing item)');
    expect(body).toContain('Documentation: Report of the Secretary-General on the priority themes (E/CN.15/2027/2)');
  });

  it('keeps staff edits to the options in every later version, and leaves earlier versions as they were', async () => {
    const env = new MockActivityEnvironment();
    await saveReportOption(
      database.db,
      36,
      {
        position: 1,
        title: 'Regional workshops on economic crime',
        text: 'Hold two workshops per region, jointly with the regional institutes.',
        budgetUsd: 480000,
      },
      'manager@example.org',
    );
    const second: { documentId: string; version: number; options?: number } = await env.run(
      activities.compileAnalysisReport,
      { sessionId, cycleId, version: 2 },
    );
    expect(second).toMatchObject({ version: 2, options: 1 });
    const [v1, v2] = await Promise.all(
      [1, 2].map(async (version) => {
        const row = await database.db.document.findUniqueOrThrow({
          where: { sessionId_kind_version: { sessionId, kind: 'analysis-report', version } },
        });
        return (await docxText(readFileSync(row.filePath))).body;
      }),
    );
    expect(v1).toContain('Hold one workshop per region with the institutes.');
    expect(v2).toContain(
      'Hold two workshops per region, jointly with the regional institutes. Budget implications: $480,000.',
    );
    expect(v2).not.toContain('Hold one workshop');
  });
});

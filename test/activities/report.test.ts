import { readFileSync } from 'node:fs';
import { MockActivityEnvironment } from '@temporalio/testing';
import { analyseByTheme } from '../../activities/documents/analysis-report';
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
    const invitees = await activities.listInvitees({ cycleId });
    for (const invitee of invitees) {
      await database.db.invitation.create({
        data: {
          cycleId,
          organisationId: invitee.organisationId,
          contactId: invitee.contactIds[0]!,
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
        },
      },
    });
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
    const { body, headers, footnotes } = await docxText(readFileSync(document.filePath));
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
    expect(body).toMatch(/United Nations Development Programme\s*UN_ENTITY\s*GLOBAL\s*No reply/);
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

  it('totals budgets per priority theme', () => {
    const findings = analyseByTheme([
      { name: 'A', type: 'INSTITUTE', region: 'GLOBAL', answers: { theme_a_description: 'x', theme_a_budget: 10 } },
      {
        name: 'B',
        type: 'UN_ENTITY',
        region: 'GLOBAL',
        answers: { theme_a_description: 'y', theme_a_budget: 5, theme_c_description: 'z' },
      },
      { name: 'C', type: 'UN_ENTITY', region: 'GLOBAL', answers: undefined },
    ]);
    expect(findings.map((f) => [f.code, f.organisations.length, f.budgetTotalUsd])).toEqual([
      ['a', 2, 15],
      ['b', 0, 0],
      ['c', 1, 0],
    ]);
  });
});

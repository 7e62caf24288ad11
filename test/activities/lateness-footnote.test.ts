/**
 * A late analysis report: compiled after the dates its plan recorded, it carries the footnote on its title that says
 * why, read back from the .docx; staff's edit replaces the draft in the next version, audited.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { readFileSync } from 'node:fs';
import type { StoredDocument } from '../../activities/documents/store';
import { planDeadlines } from '../../domain/deadlines';
import { InvalidInputError } from '../../services/errors';
import { latenessFootnote, resetLatenessFootnote, saveLatenessFootnote } from '../../services/report-footnote';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { docxText } from '../helpers/docx';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;

describe('the lateness footnote of the analysis report', () => {
  let fixture: ActivityFixture;
  // The session opens on 25 January 2027: its IV 11 deadline (26 November 2026) has passed by now.
  const plan = planDeadlines('2027-01-25');

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 37,
      opening: '2027-01-25',
      closing: '2027-01-29',
      surveyCloses: plan['survey-close'].dueAt,
    });
    // Both surveys closed, the system-wide one five days late; approval and dispatch never came.
    const closedLate = new Date(Date.parse(plan['survey-close'].dueAt) + 5 * DAY).toISOString();
    for (const [key, doneAt] of [
      ['survey-close', closedLate],
      ['igo-ngo-survey-close', plan['igo-ngo-survey-close'].dueAt],
    ] as const)
      await fixture.activities.settleDeadline({ sessionId: fixture.sessionId, key, state: 'met', doneAt });
  });

  afterAll(() => fixture.close());

  const compile = (version: number): Promise<StoredDocument> =>
    new MockActivityEnvironment().run(fixture.activities.compileAnalysisReport, {
      sessionId: fixture.sessionId,
      cycleId: fixture.cycleId,
      version,
    });
  const docOf = async (documentId: string) => {
    const row = await fixture.database.db.document.findUniqueOrThrow({ where: { id: documentId } });
    return { row, text: await docxText(readFileSync(row.filePath)), xml: readFileSync(row.filePath) };
  };

  it('a report compiled after its dates carries the drafted footnote on its title', async () => {
    const report = await compile(1);
    const { row, text } = await docOf(report.documentId);
    // Footnote 1 is the agenda's symbol; footnote 2, on the title, says why the report is late.
    expect(text.footnotes).toContain('E/CN.15/2027/1.');
    expect(text.footnotes).toContain(
      'The present report is submitted late: the survey of the United Nations system closed on 20 October 2026, ' +
        '5 days after its planned close (15 October 2026); the report was completed on',
    );
    expect(text.footnotes).toMatch(/days after the date set for its approval \(5 November 2026\)/);
    expect(text.footnotes).toContain(
      'it reaches Governments after the date required by Economic and Social Council resolution 1992/22, section IV, ' +
        'paragraph 11 (26 November 2026, sixty days before the opening of the session).',
    );
    expect(row.contents).toMatchObject({ latenessFootnote: expect.stringContaining('submitted late') });
    expect(report.latenessFootnote).toBe((row.contents as { latenessFootnote: string }).latenessFootnote);
  });

  it('the reference sits on the title, on the first page', async () => {
    const report = await compile(1);
    const { row } = await docOf(report.documentId);
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(readFileSync(row.filePath))).file('word/document.xml')!.async('string');
    const title = xml.indexOf('Activities in crime prevention and criminal justice within the United Nations system');
    const reference = xml.indexOf('<w:footnoteReference w:id="2"/>');
    const summary = xml.indexOf('>Summary<');
    expect(title).toBeGreaterThan(0);
    expect(reference).toBeGreaterThan(title);
    expect(reference).toBeLessThan(summary);
  });

  it('staff edit the footnote once (made safe, audited); the next version carries the edit, a reset the draft', async () => {
    const edited = await saveLatenessFootnote(
      fixture.database.db,
      37,
      {
        text: 'The present report was submitted late owing to the time required to receive and analyse all inputs\u202E from various United Nations entities\u0007 and other organizations.',
      },
      'coordinator@unodc.example.org',
    );
    expect(edited.edited?.text).toBe(
      'The present report was submitted late owing to the time required to receive and analyse all inputs from various United Nations entities and other organizations.',
    );
    expect(edited.text).toBe(edited.edited!.text);
    expect(edited.drafted).toContain('The present report is submitted late: the survey');

    const report = await compile(2);
    const { text } = await docOf(report.documentId);
    expect(text.footnotes).toContain(edited.edited!.text);
    expect(text.footnotes).not.toContain('closed on 20 October 2026');

    const audit = await fixture.database.db.auditEvent.findMany({ where: { action: 'report-footnote.save' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'coordinator@unodc.example.org', entity: 'ReportFootnote' });

    const reset = await resetLatenessFootnote(fixture.database.db, 37, 'manager@unodc.example.org');
    expect(reset.edited).toBeUndefined();
    expect(reset.text).toBe(reset.drafted);
    expect(await fixture.database.db.auditEvent.count({ where: { action: 'report-footnote.reset' } })).toBe(1);
  });

  it('refuses a lone surrogate or an empty text with a clear 400, and writes nothing', async () => {
    await expect(
      saveLatenessFootnote(fixture.database.db, 37, { text: 'Late because of \ud800 the survey.' }, 'x'),
    ).rejects.toThrow(InvalidInputError);
    await expect(saveLatenessFootnote(fixture.database.db, 37, { text: '  ' }, 'x')).rejects.toThrow(
      /text: say why the report is late in at least 20 characters/,
    );
    expect(await fixture.database.db.reportFootnote.count()).toBe(0);
    expect((await latenessFootnote(fixture.database.db, fixture.sessionId)).edited).toBeUndefined();
  });
});

/**
 * Every generated document is read back by a strict XML parser before it can be approved or sent. A report built from
 * answers, an organisation's name and an option holding U+FFFE, U+FFFF and U+202E — made safe where they entered —
 * parses on every part; a document that still holds a forbidden character is refused and nothing is stored.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { Document, Packer, Paragraph } from 'docx';
import JSZip from 'jszip';
import { safeInput } from '../../domain/safe-text';
import { storeDocument } from '../../activities/documents/store';
import { DocumentKind } from '../../domain/document-kinds';
import { unreadableParts } from '../../activities/documents/read-back';
import { saveReportOption } from '../../services/report-options';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const HOSTILE = 'Money\uFFFE laundering\uFFFF research, see invoice\u202Eexe.pdf';

async function docxHolding(text: string): Promise<Buffer> {
  const clean = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('PLACEHOLDER-TEXT')] }] }));
  const zip = await JSZip.loadAsync(clean);
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', xml.replace('PLACEHOLDER-TEXT', text));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('documents read back before approval or dispatch', () => {
  let fixture: ActivityFixture;

  beforeAll(async () => {
    fixture = await createActivityFixture({
      number: 37,
      opening: '2027-05-10',
      closing: '2027-05-14',
      surveyCloses: '2027-01-28T00:00:00.000Z',
    });
  });

  afterAll(() => fixture.close());

  it('the strict parser finds U+FFFE in a part, and passes a clean package', async () => {
    expect(await unreadableParts(await docxHolding('clean text'))).toEqual([]);
    const problems = await unreadableParts(await docxHolding('bad\uFFFEtext'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^word\/document\.xml: /);
  });

  it('refuses to store a document that does not read back, writing no row', async () => {
    const { db } = fixture.database;
    const before = await db.document.count();
    await expect(
      storeDocument(db, mkdtempSync(path.join(os.tmpdir(), 'cp-docs-')), {
        sessionId: fixture.sessionId,
        kind: DocumentKind.AnalysisReport,
        symbol: 'E/CN.15/2027/99',
        version: 1,
        title: 'Unreadable',
        buffer: await docxHolding('bad\uFFFFtext'),
      }),
    ).rejects.toMatchObject({ type: 'UnreadableDocument', nonRetryable: true });
    expect(await db.document.count()).toBe(before);
  });

  it('a report from hostile answers, name and option, made safe at entry, parses on every part', async () => {
    const { db } = fixture.database;
    const unicri = await db.organisation.update({
      where: { code: 'UNICRI' },
      data: safeInput({ name: `UNICRI \uFFFE${'\u202E'}Institute` }),
    });
    expect(unicri.name).not.toMatch(/[\uFFFE\uFFFF\u202E]/);
    await db.response.create({
      data: {
        cycleId: fixture.cycleId,
        organisationId: unicri.id,
        status: 'SUBMITTED',
        submittedAt: new Date(),
        answers: safeInput({
          activitiesCarriedOut: 'yes',
          theme_a_description: HOSTILE,
          theme_a_budget: 1000,
          theme_a_budget_currency: 'USD',
        }),
      },
    });
    await saveReportOption(
      db,
      37,
      { position: 1, title: `Workshops\uFFFF ${'\u202E'}regional`, text: HOSTILE, budgetUsd: '1,000' },
      'coordinator@example.org',
    );
    const env = new MockActivityEnvironment();
    const report: { documentId: string } = await env.run(fixture.activities.compileAnalysisReport, {
      sessionId: fixture.sessionId,
      cycleId: fixture.cycleId,
      version: 1,
    });
    const stored = await db.document.findUniqueOrThrow({ where: { id: report.documentId } });
    const buffer = readFileSync(stored.filePath);
    expect(await unreadableParts(buffer)).toEqual([]);
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Money laundering research');
    expect(xml).not.toMatch(/[\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/);
  });
});

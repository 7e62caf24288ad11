/**
 * The report's plain table writes the XML docx's own Table, TableRow, TableCell, Paragraph and TextRun write for the
 * same cells (9-point text, bold header repeated on every page, full width), hostile characters included. If a docx
 * upgrade changes what its objects write, this says so.
 */
import JSZip from 'jszip';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { FileChild } from 'docx';
import { PlainTable } from '../../activities/documents/plain-table';

function docxObjectsTable(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

async function bodyXml(table: FileChild): Promise<string> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(new Document({ sections: [{ children: [table] }] })));
  const xml = (await zip.file('word/document.xml')!.async('string')) ?? '';
  return xml.slice(xml.indexOf('<w:body>'), xml.indexOf('<w:sectPr'));
}

describe('plain table', () => {
  const hostile = [
    '<script>alert("x")</script> & \'quoted\'',
    'bell\u0007, nul\u0000, vertical tab\u000b and form feed\u000c',
    '  leading and trailing spaces  ',
    '',
    'Ünïcödé — 中文 — العربية — 🇺🇳',
  ];

  it.each([2, 3, 4, 5, 7])('writes what docx objects write, with %i columns', async (columns) => {
    const header = Array.from({ length: columns }, (_, i) => `Heading ${i + 1}`);
    const rows = hostile.map((text, r) => header.map((_, c) => (c === r % columns ? text : `r${r}c${c}`)));
    const expected = await bodyXml(docxObjectsTable(header, rows));
    expect(expected).toContain('<w:tblHeader/>');
    expect(await bodyXml(new PlainTable(header, rows))).toBe(expected);
  });

  it('writes a header-only table when there are no rows', async () => {
    expect(await bodyXml(new PlainTable(['Region', 'A'], []))).toBe(
      await bodyXml(docxObjectsTable(['Region', 'A'], [])),
    );
  });
});

/** The roster's CSV dialects (services/roster/table-files.ts): Excel's ";" files read like "," ones. */
import JSZip from 'jszip';
import { readTable, separatorOf, writeTable } from '../../services/roster/table-files';
import { XLSX_UNPACKED } from '../../services/roster/zip-budget';

describe('reading a roster CSV', () => {
  it('finds the separator from the header line, quotes aside', () => {
    expect(separatorOf('code,name,type\nA,B,C')).toBe(',');
    expect(separatorOf('code;name;type\nA;"B, Inc.";C')).toBe(';');
    expect(separatorOf('"code;x",name,type')).toBe(',');
    expect(separatorOf('code\tname\ttype')).toBe('\t');
    expect(separatorOf('code')).toBe(',');
  });

  it('reads a semicolon file saved by Excel (BOM, CRLF) into the same cells as a comma file', async () => {
    const semicolons = Buffer.from('\uFEFFcode;name;region\r\nUNICRI;"Institute; Turin, Italy";GLOBAL\r\n', 'utf8');
    const commas = Buffer.from('code,name,region\nUNICRI,"Institute; Turin, Italy",GLOBAL\n', 'utf8');
    const fromSemicolons = await readTable(semicolons, 'csv');
    expect(fromSemicolons).toEqual(await readTable(commas, 'csv'));
    expect(JSON.stringify(fromSemicolons)).toContain('Institute; Turin, Italy');
  });
});

describe('reading a roster workbook', () => {
  it('refuses a workbook that would unpack past the cap, before the Excel reader inflates it', async () => {
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types/>');
    // 80 MB of one character: about 80 kB zipped.
    bomb.file('xl/sharedStrings.xml', Buffer.alloc(80 * 1024 * 1024, 0x41));
    const zipped = await bomb.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(zipped.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    await expect(readTable(zipped, 'xlsx')).rejects.toThrow(/unpacks to more than 60 MB/);
    // Counted as it streams: nowhere near the unpacked size is held.
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
  });

  it('refuses a workbook of too many parts', async () => {
    const many = new JSZip();
    for (let i = 0; i < XLSX_UNPACKED.entries + 1; i += 1) many.file(`part-${i}.xml`, '<x/>');
    await expect(readTable(await many.generateAsync({ type: 'nodebuffer' }), 'xlsx')).rejects.toThrow(/unpacks/);
  });

  it('still reads a workbook of ordinary size', async () => {
    const rows = await writeTable(['code', 'name'], [['UNICRI', 'Institute']], 'xlsx');
    expect((await readTable(rows, 'xlsx')).rows).toEqual([['UNICRI', 'Institute']]);
  });
});

/** The roster's CSV dialects (services/roster/table-files.ts): Excel's ";" files read like "," ones. */
import { readTable, separatorOf } from '../../services/roster/table-files';

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

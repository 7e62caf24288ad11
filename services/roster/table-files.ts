/**
 * Tables in files: CSV (RFC 4180, UTF-8, BOM tolerated) and XLSX (first worksheet), read to rows of text cells and
 * written from them. The roster import and the response export both go through here.
 */
import ExcelJS from 'exceljs';
import { checkUnpackedSize } from './zip-budget';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { InvalidInputError } from '../errors';

export type TableFormat = 'csv' | 'xlsx';

export interface Table {
  header: string[];
  /** Data rows; `rows[0]` is spreadsheet row 2 (the header is row 1). */
  rows: string[][];
}

export const MAX_TABLE_BYTES = 10 * 1024 * 1024;

export function formatOf(fileName: string): TableFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  throw new InvalidInputError(`"${fileName}" is neither a .csv nor a .xlsx file`);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellText(value.result); // formula
    return '';
  }
  return String(value);
}

/** CSV dialects the import reads: Excel writes ";" where the decimal mark is a comma (French, Spanish, Russian…). */
const SEPARATORS = [',', ';', '\t'] as const;

/** The separator the header line uses most (outside quotes); "," when it has none. */
export function separatorOf(text: string): (typeof SEPARATORS)[number] {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (separator: string) => header.split(separator).length - 1;
  return SEPARATORS.reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), SEPARATORS[0]);
}

export async function readTable(buffer: Buffer, format: TableFormat): Promise<Table> {
  if (buffer.length > MAX_TABLE_BYTES) throw new InvalidInputError('The file is larger than 10 MB');
  let cells: string[][];
  if (format === 'csv') {
    let text: string;
    try {
      // Strict: a file saved in another encoding would otherwise be imported with U+FFFD in place of its accents.
      text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
    } catch {
      throw new InvalidInputError('The CSV file is not UTF-8 text: save it as "CSV UTF-8" and import it again');
    }
    try {
      const delimiter = separatorOf(text.replace(/^\uFEFF/, ''));
      cells = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: true });
    } catch (error) {
      throw new InvalidInputError(`The CSV file cannot be read: ${(error as Error).message}`);
    }
  } else {
    await checkUnpackedSize(buffer);
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch {
      throw new InvalidInputError('The file cannot be read as an Excel workbook (.xlsx)');
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new InvalidInputError('The workbook has no worksheet');
    cells = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c += 1) values.push(cellText(row.getCell(c).value));
      cells.push(values);
    });
  }
  const [header = [], ...rows] = cells.map((r) => r.map((c) => c.trim()));
  return { header: header.map((h) => h.toLowerCase()), rows };
}

export async function writeTable(
  header: string[],
  rows: string[][],
  format: TableFormat,
  sheetName = 'Sheet1',
): Promise<Buffer> {
  if (format === 'csv') {
    // A cell that starts like a formula would run as one when the CSV is opened in a spreadsheet (CSV injection).
    const safe = rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c)));
    return Buffer.from(`\uFEFF${stringify([header, ...safe])}`, 'utf8');
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Commission Prep';
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header).font = { bold: true };
  rows.forEach((r) => sheet.addRow(r));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.min(
      60,
      Math.max(h.length, ...rows.slice(0, 200).map((r) => (r[i] ?? '').length)) + 2,
    );
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

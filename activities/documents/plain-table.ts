/**
 * A full-width table of plain text cells (a bold header row repeated on every page, 9-point text) that hands docx's
 * writer its XML tree directly.
 *
 * Why: the analysis report's tables have a row per activity and per organisation — tens of thousands at 10,000
 * replies. Built from docx's Table, TableRow, TableCell, Paragraph and TextRun objects (about twelve objects a cell,
 * each turned into its XML tree again when packing), they took most of the compile (docs/reliability.md, "report").
 * This writes the same XML from the strings alone, sharing the unchanging parts between cells; docx's writer still
 * escapes every text and drops the characters XML cannot hold. test/unit/plain-table.test.ts checks that the XML is
 * the one docx's own objects write, so a docx upgrade that changes it shows up there.
 */
import { FileChild, sectionMarginDefaults, sectionPageSizeDefaults } from 'docx';
import type { IXmlableObject } from 'docx';

/** The text width of docx's default page (the report's), in twentieths of a point: what docx's tables divide. */
const TEXT_WIDTH_TWIPS =
  sectionPageSizeDefaults.WIDTH -
  sectionMarginDefaults.LEFT -
  sectionMarginDefaults.RIGHT -
  sectionMarginDefaults.GUTTER;
/** 9 points, in half-points. */
const CELL_TEXT_SIZE = 18;

const BORDER = { _attr: { 'w:val': 'single', 'w:color': 'auto', 'w:sz': 4 } };
const runProperties = (bold: boolean): IXmlableObject => ({
  'w:rPr': [
    { 'w:b': bold ? {} : { _attr: { 'w:val': false } } },
    { 'w:bCs': bold ? {} : { _attr: { 'w:val': false } } },
    { 'w:sz': { _attr: { 'w:val': CELL_TEXT_SIZE } } },
    { 'w:szCs': { _attr: { 'w:val': CELL_TEXT_SIZE } } },
  ],
});
const HEADER_RUN = runProperties(true);
const BODY_RUN = runProperties(false);
const PRESERVE_SPACES = { _attr: { 'xml:space': 'preserve' } };
const REPEAT_AS_HEADER = { 'w:trPr': [{ 'w:tblHeader': {} }] };

function cell(text: string, run: IXmlableObject): IXmlableObject {
  return { 'w:tc': [{ 'w:p': [{ 'w:r': [run, { 'w:t': [PRESERVE_SPACES, text] }] }] }] };
}

export class PlainTable extends FileChild {
  constructor(
    private readonly header: readonly string[],
    private readonly rows: readonly (readonly string[])[],
  ) {
    super('w:tbl');
  }

  override prepForXml(): IXmlableObject {
    const columnWidth = Math.round(TEXT_WIDTH_TWIPS / this.header.length);
    return {
      'w:tbl': [
        {
          'w:tblPr': [
            { 'w:tblW': { _attr: { 'w:type': 'pct', 'w:w': '5000' } } },
            {
              'w:tblBorders': ['w:top', 'w:left', 'w:bottom', 'w:right', 'w:insideH', 'w:insideV'].map((edge) => ({
                [edge]: BORDER,
              })),
            },
          ],
        },
        { 'w:tblGrid': this.header.map(() => ({ 'w:gridCol': { _attr: { 'w:w': columnWidth } } })) },
        { 'w:tr': [REPEAT_AS_HEADER, ...this.header.map((text) => cell(text, HEADER_RUN))] },
        ...this.rows.map((row) => ({ 'w:tr': row.map((text) => cell(text, BODY_RUN)) })),
      ],
    };
  }
}

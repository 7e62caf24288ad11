/**
 * The first page of a UN parliamentary document (the UN conventions for parliamentary documents): organ and symbol, distribution, date, original
 * language, the session block and the agenda-item line. Shared by every document the system generates.
 */
import {
  AlignmentType,
  BorderStyle,
  FootnoteReferenceRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { capitalise, ordinalWords, sessionDates, unDate } from '../../domain/symbols';

export const FONT = 'Times New Roman';

export interface MastheadData {
  symbol: string;
  date: Date;
  commissionName: string;
  sessionNumber: number;
  venue: string;
  openingDate: string;
  closingDate: string;
  /** The agenda item a report is submitted under; its footnote cites the agenda's symbol. Absent for the agenda. */
  agendaItem?: { number: number; title: string; agendaSymbol: string };
}

/** The masthead fields of a document of this session, dated today (the date the text is submitted). */
export function sessionMasthead(
  session: { number: number; venue: string; openingDate: Date; closingDate: Date; commission: { name: string } },
  symbol: string,
): MastheadData {
  return {
    symbol,
    date: new Date(),
    commissionName: session.commission.name,
    sessionNumber: session.number,
    venue: session.venue,
    openingDate: session.openingDate.toISOString().slice(0, 10),
    closingDate: session.closingDate.toISOString().slice(0, 10),
  };
}

export function line(
  text: string,
  options: { bold?: boolean; right?: boolean; size?: number; after?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    spacing: { after: options.after ?? 0 },
    children: [new TextRun({ text, bold: options.bold, size: options.size })],
  });
}

export function heading(text: string, size = 24): Paragraph {
  return new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, size })] });
}

/** Footnote 1 of a document with an agenda-item line: the symbol of the provisional agenda. */
export function agendaFootnote(data: MastheadData): Record<number, { children: Paragraph[] }> {
  return data.agendaItem
    ? { 1: { children: [new Paragraph({ children: [new TextRun(`${data.agendaItem.agendaSymbol}.`)] })] } }
    : {};
}

export function masthead(data: MastheadData): (Paragraph | Table)[] {
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const bottom = { style: BorderStyle.SINGLE, size: 12, color: '000000' };
  const organ = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: none, left: none, right: none, bottom, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: 60, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({ children: [new TextRun({ text: 'United Nations', size: 28 })] }),
              new Paragraph({ children: [new TextRun({ text: 'Economic and Social Council', bold: true, size: 32 })] }),
            ],
          }),
          new TableCell({
            width: { size: 40, type: WidthType.PERCENTAGE },
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: data.symbol, bold: true, size: 36 })],
              }),
            ],
          }),
        ],
      }),
    ],
  });
  const block: (Paragraph | Table)[] = [
    organ,
    line('Distr.: General', { right: true }),
    line(unDate(data.date), { right: true }),
    line('Original: English', { right: true, after: 240 }),
    line(data.commissionName, { bold: true }),
    line(`${capitalise(ordinalWords(data.sessionNumber))} session`),
    line(`${data.venue}, ${sessionDates(data.openingDate, data.closingDate)}`, { after: data.agendaItem ? 0 : 360 }),
  ];
  if (data.agendaItem) {
    block.push(
      new Paragraph({
        children: [
          new TextRun(`Item ${data.agendaItem.number} of the provisional agenda`),
          new FootnoteReferenceRun(1),
        ],
      }),
      line(data.agendaItem.title, { bold: true, after: 360 }),
    );
  }
  return block;
}

/**
 * Proof that the report left for every Government no later than sixty days before the opening (IV 11): one row per
 * recipient with the time the SMTP server accepted the message and its Message-ID.
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { FONT, heading, line } from './masthead';

export interface DispatchProofRow {
  government: string;
  recipient: string;
  sentAt: Date | undefined;
  messageId: string;
  daysBeforeOpening: number | undefined;
}

export interface DispatchProofData {
  reportSymbol: string;
  reportTitle: string;
  sessionLabel: string;
  openingDate: string;
  deadline: string;
  generatedAt: Date;
  rows: DispatchProofRow[];
}

/** The summary sentence, kept pure so that tests can pin it. */
export function dispatchProofSummary(data: Pick<DispatchProofData, 'rows' | 'reportSymbol'>): string {
  const sent = data.rows.filter((r) => r.sentAt !== undefined && r.daysBeforeOpening !== undefined);
  const failed = data.rows.length - sent.length;
  if (sent.length === 0) return `${data.reportSymbol} has not been delivered to any Government.`;
  const fewest = Math.min(...sent.map((r) => r.daysBeforeOpening!));
  const verdict = fewest >= 60 ? 'meeting' : 'missing';
  const failures = failed > 0 ? ` ${failed} Government(s) could not be reached at any address on record.` : '';
  return `${data.reportSymbol} was delivered to ${sent.length} of ${data.rows.length} Governments; the last delivery left ${fewest} days before the opening, ${verdict} the sixty-day requirement of ECOSOC resolution 1992/22, section IV, paragraph 11.${failures}`;
}

export async function buildDispatchProof(data: DispatchProofData): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 16 })] })] });
  const doc = new Document({
    creator: 'Commission Prep',
    title: `Proof of dispatch: ${data.reportSymbol}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        children: [
          line('Proof of dispatch to Governments', { bold: true, size: 28, after: 120 }),
          line(`${data.reportSymbol}: ${data.reportTitle}`, { bold: true }),
          line(data.sessionLabel),
          line(
            `Opening of the session: ${data.openingDate}. Deadline under IV 11 (sixty days before): ${data.deadline}.`,
          ),
          line(`Generated ${data.generatedAt.toISOString()} from the e-mail ledger.`, { after: 240 }),
          heading('Summary'),
          line(dispatchProofSummary(data), { after: 240 }),
          heading('Recipients'),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                children: [
                  'Government',
                  'Recipient',
                  'Accepted by SMTP (UTC)',
                  'Days before opening',
                  'Message-ID',
                ].map((h) => cell(h, true)),
              }),
              ...data.rows.map(
                (r) =>
                  new TableRow({
                    children: [
                      cell(r.government),
                      cell(r.recipient),
                      cell(r.sentAt ? r.sentAt.toISOString() : 'not delivered'),
                      cell(r.daysBeforeOpening === undefined ? '—' : String(r.daysBeforeOpening)),
                      cell(r.messageId),
                    ],
                  }),
              ),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The provisional agenda of a session as a .docx (document 1 of the session's series): the masthead, then each item
 * with the mandate that puts it there and the documents submitted under it.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { AgendaItem } from '../../domain/agenda';
import { FONT, heading, line, masthead } from './masthead';
import type { MastheadData } from './masthead';

export interface AgendaDocumentRef {
  /** Undefined while the document is still to be submitted. */
  symbol?: string;
  title: string;
}

export interface ProvisionalAgendaData extends MastheadData {
  items: (AgendaItem & { documents: AgendaDocumentRef[] })[];
}

export async function buildProvisionalAgenda(data: ProvisionalAgendaData): Promise<Buffer> {
  const doc = new Document({
    creator: 'Commission Prep',
    title: data.symbol,
    description: 'Provisional agenda',
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [
      {
        children: [
          ...masthead(data),
          line('Provisional agenda', { bold: true, size: 28, after: 240 }),
          ...data.items.flatMap((item) => [
            new Paragraph({
              spacing: { before: 120 },
              indent: { left: 567, hanging: 567 },
              children: [new TextRun(`${item.number}.\t${item.title}`)],
            }),
            ...(item.mandate ? [note(`Mandate: ${item.mandate}`)] : []),
            ...item.documents.map((d) => note(`Documentation: ${d.title} (${d.symbol ?? 'forthcoming'})`)),
          ]),
          heading('Annotations'),
          line(
            'The items on technical assistance and on United Nations standards and norms are standing items of the agenda of the Commission from its second session on, pursuant to Economic and Social Council resolution 1992/22, section VII, paragraphs 2 and 3.',
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function note(text: string): Paragraph {
  return new Paragraph({
    indent: { left: 567 },
    alignment: AlignmentType.LEFT,
    children: [new TextRun({ text, italics: false, size: 18 })],
  });
}

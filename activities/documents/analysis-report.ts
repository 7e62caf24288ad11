/**
 * Builds the analysis report of IV 10 (c) as a .docx following UN parliamentary document conventions
 * (DESIGN.md §6): masthead with symbol, distribution, date and original language; session block; agenda item with
 * its footnote; title and author line; summary with the mandate sentence; numbered paragraphs; bold
 * recommendations; tables; annex of respondents. No job number or barcode: conference services assign those.
 */
import {
  AlignmentType,
  Document,
  Header,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ThemeCode } from '../../domain/priority-themes';
import { PRIORITY_THEMES } from '../../domain/priority-themes';
import { sanitiseText } from '../../domain/questionnaire';
import type { Answers } from '../../domain/questionnaire';
import { FONT, agendaFootnote, heading, line, masthead } from './masthead';
import type { MastheadData } from './masthead';

export interface ReportRespondent {
  name: string;
  type: string;
  region: string;
  /** Undefined: invited, no reply. */
  answers: Answers | undefined;
  /** The organisation answered that it had nothing to report. */
  nilReturn?: boolean;
}

export interface AnalysisReportData extends MastheadData {
  respondents: ReportRespondent[];
}

export const ANALYSIS_REPORT_TITLE =
  'Activities in crime prevention and criminal justice within the United Nations system: options on the priority themes and their budget implications';

const PARAGRAPHS = 'numbered-paragraphs';

export interface ThemeFinding {
  code: ThemeCode;
  reference: string;
  title: string;
  organisations: { name: string; description: string; budgetUsd: number | undefined }[];
  budgetTotalUsd: number;
}

/** Per priority theme: who reported activities and the budget they reported. Pure, so it is unit-tested. */
export function analyseByTheme(respondents: ReportRespondent[]): ThemeFinding[] {
  return PRIORITY_THEMES.map((theme) => {
    const organisations = respondents.flatMap((respondent) => {
      const description = respondent.answers?.[`theme_${theme.code}_description`];
      if (typeof description !== 'string' || description === '') return [];
      const budget = respondent.answers?.[`theme_${theme.code}_budget`];
      return [
        {
          name: respondent.name,
          description: sanitiseText(description),
          budgetUsd: typeof budget === 'number' ? budget : undefined,
        },
      ];
    });
    return {
      code: theme.code,
      reference: theme.reference,
      title: theme.title,
      organisations,
      budgetTotalUsd: organisations.reduce((sum, o) => sum + (o.budgetUsd ?? 0), 0),
    };
  });
}

export function formatUsd(amount: number): string {
  return `$${amount.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
}

export async function buildAnalysisReport(data: AnalysisReportData): Promise<Buffer> {
  const replied = data.respondents.filter((r) => r.answers !== undefined);
  const findings = analyseByTheme(data.respondents);
  const weakest = [...findings].sort((a, b) => a.organisations.length - b.organisations.length)[0]!;

  const doc = new Document({
    creator: 'Commission Prep',
    title: data.symbol,
    description: ANALYSIS_REPORT_TITLE,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    numbering: {
      config: [
        {
          reference: PARAGRAPHS,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 567, hanging: 567 } } },
            },
          ],
        },
      ],
    },
    footnotes: agendaFootnote(data),
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          first: new Header({ children: [] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: data.symbol, bold: true })],
              }),
            ],
          }),
        },
        children: [
          ...masthead(data),
          line(ANALYSIS_REPORT_TITLE, { bold: true, size: 28, after: 120 }),
          line('Report of the Secretary-General', { bold: true, after: 360 }),
          heading('Summary'),
          line(
            `The present report was prepared pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (c). ` +
              `It analyses the replies of ${replied.length} of the ${data.respondents.length} entities of the United Nations system surveyed ` +
              `under paragraph 10 (a) of that section, outlines options relating to the priority themes identified in section VI, paragraph 1, ` +
              `and their associated budget implications, and is provided to Governments sixty days before the session in accordance with paragraph 11.`,
            { after: 240 },
          ),
          heading('I. Introduction'),
          numbered(
            `In its resolution 1992/22, the Economic and Social Council requested the Secretary-General to conduct a survey of activities carried out in the field of crime prevention and criminal justice within the United Nations system, and to prepare a report, based on an analysis of the information gathered, outlining options relating to the priority themes with their budget implications.`,
          ),
          numbered(
            `The Secretariat invited ${data.respondents.length} entities, specialized agencies and institutes of the United Nations system to reply to a questionnaire. When the survey closed, replies had been received from ${replied.length} of them. The organizations are listed in the annex.`,
          ),
          heading('II. Activities by priority theme'),
          ...findings.flatMap((finding) => [
            heading(`${finding.reference}: ${finding.title}`, 22),
            numbered(
              finding.organisations.length === 0
                ? `No organization reported activities under this theme.`
                : `${finding.organisations.length} organization(s) reported activities under this theme, with reported budgets totalling ${formatUsd(finding.budgetTotalUsd)}.`,
            ),
            ...(finding.organisations.length > 0 ? [themeTable(finding), line('', { after: 120 })] : []),
          ]),
          heading('III. Gaps'),
          numbered(
            `The fewest activities were reported under priority theme ${weakest.reference} (${weakest.organisations.length} organization(s)). ` +
              `Themes and regions with little reported activity are where the Commission may wish to direct the resources of the programme.`,
          ),
          heading('IV. Options and their budget implications'),
          ...findings.map((finding) =>
            numbered(
              `Theme ${finding.reference}: the Commission may wish to build on the activities reported (reported budgets ${formatUsd(finding.budgetTotalUsd)}) ` +
                `through coordination within the programme network; additional activities would require resources beyond those reported.`,
            ),
          ),
          heading('V. Recommendations'),
          numbered(
            `The Commission may wish to take into account the activities reported by the entities of the United Nations system when developing its programme of work on the priority themes, and to request the Secretariat to repeat the survey before its next session.`,
            true,
          ),
          heading('Annex'),
          heading('Organizations surveyed', 22),
          annexTable(data.respondents),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function numbered(text: string, bold = false): Paragraph {
  return new Paragraph({
    numbering: { reference: PARAGRAPHS, level: 0 },
    spacing: { after: 120 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, bold })],
  });
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
}

function themeTable(finding: ThemeFinding): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell('Organization', true), cell('Activities reported', true), cell('Budget (US dollars)', true)],
      }),
      ...finding.organisations.map(
        (o) =>
          new TableRow({
            children: [
              cell(o.name),
              cell(o.description),
              cell(o.budgetUsd === undefined ? '—' : formatUsd(o.budgetUsd)),
            ],
          }),
      ),
    ],
  });
}

function annexTable(respondents: ReportRespondent[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: [cell('Organization', true), cell('Type', true), cell('Region', true), cell('Reply', true)],
      }),
      ...respondents.map(
        (r) =>
          new TableRow({
            children: [
              cell(r.name),
              cell(r.type),
              cell(r.region),
              cell(
                r.nilReturn
                  ? 'Nil return'
                  : r.answers === undefined
                    ? 'No reply'
                    : r.answers.activitiesCarriedOut === 'no'
                      ? 'Replied: no activities'
                      : 'Replied',
              ),
            ],
          }),
      ),
    ],
  });
}

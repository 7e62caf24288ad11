/**
 * Builds the analysis report of IV 10 (c) as a .docx following UN parliamentary document conventions
 * (the UN conventions for parliamentary documents): masthead with symbol, distribution, date and original language; session block; agenda item with
 * its footnote; title and author line; summary with the mandate sentence; numbered paragraphs; figures; bold
 * recommendations; tables; annex of respondents. No job number or barcode: conference services assign those.
 */
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  Header,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import { REGIONS, REGION_LABELS, analyseReplies, formatUsd, stateOfRespondent } from '../../domain/report-analysis';
import { annexReplyLabel } from '../../domain/reply-states';
import type { ReportAnalysis, ReportRespondent, ThemeFinding } from '../../domain/report-analysis';
import { sanitiseText } from '../../domain/questionnaire';
import { stripUnsafe } from '../../domain/safe-text';
import { reportCharts } from '../../domain/charts';
import { svgToPng } from './svg-to-png';
import { PlainTable } from './plain-table';
import { FONT, agendaFootnote, heading, line, masthead } from './masthead';
import type { MastheadData } from './masthead';

/** An option written by staff, with its budget implication; kept across recompiles. */
export interface ReportOptionText {
  title: string;
  text: string;
  budgetUsd?: number;
}

export interface AnalysisReportData extends MastheadData {
  respondents: ReportRespondent[];
  options: ReportOptionText[];
  /**
   * Why the report is late, when a date that binds it was missed (services/report-footnote.ts): a footnote on the
   * title on the first page, as United Nations practice requires. Absent: the report is on time, no footnote.
   */
  latenessFootnote?: string;
}

export const ANALYSIS_REPORT_TITLE =
  'Activities in crime prevention and criminal justice within the United Nations system: options on the priority themes and their budget implications';

const PARAGRAPHS = 'numbered-paragraphs';

const TYPE_LABELS: Record<string, string> = {
  UN_ENTITY: 'United Nations entity',
  SPECIALIZED_AGENCY: 'Specialized agency',
  INSTITUTE: 'Programme network institute',
  IGO: 'Intergovernmental organization',
  NGO: 'Non-governmental organization',
};

export async function buildAnalysisReport(data: AnalysisReportData): Promise<Buffer> {
  const analysis = analyseReplies(data.respondents);
  const charts = reportCharts(analysis);
  let figure = 0;
  const chart = (svg: string, caption: string) => {
    figure += 1;
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120 },
        children: [
          new ImageRun({
            type: 'png',
            data: svgToPng(svg),
            transformation: { width: 600, height: Math.round((600 * heightOf(svg)) / widthOf(svg)) },
            altText: { name: `Figure ${figure}`, title: caption, description: caption },
          }),
        ],
      }),
      line(`Figure ${['I', 'II', 'III'][figure - 1]}. ${caption}`, { bold: true, after: 200 }),
    ];
  };

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
    footnotes: { ...agendaFootnote(data), ...latenessFootnotes(data) },
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
          titleParagraph(data),
          line('Report of the Secretary-General', { bold: true, after: 360 }),
          heading('Summary'),
          line(
            `The present report was prepared pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (c). ` +
              `It analyses the replies of ${analysis.replied} of the ${analysis.invited} organizations surveyed under paragraph 10 (a) and (b) of that section, ` +
              `outlines options relating to the priority themes identified in section VI, paragraph 1, and their associated budget implications, ` +
              `and is provided to Governments sixty days before the session in accordance with paragraph 11.`,
            { after: 240 },
          ),
          heading('I. Introduction'),
          numbered(
            `In its resolution 1992/22, the Economic and Social Council requested the Secretary-General to conduct a survey of activities carried out in the field of crime prevention and criminal justice within the United Nations system and by relevant intergovernmental and non-governmental organizations, and to prepare a report, based on an analysis of the information gathered, outlining options relating to the priority themes with their budget implications.`,
          ),
          numbered(surveyParagraph(analysis)),
          numbered(ratesParagraph(analysis)),
          heading('II. Activities by priority theme'),
          ...chart(charts.byThemeAndRegion, 'Organizations reporting activities, by priority theme and region'),
          ...chart(charts.budgetByTheme, 'Reported budgets by priority theme, in United States dollars'),
          ...analysis.themes.flatMap((finding) => [
            heading(`${finding.reference}: ${finding.title}`, 22),
            numbered(themeParagraph(finding)),
            ...(finding.activities.length > 0 ? [themeTable(finding), line('', { after: 120 })] : []),
          ]),
          heading('III. Regional distribution and gaps'),
          regionTable(analysis),
          line('', { after: 120 }),
          ...gapParagraphs(analysis).map((text) => numbered(text)),
          heading('IV. Options and their budget implications'),
          ...optionParagraphs(data.options),
          heading('V. Recommendations'),
          numbered(
            `The Commission may wish to take into account the activities reported by the entities of the United Nations system and by intergovernmental and non-governmental organizations when developing its programme of work on the priority themes, to consider the options set out in section IV together with their budget implications, and to request the Secretariat to repeat the survey before its next session.`,
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

/** The footnote number of the lateness footnote: after the agenda item's, which comes first on the page. */
function latenessFootnoteId(data: AnalysisReportData): number {
  return data.agendaItem ? 2 : 1;
}

function latenessFootnotes(data: AnalysisReportData): Record<number, { children: Paragraph[] }> {
  const text = data.latenessFootnote === undefined ? '' : stripUnsafe(data.latenessFootnote).trim();
  return text === ''
    ? {}
    : { [latenessFootnoteId(data)]: { children: [new Paragraph({ children: [new TextRun(text)] })] } };
}

/** The title, with the lateness footnote's reference on it when the report is late. */
function titleParagraph(data: AnalysisReportData): Paragraph {
  const late = Object.keys(latenessFootnotes(data)).length > 0;
  return new Paragraph({
    spacing: { after: 120 },
    children: [
      new TextRun({ text: ANALYSIS_REPORT_TITLE, bold: true, size: 28 }),
      ...(late ? [new FootnoteReferenceRun(latenessFootnoteId(data))] : []),
    ],
  });
}

function widthOf(svg: string): number {
  return Number(/width="(\d+)"/.exec(svg)?.[1] ?? 640);
}

function heightOf(svg: string): number {
  return Number(/height="(\d+)"/.exec(svg)?.[1] ?? 320);
}

function surveyParagraph(a: ReportAnalysis): string {
  const un = a.repliedByCategory['un-system'];
  const other = a.repliedByCategory['igo-ngo'];
  return (
    `The Secretariat surveyed ${un.invited} entities, specialized agencies and institutes of the United Nations system` +
    (other.invited > 0 ? ` and ${other.invited} intergovernmental and non-governmental organizations` : '') +
    `. When the surveys closed, ${un.replied} of the former` +
    (other.invited > 0 ? ` and ${other.replied} of the latter` : '') +
    ` had replied, ${a.nilReturns} of them with a nil return` +
    (a.declined > 0 ? `; ${a.declined} declined to take part and are not counted as replies` : '') +
    `. The organizations are listed in the annex.`
  );
}

function ratesParagraph(a: ReportAnalysis): string {
  const converted = a.rates.currencies.filter((c) => c !== 'USD');
  return converted.length === 0
    ? 'All budgets were reported in United States dollars. Medians are taken over the organizations that reported a budget.'
    : `Budgets reported in ${converted.join(', ')} were converted to United States dollars at the rates of the ${a.rates.description} (${a.rates.asOf}). Medians are taken over the organizations that reported a budget.`;
}

function themeParagraph(finding: ThemeFinding): string {
  if (finding.activities.length === 0) return 'No organization reported activities under this theme.';
  const { 'un-system': un, 'igo-ngo': other } = finding.byCategory;
  const median =
    finding.budgetMedianUsd === undefined ? '' : `, with a median of ${formatUsd(finding.budgetMedianUsd)}`;
  return (
    `${finding.organisations} organization(s) reported ${finding.activities.length} activit${finding.activities.length === 1 ? 'y' : 'ies'} under this theme (${un} of the United Nations system, ${other} intergovernmental or non-governmental), ` +
    `with reported budgets totalling ${formatUsd(finding.budgetTotalUsd)}${median}.`
  );
}

function gapParagraphs(a: ReportAnalysis): string[] {
  const byCode = new Map(a.themes.map((t) => [t.code, t]));
  const weakest = a.gaps.weakestThemes.map((code) => byCode.get(code)!);
  const paragraphs = [
    `The fewest activities were reported under priority theme${weakest.length > 1 ? 's' : ''} ${weakest.map((t) => t.reference).join(' and ')} ` +
      `(${weakest[0]!.organisations} organization(s)). Themes and regions with little reported activity are where the Commission may wish to direct the resources of the programme.`,
  ];
  for (const theme of a.themes) {
    const empty = a.gaps.emptyRegions.filter((g) => g.theme === theme.code).map((g) => REGION_LABELS[g.region]);
    if (empty.length > 0 && theme.activities.length > 0)
      paragraphs.push(`Under theme ${theme.reference}, no activity was reported in: ${empty.join(', ')}.`);
  }
  return paragraphs;
}

function optionParagraphs(options: ReportOptionText[]): Paragraph[] {
  if (options.length === 0) {
    return [
      numbered('[The options and their budget implications are to be completed by the Secretariat before approval.]'),
    ];
  }
  const total = options.reduce((sum, o) => sum + (o.budgetUsd ?? 0), 0);
  return [
    ...options.map((o, i) =>
      numbered(
        `Option ${i + 1}: ${sanitiseText(o.title)}. ${sanitiseText(o.text)} ` +
          (o.budgetUsd === undefined || o.budgetUsd === 0
            ? 'This option has no additional budget implications.'
            : `Budget implications: ${formatUsd(o.budgetUsd)}.`),
      ),
    ),
    numbered(
      `The options set out above would, if all were adopted, require additional resources of ${formatUsd(total)}.`,
    ),
  ];
}

function numbered(text: string, bold = false): Paragraph {
  return new Paragraph({
    numbering: { reference: PARAGRAPHS, level: 0 },
    spacing: { after: 120 },
    alignment: AlignmentType.JUSTIFIED,
    children: [new TextRun({ text, bold })],
  });
}

function themeTable(finding: ThemeFinding): PlainTable {
  return new PlainTable(
    ['Organization', 'Region', 'Activities reported', 'Budget reported', 'US dollars'],
    finding.activities.map((a) => [
      a.organisation,
      REGION_LABELS[a.region],
      a.description,
      a.budgetReported ?? '—',
      a.budgetUsd === undefined ? '—' : formatUsd(a.budgetUsd),
    ]),
  );
}

function regionTable(a: ReportAnalysis): PlainTable {
  return new PlainTable(
    ['Region', ...a.themes.map((t) => t.reference)],
    REGIONS.map((region) => [REGION_LABELS[region], ...a.themes.map((t) => String(t.byRegion[region]))]),
  );
}

function annexTable(respondents: ReportRespondent[]): PlainTable {
  return new PlainTable(
    ['Organization', 'Type', 'Region', 'Reply'],
    respondents.map((r) => [
      r.name,
      TYPE_LABELS[r.type] ?? r.type,
      REGION_LABELS[r.region as keyof typeof REGION_LABELS] ?? r.region,
      annexReplyLabel(stateOfRespondent(r), r.answers?.activitiesCarriedOut === 'no'),
    ]),
  );
}

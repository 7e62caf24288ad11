/**
 * Charts of the analysis report, drawn as SVG: shown as is on the dashboard and the console, rasterised to PNG for the
 * .docx (activities/documents/svg-to-png.ts). Pure text in, text out, so the web server and the worker draw the same
 * chart from the same numbers without either importing the other.
 */
import { REGIONS, REGION_LABELS, formatUsd } from './report-analysis';
import type { ReportAnalysis } from './report-analysis';

export interface Series {
  label: string;
  colour: string;
}

export interface StackedBar {
  label: string;
  /** One value per series. */
  values: number[];
}

export interface ChartSpec {
  title: string;
  series: Series[];
  bars: StackedBar[];
  format: (value: number) => string;
}

/** A colour-blind-safe palette (Okabe–Ito). */
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Horizontal stacked bars, one per category, with the total at the end of each bar and a legend below. */
export function stackedBarChart(spec: ChartSpec): string {
  const width = 640;
  const labelWidth = 240;
  const barHeight = 26;
  const gap = 14;
  const top = 40;
  const plotWidth = width - labelWidth - 90;
  const max = Math.max(1, ...spec.bars.map((b) => b.values.reduce((s, v) => s + v, 0)));
  const legendTop = top + spec.bars.length * (barHeight + gap) + 6;
  const legendRows = Math.ceil(spec.series.length / 3);
  const height = legendTop + legendRows * 20 + 10;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(spec.title)}" font-family="DejaVu Sans, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="22" font-size="14" font-weight="bold" fill="#1b1b1b">${escapeXml(spec.title)}</text>`,
  ];
  spec.bars.forEach((bar, row) => {
    const y = top + row * (barHeight + gap);
    parts.push(
      `<text x="${labelWidth - 8}" y="${y + barHeight / 2 + 4}" font-size="11" text-anchor="end" fill="#1b1b1b">${escapeXml(bar.label)}</text>`,
    );
    let x = labelWidth;
    bar.values.forEach((value, index) => {
      const w = (value / max) * plotWidth;
      if (w > 0) {
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${barHeight}" fill="${spec.series[index]!.colour}"><title>${escapeXml(`${spec.series[index]!.label}: ${spec.format(value)}`)}</title></rect>`,
        );
      }
      x += w;
    });
    const total = bar.values.reduce((s, v) => s + v, 0);
    parts.push(
      `<text x="${(x + 6).toFixed(1)}" y="${y + barHeight / 2 + 4}" font-size="11" fill="#1b1b1b">${escapeXml(spec.format(total))}</text>`,
    );
  });
  spec.series.forEach((series, index) => {
    const x = 10 + (index % 3) * 210;
    const y = legendTop + Math.floor(index / 3) * 20;
    parts.push(`<rect x="${x}" y="${y}" width="12" height="12" fill="${series.colour}"/>`);
    parts.push(`<text x="${x + 18}" y="${y + 10}" font-size="11" fill="#1b1b1b">${escapeXml(series.label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('');
}

export interface ReportCharts {
  byThemeAndRegion: string;
  budgetByTheme: string;
}

/** The theme's reference and the start of its short title: the full titles are in the report's headings. */
function themeLabel(theme: { reference: string; shortTitle: string }): string {
  const title = theme.shortTitle.length > 24 ? `${theme.shortTitle.slice(0, 23)}…` : theme.shortTitle;
  return `${theme.reference} ${title}`;
}

/** The two charts of the report: organisations reporting, by theme and region; and budget by theme and survey. */
export function reportCharts(analysis: ReportAnalysis): ReportCharts {
  return {
    byThemeAndRegion: stackedBarChart({
      title: 'Organizations reporting activities, by priority theme and region',
      series: REGIONS.map((region, i) => ({ label: REGION_LABELS[region], colour: PALETTE[i]! })),
      bars: analysis.themes.map((t) => ({
        label: themeLabel(t),
        values: REGIONS.map((r) => t.byRegion[r]),
      })),
      format: (v) => String(v),
    }),
    budgetByTheme: stackedBarChart({
      title: 'Reported budgets by priority theme (US dollars)',
      series: [
        { label: 'United Nations system', colour: PALETTE[0]! },
        { label: 'IGOs and NGOs', colour: PALETTE[1]! },
      ],
      bars: analysis.themes.map((t) => ({
        label: themeLabel(t),
        values: (['un-system', 'igo-ngo'] as const).map((category) =>
          t.activities.filter((a) => a.category === category).reduce((s, a) => s + (a.budgetUsd ?? 0), 0),
        ),
      })),
      format: formatUsd,
    }),
  };
}

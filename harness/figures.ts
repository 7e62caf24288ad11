/** One measured figure, printed as a table row and written to the JSON results. */
export interface Figure {
  benchmark: string;
  measure: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run on the same machine. */
  limit?: { what: string; value: number };
  /** value ÷ limit (for rates: how close to the limit; for durations: how many times slower). */
  ratio?: number;
  note?: string;
}

export function rate(count: number, ms: number): number {
  return Math.round((count / (ms / 1000)) * 10) / 10;
}

export function compared(figure: Omit<Figure, 'ratio'>): Figure {
  if (!figure.limit) return figure;
  return { ...figure, ratio: Math.round((figure.value / figure.limit.value) * 100) / 100 };
}

export function printTable(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.benchmark,
    f.measure,
    `${f.value} ${f.unit}`,
    f.limit ? `${f.limit.value} ${f.unit} (${f.limit.what})` : '',
    f.ratio === undefined ? '' : String(f.ratio),
  ]);
  const header = ['benchmark', 'measure', 'ours', 'limit, same run', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  for (const f of figures.filter((x) => x.note)) console.log(`- ${f.benchmark} / ${f.measure}: ${f.note}`);
}

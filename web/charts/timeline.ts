/** Every deadline of a session on one time axis, coloured by status, with today and the opening marked. */
import { escapeXml } from '../../domain/charts';
import type { DeadlineStatus } from '../../domain/deadline-status';

export interface TimelineRow {
  label: string;
  dueAt: string;
  status: DeadlineStatus;
  doneAt?: string;
}

const COLOURS: Record<DeadlineStatus, string> = {
  done: '#0a6b2d',
  'on track': '#0072B2',
  'at risk': '#E69F00',
  breached: '#b00020',
  'not needed': '#888888',
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function timelineSvg(rows: TimelineRow[], openingDate: string, now: number, title: string): string {
  const width = 760;
  const labelWidth = 300;
  const rowHeight = 22;
  const top = 48;
  const opening = Date.parse(`${openingDate}T00:00:00Z`);
  const instants = [...rows.map((r) => Date.parse(r.dueAt)), opening, now];
  const from = Math.min(...instants) - 7 * DAY_MS;
  const to = Math.max(...instants) + 7 * DAY_MS;
  const x = (t: number) => labelWidth + ((t - from) / (to - from)) * (width - labelWidth - 20);
  const height = top + rows.length * rowHeight + 46;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(title)}" font-family="DejaVu Sans, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  // Month ticks.
  const month = new Date(from);
  month.setUTCDate(1);
  for (let t = Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1); t < to;) {
    const d = new Date(t);
    parts.push(
      `<line x1="${x(t).toFixed(1)}" y1="${top - 8}" x2="${x(t).toFixed(1)}" y2="${height - 36}" stroke="#e3e6ea"/>`,
      `<text x="${(x(t) + 2).toFixed(1)}" y="${top - 12}" fill="#555">${d.toISOString().slice(0, 7)}</text>`,
    );
    t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  const marker = (t: number, label: string, colour: string) =>
    parts.push(
      `<line x1="${x(t).toFixed(1)}" y1="${top - 8}" x2="${x(t).toFixed(1)}" y2="${height - 36}" stroke="${colour}" stroke-dasharray="4 3"/>`,
      `<text x="${(x(t) - 3).toFixed(1)}" y="${height - 24}" text-anchor="end" fill="${colour}">${escapeXml(label)}</text>`,
    );
  marker(now, 'today', '#555');
  marker(opening, 'opening', '#1b1b1b');
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const due = Date.parse(row.dueAt);
    const colour = COLOURS[row.status];
    parts.push(`<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escapeXml(row.label)}</text>`);
    if (row.doneAt) {
      const done = Date.parse(row.doneAt);
      parts.push(
        `<line x1="${x(Math.min(due, done)).toFixed(1)}" y1="${y + 10}" x2="${x(Math.max(due, done)).toFixed(1)}" y2="${y + 10}" stroke="${colour}" stroke-width="2"/>`,
        `<circle cx="${x(done).toFixed(1)}" cy="${y + 10}" r="3" fill="${colour}"/>`,
      );
    }
    parts.push(
      `<rect x="${(x(due) - 6).toFixed(1)}" y="${y + 4}" width="12" height="12" transform="rotate(45 ${x(due).toFixed(1)} ${y + 10})" fill="${colour}"><title>${escapeXml(`${row.label}: due ${row.dueAt.slice(0, 10)}, ${row.status}`)}</title></rect>`,
    );
  });
  const legend = Object.entries(COLOURS);
  legend.forEach(([status, colour], i) => {
    const lx = 10 + i * 110;
    parts.push(
      `<rect x="${lx}" y="${height - 14}" width="10" height="10" fill="${colour}"/>`,
      `<text x="${lx + 14}" y="${height - 5}">${status}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

/** Organisations still to reply, day by day, against the straight line that reaches zero at the survey's close. */
import { escapeXml } from '../../domain/charts';
import type { ReplyProgress } from '../../services/cycle-status';

export function burnDownSvg(progress: ReplyProgress, now: number, title: string): string {
  const width = 640;
  const height = 260;
  const left = 50;
  const right = 20;
  const top = 36;
  const bottom = 40;
  const opens = Date.parse(progress.opensAt);
  const closes = Date.parse(progress.closesAt);
  const lastReply = progress.repliedAt.length ? Date.parse(progress.repliedAt.at(-1)!) : opens;
  const end = Math.max(closes, Math.min(now, closes + 14 * 86_400_000), lastReply);
  const x = (t: number) => left + ((t - opens) / Math.max(end - opens, 1)) * (width - left - right);
  const max = Math.max(progress.invited, 1);
  const y = (n: number) => top + (1 - n / max) * (height - top - bottom);
  const steps: string[] = [`${x(opens).toFixed(1)},${y(progress.invited).toFixed(1)}`];
  let outstanding = progress.invited;
  for (const at of progress.repliedAt) {
    const t = Date.parse(at);
    steps.push(`${x(t).toFixed(1)},${y(outstanding).toFixed(1)}`);
    outstanding -= 1;
    steps.push(`${x(t).toFixed(1)},${y(outstanding).toFixed(1)}`);
  }
  steps.push(`${x(Math.min(now, end)).toFixed(1)},${y(outstanding).toFixed(1)}`);
  const rate = progress.invited ? Math.round(((progress.invited - outstanding) / progress.invited) * 100) : 0;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`${title}: ${outstanding} of ${progress.invited} still to reply (${rate}% replied)`)}" font-family="DejaVu Sans, sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="10" y="20" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    `<line x1="${left}" y1="${y(0)}" x2="${width - right}" y2="${y(0)}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${y(0)}" stroke="#999"/>`,
    `<text x="${left - 6}" y="${y(max) + 4}" text-anchor="end">${max}</text>`,
    `<text x="${left - 6}" y="${y(0) + 4}" text-anchor="end">0</text>`,
    `<line x1="${x(opens)}" y1="${y(progress.invited)}" x2="${x(closes).toFixed(1)}" y2="${y(0)}" stroke="#888" stroke-dasharray="5 4"/>`,
    `<polyline points="${steps.join(' ')}" fill="none" stroke="#0072B2" stroke-width="2"/>`,
    `<line x1="${x(closes).toFixed(1)}" y1="${top}" x2="${x(closes).toFixed(1)}" y2="${y(0)}" stroke="#b00020" stroke-dasharray="4 3"/>`,
    `<text x="${(x(closes) - 4).toFixed(1)}" y="${top + 10}" text-anchor="end" fill="#b00020">close ${progress.closesAt.slice(0, 10)}</text>`,
    `<text x="${left}" y="${height - 22}" fill="#555">opened ${progress.opensAt.slice(0, 10)}</text>`,
    `<text x="${left}" y="${height - 8}">Blue: organisations still to reply (${outstanding} of ${progress.invited}, ${rate}% replied). Dashed: the pace that reaches zero at the close.</text>`,
    '</svg>',
  ].join('');
}

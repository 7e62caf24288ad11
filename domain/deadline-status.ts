/**
 * The status a manager reads beside each deadline: done, on track, at risk, breached (or not needed). A deadline is
 * at risk when it is open and due within a week, or when the preparation workflow says why it is.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const AT_RISK_WINDOW_MS = 7 * DAY_MS;

export type DeadlineStatus = 'done' | 'on track' | 'at risk' | 'breached' | 'not needed';

export function deadlineStatus(
  entry: { dueAt: string; state: 'planned' | 'met' | 'missed' | 'skipped' | 'open' | 'breached'; lateDone?: boolean },
  now: number,
  flaggedAtRisk = false,
): DeadlineStatus {
  if (entry.state === 'missed' || entry.state === 'breached' || entry.lateDone) return 'breached';
  if (entry.state === 'met') return 'done';
  if (entry.state === 'skipped') return 'not needed';
  const due = Date.parse(entry.dueAt);
  if (now > due) return 'breached';
  return flaggedAtRisk || due - now <= AT_RISK_WINDOW_MS ? 'at risk' : 'on track';
}

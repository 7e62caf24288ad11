/** How many dates of the recorded plans were missed: deadlines (IV 11's sixty days among them) and obligations. */
import type { Db } from '../platform/database';

export async function breachCounts(db: Db): Promise<{ deadlinesMissed: number; obligationsBreached: number }> {
  const [deadlinesMissed, obligationsBreached] = await Promise.all([
    db.deadline.count({ where: { status: 'MISSED' } }),
    db.sessionObligation.count({ where: { status: 'BREACHED' } }),
  ]);
  return { deadlinesMissed, obligationsBreached };
}

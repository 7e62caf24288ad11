/**
 * The dispatch-deadline watch: at each checkpoint of the ladder, escalate if the deadline is at risk (several
 * checkpoints passed at once escalate once, at the highest level); at the deadline itself, record the breach.
 */
import { condition } from '@temporalio/workflow';
import { dispatchRisk, escalationCheckpoints } from '../../domain/escalation';
import { db, mail } from './activities';
import type { PreparationState } from './state';

export async function watchDispatchDeadline(state: PreparationState): Promise<void> {
  const { view } = state;
  const fired = new Set<string>();
  let firedForVersion = state.planVersion;
  while (!state.dispatched) {
    if (firedForVersion !== state.planVersion) {
      fired.clear(); // a moved deadline brings its checkpoints back
      firedForVersion = state.planVersion;
    }
    const ladder = escalationCheckpoints(state.clock.at('dispatch-deadline'));
    const due = ladder.filter((c) => !fired.has(c.id) && c.at <= Date.now());
    if (due.length > 0) {
      due.forEach((c) => fired.add(c.id));
      const checkpoint = due[due.length - 1]!;
      const reason = dispatchRisk(state.plan, view.stage, Date.now());
      if (checkpoint.id === 'breach') {
        state.entry('dispatch-deadline').state = 'missed';
        await db.settleDeadline({ sessionId: state.sessionId, key: 'dispatch-deadline', state: 'missed' });
      }
      if (reason !== undefined) {
        const at = new Date().toISOString();
        view.escalations.push({ checkpoint: checkpoint.id, level: checkpoint.level, at, reason });
        await mail.escalate({
          sessionId: state.sessionId,
          checkpoint: checkpoint.id,
          level: checkpoint.level,
          reason,
          planVersion: state.planVersion,
        });
      }
      continue;
    }
    const next = ladder.find((c) => !fired.has(c.id));
    if (!next) {
      await condition(() => state.dispatched || firedForVersion !== state.planVersion);
      continue;
    }
    const seen = state.planVersion;
    await condition(() => state.dispatched || state.planVersion !== seen, Math.max(next.at - Date.now(), 1));
  }
}

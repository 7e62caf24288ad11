/**
 * The dispatch-deadline watch: at each checkpoint of the ladder where the workflow sees the deadline at risk, ask the
 * escalation activity to escalate (it decides again from the database, at send time, whether the risk still holds
 * and why, and says nothing if it has gone); at the deadline itself, record the breach. A rung is a checkpoint of the session (domain/escalation.ts `escalationRung`): one that escalated never
 * escalates again, not even after a move; several reached at once escalate once, at the highest of them. The
 * ledger's key (`mailKey.escalation`) is the same rung per person, so the watch and the ledger agree. Before the
 * first checkpoint, the forecast is asked once a week and may speak once (domain/escalation.ts `FORECAST_RUNG`).
 */
import { condition } from '@temporalio/workflow';
import {
  FORECAST_RUNG,
  dispatchRisk,
  escalationCheckpoints,
  escalationRung,
  nextForecastCheck,
} from '../../domain/escalation';
import { db, mail } from './activities';
import type { PreparationState } from './state';

export async function watchDispatchDeadline(state: PreparationState): Promise<void> {
  const { view } = state;
  /** Rungs that escalated: kept across moves. */
  const escalated = new Set<string>();
  /** Rungs reached on the current plan, escalated or silent (no risk then); a move brings the silent ones back. */
  let reached = new Set<string>();
  let reachedForVersion = state.planVersion;
  /** The forecast's rung: asked weekly until it speaks once, or the ladder's first checkpoint comes. */
  let forecastSpoke = false;
  let forecastAskedAt = Date.now();
  while (!state.dispatched) {
    if (reachedForVersion !== state.planVersion) {
      reached = new Set(escalated);
      reachedForVersion = state.planVersion;
    }
    const deadline = state.clock.at('dispatch-deadline');
    // The breach is recorded when the deadline passes, whether or not its rung still speaks (a rung that escalated
    // before a move stays silent; the deadline a move reopened is judged again).
    if (state.entry('dispatch-deadline').state === 'planned' && deadline <= Date.now()) {
      state.entry('dispatch-deadline').state = 'missed';
      await db.settleDeadline({ sessionId: state.sessionId, key: 'dispatch-deadline', state: 'missed' });
    }
    const ladder = escalationCheckpoints(deadline);
    const due = ladder.filter((c) => !reached.has(c.id) && c.at <= Date.now());
    const rung = escalationRung(due);
    if (rung) {
      due.forEach((c) => reached.add(c.id));
      const seen = dispatchRisk(state.plan, view.stage, Date.now());
      if (seen === undefined) continue; // on schedule: the rung stays silent (and may speak after a move)
      const outcome = await mail.escalate({
        sessionId: state.sessionId,
        checkpoint: rung.id,
        level: rung.level,
        workflowSaw: seen,
      });
      if (outcome.escalated) {
        // The rungs passed below it are covered by this one message.
        due.forEach((c) => escalated.add(c.id));
        const at = new Date().toISOString();
        view.escalations.push({ checkpoint: rung.id, level: rung.level, at, reason: outcome.reason });
      }
      continue;
    }
    const forecastAt = forecastSpoke ? undefined : nextForecastCheck(forecastAskedAt, ladder);
    if (forecastAt !== undefined && forecastAt <= Date.now()) {
      forecastAskedAt = Date.now();
      // The workflow cannot see the reply curve: the activity asks the forecast and stays silent when it sees no risk.
      const outcome = await mail.escalate({ sessionId: state.sessionId, ...FORECAST_RUNG });
      if (outcome.escalated) {
        forecastSpoke = true;
        const at = new Date().toISOString();
        view.escalations.push({ ...FORECAST_RUNG, at, reason: outcome.reason });
      }
      continue;
    }
    const open = state.entry('dispatch-deadline').state === 'planned';
    const wakeAt = Math.min(
      ladder.find((c) => !reached.has(c.id))?.at ?? Infinity,
      forecastAt ?? Infinity,
      open ? deadline : Infinity,
    );
    const version = state.planVersion;
    if (wakeAt === Infinity) {
      await condition(() => state.dispatched || state.planVersion !== version);
      continue;
    }
    await condition(() => state.dispatched || state.planVersion !== version, Math.max(wakeAt - Date.now(), 1));
  }
}

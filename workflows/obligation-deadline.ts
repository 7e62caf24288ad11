import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { escalationCheckpoints } from '../domain/escalation';
import { obligationChangedSignal, obligationQuery } from './definitions';
import type { ObligationView } from './definitions';

type Activities = ReturnType<typeof createActivities>;

const db = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/** After a breach nothing more is e-mailed; the workflow still looks weekly in case the signal was lost. */
const RECHECK_AFTER_BREACH_MS = 7 * 24 * 60 * 60 * 1000;

export interface ObligationDeadlineInput {
  sessionObligationId: string;
  /** Checkpoints already escalated, carried across continue-as-new. */
  fired?: string[];
}

export interface ObligationDeadlineResult {
  code: string;
  status: 'MET';
  metAt: string;
  /** True when the obligation was met only after its deadline. */
  late: boolean;
}

/**
 * Watches one reporting obligation of one session (IV 2, VI 3 (b), VII 4…). It sleeps until the next checkpoint of
 * the obligation's ladder, then checks the obligation's real state in the database: met, it completes; still open,
 * it escalates (several checkpoints passed at once escalate once, at the highest level); at the deadline it records
 * the breach. The due date is read afresh at every wake-up, so a moved session re-plans the ladder.
 */
export async function obligationDeadlineWorkflow(input: ObligationDeadlineInput): Promise<ObligationDeadlineResult> {
  const fired = new Set(input.fired ?? []);
  let changes = 0;
  const view: ObligationView = { sessionObligationId: input.sessionObligationId, status: 'OPEN', escalations: [] };
  setHandler(obligationChangedSignal, () => {
    changes += 1;
  });
  setHandler(obligationQuery, () => view);

  for (;;) {
    const state = await db.checkObligation({ sessionObligationId: input.sessionObligationId });
    Object.assign(view, { code: state.code, dueAt: state.dueAt, status: state.status });
    if (state.status === 'MET') {
      return {
        code: state.code,
        status: 'MET',
        metAt: state.metAt!,
        late: Date.parse(state.metAt!) > Date.parse(state.dueAt),
      };
    }
    // A checkpoint is named with the due date it counts from, so a moved deadline brings its checkpoints back.
    const idOf = (checkpoint: string) => `${state.dueAt}/${checkpoint}`;
    const ladder = escalationCheckpoints(Date.parse(state.dueAt), state.ladder);
    const due = ladder.filter((c) => !fired.has(idOf(c.id)) && c.at <= Date.now());
    if (due.length > 0) {
      due.forEach((c) => fired.add(idOf(c.id)));
      const checkpoint = due[due.length - 1]!;
      if (checkpoint.id === 'breach') {
        await db.recordObligationBreach({ sessionObligationId: input.sessionObligationId, dueAt: state.dueAt });
      }
      await mail.escalateObligation({
        sessionObligationId: input.sessionObligationId,
        checkpoint: checkpoint.id,
        level: checkpoint.level,
        dueAt: state.dueAt,
      });
      view.escalations.push({ checkpoint: checkpoint.id, level: checkpoint.level, at: new Date().toISOString() });
      continue;
    }
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof obligationDeadlineWorkflow>({ ...input, fired: [...fired] });
    }
    const next = ladder.find((c) => !fired.has(idOf(c.id)));
    const seen = changes;
    await condition(() => changes !== seen, next ? Math.max(next.at - Date.now(), 1) : RECHECK_AFTER_BREACH_MS);
  }
}

import { readObligationState, recordObligationBreach } from '../services/obligations';
import type { ObligationState } from '../services/obligations';
import type { ActivityDeps } from './deps';

/** An obligation's deadline workflow reads and settles the recorded obligation (services/obligations.ts owns it). */
export function obligationActivities({ db }: ActivityDeps) {
  return {
    /** The obligation as recorded now: a move re-plans it in the session's own transaction. */
    async checkObligation({ sessionObligationId }: { sessionObligationId: string }): Promise<ObligationState> {
      return readObligationState(db, sessionObligationId);
    },

    /** The deadline passed unmet: recorded once (audited), and kept when the document arrives later. */
    async recordObligationBreach(input: { sessionObligationId: string; dueAt: string }): Promise<void> {
      await recordObligationBreach(db, input);
    },
  };
}

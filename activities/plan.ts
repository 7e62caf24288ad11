import { settleDeadline } from '../services/session-plan';
import type { ActivityDeps } from './deps';

/** The session's recorded plan, as the preparation workflow settles it (services/session-plan.ts writes it). */
export function planActivities({ db }: ActivityDeps) {
  return {
    /** Records whether a deadline was met, missed or not needed (idempotent: the same outcome written again). */
    async settleDeadline(input: {
      sessionId: string;
      key: string;
      state: 'met' | 'missed' | 'skipped';
      doneAt?: string;
    }): Promise<void> {
      await settleDeadline(db, input);
    },
  };
}

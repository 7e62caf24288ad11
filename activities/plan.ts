import type { PlannedDeadline } from '../domain/deadlines';
import type { ActivityDeps } from './deps';

export function planActivities({ db }: ActivityDeps) {
  return {
    /** Stores the session's planned deadlines with their rules (idempotent: upsert by session and key). */
    async recordPlan({ sessionId, plan }: { sessionId: string; plan: PlannedDeadline[] }): Promise<void> {
      await db.$transaction(
        plan.map((deadline) =>
          db.deadline.upsert({
            where: { sessionId_key: { sessionId, key: deadline.key } },
            create: {
              sessionId,
              key: deadline.key,
              label: deadline.label,
              rule: deadline.rule,
              dueAt: new Date(deadline.dueAt),
            },
            update: { label: deadline.label, rule: deadline.rule, dueAt: new Date(deadline.dueAt) },
          }),
        ),
      );
    },

    /** Records whether a deadline was met; a breach is stored, never hidden. */
    async settleDeadline(input: {
      sessionId: string;
      key: string;
      state: 'met' | 'missed' | 'skipped';
      doneAt?: string;
    }): Promise<void> {
      const status = ({ met: 'MET', missed: 'MISSED', skipped: 'SKIPPED' } as const)[input.state];
      await db.deadline.update({
        where: { sessionId_key: { sessionId: input.sessionId, key: input.key } },
        data: { status, metAt: input.doneAt ? new Date(input.doneAt) : null },
      });
    },
  };
}

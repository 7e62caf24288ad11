import type { PlannedDeadline } from '../domain/deadlines';
import type { ActivityDeps } from './deps';
import { DocumentKind } from './documents/store';

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

    /**
     * Records whether a deadline was met; a breach is stored, never hidden. The IV 11 dispatch deadline also settles
     * the session's IV 10 (c) reporting obligation, which the preparation workflow watches.
     */
    async settleDeadline(input: {
      sessionId: string;
      key: string;
      state: 'met' | 'missed' | 'skipped';
      doneAt?: string;
    }): Promise<void> {
      const status = ({ met: 'MET', missed: 'MISSED', skipped: 'SKIPPED' } as const)[input.state];
      await db.$transaction(async (tx) => {
        const deadline = await tx.deadline.update({
          where: { sessionId_key: { sessionId: input.sessionId, key: input.key } },
          data: { status, metAt: input.doneAt ? new Date(input.doneAt) : null },
        });
        if (input.key !== 'dispatch-deadline') return;
        const where = { sessionId: input.sessionId, obligation: { watchedBy: 'session-preparation' } };
        if (input.state === 'missed') {
          await tx.sessionObligation.updateMany({
            where: { ...where, status: 'OPEN' },
            data: { status: 'BREACHED', breachedAt: deadline.dueAt },
          });
        }
        if (input.doneAt) {
          const report = await tx.document.findFirst({
            where: { sessionId: input.sessionId, kind: DocumentKind.AnalysisReport, approvedAt: { not: null } },
            orderBy: { version: 'desc' },
          });
          await tx.sessionObligation.updateMany({
            where,
            data: {
              status: 'MET',
              metAt: new Date(input.doneAt),
              metBy: 'dispatch to Governments',
              documentSymbol: report?.symbol,
            },
          });
        }
      });
    },
  };
}

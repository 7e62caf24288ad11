import { strictestDueDate } from '../domain/due-rules';
import type { DueRuleKey } from '../domain/due-rules';
import type { LadderStep } from '../domain/escalation';
import { recordAudit } from '../services/audit';
import type { ActivityDeps } from './deps';

export interface ObligationState {
  code: string;
  title: string;
  dueAt: string;
  dueRule: string;
  status: 'OPEN' | 'MET' | 'BREACHED';
  metAt?: string;
  ladder: readonly LadderStep[];
}

export function obligationActivities({ db }: ActivityDeps) {
  return {
    /**
     * The obligation as it really is now: its due date computed again from the session's current opening date (so a
     * moved session re-plans even if the workflow missed the signal) and whether a document has met it.
     */
    async checkObligation({ sessionObligationId }: { sessionObligationId: string }): Promise<ObligationState> {
      const row = await db.sessionObligation.findUniqueOrThrow({
        where: { id: sessionObligationId },
        include: { obligation: true, session: true },
      });
      let { dueAt, dueRule } = row;
      if (row.status === 'OPEN') {
        const due = strictestDueDate(
          row.obligation.dueRules as DueRuleKey[],
          row.session.openingDate.toISOString().slice(0, 10),
        );
        if (due.dueAt !== dueAt.toISOString() || due.key !== dueRule) {
          dueAt = new Date(due.dueAt);
          dueRule = due.key;
          await db.sessionObligation.update({ where: { id: row.id }, data: { dueAt, dueRule } });
        }
      }
      return {
        code: row.obligation.code,
        title: row.obligation.title,
        dueAt: dueAt.toISOString(),
        dueRule,
        status: row.status,
        metAt: row.metAt?.toISOString(),
        ladder: row.obligation.ladder as unknown as LadderStep[],
      };
    },

    /** The deadline passed unmet: recorded once (audited), and kept when the document arrives later. */
    async recordObligationBreach(input: { sessionObligationId: string; dueAt: string }): Promise<void> {
      await db.$transaction(async (tx) => {
        const updated = await tx.sessionObligation.updateMany({
          where: { id: input.sessionObligationId, status: 'OPEN', dueAt: new Date(input.dueAt) },
          data: { status: 'BREACHED', breachedAt: new Date(input.dueAt) },
        });
        if (updated.count > 0) {
          await recordAudit(tx, {
            actor: 'workflow',
            action: 'obligation.breach',
            entity: 'SessionObligation',
            entityId: input.sessionObligationId,
            details: { dueAt: input.dueAt },
          });
        }
      });
    },
  };
}

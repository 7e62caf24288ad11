/**
 * A session's plan: every deadline, each with the rule that set it, written when the session is created or moved, in
 * the same transaction as the session's dates (with the obligations' due dates, services/obligations.ts). The
 * workflows receive it; activities, the dashboard, the calendar, the CLI, the digest and the rehearsal read it. Only
 * here are the rules of domain/deadlines.ts applied to a session (the due rules also in services/obligations.ts, which
 * records them), so a margin changed in code changes plans made afterwards and never silently a plan already recorded.
 */
import { DEADLINE_KEYS, deadlinePlanOf, isDeadlineKey, missedReopensOnMove, planDeadlines } from '../domain/deadlines';
import type { DeadlineKey, DeadlineState, PlanEntry, PlannedDeadline } from '../domain/deadlines';
import { planMove } from '../domain/move-plan';
import type { MoveChoice, MovePlan } from '../domain/move-plan';
import { strictestDueDate } from '../domain/due-rules';
import type { DueRuleKey } from '../domain/due-rules';
import type { Db, DbTransaction } from '../platform/database';
import { planSessionObligations, settleWatchedObligations } from './obligations';
import type { SessionSummary } from './session-lookup';

const STATE_OF = { PLANNED: 'planned', MET: 'met', MISSED: 'missed', SKIPPED: 'skipped' } as const satisfies Record<
  string,
  DeadlineState
>;
const STATUS_OF = { met: 'MET', missed: 'MISSED', skipped: 'SKIPPED' } as const;

/** What a coordinator decided when a move made the plan impossible: the plan of the choice, and a breach accepted. */
export interface DecidedMove {
  plan: readonly PlannedDeadline[];
  acceptedBreach?: { reason: string; by: string; at: Date };
}

/**
 * Writes the plan of a session just created or moved: every deadline not yet done gets the date today's rules give
 * for the session's opening — or the date of the coordinator's choice (`decided`, from `decideMove`) — while a
 * deadline met, missed or skipped keeps the date it was judged against — except a missed one the new dates put back
 * ahead (domain/deadlines.ts `missedReopensOnMove`), which is open again; the open obligations are re-planned too. An
 * accepted breach is recorded on the IV 11 deadline, and cleared by a later move that needs none. Call inside the
 * transaction that writes the session's dates.
 */
export async function recordSessionPlan(
  tx: DbTransaction,
  session: SessionSummary,
  decided?: DecidedMove,
  now: number = Date.now(),
): Promise<PlanEntry[]> {
  const planned = decided ? deadlinePlanOf(decided.plan) : planDeadlines(session.openingDate);
  const existing = await tx.deadline.findMany({ where: { sessionId: session.id } });
  const breach = decided?.acceptedBreach;
  for (const key of DEADLINE_KEYS) {
    const deadline = planned[key];
    const row = existing.find((d) => d.key === key);
    const data = {
      label: deadline.label,
      rule: deadline.rule,
      dueAt: new Date(deadline.dueAt),
      ...(key === 'dispatch-deadline'
        ? {
            breachAcceptedReason: breach?.reason ?? null,
            breachAcceptedBy: breach?.by ?? null,
            breachAcceptedAt: breach?.at ?? null,
          }
        : {}),
    };
    if (!row) await tx.deadline.create({ data: { sessionId: session.id, key, ...data } });
    else if (row.status === 'PLANNED') await tx.deadline.update({ where: { id: row.id }, data });
    else if (row.status === 'MISSED' && missedReopensOnMove(row.metAt !== null, deadline.dueAt, now))
      await tx.deadline.update({ where: { id: row.id }, data: { ...data, status: 'PLANNED', metAt: null } });
  }
  // The reconvened session deals with budget matters; the reporting obligations belong to the regular session.
  if (session.kind === 'REGULAR') await planSessionObligations(tx, session, now);
  return readSessionPlan(tx, session.id);
}

/** The recorded plan of a session, earliest first. */
export async function readSessionPlan(db: Db | DbTransaction, sessionId: string): Promise<PlanEntry[]> {
  const rows = await db.deadline.findMany({ where: { sessionId }, orderBy: [{ dueAt: 'asc' }, { key: 'asc' }] });
  return rows.flatMap((row): PlanEntry[] =>
    isDeadlineKey(row.key)
      ? [
          {
            key: row.key,
            label: row.label,
            rule: row.rule,
            dueAt: row.dueAt.toISOString(),
            state: STATE_OF[row.status],
            ...(row.metAt ? { doneAt: row.metAt.toISOString() } : {}),
            ...(row.breachAcceptedReason
              ? {
                  breachAccepted: {
                    reason: row.breachAcceptedReason,
                    by: row.breachAcceptedBy ?? '',
                    at: (row.breachAcceptedAt ?? row.dueAt).toISOString(),
                  },
                }
              : {}),
          },
        ]
      : [],
  );
}

/**
 * What moving a session to open on `openingDate` would do to its recorded plan at `now`, under today's rules and the
 * coordinator's choice if one was made (domain/move-plan.ts). Writes nothing: the preview and the move both ask this.
 */
export async function decideMove(
  db: Db | DbTransaction,
  sessionId: string,
  openingDate: string,
  now: number,
  choice?: MoveChoice,
): Promise<{ previous: PlanEntry[]; decision: MovePlan }> {
  const previous = await readSessionPlan(db, sessionId);
  return { previous, decision: planMove(previous, planDeadlines(openingDate), now, choice) };
}

/** One recorded deadline of a session. */
export async function readDeadline(db: Db, sessionId: string, key: DeadlineKey): Promise<PlanEntry> {
  const deadline = (await readSessionPlan(db, sessionId)).find((d) => d.key === key);
  if (!deadline) throw new Error(`Session ${sessionId} has no recorded ${key} deadline`);
  return deadline;
}

/**
 * Records whether a deadline was met; a breach is stored, never hidden. The IV 11 dispatch deadline also settles the
 * session's IV 10 (c) reporting obligation, which the preparation workflow watches.
 */
export async function settleDeadline(
  db: Db,
  input: { sessionId: string; key: string; state: 'met' | 'missed' | 'skipped'; doneAt?: string },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const deadline = await tx.deadline.update({
      where: { sessionId_key: { sessionId: input.sessionId, key: input.key } },
      data: { status: STATUS_OF[input.state], metAt: input.doneAt ? new Date(input.doneAt) : null },
    });
    if (input.key !== 'dispatch-deadline') return;
    await settleWatchedObligations(tx, {
      sessionId: input.sessionId,
      state: input.state,
      dueAt: deadline.dueAt,
      doneAt: input.doneAt,
    });
  });
}

/** A due obligation as a rehearsal simulates it. */
export interface PlannedObligation {
  code: string;
  title: string;
  dueAt: string;
  dueRule: string;
}

/**
 * The plan a session opening on `openingDate` would get today, recorded nowhere: for a rehearsal of dates no session
 * has yet. `registry` gives the obligations an obligation deadline workflow would watch.
 */
export function previewSessionPlan(
  openingDate: string,
  registry: readonly { code: string; title: string; dueRules: readonly DueRuleKey[] }[],
): { deadlines: PlanEntry[]; obligations: PlannedObligation[] } {
  const planned = planDeadlines(openingDate);
  return {
    deadlines: DEADLINE_KEYS.map((key): PlanEntry => ({ ...planned[key], state: 'planned' })).sort((a, b) =>
      a.dueAt.localeCompare(b.dueAt),
    ),
    obligations: registry.map((o) => {
      const due = strictestDueDate(o.dueRules, openingDate);
      return { code: o.code, title: o.title, dueAt: due.dueAt, dueRule: due.key };
    }),
  };
}

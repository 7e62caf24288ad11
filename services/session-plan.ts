/**
 * A session's plan: every deadline, each with the rule that set it, written when the session is created or moved, in
 * the same transaction as the session's dates (with the obligations' due dates, services/obligations.ts). The
 * workflows receive it; activities, the dashboard, the calendar, the CLI, the digest and the rehearsal read it. Only
 * here are the rules of domain/deadlines.ts applied to a session (the due rules also in services/obligations.ts, which
 * records them), so a margin changed in code changes plans made afterwards and never silently a plan already recorded.
 */
import { DEADLINE_KEYS, isDeadlineKey, planDeadlines } from '../domain/deadlines';
import type { DeadlineKey, DeadlineState, PlanEntry } from '../domain/deadlines';
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

/**
 * Writes the plan of a session just created or moved: every deadline not yet done gets the date today's rules give
 * for the session's opening (a deadline met, missed or skipped keeps the date it was judged against), and so do the
 * open obligations. Call inside the transaction that writes the session's dates.
 */
export async function recordSessionPlan(tx: DbTransaction, session: SessionSummary): Promise<PlanEntry[]> {
  const planned = planDeadlines(session.openingDate);
  const existing = await tx.deadline.findMany({ where: { sessionId: session.id } });
  for (const key of DEADLINE_KEYS) {
    const deadline = planned[key];
    const row = existing.find((d) => d.key === key);
    const data = { label: deadline.label, rule: deadline.rule, dueAt: new Date(deadline.dueAt) };
    if (!row) await tx.deadline.create({ data: { sessionId: session.id, key, ...data } });
    else if (row.status === 'PLANNED') await tx.deadline.update({ where: { id: row.id }, data });
  }
  // The reconvened session deals with budget matters; the reporting obligations belong to the regular session.
  if (session.kind === 'REGULAR') await planSessionObligations(tx, session);
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
          },
        ]
      : [],
  );
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

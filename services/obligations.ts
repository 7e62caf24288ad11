/**
 * Reporting obligations of a session, the one writer of `SessionObligation`: created with the session from the
 * registry and re-planned when it moves (both from services/session-plan.ts, in the session's transaction), each due
 * date recorded with every rule that binds it; discharged by staff naming the document, by the dispatch, or breached
 * when the deadline passes. The deadline workflows read these rows.
 */
import { z } from 'zod';
import { missedReopensOnMove } from '../domain/deadlines';
import { strictestDueDate } from '../domain/due-rules';
import type { AppliedRule, DueRuleKey } from '../domain/due-rules';
import type { LadderStep } from '../domain/escalation';
import { obligationWorkflowId, sessionPreparationWorkflowId } from '../domain/workflow-ids';
import type { SessionKey } from '../domain/workflow-ids';
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { DocumentKind } from '../domain/document-kinds';
import { ConflictError, NotFoundError } from './errors';
import { parseOrThrow } from './safe-input';
import { COMMISSION_CODE, getSessionByNumber } from './session-lookup';

export interface SessionObligationView {
  id: string;
  code: string;
  mandate: string;
  title: string;
  documentType: string;
  ownerUnit: string;
  dueAt: string;
  /** The rule that set the date (the strictest), and every rule that binds it. */
  dueRule: AppliedRule;
  rules: AppliedRule[];
  status: 'OPEN' | 'MET' | 'BREACHED';
  metAt?: string;
  breachedAt?: string;
  documentSymbol?: string;
  workflowId: string;
  watchedBy: string;
}

function workflowIdFor(session: SessionKey, obligation: { code: string; watchedBy: string }): string {
  return obligation.watchedBy === 'session-preparation'
    ? sessionPreparationWorkflowId(COMMISSION_CODE, session)
    : obligationWorkflowId(COMMISSION_CODE, session, obligation.code);
}

/**
 * Creates the session's obligations from the registry (idempotent), or re-plans the open ones from a new opening
 * date. Met obligations keep the date they were met against.
 */
export async function planSessionObligations(
  tx: DbTransaction,
  session: { id: string; number: number; openingDate: string },
  now: number = Date.now(),
): Promise<void> {
  // The due rules are applied to a session here and nowhere else; every reader takes the recorded dates.
  const registry = await tx.reportingObligation.findMany({ orderBy: { code: 'asc' } });
  for (const obligation of registry) {
    const due = strictestDueDate(obligation.dueRules as DueRuleKey[], session.openingDate);
    const existing = await tx.sessionObligation.findUnique({
      where: { sessionId_obligationId: { sessionId: session.id, obligationId: obligation.id } },
    });
    if (!existing) {
      await tx.sessionObligation.create({
        data: {
          sessionId: session.id,
          obligationId: obligation.id,
          dueAt: new Date(due.dueAt),
          dueRule: due.key,
          appliedRules: storedRules(due.applied),
          workflowId: workflowIdFor(session, obligation),
        },
      });
    } else if (existing.status === 'OPEN') {
      await tx.sessionObligation.update({
        where: { id: existing.id },
        data: { dueAt: new Date(due.dueAt), dueRule: due.key, appliedRules: storedRules(due.applied) },
      });
    } else if (existing.status === 'BREACHED' && missedReopensOnMove(existing.metAt !== null, due.dueAt, now)) {
      // Breached against a date the move took away: open again, its watch re-plans the ladder from the new date.
      await tx.sessionObligation.update({
        where: { id: existing.id },
        data: { status: 'OPEN', dueAt: new Date(due.dueAt), dueRule: due.key, appliedRules: storedRules(due.applied) },
      });
    }
  }
}

export async function listSessionObligations(db: Db, sessionNumber: number): Promise<SessionObligationView[]> {
  const session = await getSessionByNumber(db, sessionNumber);
  const rows = await db.sessionObligation.findMany({
    where: { sessionId: session.id },
    include: { obligation: true },
    orderBy: [{ dueAt: 'asc' }, { obligation: { code: 'asc' } }],
  });
  return rows.map((row) => {
    const rules = appliedRulesOf(row);
    const rule = recordedDueRule(row);
    return {
      id: row.id,
      code: row.obligation.code,
      mandate: row.obligation.mandate,
      title: row.obligation.title,
      documentType: row.obligation.documentType,
      ownerUnit: row.obligation.ownerUnit,
      dueAt: row.dueAt.toISOString(),
      dueRule: { ...rule, dueAt: row.dueAt.toISOString() },
      rules,
      status: row.status,
      metAt: row.metAt?.toISOString(),
      breachedAt: row.breachedAt?.toISOString(),
      documentSymbol: row.documentSymbol ?? undefined,
      workflowId: row.workflowId,
      watchedBy: row.obligation.watchedBy,
    };
  });
}

export const ZObligationMet = z.object({
  documentSymbol: z
    .string()
    .trim()
    .regex(/^[A-Z]+(\/[A-Za-z0-9.]+)+$/, 'give the document symbol, e.g. E/CN.15/2027/5'),
});

/**
 * Records that staff discharged an obligation with the named document. A breach recorded earlier stays recorded:
 * the row keeps `breachedAt` and shows the obligation as met late. Returns the workflow to notify.
 */
export async function recordObligationMet(
  db: Db,
  sessionNumber: number,
  code: string,
  input: unknown,
  actor: string,
  now = new Date(),
): Promise<{ workflowId: string; watchedBy: string }> {
  const { documentSymbol } = parseOrThrow(ZObligationMet, input);
  const session = await getSessionByNumber(db, sessionNumber);
  return db.$transaction(async (tx) => {
    const row = await tx.sessionObligation.findFirst({
      where: { sessionId: session.id, obligation: { code } },
      include: { obligation: true },
    });
    if (!row) throw new NotFoundError(`Session ${sessionNumber} has no obligation ${code}`);
    if (row.obligation.watchedBy === 'session-preparation')
      throw new ConflictError(`Obligation ${code} is met by the dispatch of the analysis report, not by hand`);
    if (row.status === 'MET')
      throw new ConflictError(`Obligation ${code} was already met on ${row.metAt?.toISOString().slice(0, 10)}`);
    await tx.sessionObligation.update({
      where: { id: row.id },
      data: { status: 'MET', metAt: now, metBy: actor, documentSymbol },
    });
    await recordAudit(tx, {
      actor,
      action: 'obligation.met',
      entity: 'SessionObligation',
      entityId: row.id,
      details: { code, documentSymbol, late: now > row.dueAt },
    });
    return { workflowId: row.workflowId, watchedBy: row.obligation.watchedBy };
  });
}

/** The rules as stored with a due date: exactly their four fields, as a JSON column takes them. */
function storedRules(rules: readonly AppliedRule[]) {
  return rules.map(({ key, name, citation, dueAt }) => ({ key, name, citation, dueAt }));
}

/** The rules recorded with an obligation's due date, strictest first. */
export function appliedRulesOf(row: { appliedRules: unknown }): AppliedRule[] {
  return row.appliedRules as AppliedRule[];
}

/** The recorded rule that set an obligation's due date. */
export function recordedDueRule(row: { appliedRules: unknown; dueRule: string }): AppliedRule {
  const rules = appliedRulesOf(row);
  const rule = rules.find((r) => r.key === row.dueRule) ?? rules[0];
  if (!rule) throw new Error(`Obligation due by ${row.dueRule} has no recorded rule`);
  return rule;
}

export interface ObligationState {
  code: string;
  title: string;
  dueAt: string;
  dueRule: string;
  status: 'OPEN' | 'MET' | 'BREACHED';
  metAt?: string;
  ladder: readonly LadderStep[];
}

/** The obligation as recorded now: a move re-plans it in the session's own transaction, so this is current. */
export async function readObligationState(db: Db, sessionObligationId: string): Promise<ObligationState> {
  const row = await db.sessionObligation.findUniqueOrThrow({
    where: { id: sessionObligationId },
    include: { obligation: true },
  });
  return {
    code: row.obligation.code,
    title: row.obligation.title,
    dueAt: row.dueAt.toISOString(),
    dueRule: row.dueRule,
    status: row.status,
    metAt: row.metAt?.toISOString(),
    ladder: row.obligation.ladder as unknown as LadderStep[],
  };
}

/**
 * The deadline passed unmet: recorded once (audited), and kept when the document arrives later. Only a breach of the
 * date the workflow watched is recorded: a session moved meanwhile has a new date.
 */
export async function recordObligationBreach(
  db: Db,
  input: { sessionObligationId: string; dueAt: string },
): Promise<void> {
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
}

/**
 * The obligations the session's preparation watches (IV 10 (c)) follow its IV 11 dispatch deadline: breached when it
 * is missed, met (with the approved report's symbol) when the report was dispatched.
 */
export async function settleWatchedObligations(
  tx: DbTransaction,
  input: { sessionId: string; state: 'met' | 'missed' | 'skipped'; dueAt: Date; doneAt?: string },
): Promise<void> {
  const where = { sessionId: input.sessionId, obligation: { watchedBy: 'session-preparation' } };
  if (input.state === 'missed') {
    await tx.sessionObligation.updateMany({
      where: { ...where, status: 'OPEN' },
      data: { status: 'BREACHED', breachedAt: input.dueAt },
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
}

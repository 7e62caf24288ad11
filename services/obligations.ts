/**
 * Reporting obligations of a session: created with the session from the registry, re-planned when it moves, and
 * discharged by staff naming the document that met them. The deadline workflows read these rows.
 */
import { z } from 'zod';
import { strictestDueDate } from '../domain/due-rules';
import type { AppliedRule, DueRuleKey } from '../domain/due-rules';
import { obligationWorkflowId, sessionPreparationWorkflowId } from '../domain/workflow-ids';
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError } from './errors';
import { COMMISSION_CODE, getSessionByNumber, parseOrThrow } from './sessions';

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

function workflowIdFor(sessionNumber: number, obligation: { code: string; watchedBy: string }): string {
  return obligation.watchedBy === 'session-preparation'
    ? sessionPreparationWorkflowId(COMMISSION_CODE, sessionNumber)
    : obligationWorkflowId(COMMISSION_CODE, sessionNumber, obligation.code);
}

/**
 * Creates the session's obligations from the registry (idempotent), or re-plans the open ones from a new opening
 * date. Met obligations keep the date they were met against.
 */
export async function planSessionObligations(
  tx: DbTransaction,
  session: { id: string; number: number; openingDate: string },
): Promise<void> {
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
          workflowId: workflowIdFor(session.number, obligation),
        },
      });
    } else if (existing.status === 'OPEN') {
      await tx.sessionObligation.update({
        where: { id: existing.id },
        data: { dueAt: new Date(due.dueAt), dueRule: due.key },
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
    const due = strictestDueDate(row.obligation.dueRules as DueRuleKey[], session.openingDate);
    const rule = due.applied.find((r) => r.key === row.dueRule) ?? due;
    return {
      id: row.id,
      code: row.obligation.code,
      mandate: row.obligation.mandate,
      title: row.obligation.title,
      documentType: row.obligation.documentType,
      ownerUnit: row.obligation.ownerUnit,
      dueAt: row.dueAt.toISOString(),
      dueRule: { ...rule, dueAt: row.dueAt.toISOString() },
      rules: due.applied,
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

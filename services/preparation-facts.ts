/**
 * What the database says about a session's preparation right now (read only): whether its surveys have closed,
 * whether its analysis report was compiled, approved or sent back, and whether it was dispatched. The escalation
 * activities read it when a message is about to go, so the reason they give is the one that holds then
 * (`dispatchRisk` in domain/escalation.ts decides; this module only gathers the facts).
 */
import { DocumentKind } from '../domain/document-kinds';
import { deadlinePlanOf } from '../domain/deadlines';
import type { DeadlinePlan } from '../domain/deadlines';
import { dispatchRisk, stageOfFacts } from '../domain/escalation';
import type { PreparationFacts, PreparationStageName } from '../domain/escalation';
import type { Db } from '../platform/database';
import { readSessionPlan } from './session-plan';

export async function readPreparationFacts(db: Db, sessionId: string): Promise<PreparationFacts> {
  const cycles = await db.surveyCycle.findMany({ where: { sessionId }, select: { status: true } });
  const report = await db.document.findFirst({
    where: { sessionId, kind: DocumentKind.AnalysisReport },
    orderBy: { version: 'desc' },
    select: { approvedAt: true, rejectedAt: true },
  });
  const proof = await db.document.count({ where: { sessionId, kind: DocumentKind.DispatchProof } });
  return {
    surveys: cycles.length === 0 ? 'none' : cycles.some((c) => c.status === 'OPEN') ? 'open' : 'closed',
    ...(report ? { report: { approved: report.approvedAt !== null, rejected: report.rejectedAt !== null } } : {}),
    dispatched: proof > 0,
  };
}

export interface SessionRisk {
  plan: DeadlinePlan;
  stage: PreparationStageName;
  /** Why the IV 11 deadline is at risk at `now`, or undefined when it is not. */
  reason: string | undefined;
}

/** The session's recorded plan, its stage as stored, and the risk the one rule finds in them at `now`. */
export async function sessionRiskNow(db: Db, sessionId: string, now: number): Promise<SessionRisk> {
  const plan = deadlinePlanOf(await readSessionPlan(db, sessionId));
  const stage = stageOfFacts(await readPreparationFacts(db, sessionId));
  return { plan, stage, reason: dispatchRisk(plan, stage, now) };
}

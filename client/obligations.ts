/**
 * The reporting obligations of a session, as the console and the CLI see them: listed with their rules, watched by
 * one deadline workflow each once the session is launched, discharged by naming their document.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { recordAuditEvent } from '../services/audit';
import { listSessionObligations, planSessionObligations, recordObligationMet } from '../services/obligations';
import type { SessionObligationView } from '../services/obligations';
import { getSessionByNumber } from '../services/session-lookup';
import { obligationChangedSignal } from '../workflows/definitions';
import type { obligationDeadlineWorkflow } from '../workflows';
import type { PreparationClientDeps } from './deps';

/**
 * Starts the deadline workflow of every obligation of the session that has its own (the analysis report's deadline
 * is watched by the preparation workflow). Idempotent: a workflow already running is left as it is.
 */
export async function startObligationWorkflows(
  deps: PreparationClientDeps,
  sessionNumber: number,
  actor: string,
): Promise<string[]> {
  const session = await getSessionByNumber(deps.db, sessionNumber);
  // Sessions created before the registry existed get their obligations now.
  await deps.db.$transaction((tx) => planSessionObligations(tx, session));
  const started: string[] = [];
  for (const obligation of await listSessionObligations(deps.db, sessionNumber)) {
    if (obligation.watchedBy !== 'obligation-deadline' || obligation.status === 'MET') continue;
    try {
      await deps.temporal.workflow.start<typeof obligationDeadlineWorkflow>('obligationDeadlineWorkflow', {
        taskQueue: deps.taskQueue,
        workflowId: obligation.workflowId,
        args: [{ sessionObligationId: obligation.id }],
      });
      started.push(obligation.workflowId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  if (started.length > 0) {
    await recordAuditEvent(deps.db, {
      actor,
      action: 'obligations.watch',
      entity: 'Session',
      entityId: session.id,
      details: { workflowIds: started },
    });
  }
  return started;
}

/** Staff record the document that met an obligation; its deadline workflow then completes. */
export async function markObligationMet(
  deps: PreparationClientDeps,
  sessionNumber: number,
  code: string,
  input: unknown,
  actor: string,
): Promise<void> {
  const { workflowId } = await recordObligationMet(deps.db, sessionNumber, code, input, actor);
  await signalObligation(deps, workflowId);
}

/** Wakes the deadline workflows of a session's obligations to look at their rows again (after a move). */
export async function signalObligations(deps: PreparationClientDeps, sessionNumber: number): Promise<void> {
  for (const obligation of await listSessionObligations(deps.db, sessionNumber)) {
    if (obligation.watchedBy === 'obligation-deadline') await signalObligation(deps, obligation.workflowId);
  }
}

async function signalObligation(deps: PreparationClientDeps, workflowId: string): Promise<void> {
  try {
    await deps.temporal.workflow.getHandle(workflowId).signal(obligationChangedSignal);
  } catch (error) {
    // Not launched yet, or already completed: the row is the truth and is read at start.
    if (!(error instanceof WorkflowNotFoundError)) throw error;
  }
}

export type { SessionObligationView };

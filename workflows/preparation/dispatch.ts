/** The dispatch phase (IV 11): the approved report to every Government, then the proof of dispatch. */
import { db, documents, mail } from './activities';
import type { PreparationState } from './state';

export async function dispatchToGovernments(state: PreparationState, documentId: string): Promise<string> {
  const { view } = state;
  view.stage = 'dispatching';
  const governmentIds = await db.listGovernments();
  view.dispatch = { sent: 0, failed: 0, total: governmentIds.length };
  for (const governmentId of governmentIds) {
    const outcome = await mail.dispatchReport({ documentId, governmentId });
    if (outcome === 'undeliverable') view.dispatch.failed += 1;
    else view.dispatch.sent += 1;
  }
  state.dispatched = true;
  const dispatchedAt = new Date().toISOString();
  view.dispatch.completedAt = dispatchedAt;
  view.proof = await documents.compileDispatchProof({ documentId });
  await state.settle('dispatch-target', dispatchedAt);
  await state.settle('dispatch-deadline', dispatchedAt);
  return dispatchedAt;
}

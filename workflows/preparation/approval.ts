/**
 * Compiling the analysis report (IV 10 (c)) and waiting for a manager's approval: reminding when it is late, taking a
 * rejection back to staff and compiling each new version they ask for.
 */
import { condition } from '@temporalio/workflow';
import { wordLimitWarning } from '../../domain/word-limit';
import { db, documents, mail } from './activities';
import type { CompiledReport } from './activities';
import type { PreparationState } from './state';

/**
 * How often the manager is reminded once approval is overdue, counted from the last reminder actually sent: a deadline
 * long past (a move) gives one reminder at once, then one per interval, never a catch-up burst.
 */
export const APPROVAL_REMINDER_INTERVAL_MS = 3 * 24 * 60 * 60 * 1000;

function show(state: PreparationState, report: CompiledReport): void {
  state.view.report = {
    documentId: report.documentId,
    symbol: report.symbol,
    version: report.version,
    words: report.words,
    wordWarning: wordLimitWarning(report.words),
    options: report.options,
  };
}

async function compile(state: PreparationState, cycleId: string, version: number): Promise<CompiledReport> {
  state.view.stage = 'compiling';
  const report = await documents.compileAnalysisReport({ sessionId: state.sessionId, cycleId, version });
  show(state, report);
  return report;
}

async function awaitApproval(state: PreparationState, report: CompiledReport): Promise<void> {
  state.view.stage = 'awaiting-approval';
  await mail.notifyManagers({
    sessionId: state.sessionId,
    documentId: report.documentId,
    reason: 'report-ready',
    sequence: 1,
  });
}

/** Returns the approved version, its approval recorded and the approval deadline settled. */
export async function compileAndApprove(state: PreparationState, cycleId: string): Promise<CompiledReport> {
  const { view } = state;
  let report = await compile(state, cycleId, 1);
  // The agenda now lists the report under its item.
  view.agenda = await documents.compileProvisionalAgenda({ sessionId: state.sessionId, version: 2 });
  await awaitApproval(state, report);
  // Reminders sent (numbered 1, 2, … as they go) and when the last one went.
  let reminders = 0;
  let lastReminderAt = -Infinity;
  while (!state.approval) {
    const decided = await state.clock.waitFor(
      'report-approval',
      () => state.approval !== undefined || state.rejection !== undefined || state.revision !== undefined,
      0,
      lastReminderAt + APPROVAL_REMINDER_INTERVAL_MS,
    );
    if (state.approval) break;
    if (!decided) {
      reminders += 1;
      await mail.notifyManagers({
        sessionId: state.sessionId,
        documentId: report.documentId,
        reason: 'approval-overdue',
        sequence: reminders,
      });
      lastReminderAt = Date.now();
      continue;
    }
    if (state.rejection) {
      const review = state.rejection;
      view.stage = 'revising';
      (view.reviews ??= []).push(review);
      await mail.recordRejection({
        documentId: review.documentId,
        rejectedBy: review.rejectedBy,
        rejectedAt: review.rejectedAt,
        comment: review.comment,
      });
      state.rejection = undefined;
      // Staff revise the options and ask for a new version; the dispatch watch escalates meanwhile if it is late.
      await condition(() => state.revision !== undefined);
    }
    state.revision = undefined;
    report = await compile(state, cycleId, report.version + 1);
    await awaitApproval(state, report);
  }
  const approval = state.approval;
  await db.recordApproval({
    documentId: report.documentId,
    approvedBy: approval.approvedBy,
    approvedAt: approval.approvedAt,
  });
  view.report = { ...view.report!, approvedBy: approval.approvedBy, approvedAt: approval.approvedAt };
  await state.settle('report-approval', approval.approvedAt);
  return report;
}

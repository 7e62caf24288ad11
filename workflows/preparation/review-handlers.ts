/** The manager's decisions on the report (approve, send back) and staff's request for a new version. */
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { FailureType } from '../../domain/failure-types';
import { approveReportUpdate, rejectReportUpdate, reviseReportUpdate } from '../definitions';
import type { ApproveReportInput, RejectReportInput, ReviseReportInput } from '../definitions';
import type { PreparationState } from './state';

const refuse = (message: string) => ApplicationFailure.create({ type: FailureType.InvalidState, message });

export function installReviewHandlers(state: PreparationState): void {
  const { view } = state;
  /** The version awaiting approval, or a failure saying why there is none or why this one is not it. */
  const assertAwaitingApproval = (documentId: string) => {
    if (view.stage !== 'awaiting-approval' || !view.report)
      throw refuse(`No report is awaiting approval (stage: ${view.stage})`);
    if (documentId !== view.report.documentId) throw refuse('That report version is not the one awaiting approval');
  };

  setHandler(
    approveReportUpdate,
    ({ approvedBy }) => {
      state.approval = { approvedBy, approvedAt: new Date().toISOString() };
      return Promise.resolve({ approvedAt: state.approval.approvedAt });
    },
    {
      validator: ({ documentId, approvedBy }: ApproveReportInput) => {
        assertAwaitingApproval(documentId);
        if (!approvedBy.trim()) throw refuse('The approver must be named');
        if (view.report!.options === 0)
          throw refuse(
            'The options section is empty: staff must write the options and their budget implications, then compile a new version',
          );
      },
    },
  );

  setHandler(
    rejectReportUpdate,
    ({ documentId, rejectedBy, comment }: RejectReportInput) => {
      const rejectedAt = new Date().toISOString();
      state.rejection = { documentId, version: view.report!.version, rejectedBy, rejectedAt, comment: comment.trim() };
      return Promise.resolve({ rejectedAt });
    },
    {
      validator: ({ documentId, rejectedBy, comment }: RejectReportInput) => {
        assertAwaitingApproval(documentId);
        if (state.rejection) throw refuse('Already sent back');
        if (!rejectedBy.trim() || !comment?.trim()) throw refuse('Say what must change: a rejection needs a comment');
        if (comment.length > 4000) throw refuse('The comment is too long (at most 4,000 characters)');
      },
    },
  );

  setHandler(
    reviseReportUpdate,
    async ({ requestedBy }: ReviseReportInput) => {
      const from = view.report!.version;
      state.revision = { requestedBy };
      await condition(() => view.stage === 'awaiting-approval' && view.report!.version > from);
      return { documentId: view.report!.documentId, version: view.report!.version };
    },
    {
      validator: ({ requestedBy }: ReviseReportInput) => {
        if ((view.stage !== 'awaiting-approval' && view.stage !== 'revising') || state.rejection || state.revision)
          throw refuse(
            `A new version can be compiled only while the report awaits approval or revision (stage: ${view.stage})`,
          );
        if (!requestedBy.trim()) throw refuse('Name who asks for it');
      },
    },
  );
}

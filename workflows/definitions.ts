/**
 * Signals, queries and updates of the workflows, shared by workflow code, the client helpers, the web server and tests.
 * The string names are part of the wire contract: never rename them while workflows are running.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { MovedDeadline, PlanEntry } from '../domain/deadlines';

export type PreparationStage =
  | 'planning'
  | 'surveying'
  | 'compiling'
  | 'awaiting-approval'
  /** A manager sent the report back with comments; staff revise the options and ask for a new version. */
  | 'revising'
  | 'dispatching'
  | 'done';

export interface PreparationView {
  sessionId: string;
  openingDate: string;
  stage: PreparationStage;
  escalations: EscalationRecord[];
  /** Why the dispatch deadline is at risk now, if it is. */
  risk?: string;
  plan: PlanEntry[];
  cycleWorkflowId?: string;
  /** The IGO/NGO survey (IV 10 (b)), when the session runs one. */
  igoNgoCycleWorkflowId?: string;
  report?: {
    documentId: string;
    symbol: string;
    version: number;
    words: number;
    /** Set when the report is over the 8,500-word limit for Secretariat documents. */
    wordWarning?: string;
    approvedBy?: string;
    approvedAt?: string;
    /** Options written by staff in this version; approval needs at least one. Absent in runs before options. */
    options?: number;
  };
  /** Every version a manager sent back, with the comments. */
  reviews?: ReportReview[];
  /** The provisional agenda (VII 2, VII 3), recompiled when documents are added under its items. */
  agenda?: { documentId: string; symbol: string; version: number };
  /** Proof of dispatch (IV 11) compiled from the e-mail ledger after the last send. */
  proof?: { documentId: string; symbol: string; version: number };
  dispatch?: { sent: number; failed: number; total: number; completedAt?: string };
}

export interface ApproveReportInput {
  documentId: string;
  approvedBy: string;
  comment?: string;
}

export interface RejectReportInput {
  documentId: string;
  rejectedBy: string;
  comment: string;
}

export interface ReportReview {
  documentId: string;
  version: number;
  rejectedBy: string;
  rejectedAt: string;
  comment: string;
}

export interface ReviseReportInput {
  requestedBy: string;
}

export interface RescheduleInput {
  openingDate: string;
  /** The session's plan as recorded for the new dates (services/session-plan.ts); the workflow never recomputes it. */
  plan: PlanEntry[];
  requestedBy: string;
}

export interface EscalationRecord {
  checkpoint: string;
  level: 'owner' | 'manager' | 'chief';
  at: string;
  reason: string;
}

export interface CycleView {
  cycleId: string;
  status: 'inviting' | 'open' | 'closed';
  closesAt: string;
  invited: number;
  undeliverable: number;
  /** Submissions signalled (a reopened reply submitted again counts again). */
  submitted: number;
  remindersSent: number;
}

/** The plan of a session's preparation: every deadline, its rule and its state. */
export const preparationQuery = defineQuery<PreparationView>('preparation');

/** Manager approval of the compiled analysis report; rejected unless that version is the one awaiting approval. */
export const approveReportUpdate = defineUpdate<{ approvedAt: string }, [ApproveReportInput]>('approveReport');

/** A manager sends the version awaiting approval back to staff, with comments (required). */
export const rejectReportUpdate = defineUpdate<{ rejectedAt: string }, [RejectReportInput]>('rejectReport');

/**
 * Staff ask for a new version of the report (after a rejection, or to take in edited options while it awaits
 * approval). Returns once the new version is compiled and awaiting approval.
 */
export const reviseReportUpdate = defineUpdate<{ documentId: string; version: number }, [ReviseReportInput]>(
  'reviseReport',
);

/**
 * The session's dates changed: every deadline not yet met is planned again from the new opening date, and the timers
 * follow. Rejected once the report has been dispatched. Returns what moved.
 */
export const rescheduleUpdate = defineUpdate<MovedDeadline[], [RescheduleInput]>('reschedule');

/** From the session workflow to its survey cycle: new close and reminder instants. */
export const rescheduleCycleSignal = defineSignal<[{ closesAt: string; reminderAt: string }]>('rescheduleCycle');

/** Sent by the web server after a response was committed to the database. */
export const submissionReceivedSignal =
  defineSignal<[{ organisationId: string; contactId: string }]>('submissionReceived');

/**
 * The coordinator reminds non-respondents now (all of them, or those named), without disturbing the scheduled
 * reminder. Organisations that have submitted are never reminded.
 */
/** The Secretariat reopened an organisation's reply (now at `version`): the cycle tells the respondent. */
export const responseReopenedSignal = defineSignal<[{ organisationId: string; version: number }]>('responseReopened');

/** A contact gave a colleague a link to some sections: the cycle e-mails it. */
export const delegatedSignal = defineSignal<[{ delegationId: string }]>('delegated');

export const remindNowSignal = defineSignal<[{ requestedBy: string; organisationIds?: string[] }]>('remindNow');

/** A coordinator extended one organisation's deadline: the cycle looks again at when it may finally close. */
export const deadlineExtendedSignal = defineSignal<[{ organisationId: string }]>('deadlineExtended');

/**
 * A coordinator revoked a contact's links and asks for a new one to be sent. The old links then say they were
 * replaced. Numbered by the workflow, so each request sends exactly one new link.
 */
export const reissueLinkSignal = defineSignal<[{ contactId: string; requestedBy: string }]>('reissueLink');

/** The coordinator closes the survey before its deadline. */
/**
 * The coordinator closed the cycle early. Extensions it ended (the coordinator chose so) are listed: each of those
 * organisations is e-mailed that its extension ends with the close.
 */
export const closeCycleSignal = defineSignal<[{ closedBy: string; endedExtensions?: EndedExtension[] }]>('closeCycle');

/** An extension an early close ended: the organisation, and the date it had been promised. */
export interface EndedExtension {
  organisationId: string;
  until: string;
}

export const cycleQuery = defineQuery<CycleView>('cycle');

export interface ObligationView {
  sessionObligationId: string;
  code?: string;
  dueAt?: string;
  status: 'OPEN' | 'MET' | 'BREACHED';
  escalations: { checkpoint: string; level: 'owner' | 'manager' | 'chief'; at: string }[];
}

/** The obligation's row changed (met, or its session moved): the deadline workflow looks at it again now. */
export const obligationChangedSignal = defineSignal('obligationChanged');

export const obligationQuery = defineQuery<ObligationView>('obligation');

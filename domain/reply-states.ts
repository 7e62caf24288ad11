/**
 * The one vocabulary of where an organisation's reply to a survey stands. Every surface (the console's table,
 * filters and charts, the burn-down, the dashboard, `prep status` and `prep survey status`, the report and its annex,
 * the weekly digest) and every decision (who is reminded, what the report analyses) reads it from here, so they
 * cannot disagree about what "replied" means.
 *
 * An organisation (not a contact) is the respondent: each has exactly one *progress* state, the furthest its reply
 * got, and any number of *marks* on top of it (a contact bounced, the reply came late, the deadline was extended).
 */

/** Exactly one per respondent, in the order a reply moves through them. */
export const PROGRESS_STATES = [
  'invited',
  'delivered',
  'opened',
  'in progress',
  'submitted',
  'nil return',
  'declined',
] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

/** Facts that hold alongside the progress state: each respondent may carry none, some or all of them. */
export const REPLY_MARKS = ['bounced', 'late', 'extended'] as const;
export type ReplyMark = (typeof REPLY_MARKS)[number];

/** Every state a coordinator can filter and count by, in the order the console lists them. */
export const REPLY_STATES = [
  'invited',
  'delivered',
  'bounced',
  'opened',
  'in progress',
  'submitted',
  'nil return',
  'declined',
  'late',
  'extended',
] as const satisfies readonly (ProgressState | ReplyMark)[];
export type ReplyState = (typeof REPLY_STATES)[number];

export function isReplyState(value: unknown): value is ReplyState {
  return typeof value === 'string' && (REPLY_STATES as readonly string[]).includes(value);
}

export function isMark(state: ReplyState): state is ReplyMark {
  return (REPLY_MARKS as readonly string[]).includes(state);
}

/** What staff read for each state (English: staff screens, exports and the digest are in English). */
export const REPLY_STATE_LABELS: Record<ReplyState, string> = {
  invited: 'Invited, not yet delivered',
  delivered: 'Invitation delivered',
  bounced: 'A contact bounced (SMTP 5xx)',
  opened: 'Opened the questionnaire',
  'in progress': 'Answers saved, not submitted',
  submitted: 'Submitted',
  'nil return': 'Nil return (nothing to report)',
  declined: 'Declined to take part',
  late: 'Replied late (in the grace window)',
  extended: 'Deadline extended',
};

/**
 * Which progress states count as a reply for the response rate: a submission and a nil return. A nil return is a
 * return ("nothing to report" is information the Commission can use); a decline is not: the organisation gave no
 * information, so counting it would make the rate say more was learnt than was. This follows United Nations practice
 * for questionnaires to Member States and organisations, and the report now agrees with the other surfaces (it used to
 * count declines).
 */
export const COUNTS_AS_REPLY: readonly ProgressState[] = ['submitted', 'nil return'];

/**
 * Which progress states stop reminders: every answer, including a decline (the organisation answered, and chasing
 * it again after it said no would be discourteous).
 */
export const STOPS_REMINDERS: readonly ProgressState[] = ['submitted', 'nil return', 'declined'];

/** Whose answers the report's analysis reads: only submissions hold answers to analyse. */
export const FEEDS_ANALYSIS: readonly ProgressState[] = ['submitted'];

/** The annex lists every organisation surveyed, whatever its state, with this for its reply. */
export function annexReplyLabel(state: ProgressState, reportedNoActivities = false): string {
  if (state === 'submitted') return reportedNoActivities ? 'Replied: no activities' : 'Replied';
  if (state === 'nil return') return 'Nil return';
  if (state === 'declined') return 'Declined';
  return 'No reply';
}

export const countsAsReply = (state: ProgressState) => COUNTS_AS_REPLY.includes(state);
export const stopsReminders = (state: ProgressState) => STOPS_REMINDERS.includes(state);
export const feedsAnalysis = (state: ProgressState) => FEEDS_ANALYSIS.includes(state);

/** The stored status of a reply (the `ResponseStatus` column). */
export type StoredReplyStatus = 'DRAFT' | 'SUBMITTED' | 'NIL_RETURN' | 'DECLINED';

const STORED: Record<Exclude<StoredReplyStatus, 'DRAFT'>, ProgressState> = {
  SUBMITTED: 'submitted',
  NIL_RETURN: 'nil return',
  DECLINED: 'declined',
};

/** The stored statuses behind a list of states, for database queries (e.g. who not to remind). */
export function storedStatusesOf(states: readonly ProgressState[]): Exclude<StoredReplyStatus, 'DRAFT'>[] {
  return (Object.keys(STORED) as (keyof typeof STORED)[]).filter((s) => states.includes(STORED[s]));
}

/** Stored statuses that count as a reply (`SUBMITTED`, `NIL_RETURN`). */
export const REPLY_STATUSES = storedStatusesOf(COUNTS_AS_REPLY);
/** Stored statuses that stop reminders and earn a receipt (`SUBMITTED`, `NIL_RETURN`, `DECLINED`). */
export const ANSWERED_STATUSES = storedStatusesOf(STOPS_REMINDERS);

/** Whether a stored reply is an answer that stops reminders (and earns a receipt). */
export function isAnswered(status: StoredReplyStatus): boolean {
  return status !== 'DRAFT' && stopsReminders(STORED[status]);
}

/** What is stored about one organisation in one survey, from which its state is derived. */
export interface ReplyFacts {
  /** Its reply row, if one exists (a draft from the first "start", a submission, a nil return, a decline). */
  response?: { status: StoredReplyStatus; version: number; late: boolean };
  /** An invitation e-mail to one of its contacts is recorded as sent in the mail ledger. */
  invitationSent: boolean;
  /** Contacts invited to this survey whose address refused the message (the contact's `bouncedAt`). */
  bouncedContacts: number;
  /** A contact started the questionnaire (a POST after opening the link: opening alone changes nothing). */
  started: boolean;
  /** The organisation was given a personal extension of the deadline. */
  extended: boolean;
}

export function progressOf(facts: ReplyFacts): ProgressState {
  const { response } = facts;
  if (response && response.status !== 'DRAFT') return STORED[response.status];
  // A draft is created when the questionnaire is started; every save bumps its version.
  if (response && response.version > 1) return 'in progress';
  if (facts.started || response) return 'opened';
  return facts.invitationSent ? 'delivered' : 'invited';
}

export function marksOf(facts: ReplyFacts): ReplyMark[] {
  const progress = progressOf(facts);
  return [
    ...(facts.bouncedContacts > 0 ? (['bounced'] as const) : []),
    // Only an answer can be late; a draft saved after the close is not flagged until it is submitted.
    ...(facts.response?.late && stopsReminders(progress) ? (['late'] as const) : []),
    ...(facts.extended ? (['extended'] as const) : []),
  ];
}

/** Whether a respondent is in `state`: its progress state, or one of its marks. */
export function isIn(respondent: { state: ProgressState; marks: readonly ReplyMark[] }, state: ReplyState): boolean {
  return isMark(state) ? respondent.marks.includes(state) : respondent.state === state;
}

/** Replies as a whole percentage of the organisations invited (0 when nobody was). */
export function responseRate(replies: number, invited: number): number {
  return invited === 0 ? 0 : Math.round((replies / invited) * 100);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Where the survey stands, in one sentence for staff: open (and until when), in its grace window, or closed (on the
 * day it closed, saying so when that was before the planned close).
 */
export function surveyStanding(
  cycle: {
    status: 'OPEN' | 'CLOSED';
    closesAt: Date;
    closedAt: Date | null;
    closedEarlyAt?: Date | null;
    graceDays: number;
  },
  now = new Date(),
): string {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (cycle.status === 'OPEN' && cycle.closedEarlyAt)
    return `closed early on ${day(cycle.closedEarlyAt)} (the planned close was ${day(cycle.closesAt)}); extensions granted before still running`;
  if (cycle.status === 'CLOSED') {
    const closedOn = cycle.closedEarlyAt ?? cycle.closedAt ?? cycle.closesAt;
    return closedOn < cycle.closesAt
      ? `closed on ${day(closedOn)}, early (the planned close was ${day(cycle.closesAt)})`
      : `closed on ${day(closedOn)}`;
  }
  if (now >= cycle.closesAt)
    return cycle.graceDays > 0
      ? `past its close on ${day(cycle.closesAt)}; late replies accepted until ${day(new Date(cycle.closesAt.getTime() + cycle.graceDays * DAY_MS))}`
      : `past its close on ${day(cycle.closesAt)}; extended deadlines still running`;
  return cycle.graceDays > 0
    ? `open, closes ${day(cycle.closesAt)} (replies accepted as late for ${cycle.graceDays} more day(s))`
    : `open, closes ${day(cycle.closesAt)}`;
}

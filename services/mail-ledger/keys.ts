/**
 * The mail ledger's business keys: the one place that says what a key looks like, for building it and for reading
 * it back. A key is the message's identity: the same key is the same e-mail, sent at most once (the ledger's unique
 * `businessKey`), so a key's shape never changes once messages carry it — a new shape would send every message again.
 */

/** A reminder's round: the workflow's scheduled reminders and those a coordinator asks for are numbered apart. */
export type ReminderRound = { occasion: 'scheduled' | 'on-request'; sequence: number };

export const mailKey = {
  /** The one invitation e-mail of a contact to a survey cycle. */
  invitation: (cycleId: string, contactId: string) => `invitation:${cycleId}:${contactId}:1`,
  /** A replacement link, keyed by the workflow's request number. */
  reissue: (cycleId: string, contactId: string, sequence: number) =>
    `invitation:${cycleId}:${contactId}:reissue-${sequence}`,
  reminder: (cycleId: string, organisationId: string, round: ReminderRound) =>
    `reminder:${cycleId}:${organisationId}:${round.occasion === 'on-request' ? `now-${round.sequence}` : round.sequence}`,
  /** One receipt per version of the reply, so a reopened and resubmitted reply gets its own. */
  receipt: (cycleId: string, organisationId: string, version: number) =>
    `receipt:${cycleId}:${organisationId}:${version}`,
  reopen: (cycleId: string, organisationId: string, version: number) =>
    `reopen:${cycleId}:${organisationId}:${version}`,
  delegation: (cycleId: string, delegationId: string) => `delegation:${cycleId}:${delegationId}`,
  /** One notice per change of the cycle's close (numbered by the cycle) to each organisation told of it. */
  closeMoved: (cycleId: string, organisationId: string, change: number) =>
    `close-moved:${cycleId}:${organisationId}:${change}`,
  /** The one notice that an early close ended the organisation's extension. */
  extensionEnded: (cycleId: string, organisationId: string) => `extension-ended:${cycleId}:${organisationId}`,
  /**
   * One rung of the dispatch ladder (its checkpoint: `T-14`, `T-3`, `breach`) to one person, for the session: a move
   * does not make a rung speak to the same person twice (domain/escalation.ts `escalationRung`).
   */
  escalation: (sessionId: string, checkpoint: string, email: string) =>
    `escalation:${sessionId}:${checkpoint}:${email}`,
  /** The chief's one digest of the day (CHIEF_ESCALATION=digest), every session at risk in it. */
  chiefDigest: (day: string, email: string) => `chief-digest:${day}:${email}`,
  obligationEscalation: (sessionObligationId: string, dueAt: string, checkpoint: string, email: string) =>
    `obligation-escalation:${sessionObligationId}:${dueAt}:${checkpoint}:${email}`,
  dispatch: (documentId: string, governmentId: string, slot: string) =>
    `dispatch:${documentId}:${governmentId}:${slot}`,
  reportReturned: (documentId: string, coordinatorId: string) => `report-returned:${documentId}:${coordinatorId}`,
  managerNotice: (documentId: string, reason: string, sequence: number, managerId: string) =>
    `manager-notice:${documentId}:${reason}:${sequence}:${managerId}`,
  digest: (weekOf: string, managerId: string) => `digest:${weekOf}:${managerId}`,
} as const;

/** The survey mail whose keys are read back: each names its cycle and who it went to, by id. */
export type SurveyMailKind = 'invitation' | 'reminder' | 'receipt' | 'reopen' | 'delegation';

export interface SurveyMailKey {
  kind: SurveyMailKind;
  cycleId: string;
  /** The contact (invitation), the organisation (reminder, receipt, reopen) or the delegation it went to. */
  subjectId: string;
  /** What tells two messages to the same addressee apart: `1`, `reissue-2`, a round, a version; none for a delegation. */
  occurrence?: string;
}

/** Every key of one kind of survey mail of a cycle begins with this (for a ledger query by prefix). */
export function surveyMailPrefix(kind: SurveyMailKind, cycleId: string): string {
  return `${kind}:${cycleId}:`;
}

const SURVEY_KINDS: readonly string[] = ['invitation', 'reminder', 'receipt', 'reopen', 'delegation'];

/**
 * A survey key taken apart; undefined for any other key. Only survey keys are parsed: their parts are ids, which hold
 * no colon, while the other kinds end in an e-mail address or carry an instant or a reason, and nothing reads them back.
 */
export function parseSurveyMailKey(key: string): SurveyMailKey | undefined {
  const [kind, cycleId, subjectId, occurrence, ...rest] = key.split(':');
  if (!kind || !SURVEY_KINDS.includes(kind) || !cycleId || !subjectId || occurrence === '' || rest.length > 0)
    return undefined;
  if ((kind === 'delegation') !== (occurrence === undefined)) return undefined;
  return { kind: kind as SurveyMailKind, cycleId, subjectId, ...(occurrence === undefined ? {} : { occurrence }) };
}

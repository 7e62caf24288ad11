/**
 * What a personal link lets its holder do, as every respondent-side service sees it. A leaf module (it imports no
 * service), so responses, attachments and delegations can all take it without importing each other.
 */
import type { Answers, Questionnaire } from '../domain/questionnaire';
import type { SurveyKind } from '../domain/questionnaires';

export type ResponseState = 'DRAFT' | 'SUBMITTED' | 'NIL_RETURN' | 'DECLINED';

export interface RespondentAccess {
  invitationId: string;
  cycleId: string;
  cycleKind: SurveyKind;
  /** The questionnaire version the cycle asks. */
  questionnaire: Questionnaire;
  cycleWorkflowId: string;
  /** This respondent's deadline: the cycle's close, or their extension. */
  closesAt: Date;
  /** After the close (within the grace window, without an extension): a reply now is recorded as late. */
  late: boolean;
  remindersOptedOut: boolean;
  /** Present when the link is a colleague's: they answer these sections (all when empty) and cannot submit. */
  delegation?: { id: string; name: string; sectionIds: string[]; expiresAt: Date; delegatedBy: string };
  organisation: { id: string; name: string };
  contact: { id: string; name: string; email: string; language: string };
  response:
    | {
        status: ResponseState;
        answers: Answers;
        version: number;
        submittedAt: Date | null;
        late: boolean;
        declineReason: string | null;
        /** Why the Secretariat reopened the reply, while it is being amended. */
        reopenReason: string | null;
      }
    | undefined;
}

/**
 * A personal link of a survey that has closed for its holder. It still proves who holds it, so it may say when the
 * survey closed and, to the invited contact, show the reply they gave (read-only) and its receipt.
 */
export interface ClosedLink {
  cycleId: string;
  cycleKind: SurveyKind;
  questionnaire: Questionnaire;
  /** The day the survey closed for this respondent: the close, their extension, or the early close. */
  closedOn: Date;
  organisation: { id: string; name: string };
  contact: { id: string; name: string; language: string };
  /** A colleague's link: it says the survey closed; the reply is the organisation's and is not shown through it. */
  delegated: boolean;
  reply: GivenReply | undefined;
}

/** A reply given (submitted, nil return or declined), as its receipt and read-only view show it. */
export interface GivenReply {
  status: Exclude<ResponseState, 'DRAFT'>;
  answers: Answers;
  version: number;
  submittedAt: Date;
  late: boolean;
  declineReason: string | null;
}

/** Who acts, for the audit log: the invited contact, or the colleague they delegated to. */
export function actorOf(access: RespondentAccess): string {
  return access.delegation ? `delegate:${access.delegation.id}` : `contact:${access.contact.id}`;
}

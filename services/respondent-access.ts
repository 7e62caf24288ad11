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

/** Who acts, for the audit log: the invited contact, or the colleague they delegated to. */
export function actorOf(access: RespondentAccess): string {
  return access.delegation ? `delegate:${access.delegation.id}` : `contact:${access.contact.id}`;
}

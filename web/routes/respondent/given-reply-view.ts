/**
 * How a reply already given reads to the respondent, in the page's language: the status sentence with its receipt
 * reference, and every section's questions with the answer given. The closed page, the read-only reply page and the
 * downloadable receipt all show it this way.
 */
import { formatDateIn, questionnaireTranslator } from '../../../domain/i18n';
import type { Language, Translate } from '../../../domain/i18n';
import { displayAnswer, sectionsOf } from '../../../domain/questionnaire';
import type { Questionnaire } from '../../../domain/questionnaire';
import { receiptReference } from '../../../domain/receipt';
import type { GivenReply } from '../../../services/responses';

const STATUS_SENTENCE = {
  SUBMITTED: 'respondent.replySubmitted',
  NIL_RETURN: 'respondent.nilReturnFiled',
  DECLINED: 'respondent.declined',
} as const;

export function givenReplyView(
  t: Translate,
  language: Language,
  record: { cycleId: string; organisation: { id: string }; questionnaire: Questionnaire; reply: GivenReply },
) {
  const { reply, questionnaire } = record;
  const label = questionnaireTranslator(language, questionnaire);
  const submittedOn = formatDateIn(language, reply.submittedAt);
  const status = [
    t(STATUS_SENTENCE[reply.status], { date: submittedOn }),
    reply.late ? t('respondent.arrivedLate') : '',
  ]
    .filter(Boolean)
    .join(' ');
  // Only a submitted reply has answers to show; a nil return and a decline are the sentence (and the reason).
  const sections =
    reply.status === 'SUBMITTED'
      ? sectionsOf(questionnaire).map((section) => ({
          title: label(section.title),
          answers: section.questions.map((question) => ({
            label: label(question.label),
            value: displayAnswer(question, reply.answers, label) || t('respondent.notAnswered'),
          })),
        }))
      : [];
  return {
    status,
    reference: receiptReference(record.cycleId, record.organisation.id),
    declineReason: reply.status === 'DECLINED' && reply.declineReason ? reply.declineReason : undefined,
    submittedOn,
    submittedAtTime: reply.submittedAt.toISOString().slice(11, 16),
    version: reply.version,
    title: label(questionnaire.title),
    sections,
  };
}

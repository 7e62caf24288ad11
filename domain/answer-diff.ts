/**
 * What changed between two versions of a reply, question by question, as people read the answers (labels, amounts
 * with currencies, one line per table row). Only the questions whose answer changed are listed.
 */
import { displayAnswer } from './questionnaire';
import type { Answers, Questionnaire } from './questionnaire';

export interface AnswerChange {
  questionId: string;
  label: string;
  before: string;
  after: string;
}

export function diffAnswers(
  questionnaire: Questionnaire,
  before: Answers,
  after: Answers,
  fileNames: Record<string, string> = {},
): AnswerChange[] {
  return questionnaire.questions.flatMap((question) => {
    const was = displayAnswer(question, before, undefined, fileNames);
    const now = displayAnswer(question, after, undefined, fileNames);
    return was === now ? [] : [{ questionId: question.id, label: question.label, before: was, after: now }];
  });
}

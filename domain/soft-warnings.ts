/**
 * Soft warnings: answers that are allowed but often mistaken (a budget with three zeros too many, a one-word
 * description, activities without a budget). The respondent sees them before submitting and may confirm the answers
 * as they are; the same function runs in the browser and on the server.
 */
import { PRIORITY_THEMES } from './priority-themes';
import type { Answers, FieldQuestion, Questionnaire, TableRow } from './questionnaire';

export interface FieldWarning {
  field: string;
  message: string;
}

/** Amounts from here up are possible for the largest programmes but are usually a typing slip. */
export const LARGE_AMOUNT = 50_000_000;
/** A description shorter than this rarely says what, where and with whom. */
export const SHORT_DESCRIPTION = 20;

export const WARNING_MESSAGES = {
  large: 'this amount is unusually large: please check it',
  short: 'this description is very short: please say what, where and with whom',
  noBudget: 'no budget is given for these activities: confirm that there is none',
} as const;

function cellWarnings(question: FieldQuestion, values: Answers | TableRow, field: string): FieldWarning[] {
  const value = values[question.id];
  if (question.type === 'money' && typeof value === 'number' && value >= LARGE_AMOUNT)
    return [{ field, message: WARNING_MESSAGES.large }];
  if (question.type === 'long-text' && typeof value === 'string' && value.length < SHORT_DESCRIPTION)
    return [{ field, message: WARNING_MESSAGES.short }];
  return [];
}

/** The warnings for validated answers (codes and numbers, as `validateAnswers` returns them). */
export function softWarnings(questionnaire: Questionnaire, answers: Answers): FieldWarning[] {
  const warnings = questionnaire.questions.flatMap((question) => {
    if (question.type !== 'table') return cellWarnings(question, answers, question.id);
    const rows = Array.isArray(answers[question.id]) ? (answers[question.id] as TableRow[]) : [];
    return rows.flatMap((row, i) =>
      question.columns.flatMap((column) => cellWarnings(column, row, `${question.id}.${i}.${column.id}`)),
    );
  });
  for (const theme of PRIORITY_THEMES) {
    const described = `theme_${theme.code}_description`;
    const budget = `theme_${theme.code}_budget`;
    const asked = questionnaire.questions.some((q) => q.id === budget);
    if (asked && answers[described] !== undefined && answers[budget] === undefined)
      warnings.push({ field: budget, message: WARNING_MESSAGES.noBudget });
  }
  return warnings;
}

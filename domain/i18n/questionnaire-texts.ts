/**
 * The texts of a questionnaire definition, each under a text id derived from where it stands (`title`,
 * `q.<question>.label`, `q.<question>.option.<code>`, `q.<table>.column.<column>.label`, `section.<section>.title`):
 * what a version's own translations are keyed by. The ids follow the definition's own ids, so a later version that
 * rewords a label keeps the id, and its translation is marked for review rather than lost.
 */
import type { Question, Questionnaire } from '../questionnaire';

export interface QuestionnaireText {
  id: string;
  /** The English text, as the definition writes it. */
  text: string;
}

export function questionnaireTextEntries(questionnaire: Questionnaire): QuestionnaireText[] {
  const entries: QuestionnaireText[] = [
    { id: 'title', text: questionnaire.title },
    { id: 'intro', text: questionnaire.intro },
  ];
  const add = (question: Question, at: string) => {
    entries.push({ id: `${at}.label`, text: question.label });
    if (question.help) entries.push({ id: `${at}.help`, text: question.help });
    if (question.type === 'single-choice' || question.type === 'multiple-choice')
      for (const option of question.options) entries.push({ id: `${at}.option.${option.code}`, text: option.label });
    if (question.type === 'table') for (const column of question.columns) add(column, `${at}.column.${column.id}`);
  };
  for (const question of questionnaire.questions) add(question, `q.${question.id}`);
  for (const section of questionnaire.sections)
    entries.push({ id: `section.${section.id}.title`, text: section.title });
  return entries;
}

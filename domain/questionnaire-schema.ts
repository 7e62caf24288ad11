/**
 * The shape a stored questionnaire definition must have, checked whenever one is read from the database or
 * imported: a definition that does not parse is refused with the path of every problem, never half-used.
 */
import { UnsafeTextError, safeInput } from './safe-text';
import { z } from 'zod';
import { LANGUAGES } from './i18n/languages';
import type { Language } from './i18n/languages';
import { fingerprint } from './i18n/fingerprint';
import { questionnaireTextEntries } from './i18n/questionnaire-texts';
import { ZQuestionnaireModel, ZText, ZTranslation } from './questionnaire-model';
import type { Questionnaire, QuestionnaireTranslation } from './questionnaire-model';

export const ZQuestionnaire = ZQuestionnaireModel.extend({
  /**
   * As a definition may give them: by language and text id, the translation, or the translation and the fingerprint
   * of the English it was made from (as an exported version writes it). Definitions stored before text ids were
   * keyed by the English text itself; those still read (see below).
   */
  translations: z.partialRecord(z.enum(LANGUAGES), z.record(z.string(), z.union([ZText, ZTranslation]))).optional(),
})
  .superRefine((q, ctx) => {
    const ids = q.questions.map((question) => question.id);
    const duplicate = ids.find((x, i) => ids.indexOf(x) !== i);
    if (duplicate)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: `question ${duplicate} appears twice` });
    const placed = q.sections.flatMap((section) => section.questionIds);
    for (const question of ids)
      if (placed.filter((x) => x === question).length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['sections'],
          message: `question ${question} must be in exactly one section`,
        });
    for (const question of placed)
      if (!ids.includes(question))
        ctx.addIssue({ code: 'custom', path: ['sections'], message: `section names an unknown question ${question}` });
  })
  .transform((q): Questionnaire => ({ ...q, translations: q.translations && byTextId(q, q.translations) }));

/**
 * Every translation keyed by text id with the fingerprint of its English. A translation given without one was made
 * from this version's English; a key that is an English text rather than a text id (how definitions were stored
 * before) stands for every text id with that English. A key that names no text of the version is dropped: nothing
 * would show it, and the launch check reports the text it may have meant as missing.
 */
function byTextId(
  questionnaire: Omit<Questionnaire, 'translations'>,
  translations: Partial<Record<Language, Record<string, string | QuestionnaireTranslation>>>,
): Questionnaire['translations'] {
  const entries = questionnaireTextEntries(questionnaire);
  const englishOf = new Map(entries.map((entry) => [entry.id, entry.text]));
  return Object.fromEntries(
    Object.entries(translations).map(([language, own]) => {
      const result: Record<string, QuestionnaireTranslation> = {};
      for (const [key, value] of Object.entries(own ?? {})) {
        const ids = englishOf.has(key) ? [key] : entries.filter((entry) => entry.text === key).map((e) => e.id);
        for (const id of ids)
          result[id] = typeof value === 'string' ? { text: value, source: fingerprint(englishOf.get(id)!) } : value;
      }
      return [language, result];
    }),
  );
}

export type QuestionnaireProblem = { path: string; message: string };

export function parseQuestionnaire(
  definition: unknown,
): { ok: true; questionnaire: Questionnaire } | { ok: false; problems: QuestionnaireProblem[] } {
  let safe: unknown;
  try {
    // A definition is imported from outside: its texts and translations are made safe first (domain/safe-text.ts).
    safe = safeInput(definition);
  } catch (error) {
    if (!(error instanceof UnsafeTextError)) throw error;
    return { ok: false, problems: [{ path: error.field, message: error.fieldMessage }] };
  }
  const parsed = ZQuestionnaire.safeParse(safe);
  if (parsed.success) return { ok: true, questionnaire: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

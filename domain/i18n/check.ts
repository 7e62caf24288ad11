/**
 * The translators' list: per language, the message ids with no translation (missing: a launch needing that language
 * is held) and those whose English changed since they were translated (stale: still shown, to be reviewed), for the
 * shared catalogue and for each questionnaire version given. `scripts/translations-check.ts` prints it.
 */
import {
  TRANSLATED_LANGUAGES,
  TRANSLATIONS,
  en,
  fingerprint,
  reviewQuestionnaireTranslations,
  reviewTranslations,
} from '.';
import type { Questionnaire } from '../questionnaire';
import { questionnaireTextEntries } from './questionnaire-texts';

export interface TranslationGaps {
  lines: string[];
  missing: number;
  stale: number;
}

const quote = (text: string) => JSON.stringify(text.length > 70 ? `${text.slice(0, 67)}…` : text);

export function translationGaps(questionnaires: readonly Questionnaire[] = []): TranslationGaps {
  const lines: string[] = [];
  let missing = 0;
  let stale = 0;
  for (const language of TRANSLATED_LANGUAGES) {
    const review = reviewTranslations(language);
    missing += review.missing.length;
    stale += review.stale.length;
    lines.push(`${language}: ${review.missing.length} missing, ${review.stale.length} stale`);
    for (const id of review.missing) lines.push(`  missing ${id} ${quote(en[id])}`);
    for (const id of review.stale) {
      const [, source] = TRANSLATIONS[language][id]!;
      lines.push(
        `  stale   ${id} ${quote(en[id])}: translated from English ${source}, now ${fingerprint(en[id])} (record it once reviewed)`,
      );
    }
    for (const id of review.unknown) lines.push(`  unknown ${id}: the English catalogue has no such id`);
    for (const questionnaire of questionnaires) {
      const gaps = reviewQuestionnaireTranslations(language, questionnaire);
      if (gaps.missing.length + gaps.stale.length === 0) continue;
      missing += gaps.missing.length;
      stale += gaps.stale.length;
      const english = new Map(questionnaireTextEntries(questionnaire).map((e) => [e.id, e.text]));
      lines.push(`  questionnaire ${questionnaire.id}: ${gaps.missing.length} missing, ${gaps.stale.length} stale`);
      for (const id of gaps.missing) lines.push(`    missing ${id} ${quote(english.get(id)!)}`);
      for (const id of gaps.stale) lines.push(`    stale   ${id} ${quote(english.get(id)!)}`);
    }
  }
  return { lines, missing, stale };
}

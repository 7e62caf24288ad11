import {
  CATALOGUES,
  LANGUAGES,
  direction,
  formatDateIn,
  missingTranslations,
  translateMessage,
  translator,
} from '../../domain/i18n';
import { IGO_NGO_QUESTIONNAIRE } from '../../domain/igo-ngo-questionnaire';
import { SYSTEM_WIDE_QUESTIONNAIRE } from '../../domain/questionnaire';
import type { Question } from '../../domain/questionnaire';

describe('respondent text in the six official languages', () => {
  it('has every string in every language', () => {
    for (const language of LANGUAGES) expect([language, missingTranslations(language)]).toEqual([language, []]);
  });

  it('covers every text of both questionnaires', () => {
    const texts = (q: Question): string[] => [
      q.label,
      ...(q.help ? [q.help] : []),
      ...(q.type === 'single-choice' || q.type === 'multiple-choice' ? q.options.map((o) => o.label) : []),
      ...(q.type === 'table' ? q.columns.flatMap(texts) : []),
    ];
    for (const questionnaire of [SYSTEM_WIDE_QUESTIONNAIRE, IGO_NGO_QUESTIONNAIRE]) {
      for (const text of [questionnaire.title, questionnaire.intro, ...questionnaire.questions.flatMap(texts)])
        for (const language of LANGUAGES)
          expect([language, text, CATALOGUES[language][text]]).toEqual([language, text, expect.any(String)]);
    }
  });

  it('finds what an incomplete language lacks', () => {
    const { Yes: _yes, ...partial } = CATALOGUES.fr;
    expect(missingTranslations('fr', { ...CATALOGUES, fr: partial })).toEqual(['Yes']);
  });

  it('translates with interpolation, numbers in messages and dates, right to left for Arabic', () => {
    expect(translator('fr')('Closes on {{date}}', { date: formatDateIn('fr', '2027-01-28') })).toBe(
      'Clôture le 28 janvier 2027',
    );
    expect(translateMessage(translator('ru'), 'at most 500 characters')).toBe('не более 500 знаков');
    expect(translateMessage(translator('es'), 'choose one of: Yes, No')).toBe('elija una de las respuestas propuestas');
    expect(formatDateIn('ar', '2027-01-28')).toBe('28 يناير 2027');
    expect(formatDateIn('zh', '2027-01-28')).toBe('2027年1月28日');
    expect(direction('ar')).toBe('rtl');
    expect(direction('zh')).toBe('ltr');
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  CATALOGUES,
  LANGUAGES,
  TRANSLATED_LANGUAGES,
  TRANSLATIONS,
  buildCatalogues,
  direction,
  en,
  fingerprint,
  formatDateIn,
  i18nFor,
  messageIdOf,
  missingTranslations,
  questionnaireTranslator,
  reviewQuestionnaireTranslations,
  reviewTranslations,
  translateMessage,
  translator,
} from '../../domain/i18n';
import type { MessageId } from '../../domain/i18n';
import { IGO_NGO_QUESTIONNAIRE } from '../../domain/igo-ngo-questionnaire';
import { SYSTEM_WIDE_QUESTIONNAIRE, SYSTEM_WIDE_QUESTIONNAIRE_V2 } from '../../domain/questionnaire';
import type { Question, Questionnaire } from '../../domain/questionnaire';
import { parseQuestionnaire } from '../../domain/questionnaire-schema';

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
          expect([language, text, CATALOGUES[language][messageIdOf(text)!]]).toEqual([
            language,
            text,
            expect.any(String),
          ]);
    }
  });

  it('finds what an incomplete language lacks', () => {
    const { 'questionnaire.yes': _yes, ...partial } = CATALOGUES.fr;
    expect(missingTranslations('fr', { ...CATALOGUES, fr: partial })).toEqual(['questionnaire.yes']);
  });

  it('translates with interpolation, numbers in messages and dates, right to left for Arabic', () => {
    expect(translator('fr')('respondent.closesOn', { date: formatDateIn('fr', '2027-01-28') })).toBe(
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

describe('translations keyed by message id', () => {
  it('ships no stale translation and no id the English catalogue does not have', () => {
    for (const language of TRANSLATED_LANGUAGES)
      expect([language, reviewTranslations(language)]).toEqual([language, { missing: [], stale: [], unknown: [] }]);
  });

  it('keeps every translation when one English text is edited, and marks exactly that entry stale in five languages', () => {
    const edited = { ...en, 'respondent.closesOn': 'The survey closes on {{date}}' };
    const before = buildCatalogues();
    const after = buildCatalogues(edited);
    for (const language of TRANSLATED_LANGUAGES) {
      expect([language, after[language]]).toEqual([language, before[language]]);
      expect([language, missingTranslations(language, after)]).toEqual([language, []]);
      expect([language, reviewTranslations(language, edited)]).toEqual([
        language,
        { missing: [], stale: ['respondent.closesOn'], unknown: [] },
      ]);
    }
    // The stale translation is still what French respondents read; English readers get the new text.
    const t = i18nFor(after);
    expect(t('fr')('respondent.closesOn', { date: '28 janvier 2027' })).toBe('Clôture le 28 janvier 2027');
    expect(t('en')('respondent.closesOn', { date: '28 January 2027' })).toBe('The survey closes on 28 January 2027');
  });

  it('reports a translation that is gone as missing, and one whose id English no longer has as unknown', () => {
    const { 'mail.dear': dear, ...french } = TRANSLATIONS.fr;
    const translations = { ...TRANSLATIONS, fr: { ...french, 'mail.farewell': dear! } as typeof TRANSLATIONS.fr };
    expect(reviewTranslations('fr', en, translations)).toEqual({
      missing: ['mail.dear'],
      stale: [],
      unknown: ['mail.farewell'],
    });
  });

  it('records the fingerprint of the English each translation was made from', () => {
    expect(TRANSLATIONS.es['respondent.closesOn']).toEqual([
      expect.any(String),
      fingerprint(en['respondent.closesOn']),
    ]);
    expect(fingerprint('Closes on {{date}}')).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint('Closes on {{date}}')).not.toBe(fingerprint('Closes on {{date}}.'));
  });

  it('names only known ids in the templates (TypeScript checks the code; this checks the .eta files)', () => {
    const known = new Set<string>(Object.keys(en));
    const dirs = ['web/views', 'activities/mail/templates'];
    const used: string[] = [];
    for (const dir of dirs)
      for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.eta'))) {
        const source = readFileSync(path.join(dir, file), 'utf8');
        for (const match of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) used.push(`${file}: ${match[2]}`);
      }
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((entry) => !known.has(entry.split(': ')[1]!))).toEqual([]);
  });
});

describe("a questionnaire version's own translations", () => {
  const STAFF = 'Staff working on these activities';
  const version = (translations: unknown): Questionnaire => {
    const parsed = parseQuestionnaire({
      ...JSON.parse(JSON.stringify(SYSTEM_WIDE_QUESTIONNAIRE_V2)),
      id: 'system-wide-v3',
      questions: [
        ...SYSTEM_WIDE_QUESTIONNAIRE_V2.questions,
        { id: 'staff', type: 'number', label: STAFF, min: 0, max: 9 },
      ],
      sections: [
        ...SYSTEM_WIDE_QUESTIONNAIRE_V2.sections,
        { id: 'staffing', title: 'Staffing', questionIds: ['staff'] },
      ],
      translations,
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    return parsed.questionnaire;
  };

  it('reads a definition stored with English texts as keys, keyed by text id from then on', () => {
    const stored = version({ fr: { [STAFF]: 'Personnel affecté à ces activités', Staffing: 'Personnel' } });
    expect(stored.translations?.fr).toEqual({
      'q.staff.label': { text: 'Personnel affecté à ces activités', source: fingerprint(STAFF) },
      'section.staffing.title': { text: 'Personnel', source: fingerprint('Staffing') },
    });
    expect(questionnaireTranslator('fr', stored)(STAFF)).toBe('Personnel affecté à ces activités');
    expect(reviewQuestionnaireTranslations('fr', stored)).toEqual({ missing: [], stale: [] });
    expect(reviewQuestionnaireTranslations('es', stored)).toEqual({
      missing: ['q.staff.label', 'section.staffing.title'],
      stale: [],
    });
  });

  it('keeps a translation when a later version rewords its English, and marks it stale', () => {
    const v3 = version({ fr: { 'q.staff.label': 'Personnel affecté à ces activités', Staffing: 'Personnel' } });
    // v4 is v3 exported (translations with their fingerprints) with the label reworded.
    const exported = JSON.parse(JSON.stringify(v3)) as Questionnaire;
    const reworded = parseQuestionnaire({
      ...exported,
      id: 'system-wide-v4',
      questions: exported.questions.map((q) => (q.id === 'staff' ? { ...q, label: 'Staff on these activities' } : q)),
    });
    if (!reworded.ok) throw new Error(JSON.stringify(reworded.problems));
    expect(questionnaireTranslator('fr', reworded.questionnaire)('Staff on these activities')).toBe(
      'Personnel affecté à ces activités',
    );
    expect(reviewQuestionnaireTranslations('fr', reworded.questionnaire)).toEqual({
      missing: [],
      stale: ['q.staff.label'],
    });
  });

  it('refuses a translation without its text or with a malformed fingerprint', () => {
    const parsed = parseQuestionnaire({
      ...JSON.parse(JSON.stringify(SYSTEM_WIDE_QUESTIONNAIRE)),
      translations: { fr: { title: { text: 'Enquête', source: 'not-hex' }, intro: '' } },
    });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['translations.fr.title.source', 'translations.fr.intro']),
    );
  });

  it('translates the shipped questionnaires through the shared catalogue, by message id', () => {
    const t = questionnaireTranslator('fr', SYSTEM_WIDE_QUESTIONNAIRE);
    expect(t('Yes')).toBe(CATALOGUES.fr['questionnaire.yes' satisfies MessageId]);
    expect(t(en['respondent.attachedFile'])).toBe('fichier joint');
  });
});

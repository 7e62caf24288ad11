/**
 * Respondent-facing text in the six official languages (i18next, with the English text as the key). Respondents get
 * their contact's language and can switch; Arabic is written right to left. Dates are written the way each
 * language writes them.
 */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { ar } from './ar';
import type { Catalogue } from './catalogue';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { IGO_NGO_SOURCE, IGO_NGO_TRANSLATIONS } from './igo-ngo-survey';
import { SOURCE_STRINGS } from './source';
import { zh } from './zh';

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_NAMES: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** Every string respondents may see: the pages, both questionnaires, the e-mails. */
export const ALL_SOURCE_STRINGS: readonly string[] = [...SOURCE_STRINGS, ...IGO_NGO_SOURCE];
const english: Catalogue = Object.fromEntries(ALL_SOURCE_STRINGS.map((s) => [s, s]));
const withIgoNgo = (language: keyof typeof IGO_NGO_TRANSLATIONS, catalogue: Catalogue): Catalogue => ({
  ...catalogue,
  ...IGO_NGO_TRANSLATIONS[language],
});
export const CATALOGUES: Record<Language, Catalogue> = {
  ar: withIgoNgo('ar', ar),
  zh: withIgoNgo('zh', zh),
  en: english,
  fr: withIgoNgo('fr', fr),
  ru: withIgoNgo('ru', ru),
  es: withIgoNgo('es', es),
};

const LOCALES: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: CATALOGUES[l] }])),
  lng: 'en',
  fallbackLng: 'en',
  keySeparator: false,
  nsSeparator: false,
  // Templates escape what they print; escaping here as well would show entities.
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function languageOr(value: unknown, fallback: Language = 'en'): Language {
  return isLanguage(value) ? value : fallback;
}

export function translator(language: Language): TFunction {
  return instance.getFixedT(language);
}

export function direction(language: Language): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function formatDateIn(language: Language, date: Date | string): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(typeof date === 'string' ? new Date(date) : date);
}

export { translateMessage } from './messages';

/**
 * The source strings a language lacks. A cycle cannot launch while a language its contacts need is incomplete.
 * `catalogues` is a parameter so the check itself can be tested with an incomplete one.
 */
export function missingTranslations(
  language: Language,
  catalogues: Record<Language, Catalogue> = CATALOGUES,
): string[] {
  const catalogue = catalogues[language];
  return ALL_SOURCE_STRINGS.filter((s) => !catalogue[s]);
}

/** What a questionnaire may add to the catalogues: its own texts by language (see Questionnaire.translations). */
export interface OwnTranslations {
  translations?: Partial<Record<string, Record<string, string>>>;
}

/**
 * Translates a questionnaire's texts: a version's own translations first (texts a later version added), then the
 * shared catalogue, then English.
 */
export function questionnaireTranslator(language: Language, questionnaire: OwnTranslations): TFunction {
  const t = translator(language);
  const own = questionnaire.translations?.[language];
  if (!own) return t;
  return ((key: string | string[], options?: object) =>
    typeof key === 'string' && own[key] !== undefined ? own[key] : t(key, options as never)) as TFunction;
}

/** The texts of a questionnaire that have no translation into `language` (in the catalogue or the version itself). */
export function missingQuestionnaireTranslations(
  language: Language,
  texts: readonly string[],
  questionnaire: OwnTranslations,
): string[] {
  if (language === 'en') return [];
  const own = questionnaire.translations?.[language] ?? {};
  return texts.filter((text) => !CATALOGUES[language][text] && !own[text]);
}

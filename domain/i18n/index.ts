/**
 * Respondent-facing text in the six official languages (i18next), by message id. English (./en.ts) is the source
 * catalogue; the other five translate its ids, each translation recording the fingerprint of the English it was
 * translated from. Respondents get their contact's language and can switch; Arabic is written right to left. Dates
 * are written the way each language writes them.
 */
import i18next from 'i18next';
import { ar } from './ar';
import type { Catalogue, MessageId, Translation, Translations } from './catalogue';
import { en } from './en';
import { es } from './es';
import { fingerprint } from './fingerprint';
import { fr } from './fr';
import { LANGUAGES } from './languages';
import type { Language } from './languages';
import { messageIdOf } from './messages';
import type { Translate } from './messages';
import { questionnaireTextEntries } from './questionnaire-texts';
import { ru } from './ru';
import { zh } from './zh';
import type { Questionnaire } from '../questionnaire';

export type { Catalogue, MessageId, Translation, Translations } from './catalogue';
export type { Translate } from './messages';
export { en } from './en';
export { fingerprint } from './fingerprint';
export { LANGUAGES } from './languages';
export type { Language } from './languages';

/** The languages translated from English. */
export type TranslatedLanguage = Exclude<Language, 'en'>;
export const TRANSLATED_LANGUAGES = LANGUAGES.filter((l): l is TranslatedLanguage => l !== 'en');

export const LANGUAGE_NAMES: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/** The translations of the English catalogue, as the translators keep them. */
export const TRANSLATIONS: Record<TranslatedLanguage, Translations> = { ar, zh, fr, ru, es };

/** The six catalogues of the same shape, English one of them: the text of each message id in each language. */
export function buildCatalogues(
  english: Readonly<Record<MessageId, string>> = en,
  translations: Record<TranslatedLanguage, Translations> = TRANSLATIONS,
): Record<Language, Catalogue> {
  const texts = (language: TranslatedLanguage): Catalogue =>
    Object.fromEntries(
      (Object.entries(translations[language]) as [MessageId, Translation][]).map(([id, [text]]) => [id, text]),
    );
  return { ar: texts('ar'), zh: texts('zh'), en: english, fr: texts('fr'), ru: texts('ru'), es: texts('es') };
}

export const CATALOGUES: Record<Language, Catalogue> = buildCatalogues();

const LOCALES: Record<Language, string> = {
  ar: 'ar-u-nu-latn',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

/** An i18next instance over some catalogues (the product's, or an edited copy in a test). */
export function i18nFor(catalogues: Record<Language, Catalogue>) {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: catalogues[l] }])),
    lng: 'en',
    // A message a language lacks is shown in English (the launch check keeps respondents from meeting one).
    fallbackLng: 'en',
    // Message ids hold dots ("respondent.closesOn"): they are flat keys, not paths into nested objects.
    keySeparator: false,
    nsSeparator: false,
    // Templates escape what they print; escaping here as well would show entities.
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return (language: Language): Translate => {
    const t = instance.getFixedT(language);
    return (id, values) => t(id, values ?? {});
  };
}

const translators = i18nFor(CATALOGUES);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function languageOr(value: unknown, fallback: Language = 'en'): Language {
  return isLanguage(value) ? value : fallback;
}

export function translator(language: Language): Translate {
  return translators(language);
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

export { BROWSER_MESSAGE_IDS, messageIdOf, translateMessage } from './messages';

/**
 * The message ids a language lacks. A cycle cannot launch while a language its contacts need lacks one.
 * `catalogues` is a parameter so the check itself can be tested with an incomplete one.
 */
export function missingTranslations(
  language: Language,
  catalogues: Record<Language, Catalogue> = CATALOGUES,
): MessageId[] {
  const catalogue = catalogues[language];
  return (Object.keys(catalogues.en) as MessageId[]).filter((id) => !catalogue[id]);
}

/** What a language's translations need: ids with no translation, and ids whose English changed since translation. */
export interface TranslationReview {
  missing: MessageId[];
  /** Still shown (an earlier translation is better than none), but to be reviewed against the current English. */
  stale: MessageId[];
  /** Ids a translation file holds that the English catalogue no longer has. */
  unknown: string[];
}

export function reviewTranslations(
  language: TranslatedLanguage,
  english: Readonly<Record<MessageId, string>> = en,
  translations: Record<TranslatedLanguage, Translations> = TRANSLATIONS,
): TranslationReview {
  const own = translations[language] as Readonly<Record<string, Translation | undefined>>;
  const ids = Object.keys(english) as MessageId[];
  return {
    missing: ids.filter((id) => !own[id]?.[0]),
    stale: ids.filter((id) => own[id]?.[0] && own[id][1] !== fingerprint(english[id])),
    unknown: Object.keys(own).filter((id) => !(id in english)),
  };
}

/**
 * The translations each language has of each English fingerprint: how a stored questionnaire version whose English
 * has since been reworded in the catalogue still finds the translation made from exactly its text.
 */
const BY_SOURCE = Object.fromEntries(
  TRANSLATED_LANGUAGES.map((language) => [
    language,
    new Map(Object.values(TRANSLATIONS[language]).map(([text, source]) => [source, text])),
  ]),
) as Record<TranslatedLanguage, Map<string, string>>;

/** The catalogue's translation of a questionnaire text: by the id whose English it is, else by its fingerprint. */
function sharedTranslation(language: TranslatedLanguage, text: string): string | undefined {
  const id = messageIdOf(text);
  return (id && CATALOGUES[language][id]) || BY_SOURCE[language].get(fingerprint(text));
}

/** What a questionnaire may add to the catalogues: its own translations, by language and text id. */
export interface OwnTranslations {
  translations?: Questionnaire['translations'];
}

/** How a questionnaire text reads in a language, and whether that translation needs review. */
function resolveText(
  language: TranslatedLanguage,
  questionnaire: OwnTranslations,
  entry: { id: string; text: string },
): { text: string; stale: boolean } | undefined {
  const own = questionnaire.translations?.[language]?.[entry.id];
  if (own) return { text: own.text, stale: own.source !== fingerprint(entry.text) };
  const shared = sharedTranslation(language, entry.text);
  return shared === undefined ? undefined : { text: shared, stale: false };
}

/**
 * Translates a questionnaire's texts, given as the definition writes them (English): the version's own translation
 * of the text id first (a stale one included), then the shared catalogue, then English. Other texts the answers show
 * (a message of the catalogue, in English) are translated through the catalogue.
 */
export function questionnaireTranslator(language: Language, questionnaire: Questionnaire): (text: string) => string {
  if (language === 'en') return (text) => text;
  const byText = new Map<string, string>();
  for (const entry of questionnaireTextEntries(questionnaire)) {
    const resolved = resolveText(language, questionnaire, entry);
    if (resolved && !byText.has(entry.text)) byText.set(entry.text, resolved.text);
  }
  return (text) => byText.get(text) ?? sharedTranslation(language, text) ?? text;
}

/** The text ids of a questionnaire with no translation into `language`, and those whose translation needs review. */
export function reviewQuestionnaireTranslations(
  language: Language,
  questionnaire: Questionnaire,
): { missing: string[]; stale: string[] } {
  if (language === 'en') return { missing: [], stale: [] };
  const missing: string[] = [];
  const stale: string[] = [];
  for (const entry of questionnaireTextEntries(questionnaire)) {
    const resolved = resolveText(language, questionnaire, entry);
    if (!resolved) missing.push(entry.id);
    else if (resolved.stale) stale.push(entry.id);
  }
  return { missing, stale };
}

/**
 * The covering note verbale of a dispatch, in the working language of the receiving mission (one of the six official
 * languages; English when the mission's language is not one of them). The report itself stays in its original.
 */
import { isLanguage } from '../../domain/i18n';
import type { Language } from '../../domain/i18n';
import { ordinalWords } from '../../domain/symbols';
import { renderMail } from './render';

interface Localisation {
  locale: string;
  session(n: number): string;
  subject(symbol: string): string;
}

/** A note verbale is written in any of the six official languages (domain/i18n keeps the list). */
const LOCALISATIONS: Record<Language, Localisation> = {
  en: {
    locale: 'en-GB',
    session: (n) => `${ordinalWords(n)} session`,
    subject: (s) => `${s}: report of the Secretary-General for the Commission on Crime Prevention and Criminal Justice`,
  },
  fr: {
    locale: 'fr-FR',
    session: (n) => `${n === 1 ? '1re' : `${n}e`} session`,
    subject: (s) =>
      `${s} : rapport du Secrétaire général pour la Commission pour la prévention du crime et la justice pénale`,
  },
  es: {
    locale: 'es-ES',
    session: (n) => `${n}º período de sesiones`,
    subject: (s) => `${s}: informe del Secretario General para la Comisión de Prevención del Delito y Justicia Penal`,
  },
  ru: {
    locale: 'ru-RU',
    session: (n) => `${n}-й сессии`,
    subject: (s) =>
      `${s}: доклад Генерального секретаря для Комиссии по предупреждению преступности и уголовному правосудию`,
  },
  ar: {
    locale: 'ar-u-nu-latn',
    session: (n) => `دورتها ${n}`,
    subject: (s) => `${s}: تقرير الأمين العام إلى لجنة منع الجريمة والعدالة الجنائية`,
  },
  zh: {
    locale: 'zh-CN',
    session: (n) => `第${n}届会议`,
    subject: (s) => `${s}：秘书长提交预防犯罪和刑事司法委员会的报告`,
  },
};

export function noteVerbaleLanguage(language: string): Language {
  return isLanguage(language) ? language : 'en';
}

export interface NoteVerbaleInput {
  language: string;
  governmentName: string;
  /** "(the Government) of <name>" per language; a language without its form is not used. */
  governmentOf?: Partial<Record<string, string>>;
  focalPointName: string;
  symbol: string;
  title: string;
  sessionNumber: number;
  openingDate: Date;
}

export function renderNoteVerbale(input: NoteVerbaleInput): {
  subject: string;
  html: string;
  text: string;
  language: Language;
} {
  const wanted = noteVerbaleLanguage(input.language);
  // Without the Government's name in the mission's language the note is written in English, never half-translated.
  const language = wanted === 'en' || input.governmentOf?.[wanted] ? wanted : 'en';
  const governmentOf = input.governmentOf?.[language] ?? `of ${input.governmentName}`;
  const l10n = LOCALISATIONS[language];
  const openingDate = new Intl.DateTimeFormat(l10n.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(input.openingDate);
  const body = renderMail(`note-verbale/${language}`, {
    governmentOf,
    focalPointName: input.focalPointName,
    symbol: input.symbol,
    title: input.title,
    sessionTitle: l10n.session(input.sessionNumber),
    openingDate,
  });
  return { subject: l10n.subject(input.symbol), ...body, language };
}

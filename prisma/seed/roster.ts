/**
 * The demo roster: bodies of the United Nations system and institutes named in ECOSOC resolution 1992/22, a few
 * intergovernmental and non-governmental organizations by region, and Member States with focal points. Every address
 * is on a reserved example domain (RFC 2606).
 */
import type { OrganisationType, Region } from '@prisma/client';
import type { Language } from '../../domain/i18n';

export interface SeedOrganisation {
  code: string;
  name: string;
  type: OrganisationType;
  region: Region;
  contacts: { name: string; email: string; role: 'PRIMARY' | 'ALTERNATE'; language: string }[];
}

function org(
  code: string,
  name: string,
  type: OrganisationType,
  region: Region,
  language = 'en',
  alternate = true,
): SeedOrganisation {
  const domain = `${code.toLowerCase()}.example.org`;
  return {
    code,
    name,
    type,
    region,
    contacts: [
      { name: `Focal point, ${code}`, email: `focal.point@${domain}`, role: 'PRIMARY', language },
      ...(alternate
        ? [{ name: `Alternate, ${code}`, email: `alternate@${domain}`, role: 'ALTERNATE' as const, language }]
        : []),
    ],
  };
}

export const ORGANISATIONS: SeedOrganisation[] = [
  org('UNICRI', 'United Nations Interregional Crime and Justice Research Institute', 'INSTITUTE', 'GLOBAL'),
  org(
    'UNAFEI',
    'United Nations Asia and Far East Institute for the Prevention of Crime and the Treatment of Offenders',
    'INSTITUTE',
    'ASIA_PACIFIC',
  ),
  org(
    'UNAFRI',
    'United Nations African Institute for the Prevention of Crime and the Treatment of Offenders',
    'INSTITUTE',
    'AFRICA',
  ),
  org(
    'ILANUD',
    'United Nations Latin American Institute for the Prevention of Crime and the Treatment of Offenders',
    'INSTITUTE',
    'AMERICAS',
    'es',
  ),
  org(
    'HEUNI',
    'European Institute for Crime Prevention and Control, affiliated with the United Nations',
    'INSTITUTE',
    'EUROPE',
  ),
  org('ASSTC', 'Arab Security Studies and Training Centre', 'INSTITUTE', 'WESTERN_ASIA', 'ar'),
  org('CHR', 'Centre for Human Rights', 'UN_ENTITY', 'GLOBAL', 'en', false),
  org('UNDP', 'United Nations Development Programme', 'UN_ENTITY', 'GLOBAL'),
  org('CND-SEC', 'Secretariat of the Commission on Narcotic Drugs', 'UN_ENTITY', 'GLOBAL'),
  org('UNICEF', "United Nations Children's Fund", 'UN_ENTITY', 'GLOBAL'),
  org(
    'UNESCO',
    'United Nations Educational, Scientific and Cultural Organization',
    'SPECIALIZED_AGENCY',
    'GLOBAL',
    'fr',
  ),
  org('WHO', 'World Health Organization', 'SPECIALIZED_AGENCY', 'GLOBAL'),
  org('ILO', 'International Labour Organization', 'SPECIALIZED_AGENCY', 'GLOBAL'),
  org('INTERPOL', 'International Criminal Police Organization', 'IGO', 'GLOBAL'),
  org('COE', 'Council of Europe', 'IGO', 'EUROPE', 'fr'),
  org('OAS', 'Organization of American States', 'IGO', 'AMERICAS', 'es'),
  org('LAS', 'League of Arab States', 'IGO', 'WESTERN_ASIA', 'ar'),
  org('ISPAC', 'International Scientific and Professional Advisory Council', 'NGO', 'EUROPE'),
  org('PRI', 'Penal Reform International', 'NGO', 'EUROPE'),
  org('ASC', 'Asian Crime Prevention Foundation', 'NGO', 'ASIA_PACIFIC'),
  org('AFJN', 'African Justice Network', 'NGO', 'AFRICA', 'fr'),
];

export interface SeedGovernment {
  iso3: string;
  name: string;
  language: string;
  /** "(the Government) of <name>" in each official language, as UN notes verbales write it. */
  governmentOf: Record<Language, string>;
}

/** A selection of Member States; focal point addresses are derived on example.org. */
export const GOVERNMENTS: SeedGovernment[] = [
  {
    iso3: 'ARG',
    name: 'Argentina',
    language: 'es',
    governmentOf: {
      en: 'of Argentina',
      fr: "de l'Argentine",
      es: 'de la Argentina',
      ru: 'Аргентины',
      ar: 'الأرجنتين',
      zh: '阿根廷',
    },
  },
  {
    iso3: 'AUT',
    name: 'Austria',
    language: 'en',
    governmentOf: {
      en: 'of Austria',
      fr: "de l'Autriche",
      es: 'de Austria',
      ru: 'Австрии',
      ar: 'النمسا',
      zh: '奥地利',
    },
  },
  {
    iso3: 'BRA',
    name: 'Brazil',
    language: 'en',
    governmentOf: { en: 'of Brazil', fr: 'du Brésil', es: 'del Brasil', ru: 'Бразилии', ar: 'البرازيل', zh: '巴西' },
  },
  {
    iso3: 'CAN',
    name: 'Canada',
    language: 'en',
    governmentOf: { en: 'of Canada', fr: 'du Canada', es: 'del Canadá', ru: 'Канады', ar: 'كندا', zh: '加拿大' },
  },
  {
    iso3: 'CHN',
    name: 'China',
    language: 'zh',
    governmentOf: { en: 'of China', fr: 'de la Chine', es: 'de China', ru: 'Китая', ar: 'الصين', zh: '中国' },
  },
  {
    iso3: 'EGY',
    name: 'Egypt',
    language: 'ar',
    governmentOf: { en: 'of Egypt', fr: "de l'Égypte", es: 'de Egipto', ru: 'Египта', ar: 'مصر', zh: '埃及' },
  },
  {
    iso3: 'FRA',
    name: 'France',
    language: 'fr',
    governmentOf: { en: 'of France', fr: 'de la France', es: 'de Francia', ru: 'Франции', ar: 'فرنسا', zh: '法国' },
  },
  {
    iso3: 'IND',
    name: 'India',
    language: 'en',
    governmentOf: { en: 'of India', fr: "de l'Inde", es: 'de la India', ru: 'Индии', ar: 'الهند', zh: '印度' },
  },
  {
    iso3: 'JPN',
    name: 'Japan',
    language: 'en',
    governmentOf: { en: 'of Japan', fr: 'du Japon', es: 'del Japón', ru: 'Японии', ar: 'اليابان', zh: '日本' },
  },
  {
    iso3: 'KEN',
    name: 'Kenya',
    language: 'en',
    governmentOf: { en: 'of Kenya', fr: 'du Kenya', es: 'de Kenya', ru: 'Кении', ar: 'كينيا', zh: '肯尼亚' },
  },
  {
    iso3: 'MEX',
    name: 'Mexico',
    language: 'es',
    governmentOf: { en: 'of Mexico', fr: 'du Mexique', es: 'de México', ru: 'Мексики', ar: 'المكسيك', zh: '墨西哥' },
  },
  {
    iso3: 'NGA',
    name: 'Nigeria',
    language: 'en',
    governmentOf: {
      en: 'of Nigeria',
      fr: 'du Nigéria',
      es: 'de Nigeria',
      ru: 'Нигерии',
      ar: 'نيجيريا',
      zh: '尼日利亚',
    },
  },
  {
    iso3: 'RUS',
    name: 'Russian Federation',
    language: 'ru',
    governmentOf: {
      en: 'of the Russian Federation',
      fr: 'de la Fédération de Russie',
      es: 'de la Federación de Rusia',
      ru: 'Российской Федерации',
      ar: 'الاتحاد الروسي',
      zh: '俄罗斯联邦',
    },
  },
  {
    iso3: 'SAU',
    name: 'Saudi Arabia',
    language: 'ar',
    governmentOf: {
      en: 'of Saudi Arabia',
      fr: "de l'Arabie saoudite",
      es: 'de la Arabia Saudita',
      ru: 'Саудовской Аравии',
      ar: 'المملكة العربية السعودية',
      zh: '沙特阿拉伯',
    },
  },
  {
    iso3: 'SEN',
    name: 'Senegal',
    language: 'fr',
    governmentOf: {
      en: 'of Senegal',
      fr: 'du Sénégal',
      es: 'del Senegal',
      ru: 'Сенегала',
      ar: 'السنغال',
      zh: '塞内加尔',
    },
  },
  {
    iso3: 'ZAF',
    name: 'South Africa',
    language: 'en',
    governmentOf: {
      en: 'of South Africa',
      fr: "de l'Afrique du Sud",
      es: 'de Sudáfrica',
      ru: 'Южной Африки',
      ar: 'جنوب أفريقيا',
      zh: '南非',
    },
  },
];

export const DEMO_USERS = [
  {
    email: 'coordinator@example.org',
    name: 'Demo Coordinator',
    role: 'COORDINATOR' as const,
    password: 'coordinator-demo',
  },
  { email: 'manager@example.org', name: 'Demo Manager', role: 'MANAGER' as const, password: 'manager-demo' },
];

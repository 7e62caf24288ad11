/**
 * The demo roster: bodies of the United Nations system and institutes named in ECOSOC resolution 1992/22, a few
 * intergovernmental and non-governmental organizations by region, and Member States with focal points. Every address
 * is on a reserved example domain (RFC 2606).
 */
import type { OrganisationType, Region } from '@prisma/client';

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
}

/** A selection of Member States; focal point addresses are derived on example.org. */
export const GOVERNMENTS: SeedGovernment[] = [
  { iso3: 'ARG', name: 'Argentina', language: 'es' },
  { iso3: 'AUT', name: 'Austria', language: 'en' },
  { iso3: 'BRA', name: 'Brazil', language: 'en' },
  { iso3: 'CAN', name: 'Canada', language: 'en' },
  { iso3: 'CHN', name: 'China', language: 'zh' },
  { iso3: 'EGY', name: 'Egypt', language: 'ar' },
  { iso3: 'FRA', name: 'France', language: 'fr' },
  { iso3: 'IND', name: 'India', language: 'en' },
  { iso3: 'JPN', name: 'Japan', language: 'en' },
  { iso3: 'KEN', name: 'Kenya', language: 'en' },
  { iso3: 'MEX', name: 'Mexico', language: 'es' },
  { iso3: 'NGA', name: 'Nigeria', language: 'en' },
  { iso3: 'RUS', name: 'Russian Federation', language: 'ru' },
  { iso3: 'SAU', name: 'Saudi Arabia', language: 'ar' },
  { iso3: 'SEN', name: 'Senegal', language: 'fr' },
  { iso3: 'ZAF', name: 'South Africa', language: 'en' },
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

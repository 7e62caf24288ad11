/** The questionnaire of each survey of IV 10: (a) the United Nations system, (b) IGOs and NGOs. */
import { IGO_NGO_QUESTIONNAIRE } from './igo-ngo-questionnaire';
import { SYSTEM_WIDE_QUESTIONNAIRE, SYSTEM_WIDE_QUESTIONNAIRE_V2 } from './questionnaire';
import type { Questionnaire } from './questionnaire';

export type SurveyKind = 'SYSTEM_WIDE' | 'IGO_NGO';

const BY_KIND: Record<SurveyKind, Questionnaire> = {
  SYSTEM_WIDE: SYSTEM_WIDE_QUESTIONNAIRE,
  IGO_NGO: IGO_NGO_QUESTIONNAIRE,
};

/** The first version of each survey: what cycles launched before versions were stored ask. */
export function questionnaireFor(kind: SurveyKind): Questionnaire {
  return BY_KIND[kind];
}

/** Every version that ships with the product, oldest first; the seed stores them all. */
export const SHIPPED_QUESTIONNAIRES: Record<SurveyKind, Questionnaire[]> = {
  SYSTEM_WIDE: [SYSTEM_WIDE_QUESTIONNAIRE, SYSTEM_WIDE_QUESTIONNAIRE_V2],
  IGO_NGO: [IGO_NGO_QUESTIONNAIRE],
};

/**
 * The organisation types each survey asks: the UN-system entities, specialized agencies and institutes (IV 10 (a)),
 * the intergovernmental and non-governmental organizations (IV 10 (b)).
 */
export const SURVEYED_TYPES = {
  SYSTEM_WIDE: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE'],
  IGO_NGO: ['IGO', 'NGO'],
} as const satisfies Record<SurveyKind, readonly string[]>;

export const SURVEY_NAMES: Record<SurveyKind, string> = {
  SYSTEM_WIDE: 'System-wide survey (IV 10 (a))',
  IGO_NGO: 'Survey of IGOs and NGOs (IV 10 (b))',
};

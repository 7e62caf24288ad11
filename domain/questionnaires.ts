/** The questionnaire of each survey of IV 10: (a) the United Nations system, (b) IGOs and NGOs. */
import { IGO_NGO_QUESTIONNAIRE } from './igo-ngo-questionnaire';
import { SYSTEM_WIDE_QUESTIONNAIRE } from './questionnaire';
import type { Questionnaire } from './questionnaire';

export type SurveyKind = 'SYSTEM_WIDE' | 'IGO_NGO';

const BY_KIND: Record<SurveyKind, Questionnaire> = {
  SYSTEM_WIDE: SYSTEM_WIDE_QUESTIONNAIRE,
  IGO_NGO: IGO_NGO_QUESTIONNAIRE,
};

export function questionnaireFor(kind: SurveyKind): Questionnaire {
  return BY_KIND[kind];
}

export const SURVEY_NAMES: Record<SurveyKind, string> = {
  SYSTEM_WIDE: 'System-wide survey (IV 10 (a))',
  IGO_NGO: 'Survey of IGOs and NGOs (IV 10 (b))',
};

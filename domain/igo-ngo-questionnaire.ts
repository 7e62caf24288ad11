/**
 * The survey of activities on the priority themes of VI 1 carried out by intergovernmental and non-governmental
 * organizations, including activities at the regional level (ECOSOC 1992/22 IV 10 (b)): one row per activity.
 */
import { CURRENCY_CODES } from './currencies';
import { PRIORITY_THEMES } from './priority-themes';
import type { Questionnaire } from './questionnaire';
import { REGIONS, REGION_LABELS } from './report-analysis';

export const IGO_NGO_QUESTIONNAIRE: Questionnaire = {
  id: 'igo-ngo-v1',
  title: 'Survey of activities of intergovernmental and non-governmental organizations on the priority themes',
  intro:
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.',
  questions: [
    {
      id: 'activitiesCarriedOut',
      type: 'single-choice',
      label: 'Did your organization carry out activities on the priority themes in the reporting period?',
      options: [
        { code: 'yes', label: 'Yes' },
        { code: 'no', label: 'No' },
      ],
      required: true,
    },
    {
      id: 'activities',
      type: 'table',
      label: 'Activities in the reporting period (one row per activity)',
      maxRows: 50,
      blankRows: 3,
      columns: [
        { id: 'title', type: 'text', label: 'Activity', maxLength: 300, required: true },
        {
          id: 'theme',
          type: 'single-choice',
          label: 'Priority theme',
          required: true,
          options: PRIORITY_THEMES.map((t) => ({ code: t.code, label: t.reference })),
        },
        {
          id: 'region',
          type: 'single-choice',
          label: 'Region',
          required: true,
          options: REGIONS.map((r) => ({ code: r, label: REGION_LABELS[r] })),
        },
        { id: 'partners', type: 'text', label: 'Partners', maxLength: 300 },
        { id: 'budget', type: 'money', label: 'Budget', currencies: CURRENCY_CODES, max: 10_000_000_000 },
        { id: 'start', type: 'date', label: 'From' },
        { id: 'end', type: 'date', label: 'To' },
      ],
    },
    {
      id: 'regionalNetworks',
      type: 'multiple-choice',
      label: 'Regions where your organization works through regional networks or offices',
      options: REGIONS.filter((r) => r !== 'GLOBAL').map((r) => ({ code: r, label: REGION_LABELS[r] })),
    },
  ],
  sections: [
    { id: 'general', title: 'General questions', questionIds: ['activitiesCarriedOut', 'regionalNetworks'] },
    {
      id: 'activities',
      title: 'Activities in the reporting period (one row per activity)',
      questionIds: ['activities'],
    },
  ],
  submitRules: ['activity-listed-when-active'],
};

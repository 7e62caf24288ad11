/** The priority themes of ECOSOC resolution 1992/22, section VI, paragraph 1. */
export const PRIORITY_THEMES = [
  {
    code: 'a',
    reference: 'VI 1 (a)',
    title:
      'National and transnational crime, organized crime, economic crime, including money laundering, and the role of criminal law in the protection of the environment',
    shortTitle: 'National, transnational, organized and economic crime',
  },
  {
    code: 'b',
    reference: 'VI 1 (b)',
    title: 'Crime prevention in urban areas, juvenile and violent criminality',
    shortTitle: 'Urban crime prevention, juvenile and violent criminality',
  },
  {
    code: 'c',
    reference: 'VI 1 (c)',
    title:
      'Efficiency, fairness and improvement in the management and administration of criminal justice and related systems',
    shortTitle: 'Management and administration of criminal justice',
  },
] as const;

export type ThemeCode = (typeof PRIORITY_THEMES)[number]['code'];

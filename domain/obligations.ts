/**
 * The reporting obligations that ECOSOC resolution 1992/22 places on the Secretariat before each session. They are
 * seeded into the database (prisma/seed.ts) and read from there, so a new mandate is a new row, not new code.
 */
import type { AgendaItemKey } from './agenda';
import type { DueRuleKey } from './due-rules';
import { DEFAULT_LADDER } from './escalation';
import type { LadderStep } from './escalation';

export const OBLIGATION_CODES = ['IV-10-c', 'IV-2', 'VI-3-b', 'VII-4'] as const;
export type ObligationCode = (typeof OBLIGATION_CODES)[number];

export interface ObligationDefinition {
  code: ObligationCode;
  /** The paragraph of the resolution that creates it. */
  mandate: string;
  title: string;
  /** The kind of document that discharges it. */
  documentType: string;
  agendaItem: AgendaItemKey;
  dueRules: DueRuleKey[];
  /** The unit answerable for it; its escalations go to the coordinators first. */
  ownerUnit: string;
  ladder: readonly LadderStep[];
  /**
   * Who watches the deadline. The analysis report is watched by the session's preparation workflow, which knows
   * which step is late (survey, compilation, approval, dispatch); the others by an obligation deadline workflow.
   */
  watchedBy: 'session-preparation' | 'obligation-deadline';
}

export const RESOLUTION_1992_22_OBLIGATIONS: ObligationDefinition[] = [
  {
    code: 'IV-10-c',
    mandate: 'ECOSOC 1992/22 IV 10 (c) and IV 11',
    title: 'Analysis report on the priority themes, with options and their budget implications',
    documentType: 'Report of the Secretary-General',
    agendaItem: 'priority-themes',
    dueRules: ['sixty-day', 'six-week'],
    ownerUnit: 'Crime Prevention and Criminal Justice Branch',
    ladder: DEFAULT_LADDER,
    watchedBy: 'session-preparation',
  },
  {
    code: 'IV-2',
    mandate: 'ECOSOC 1992/22 IV 2',
    title:
      'Statements of the institutes of the programme network outlining their programmes of work and their implementation',
    documentType: 'Note by the Secretary-General transmitting the statements of the institutes',
    agendaItem: 'technical-assistance',
    dueRules: ['ten-week', 'six-week'],
    ownerUnit: 'Crime Prevention and Criminal Justice Branch (institutes liaison)',
    ladder: DEFAULT_LADDER,
    watchedBy: 'obligation-deadline',
  },
  {
    code: 'VI-3-b',
    mandate: 'ECOSOC 1992/22 VI 3 (b)',
    title:
      'Narrative and statistical report on special operational activities and advisory services, with a statement of expenditure',
    documentType: 'Report of the Secretary-General',
    agendaItem: 'technical-assistance',
    dueRules: ['ten-week', 'six-week'],
    ownerUnit: 'Operational Activities Section',
    ladder: DEFAULT_LADDER,
    watchedBy: 'obligation-deadline',
  },
  {
    code: 'VII-4',
    mandate: 'ECOSOC 1992/22 VII 4',
    title: 'Progress report on the implementation of resolution 1992/22, to the Council through the Commission',
    documentType: 'Report of the Secretary-General',
    agendaItem: 'standards-and-norms',
    dueRules: ['ten-week', 'six-week'],
    ownerUnit: 'Crime Prevention and Criminal Justice Branch',
    ladder: DEFAULT_LADDER,
    watchedBy: 'obligation-deadline',
  },
];

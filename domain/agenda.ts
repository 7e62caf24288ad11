/**
 * The provisional agenda of a session. From the second session on it carries the two standing items that ECOSOC
 * resolution 1992/22 requires: technical assistance (VII 2) and United Nations standards and norms (VII 3).
 */
export type AgendaItemKey =
  | 'election-of-officers'
  | 'adoption-of-agenda'
  | 'priority-themes'
  | 'technical-assistance'
  | 'standards-and-norms'
  | 'next-session-agenda'
  | 'adoption-of-report';

export interface AgendaItem {
  number: number;
  key: AgendaItemKey;
  title: string;
  /** The paragraph of the resolution that puts the item on the agenda, if any. */
  mandate?: string;
}

const ITEMS: { key: AgendaItemKey; title: string; mandate?: string; fromSession?: number }[] = [
  { key: 'election-of-officers', title: 'Election of officers' },
  { key: 'adoption-of-agenda', title: 'Adoption of the agenda and other organizational matters' },
  {
    key: 'priority-themes',
    title:
      'Programme of work on the priority themes of the United Nations crime prevention and criminal justice programme',
    mandate: 'ECOSOC 1992/22 IV 10 (c)',
  },
  {
    key: 'technical-assistance',
    title:
      'Technical assistance: the most practical course of action to render the programme fully operational and responsive to the specific needs of Governments',
    mandate: 'ECOSOC 1992/22 VII 2 (standing item)',
    fromSession: 2,
  },
  {
    key: 'standards-and-norms',
    title:
      'Existing United Nations standards and norms in the field of crime prevention and criminal justice, and their use and application',
    mandate: 'ECOSOC 1992/22 VII 3 (standing item)',
    fromSession: 2,
  },
  { key: 'next-session-agenda', title: 'Provisional agenda for the next session of the Commission' },
  { key: 'adoption-of-report', title: 'Adoption of the report of the Commission on its session' },
];

export function provisionalAgenda(sessionNumber: number): AgendaItem[] {
  return ITEMS.filter((item) => sessionNumber >= (item.fromSession ?? 1)).map((item, index) => ({
    number: index + 1,
    key: item.key,
    title: item.title,
    mandate: item.mandate,
  }));
}

export function agendaItem(sessionNumber: number, key: AgendaItemKey): AgendaItem {
  const item = provisionalAgenda(sessionNumber).find((i) => i.key === key);
  if (!item) throw new RangeError(`Session ${sessionNumber} has no agenda item "${key}"`);
  return item;
}

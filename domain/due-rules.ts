/**
 * The named rules that set when a document is due before a session. Several rules can bind one document; the
 * strictest (earliest) applies and is cited, and the others are kept so people can see why they did not decide.
 */
import { openingInstant } from './deadlines';

const DAY_MS = 24 * 60 * 60 * 1000;

export const DUE_RULE_KEYS = ['sixty-day', 'ten-week', 'six-week'] as const;
export type DueRuleKey = (typeof DUE_RULE_KEYS)[number];

export interface DueRule {
  key: DueRuleKey;
  name: string;
  citation: string;
  daysBefore: number;
}

export const DUE_RULES: Record<DueRuleKey, DueRule> = {
  'sixty-day': {
    key: 'sixty-day',
    name: 'Sixty-day rule',
    citation:
      'ECOSOC resolution 1992/22, section IV, paragraph 11: provided to Governments sixty days before the session',
    daysBefore: 60,
  },
  'ten-week': {
    key: 'ten-week',
    name: 'Ten-week submission rule',
    citation:
      'General Assembly resolution 60/236 B: pre-session documents submitted for processing ten weeks before the session',
    daysBefore: 70,
  },
  'six-week': {
    key: 'six-week',
    name: 'Six-week issuance rule',
    citation:
      'General Assembly resolution 49/221 B and rule 6 (1) of the rules of procedure of the functional commissions: available in all official languages six weeks before the session',
    daysBefore: 42,
  },
};

export interface AppliedRule {
  key: DueRuleKey;
  name: string;
  citation: string;
  dueAt: string;
}

export interface DueDate extends AppliedRule {
  /** Every rule that binds the document, strictest first. */
  applied: AppliedRule[];
}

/** The due instant of a document bound by `rules` for a session opening on `openingDate` (YYYY-MM-DD). */
export function strictestDueDate(rules: readonly DueRuleKey[], openingDate: string): DueDate {
  if (rules.length === 0) throw new Error('An obligation needs at least one due rule');
  const opening = openingInstant(openingDate);
  const applied = rules
    .map((key): AppliedRule => {
      const rule = DUE_RULES[key];
      return {
        key,
        name: rule.name,
        citation: rule.citation,
        dueAt: new Date(opening - rule.daysBefore * DAY_MS).toISOString(),
      };
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { ...applied[0]!, applied };
}

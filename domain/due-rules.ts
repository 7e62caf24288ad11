/**
 * The named rules that set when a document is due before a session. Several rules can bind one document; the
 * strictest (earliest) applies and is cited, and the others are kept so people can see why they did not decide.
 */
import { countBack } from './plan-rules';
import type { CountBackRule } from './plan-rules';

export const DUE_RULE_KEYS = ['sixty-day', 'ten-week', 'six-week'] as const;
export type DueRuleKey = (typeof DUE_RULE_KEYS)[number];

export type DueRule = CountBackRule<DueRuleKey>;

export const DUE_RULES: Record<DueRuleKey, DueRule> = {
  'sixty-day': {
    key: 'sixty-day',
    name: 'Sixty-day rule',
    citation: 'ECOSOC 1992/22 IV 11: report to Governments at least 60 days before the opening of the session',
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

export function isDueRuleKey(key: string): key is DueRuleKey {
  return (DUE_RULE_KEYS as readonly string[]).includes(key);
}

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

/**
 * The due instant of a document bound by `rules` for a session opening on `openingDate` (YYYY-MM-DD). Only the
 * session's plan (services/session-plan.ts) calls this; everyone else reads the recorded dates.
 */
export function strictestDueDate(rules: readonly DueRuleKey[], openingDate: string): DueDate {
  if (rules.length === 0) throw new Error('An obligation needs at least one due rule');
  const due = countBack(
    rules.map((key) => DUE_RULES[key]),
    openingDate,
  );
  const applied = rules
    .map((key): AppliedRule => {
      const rule = DUE_RULES[key];
      return { key, name: rule.name, citation: rule.citation, dueAt: new Date(due.get(key)!).toISOString() };
    })
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { ...applied[0]!, applied };
}

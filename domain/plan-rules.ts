/**
 * The one shape of every rule in a session's plan: a named rule, with the citation people are shown, counting a number
 * of days back from the session's opening or from the date another rule set. Deadline rules (`deadlines.ts`) and due
 * rules (`due-rules.ts`) are both of this shape, so the sixty-day rule of IV 11 is written once and both use it.
 */
export const DAY_MS = 24 * 60 * 60 * 1000;

export interface CountBackRule<K extends string = string> {
  key: K;
  /** A short name, e.g. "Sixty-day rule". */
  name: string;
  /** The citation shown beside the date it sets. */
  citation: string;
  daysBefore: number;
  /** The rule whose date this one counts back from; undefined: the session's opening. */
  from?: string;
}

/** Midnight UTC at the start of the opening day: "60 days before the opening" is counted from here. */
export function openingInstant(openingDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(openingDate);
  if (!match) throw new RangeError(`Opening date must be YYYY-MM-DD, got "${openingDate}"`);
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(instant).toISOString().slice(0, 10) !== openingDate)
    throw new RangeError(`No such date: ${openingDate}`);
  return instant;
}

/**
 * The instant each rule sets for a session opening on `openingDate`. Rules are given in dependency order (a rule's
 * `from` comes before it); the result is keyed by rule key.
 */
export function countBack(rules: readonly CountBackRule[], openingDate: string): Map<string, number> {
  const opening = openingInstant(openingDate);
  const due = new Map<string, number>();
  for (const rule of rules) {
    const base = rule.from === undefined ? opening : due.get(rule.from);
    if (base === undefined) throw new Error(`Rule ${rule.key} counts from ${rule.from}, which is not yet planned`);
    due.set(rule.key, base - rule.daysBefore * DAY_MS);
  }
  return due;
}

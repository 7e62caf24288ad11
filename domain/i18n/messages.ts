/**
 * Validation messages in the page's language. No dependency on i18next, so the browser's copy of the validation
 * (web/client) translates exactly as the server does, from the same catalogue strings.
 */

import { FORM_SCRIPT, VALIDATION } from './source';

/** What both sides can translate with: i18next's `t` on the server, a lookup in a small table in the browser. */
export type Translate = (key: string, values?: Record<string, number | string>) => string;

/** Validation messages carry numbers ("at most 500 characters"): translated through their template. */
export function translateMessage(t: Translate, message: string): string {
  const limit = /^at most (\d+) (characters|rows)$/.exec(message);
  if (limit) return t(`at most {{count}} ${limit[2]}`, { count: Number(limit[1]) });
  const range = /^enter a number from (-?[\d.]+) to (-?[\d.]+)$/.exec(message);
  if (range) return t('enter a number from {{min}} to {{max}}', { min: range[1]!, max: range[2]! });
  if (message.startsWith('choose one of: ')) return t('choose one of the answers offered');
  return t(message);
}

/** The catalogue keys a page hands to the browser so it can translate validation messages itself. */
export const BROWSER_MESSAGE_KEYS: readonly string[] = [
  ...VALIDATION,
  'at most {{count}} rows',
  'list at least one activity, or answer "No" above',
  'Some answers need attention:',
  ...FORM_SCRIPT,
];

/**
 * Validation messages in the page's language. No dependency on i18next, so the browser's copy of the validation
 * (web/client) translates exactly as the server does, from the same catalogue strings.
 */

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
export const BROWSER_MESSAGE_KEYS = [
  'this question must be answered',
  'choose one of the answers offered',
  'enter the amount in digits only',
  'the attached file is not valid: attach it again',
  'enter a number in digits only',
  'enter a whole number',
  'enter a number from {{min}} to {{max}}',
  'the amount cannot be negative',
  'the amount is implausibly large',
  'choose the currency from the list',
  'choose the currency of the amount',
  'describe the activities under at least one priority theme, or answer "No" above',
  'at most {{count}} characters',
  'at most {{count}} rows',
  'list at least one activity, or answer "No" above',
  'this amount is unusually large: please check it',
  'this description is very short: please say what, where and with whom',
  'no budget is given for these activities: confirm that there is none',
  'Some answers need attention:',
  'Please check these answers before submitting:',
  'I have checked these answers and they are correct',
  'Saving…',
  'Draft saved at {{time}}',
  'Not saved: someone else changed this reply. Reload the page to see their changes.',
  'Not saved: the connection failed. Your answers are still on this page.',
  'Not saved: some answers need attention.',
] as const;

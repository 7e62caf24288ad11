/**
 * Validation and error messages in the page's language. No dependency on i18next or Node, so the browser's copy of
 * the validation (web/client) translates exactly as the server does, from the same catalogue.
 */
import { en } from './en';
import type { MessageId } from './en';

/** What both sides can translate with: i18next's `t` on the server, a lookup in a small table in the browser. */
export type Translate = (id: MessageId, values?: Record<string, number | string>) => string;

const ID_OF_ENGLISH = new Map<string, MessageId>(
  (Object.entries(en) as [MessageId, string][]).map(([id, text]) => [text, id]),
);

/**
 * The id of a message the code produces in English (a validation message of domain/questionnaire, an error a service
 * throws): those are written once, in English, and meet their translation here.
 */
export function messageIdOf(english: string): MessageId | undefined {
  return ID_OF_ENGLISH.get(english);
}

/**
 * Validation messages carry numbers ("at most 500 characters"): translated through their template. A message the
 * catalogue does not hold stays in English.
 */
export function translateMessage(t: Translate, message: string): string {
  const limit = /^at most (\d+) (characters|rows)$/.exec(message);
  if (limit)
    return t(limit[2] === 'rows' ? 'validation.maxRows' : 'validation.maxCharacters', { count: Number(limit[1]) });
  const range = /^enter a number from (-?[\d.]+) to (-?[\d.]+)$/.exec(message);
  if (range) return t('validation.numberRange', { min: range[1]!, max: range[2]! });
  if (message.startsWith('choose one of: ')) return t('validation.chooseOffered');
  const id = messageIdOf(message);
  return id ? t(id) : message;
}

/** The messages a page hands to the browser so it can translate validation messages and its own status itself. */
export const BROWSER_MESSAGE_IDS: readonly MessageId[] = (Object.keys(en) as MessageId[]).filter(
  (id) => id.startsWith('validation.') || id.startsWith('form.') || id === 'respondent.problemsHeading',
);

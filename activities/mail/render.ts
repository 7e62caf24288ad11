/** Renders e-mail bodies from the eta templates beside this file (HTML escaped by default) plus a plain-text part. */
import path from 'node:path';
import { Eta } from 'eta';
import { convert } from 'html-to-text';
import { direction, languageOr, translator } from '../../domain/i18n';

const eta = new Eta({ views: path.join(__dirname, 'templates'), autoEscape: true, cache: true });

export type MailTemplate =
  | 'invitation'
  | 'reminder'
  | 'close-moved'
  | 'extension-ended'
  | 'receipt'
  | 'reopened'
  | 'delegation'
  | 'manager-notice'
  | 'report-returned'
  | 'escalation'
  | 'obligation-escalation'
  | 'digest'
  | 'chief-digest'
  | `note-verbale/${string}`;

/**
 * Renders a template with `t` (the translator of `data.lang`, English by default), `lang` and `dir` available, so
 * respondent e-mails are written in the contact's language and staff e-mails in English.
 */
export function renderMail(template: MailTemplate, data: Record<string, unknown>): { html: string; text: string } {
  const lang = languageOr(data.lang);
  const html = eta.render(`./${template}`, { ...data, lang, dir: direction(lang), t: translator(lang) });
  return { html, text: convert(html, { wordwrap: 100 }) };
}

export function formatDate(date: Date | string): string {
  const value = typeof date === 'string' ? new Date(date) : date;
  return value.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

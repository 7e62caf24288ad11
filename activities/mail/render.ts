/** Renders e-mail bodies from the eta templates beside this file (HTML escaped by default) plus a plain-text part. */
import path from 'node:path';
import { Eta } from 'eta';
import { convert } from 'html-to-text';

const eta = new Eta({ views: path.join(__dirname, 'templates'), autoEscape: true, cache: true });

export type MailTemplate =
  | 'invitation'
  | 'reminder'
  | 'receipt'
  | 'manager-notice'
  | 'report-returned'
  | 'escalation'
  | 'obligation-escalation'
  | 'digest'
  | `note-verbale/${string}`;

export function renderMail(template: MailTemplate, data: Record<string, unknown>): { html: string; text: string } {
  const html = eta.render(`./${template}`, data);
  return { html, text: convert(html, { wordwrap: 100 }) };
}

export function formatDate(date: Date | string): string {
  const value = typeof date === 'string' ? new Date(date) : date;
  return value.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The language of a respondent's page and what every page says in it (the language switcher, whom to write to). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  LANGUAGES,
  LANGUAGE_NAMES,
  direction,
  isLanguage,
  languageOr,
  translateMessage,
  translator,
} from '../../../domain/i18n';
import type { Language } from '../../../domain/i18n';

/** Where respondents turn when a link does not work. */
const SECRETARIAT_EMAIL = 'ccpcj-secretariat@example.org';

const LANGUAGE_COOKIE = 'lang';

/** The language of the page: the one just chosen (?lang=), else the one chosen before (cookie), else the contact's. */
export function pageLanguage(request: FastifyRequest, reply: FastifyReply, contactLanguage?: string): Language {
  const chosen = (request.query as { lang?: string } | undefined)?.lang;
  if (isLanguage(chosen)) {
    // A cookie, not a database write: opening a link (GET) changes nothing on the server.
    reply.setCookie(LANGUAGE_COOKIE, chosen, { path: '/r', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
    return chosen;
  }
  return languageOr(request.cookies[LANGUAGE_COOKIE], languageOr(contactLanguage));
}

export function languageView(language: Language) {
  const t = translator(language);
  return {
    t,
    tm: (message: string) => translateMessage(t, message),
    lang: language,
    dir: direction(language),
    // Relative links: the page never repeats the token in its body.
    languages: LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code], href: `?lang=${code}` })),
    secretariatEmail: SECRETARIAT_EMAIL,
  };
}

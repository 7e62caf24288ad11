/** What every page of a personal link shows: the questionnaire in the page's language, the delegation, the dates. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FILE_KINDS } from '../../../domain/file-kinds';
import { formatDateIn, questionnaireTranslator } from '../../../domain/i18n';
import type { Language, Translate } from '../../../domain/i18n';
import { BROWSER_MESSAGE_IDS } from '../../../domain/i18n/messages';
import { sectionsOf } from '../../../domain/questionnaire';
import type { Question, Questionnaire } from '../../../domain/questionnaire';
import type { Link } from './link';
import { languageView, pageLanguage } from './language';

/** The questionnaire as the respondent reads it: the same codes, with every text in the page's language. */
function questionnaireIn(t: (text: string) => string, q: Questionnaire) {
  const translate = <Q extends Question>(question: Q): Q => ({
    ...question,
    label: t(question.label),
    help: question.help ? t(question.help) : undefined,
    ...(question.type === 'single-choice' || question.type === 'multiple-choice'
      ? { options: question.options.map((o) => ({ ...o, label: t(o.label) })) }
      : {}),
    ...(question.type === 'table' ? { columns: question.columns.map(translate) } : {}),
  });
  return {
    ...q,
    title: t(q.title),
    intro: t(q.intro),
    questions: q.questions.map(translate),
    sections: q.sections.map((section) => ({ ...section, title: t(section.title) })),
  };
}

/**
 * What the form's browser script needs: the questionnaire (codes and rules), the validation messages in the page's
 * language and where to autosave. Embedded as JSON; `<` is escaped so no answer or label can end the script element.
 */
function formConfig(t: Translate, questionnaire: Questionnaire, language: Language, base: string): string {
  const messages = Object.fromEntries(BROWSER_MESSAGE_IDS.map((id) => [id, t(id)]));
  const config = { questionnaire, messages, autosaveUrl: `${base}/form/autosave`, lang: language };
  return JSON.stringify(config).replace(/</g, '\\u003c');
}

export function pageView(request: FastifyRequest, reply: FastifyReply, { access, base }: Link) {
  const language = pageLanguage(request, reply, access.contact.language);
  const view = languageView(language);
  const questionnaire = questionnaireIn(questionnaireTranslator(language, access.questionnaire), access.questionnaire);
  const sections = sectionsOf(questionnaire, access.delegation?.sectionIds);
  return {
    ...view,
    access,
    questionnaire,
    sections,
    delegationNotice: access.delegation
      ? view.t('respondent.delegationNotice', {
          organisation: access.organisation.name,
          sections:
            access.delegation.sectionIds.length === 0
              ? view.t('respondent.wholeQuestionnaire')
              : sections.map((section) => section.title).join('; '),
          name: access.delegation.delegatedBy,
        })
      : undefined,
    formConfig: formConfig(view.t, access.questionnaire, language, base),
    fileKindLabels: Object.fromEntries(Object.entries(FILE_KINDS).map(([kind, k]) => [kind, k.label])),
    closesOn: formatDateIn(language, access.closesAt),
    submittedOn: access.response?.submittedAt ? formatDateIn(language, access.response.submittedAt) : undefined,
    base,
  };
}

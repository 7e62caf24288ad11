import { ApplicationFailure } from '@temporalio/activity';
import { FailureType } from '../domain/failure-types';
import { ANSWERED_STATUSES, isAnswered } from '../domain/reply-states';
import { displayAnswer, sectionsOf } from '../domain/questionnaire';
import type { Answers } from '../domain/questionnaire';
import { receiptReference } from '../domain/receipt';
import { formatDateIn, languageOr, questionnaireTranslator, translator } from '../domain/i18n';
import { attachmentNames } from '../services/attachments';
import { questionnaireOfCycle } from '../services/questionnaires';
import { ordinalWords } from '../domain/symbols';
import { ensureInvitation, issueAccessToken, replaceLinks } from '../services/invitations';
import { markContactBounced } from '../services/roster/contacts';
import type { DbTransaction } from '../platform/database';
import type { ActivityDeps } from './deps';
import { renderMail } from './mail/render';
import { mailKey } from '../services/mail-ledger/keys';

export type ReminderOutcome = 'sent' | 'already-submitted' | 'opted-out' | 'no-contact' | 'undeliverable';

/**
 * For messages whose failure must not stop the workflow (a reminder, a notice): a permanent bounce or an unknown
 * outcome is an answer, recorded in the ledger, not an error.
 */
export async function deliveryOutcome(sending: Promise<unknown>): Promise<'delivered' | 'undeliverable'> {
  try {
    await sending;
    return 'delivered';
  } catch (error) {
    const type = error instanceof ApplicationFailure ? error.type : undefined;
    if (type === FailureType.PermanentDeliveryFailure || type === FailureType.DeliveryOutcomeUnknown)
      return 'undeliverable';
    throw error;
  }
}

/** What each survey's e-mails say: the system-wide survey (IV 10 (a)) or the IGO/NGO survey (IV 10 (b)). */
const SURVEY_TEXTS = {
  SYSTEM_WIDE: {
    subject: 'mail.invitation.subject',
    intro: 'mail.invitation.intro',
    reminder: 'mail.reminder.body',
    receipt: 'mail.receipt.body',
  },
  IGO_NGO: {
    subject: 'mail.invitation.igoNgo.subject',
    intro: 'mail.invitation.igoNgo.intro',
    reminder: 'mail.reminder.igoNgo.body',
    receipt: 'mail.receipt.igoNgo.body',
  },
} as const;

export function invitationActivities({ db, mailer, publicBaseUrl }: ActivityDeps) {
  /**
   * Issues a fresh personal link inside the e-mail's claiming transaction. The raw token exists only in this
   * process's memory and in the e-mail: it never enters a workflow payload, a log line or the database.
   */
  async function issueLink(
    tx: DbTransaction,
    invitationId: string,
    emailKey: string,
    delegationId?: string,
  ): Promise<string> {
    const token = await issueAccessToken(tx, { invitationId, emailKey, delegationId });
    return `${publicBaseUrl}/r/${token}`;
  }

  /** The invitation through which the organisation was reached (its first contact that did not bounce). */
  async function reachedInvitation(cycleId: string, organisationId: string) {
    return db.invitation.findFirst({
      where: { cycleId, organisationId, revokedAt: null, contact: { bouncedAt: null } },
      include: { contact: { include: { organisation: true } } },
      orderBy: { createdAt: 'asc' },
    });
  }

  /**
   * The invitation a message to an organisation that has not answered goes to, or why there is none: it answered
   * meanwhile (the workflow's view may be behind a submission whose signal has not arrived), or no contact is left.
   */
  async function invitationStillToAnswer(cycleId: string, organisationId: string) {
    const answered = await db.response.findFirst({
      where: { cycleId, organisationId, status: { in: ANSWERED_STATUSES } },
    });
    if (answered) return 'already-submitted' as const;
    return (await reachedInvitation(cycleId, organisationId)) ?? ('no-contact' as const);
  }

  async function loadCycle(cycleId: string) {
    return db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId }, include: { session: true } });
  }

  return {
    /** E-mails one contact their personal link to the cycle's questionnaire. Throws PermanentDeliveryFailure on a 5xx. */
    async sendInvitation({
      cycleId,
      contactId,
    }: {
      cycleId: string;
      contactId: string;
    }): Promise<'sent' | 'already-sent'> {
      const cycle = await loadCycle(cycleId);
      const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId }, include: { organisation: true } });
      const invitation = await ensureInvitation(db, {
        cycleId,
        contactId,
        organisationId: contact.organisationId,
        expiresAt: cycle.closesAt,
      });
      const businessKey = mailKey.invitation(cycleId, contactId);
      try {
        const outcome = await mailer.send({
          businessKey,
          kind: 'invitation',
          compose: async (tx) => {
            const link = await issueLink(tx, invitation.id, businessKey);
            const lang = languageOr(contact.language);
            const closesOn = formatDateIn(lang, cycle.closesAt);
            const body = renderMail('invitation', {
              lang,
              texts: SURVEY_TEXTS[cycle.kind],
              contactName: contact.name,
              organisationName: contact.organisation.name,
              session: `${ordinalWords(cycle.session.number)} session`,
              sessionNumber: cycle.session.number,
              closesOn,
              link,
            });
            return {
              to: contact.email,
              subject: translator(lang)(SURVEY_TEXTS[cycle.kind].subject, { date: closesOn }),
              ...body,
            };
          },
        });
        return outcome.status;
      } catch (error) {
        if (error instanceof ApplicationFailure && error.type === FailureType.PermanentDeliveryFailure)
          await markContactBounced(db, { contactId, cycleId });
        throw error;
      }
    },

    /**
     * Confirms a submission to the contact who submitted it, with the reference number and a copy of the answers.
     * Keyed by the response's version, so a reopened and resubmitted reply gets its own receipt.
     */
    async sendReceipt(input: {
      cycleId: string;
      organisationId: string;
      contactId: string;
    }): Promise<'sent' | 'not-submitted' | 'undeliverable'> {
      const response = await db.response.findUnique({
        where: { cycleId_organisationId: { cycleId: input.cycleId, organisationId: input.organisationId } },
        include: { organisation: true, cycle: true },
      });
      // Every answer that stops reminders earns a receipt (domain/reply-states).
      if (!response || !isAnswered(response.status)) return 'not-submitted';
      const contact = await db.contact.findUniqueOrThrow({ where: { id: input.contactId } });
      const answers = response.answers as Answers;
      const questionnaire = await questionnaireOfCycle(db, response.cycle);
      const fileNames = await attachmentNames(db, input.cycleId, input.organisationId);
      const reference = receiptReference(input.cycleId, input.organisationId);
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey: mailKey.receipt(input.cycleId, input.organisationId, response.version),
          kind: 'receipt',
          compose: () => {
            // In the language the reply was written in (the respondent's choice), else the contact's.
            const lang = languageOr(response.language, languageOr(contact.language));
            const t = questionnaireTranslator(lang, questionnaire);
            const body = renderMail('receipt', {
              lang,
              texts: SURVEY_TEXTS[response.cycle.kind],
              contactName: contact.name,
              organisationName: response.organisation.name,
              reference,
              nilReturn: response.status === 'NIL_RETURN',
              declined: response.status === 'DECLINED',
              declineReason: response.declineReason,
              late: response.late,
              answers: questionnaire.questions
                .filter((q) => answers[q.id] !== undefined)
                .map((q) => ({
                  label: t(q.label),
                  // Choices are translated; amounts and free text stay as the respondent wrote them.
                  value: displayAnswer(q, answers, (label) => t(label), fileNames),
                })),
            });
            return Promise.resolve({
              to: contact.email,
              subject: translator(lang)('mail.receipt.subject', { reference }),
              ...body,
            });
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },

    /**
     * Replaces a contact's links: every earlier link of the invitation is revoked (and will say it was replaced),
     * and a new one is e-mailed. Keyed by the workflow's request number, so a retry sends the same single e-mail.
     */
    async reissueLink(input: {
      cycleId: string;
      contactId: string;
      requestedBy: string;
      sequence: number;
    }): Promise<'sent' | 'not-invited' | 'undeliverable'> {
      const cycle = await loadCycle(input.cycleId);
      const invitation = await db.invitation.findUnique({
        where: { cycleId_contactId: { cycleId: input.cycleId, contactId: input.contactId } },
        include: { contact: { include: { organisation: true } } },
      });
      if (!invitation) return 'not-invited';
      const businessKey = mailKey.reissue(input.cycleId, input.contactId, input.sequence);
      await replaceLinks(db, {
        invitationId: invitation.id,
        keepEmailKey: businessKey,
        requestedBy: input.requestedBy,
      });
      const closesAt = invitation.extendedUntil ?? cycle.closesAt;
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey,
          kind: 'invitation',
          compose: async (tx) => {
            const link = await issueLink(tx, invitation.id, businessKey);
            const lang = languageOr(invitation.contact.language);
            const closesOn = formatDateIn(lang, closesAt);
            const body = renderMail('invitation', {
              lang,
              texts: SURVEY_TEXTS[cycle.kind],
              contactName: invitation.contact.name,
              organisationName: invitation.contact.organisation.name,
              session: `${ordinalWords(cycle.session.number)} session`,
              sessionNumber: cycle.session.number,
              closesOn,
              link,
              replaced: true,
            });
            return {
              to: invitation.contact.email,
              subject: translator(lang)('mail.reissue.subject', { date: closesOn }),
              ...body,
            };
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },

    /**
     * Tells the organisation that the Secretariat reopened its reply, why, and gives a fresh link. Keyed by the
     * reply's version, so each reopening sends one message.
     */
    async sendReopenNotice(input: {
      cycleId: string;
      organisationId: string;
      version: number;
    }): Promise<'sent' | 'not-reopened' | 'no-contact' | 'undeliverable'> {
      const response = await db.response.findUnique({
        where: { cycleId_organisationId: { cycleId: input.cycleId, organisationId: input.organisationId } },
      });
      if (response?.status !== 'DRAFT' || !response.reopenReason) return 'not-reopened';
      const reason = response.reopenReason;
      const cycle = await loadCycle(input.cycleId);
      const invitation = await reachedInvitation(input.cycleId, input.organisationId);
      if (!invitation) return 'no-contact';
      const closesAt = invitation.extendedUntil ?? cycle.closesAt;
      const businessKey = mailKey.reopen(input.cycleId, input.organisationId, input.version);
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey,
          kind: 'reopen',
          compose: async (tx) => {
            const link = await issueLink(tx, invitation.id, businessKey);
            const lang = languageOr(invitation.contact.language);
            const closesOn = formatDateIn(lang, closesAt);
            const body = renderMail('reopened', {
              lang,
              contactName: invitation.contact.name,
              organisationName: invitation.contact.organisation.name,
              reason,
              closesOn,
              link,
            });
            return {
              to: invitation.contact.email,
              subject: translator(lang)('mail.reopened.subject', {
                date: closesOn,
              }),
              ...body,
            };
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },

    /**
     * Sends a colleague the link a contact gave them: which sections, until when, the contact's message. In the
     * contact's language (the colleague's is not known). One message per delegation.
     */
    async sendDelegationInvite(input: {
      cycleId: string;
      delegationId: string;
    }): Promise<'sent' | 'withdrawn' | 'undeliverable'> {
      const delegation = await db.delegation.findUniqueOrThrow({
        where: { id: input.delegationId },
        include: { invitation: { include: { contact: true, organisation: true, cycle: true } } },
      });
      if (delegation.revokedAt || delegation.expiresAt <= new Date()) return 'withdrawn';
      const { invitation } = delegation;
      const questionnaire = await questionnaireOfCycle(db, invitation.cycle);
      const businessKey = mailKey.delegation(input.cycleId, delegation.id);
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey,
          kind: 'delegation',
          compose: async (tx) => {
            const link = await issueLink(tx, invitation.id, businessKey, delegation.id);
            const lang = languageOr(invitation.contact.language);
            const t = questionnaireTranslator(lang, questionnaire);
            const until = formatDateIn(lang, delegation.expiresAt);
            const sections =
              delegation.sectionIds.length === 0
                ? translator(lang)('respondent.wholeQuestionnaire')
                : sectionsOf(questionnaire, delegation.sectionIds)
                    .map((section) => t(section.title))
                    .join('; ');
            const body = renderMail('delegation', {
              lang,
              contactName: delegation.delegateName,
              delegatedBy: invitation.contact.name,
              delegatedByEmail: invitation.contact.email,
              organisationName: invitation.organisation.name,
              survey: t(questionnaire.title),
              sections,
              note: delegation.note,
              until,
              link,
            });
            return {
              to: delegation.delegateEmail,
              subject: translator(lang)('mail.delegation.subject', {
                name: invitation.contact.name,
                date: until,
              }),
              ...body,
            };
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },

    /**
     * Tells an organisation that has not answered that the cycle's close moved (change `change` of the cycle), in its
     * contact's language, with a fresh personal link. Sent also to contacts who opted out of reminders: a new date is
     * not a reminder. One e-mail per change and organisation (the ledger key).
     */
    async sendCloseMovedNotice(input: {
      cycleId: string;
      organisationId: string;
      change: number;
      from: string;
      to: string;
    }): Promise<ReminderOutcome> {
      const invitation = await invitationStillToAnswer(input.cycleId, input.organisationId);
      if (typeof invitation === 'string') return invitation;
      // An extension later than the new close is the date that counts for this organisation.
      const closesAt =
        invitation.extendedUntil && invitation.extendedUntil > new Date(input.to)
          ? invitation.extendedUntil
          : new Date(input.to);
      const businessKey = mailKey.closeMoved(input.cycleId, input.organisationId, input.change);
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey,
          kind: 'close-moved',
          compose: async (tx) => {
            const link = await issueLink(tx, invitation.id, businessKey);
            const lang = languageOr(invitation.contact.language);
            const closesOn = formatDateIn(lang, closesAt);
            const body = renderMail('close-moved', {
              lang,
              contactName: invitation.contact.name,
              organisationName: invitation.contact.organisation.name,
              closesOn,
              previousOn: formatDateIn(lang, new Date(input.from)),
              link,
            });
            return {
              to: invitation.contact.email,
              subject: translator(lang)('mail.closeMoved.subject', { date: closesOn }),
              ...body,
            };
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },

    /**
     * Tells an organisation that the coordinator's early close ended the extension it had been granted (the
     * coordinator chose to end it rather than keep it open). Once per organisation; nothing to an organisation that
     * has answered meanwhile. No link: the survey is closed to it.
     */
    async sendExtensionEndedNotice(input: {
      cycleId: string;
      organisationId: string;
      until: string;
    }): Promise<ReminderOutcome> {
      const invitation = await invitationStillToAnswer(input.cycleId, input.organisationId);
      if (typeof invitation === 'string') return invitation;
      const cycle = await db.surveyCycle.findUniqueOrThrow({ where: { id: input.cycleId } });
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey: mailKey.extensionEnded(input.cycleId, input.organisationId),
          kind: 'extension-ended',
          compose: () => {
            const lang = languageOr(invitation.contact.language);
            const closedOn = formatDateIn(lang, cycle.closedEarlyAt ?? new Date());
            const body = renderMail('extension-ended', {
              lang,
              contactName: invitation.contact.name,
              organisationName: invitation.contact.organisation.name,
              closedOn,
              untilOn: formatDateIn(lang, new Date(input.until)),
            });
            return Promise.resolve({
              to: invitation.contact.email,
              subject: translator(lang)('mail.extensionEnded.subject', { date: closedOn }),
              ...body,
            });
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },

    /** Reminds an organisation that has not submitted, through the contact its invitation reached. */
    async sendReminder(input: {
      cycleId: string;
      organisationId: string;
      sequence: number;
      /** Scheduled reminders and those a coordinator asks for are numbered apart. */
      occasion?: 'scheduled' | 'on-request';
    }): Promise<ReminderOutcome> {
      // The workflow already skips respondents; this guards against a submission whose signal has not arrived yet.
      const invitation = await invitationStillToAnswer(input.cycleId, input.organisationId);
      if (typeof invitation === 'string') return invitation;
      const cycle = await loadCycle(input.cycleId);
      // The contact asked for no more reminders; a reminder a coordinator sends on purpose still goes.
      if (invitation.remindersOptedOutAt && input.occasion !== 'on-request') return 'opted-out';
      const closesAt = invitation.extendedUntil ?? cycle.closesAt;
      const businessKey = mailKey.reminder(input.cycleId, input.organisationId, {
        occasion: input.occasion ?? 'scheduled',
        sequence: input.sequence,
      });
      const outcome = await deliveryOutcome(
        mailer.send({
          businessKey,
          kind: 'reminder',
          compose: async (tx) => {
            const link = await issueLink(tx, invitation.id, businessKey);
            const lang = languageOr(invitation.contact.language);
            const closesOn = formatDateIn(lang, closesAt);
            const body = renderMail('reminder', {
              lang,
              texts: SURVEY_TEXTS[cycle.kind],
              contactName: invitation.contact.name,
              organisationName: invitation.contact.organisation.name,
              closesOn,
              link,
            });
            return {
              to: invitation.contact.email,
              subject: translator(lang)('mail.reminder.subject', { date: closesOn }),
              ...body,
            };
          },
        }),
      );
      return outcome === 'delivered' ? 'sent' : 'undeliverable';
    },
  };
}

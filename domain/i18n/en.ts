/**
 * Every respondent-facing text, in English, by message id: the respondent pages, the e-mails sent to respondents,
 * the answer checks, the error pages and the questionnaires that ship with the product. This is the source catalogue:
 * each other official language (./ar.ts, ./zh.ts, ./fr.ts, ./ru.ts, ./es.ts) translates these ids, recording the
 * fingerprint of the English it was translated from, so an English edit marks translations for review instead of
 * losing them. Call sites name the id (`t('respondent.closesOn')`): TypeScript refuses an id not listed here.
 */
import { PRIORITY_THEMES } from '../priority-themes';
import type { ThemeCode } from '../priority-themes';

const theme = (code: ThemeCode) => PRIORITY_THEMES.find((t) => t.code === code)!;

export const en = {
  // The respondent pages (web/views/respondent-*.eta, web/routes/respondent/).
  'respondent.survey': 'Survey',
  'respondent.questionnaire': 'Questionnaire',
  'respondent.language': 'Language',
  'respondent.replyingFor': 'Replying for {{organisation}}',
  'respondent.closesOn': 'Closes on {{date}}',
  'respondent.closedOn': 'Closed on {{date}}',
  'respondent.nilReturnFiled': 'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.',
  'respondent.replySubmitted': "Thank you. Your organization's reply was submitted on {{date}}.",
  'respondent.arrivedLate': 'It arrived after the close and is recorded as late.',
  'respondent.declined': 'Your organization declined to take part on {{date}}. No more reminders will be sent.',
  'respondent.reference': 'Reference: {{reference}}',
  'respondent.closedLateAccepted':
    'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.',
  'respondent.continueReply': 'Continue your reply',
  'respondent.reopened': 'The Secretariat reopened this reply for amendment: {{reason}}',
  'respondent.attachedFile': 'attached file',
  'respondent.fileAccepted': 'Accepted: {{kinds}}, up to {{size}} MB',
  'respondent.attachFile': 'Attach the file',
  'respondent.removeFile': 'Remove the file',
  'respondent.fileAttachedName': 'Attached: {{name}} ({{size}} KB)',
  'respondent.fileAttached': 'The file was attached.',
  'respondent.wholeQuestionnaire': 'the whole questionnaire',
  'respondent.delegationNotice': 'You are helping {{organisation}} with: {{sections}}. {{name}} will submit the reply.',
  'respondent.delegationSent': 'The link is on its way to your colleague.',
  'respondent.delegateHeading': 'Ask a colleague to help',
  'respondent.delegateExplanation':
    'Give a colleague their own link to answer the whole questionnaire or some sections. You keep sight of their answers and submit the reply yourself.',
  'respondent.delegationsHeading': 'Colleagues helping with this reply',
  'respondent.delegationItem': '{{name}} ({{email}}): {{sections}}, until {{date}}',
  'respondent.withdrawLink': 'Withdraw the link',
  'respondent.colleagueName': "Colleague's name",
  'respondent.colleagueEmail': "Colleague's e-mail address",
  'respondent.delegateSections': 'Sections (none ticked: the whole questionnaire)',
  'respondent.linkValidUntil': 'Link valid until',
  'respondent.colleagueMessage': 'Message to your colleague (optional)',
  'respondent.sendLink': 'Send the link',
  'respondent.startQuestionnaire': 'Start the questionnaire',
  'respondent.nilReturnHeading': 'Nothing to report?',
  'respondent.nilReturnExplanation':
    'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.',
  'respondent.fileNilReturn': 'File a nil return',
  'respondent.declineHeading': 'Not taking part?',
  'respondent.declineReason': 'Reason (optional)',
  'respondent.decline': 'Decline to take part',
  'respondent.optOut': 'Send me no more reminders',
  'respondent.optedOut': 'You will receive no more scheduled reminders for this survey.',
  'respondent.problemsHeading': 'Some answers need attention:',
  'respondent.currency': 'Currency',
  'respondent.saveDraft': 'Save draft',
  'respondent.submitReply': 'Submit reply',
  'respondent.keptAfterConflict':
    'Not saved: someone else saved this reply meanwhile. What you typed is kept below: save again to replace their answers, or reload the page to see theirs.',
  'respondent.keptAfterUnavailable':
    'Not saved: the service was briefly unavailable. What you typed is kept below: please save again in a minute.',
  'respondent.draftSaved': 'Your draft was saved.',
  'respondent.unavailableHeading': 'This link is not available',
  'respondent.unavailableExplanation':
    'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.',
  'respondent.replacedHeading': 'This link was replaced',
  'respondent.replacedExplanation':
    'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.',
  'respondent.moreRows': 'Save the draft to get more blank rows.',
  'respondent.row': 'Row {{row}}',
  'respondent.closedHeading': 'This survey has closed',
  'respondent.closedExplanation':
    'The survey closed on {{date}}, and replies can no longer be sent through this link. If you have a question about the survey, please contact the Secretariat at {{email}}.',
  'respondent.closedNoReply': 'The Secretariat received no reply from {{organisation}} before the close.',
  'respondent.viewReply': 'View the reply',
  'respondent.downloadReceipt': 'Download the receipt',
  'respondent.replyHeading': 'The reply of {{organisation}}',
  'respondent.notAnswered': 'Not answered',
  'respondent.declineReasonGiven': 'Reason given: {{reason}}',
  'respondent.receiptTitle': 'Receipt',
  'respondent.receiptStatement':
    'The Secretariat of the Commission on Crime Prevention and Criminal Justice received this reply on {{date}} at {{time}} UTC (version {{version}}).',
  'respondent.backToLink': 'Back to the survey page',

  // What the questionnaire page script says (web/client): its summaries and the autosave status.
  'form.checkBeforeSubmitting': 'Please check these answers before submitting:',
  'form.confirmWarnings': 'I have checked these answers and they are correct',
  'form.saving': 'Saving…',
  'form.draftSavedAt': 'Draft saved at {{time}}',
  'form.notSavedConflict': 'Not saved: someone else changed this reply. Reload the page to see their changes.',
  'form.notSavedOffline': 'Not saved: the connection failed. Your answers are still on this page.',
  'form.notSavedUnavailable':
    'Not saved yet: the service is briefly unavailable. Trying again shortly; your answers are still on this page.',
  'form.notSavedInvalid': 'Not saved: some answers need attention.',

  // Messages of the answer checks (domain/questionnaire, domain/soft-warnings), run on the server and in the browser.
  'validation.required': 'this question must be answered',
  'validation.chooseOffered': 'choose one of the answers offered',
  'validation.amountDigits': 'enter the amount in digits only',
  'validation.fileTooLarge': 'the file is too large for this question',
  'validation.fileKindRefused': 'this kind of file is not accepted here',
  'validation.fileInvalid': 'the attached file is not valid: attach it again',
  'validation.replyStorageFull': 'this reply holds as many files as it may: remove one before attaching another',
  'validation.fileMissing': 'choose a file to attach',
  'validation.numberDigits': 'enter a number in digits only',
  'validation.wholeNumber': 'enter a whole number',
  'validation.numberRange': 'enter a number from {{min}} to {{max}}',
  'validation.amountNegative': 'the amount cannot be negative',
  'validation.amountImplausible': 'the amount is implausibly large',
  'validation.currencyFromList': 'choose the currency from the list',
  'validation.currencyMissing': 'choose the currency of the amount',
  'validation.themeDescribed': 'describe the activities under at least one priority theme, or answer "No" above',
  'validation.maxCharacters': 'at most {{count}} characters',
  'validation.amountUnusual': 'this amount is unusually large: please check it',
  'validation.descriptionShort': 'this description is very short: please say what, where and with whom',
  'validation.budgetMissing': 'no budget is given for these activities: confirm that there is none',
  'validation.dateFormat': 'give the date as YYYY-MM-DD',
  'validation.activityListed': 'list at least one activity, or answer "No" above',
  'validation.maxRows': 'at most {{count}} rows',

  // Error pages a respondent may meet (web/errors.ts translates them on /r/ pages).
  'error.heading': 'That did not work',
  'error.refused': 'Request refused',
  'error.unexpected': 'Something went wrong',
  'error.tryAgain': 'Please try again',
  'error.unavailable': 'The service is briefly unavailable. Nothing was lost: please try again in a minute.',
  'error.logged': 'The error was logged. Please try again.',
  'error.back': 'Back',
  'error.csrf': 'The form has expired or was not sent from this site. Reload the page and try again.',
  'error.tooManyAttempts': 'Too many attempts from your network. Please wait a few minutes and try again.',
  'error.delegationsCap':
    'This reply already has as many colleagues’ links as it may: withdraw one or ask the Secretariat',
  'error.backInBrowser': 'Use your browser’s Back button to return to your page: what you typed is still there.',
  'error.notStarted': 'Open the questionnaire from your link first',
  'error.alreadySubmitted': 'This questionnaire has already been submitted',
  'error.conflict': 'Someone else saved this questionnaire meanwhile; reload to see their changes',
  'error.alreadyAnswered': 'This questionnaire has already been answered',
  'error.noSuchSection': 'The questionnaire has no such section; reload the page',
  'error.ownAddress': 'That is your own address: give your colleague’s',
  'error.delegationDate': 'Give a date from today to the reply’s deadline',
  'error.alreadySent': 'This reply has already been sent',
  'error.outsideSections': 'This question is not in the sections you were asked to answer',
  'error.delegatorOnly': 'Only the colleague who asked for your help can do this',
  'error.problems': 'Some answers need attention',
  'error.colleagueNameMissing': "give your colleague's name",
  'error.colleagueEmailMissing': "give your colleague's e-mail address",

  // The e-mails sent to respondents (activities/mail/templates, activities/invitations.ts).
  'mail.dear': 'Dear {{name}},',
  'mail.signature.secretariat': 'Secretariat of the Commission on Crime Prevention and Criminal Justice',
  'mail.signature.office': 'United Nations Office at Vienna',
  'mail.invitation.subject': 'Survey of crime prevention and criminal justice activities: reply by {{date}}',
  'mail.reissue.subject': 'Your new link to the survey (reply by {{date}})',
  'mail.reissue.replaces': 'This message replaces the links sent to you earlier, which no longer work.',
  'mail.invitation.intro':
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.',
  'mail.invitation.replyBy': 'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:',
  'mail.linkIsPersonal':
    'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.',
  'mail.reminder.subject': 'Reminder: survey closes on {{date}}',
  'mail.reminder.body':
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.',
  'mail.reminder.link': 'Your personal link:',
  'mail.reminder.disregard': 'If your organization has already replied, please disregard this message.',
  'mail.receipt.subject': 'Reply received, reference {{reference}}',
  'mail.receipt.body':
    'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.',
  'mail.receipt.declined': 'Your organization declined to take part in this survey. No more reminders will be sent.',
  'mail.receipt.declineReason': 'Reason given: {{reason}}',
  'mail.receipt.nilReturn': 'Your organization answered that it has nothing to report for this survey (nil return).',
  'mail.receipt.copyFollows': 'A copy of the answers follows.',
  'mail.receipt.late': "The reply arrived after the survey's close and is recorded as late.",
  'mail.receipt.thanks': 'Thank you for your contribution.',
  'mail.closeMoved.subject': 'The survey now closes on {{date}}',
  'mail.closeMoved.body':
    'The dates of the Commission’s session have changed, and with them the closing date of the survey: the reply of {{organisation}} is now due by {{date}} (until now: {{previous}}).',
  'mail.closeMoved.link': 'Your personal link, valid until the new date:',
  'mail.extensionEnded.subject': 'The survey closed on {{date}}, and your extension with it',
  'mail.extensionEnded.body':
    'The Secretariat closed the survey on {{date}}, before its planned date. The extension granted to {{organisation}} until {{until}} ends with the close, and replies can no longer be sent.',
  'mail.extensionEnded.contact':
    'If you have a question, or your organization still wishes to contribute, please reply to this e-mail.',
  'mail.reopened.subject': 'Your reply has been reopened for amendment (reply by {{date}})',
  'mail.reopened.body':
    'The Secretariat has reopened the reply of {{organisation}} so that it can be amended, for this reason:',
  'mail.reopened.replyBy': 'Please review the answers and submit them again by {{date}}, using this personal link:',
  'mail.delegation.subject': '{{name}} asks for your help with a United Nations survey (until {{date}})',
  'mail.delegation.body':
    '{{name}} of {{organisation}} asks you to answer the following part of the survey “{{survey}}”: {{sections}}.',
  'mail.delegation.note': 'Message from {{name}}:',
  'mail.delegation.link': 'Your personal link, valid until {{date}}:',
  'mail.delegation.askedBy':
    'This message was sent by the United Nations Secretariat at the request of {{name}} ({{email}}), the contact of {{organisation}} for this survey. If you did not expect it, you may ignore it.',
  'mail.delegation.savedFor': 'Your answers are saved for {{name}}, who will submit the reply.',
  'mail.invitation.igoNgo.intro':
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.',
  'mail.reminder.igoNgo.body':
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.',
  'mail.receipt.igoNgo.body':
    'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.',
  'mail.invitation.igoNgo.subject': 'Survey of activities on the priority themes: reply by {{date}}',

  // The texts of the questionnaires that ship with the product (domain/questionnaire, domain/igo-ngo-questionnaire).
  'questionnaire.supportingDocument': 'Supporting document (a report or work plan, if you have one)',
  'questionnaire.generalQuestions': 'General questions',
  'questionnaire.theme.a.section': `Priority theme ${theme('a').reference}`,
  'questionnaire.theme.b.section': `Priority theme ${theme('b').reference}`,
  'questionnaire.theme.c.section': `Priority theme ${theme('c').reference}`,
  'questionnaire.systemWide.title':
    'Survey of crime prevention and criminal justice activities within the United Nations system',
  'questionnaire.systemWide.intro':
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.',
  'questionnaire.systemWide.activitiesCarriedOut':
    'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?',
  'questionnaire.yes': 'Yes',
  'questionnaire.no': 'No',
  'questionnaire.activityHelp':
    'Describe each activity in the reporting period: what, where (country or region), with whom.',
  'questionnaire.systemWide.partners':
    'Main partners (United Nations entities, intergovernmental and non-governmental organizations)',
  'questionnaire.theme.a.activities': `Activities under priority theme ${theme('a').reference}: ${theme('a').title}`,
  'questionnaire.theme.a.budget': `Budget for these activities (${theme('a').reference})`,
  'questionnaire.theme.b.activities': `Activities under priority theme ${theme('b').reference}: ${theme('b').title}`,
  'questionnaire.theme.b.budget': `Budget for these activities (${theme('b').reference})`,
  'questionnaire.theme.c.activities': `Activities under priority theme ${theme('c').reference}: ${theme('c').title}`,
  'questionnaire.theme.c.budget': `Budget for these activities (${theme('c').reference})`,
  'questionnaire.igoNgo.title':
    'Survey of activities of intergovernmental and non-governmental organizations on the priority themes',
  'questionnaire.igoNgo.intro':
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.',
  'questionnaire.igoNgo.activitiesCarriedOut':
    'Did your organization carry out activities on the priority themes in the reporting period?',
  'questionnaire.igoNgo.activities': 'Activities in the reporting period (one row per activity)',
  'questionnaire.igoNgo.activity': 'Activity',
  'questionnaire.igoNgo.theme': 'Priority theme',
  'questionnaire.igoNgo.region': 'Region',
  'questionnaire.igoNgo.partners': 'Partners',
  'questionnaire.igoNgo.budget': 'Budget',
  'questionnaire.igoNgo.start': 'From',
  'questionnaire.igoNgo.end': 'To',
  'questionnaire.igoNgo.regionalNetworks': 'Regions where your organization works through regional networks or offices',
  'questionnaire.region.africa': 'Africa',
  'questionnaire.region.americas': 'Americas',
  'questionnaire.region.asiaPacific': 'Asia and the Pacific',
  'questionnaire.region.europe': 'Europe',
  'questionnaire.region.westernAsia': 'Western Asia',
  'questionnaire.region.global': 'Global or interregional',
  'questionnaire.theme.a.reference': theme('a').reference,
  'questionnaire.theme.b.reference': theme('b').reference,
  'questionnaire.theme.c.reference': theme('c').reference,
} as const satisfies Record<string, string>;

/** A message id: a key of the English catalogue. */
export type MessageId = keyof typeof en;

/**
 * Every respondent-facing string, in English: the respondent pages, the questionnaire and the e-mails sent to
 * respondents. The English text is the key; each other official language maps it to its translation
 * (./ar.ts, ./zh.ts, ./fr.ts, ./ru.ts, ./es.ts). A language missing any of these strings cannot be used for a launch.
 */
import { PRIORITY_THEMES } from '../priority-themes';

const PAGES = [
  'Survey',
  'Questionnaire',
  'Language',
  'Replying for {{organisation}}',
  'Closes on {{date}}',
  'Closed on {{date}}',
  'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.',
  "Thank you. Your organization's reply was submitted on {{date}}.",
  'It arrived after the close and is recorded as late.',
  'Your organization declined to take part on {{date}}. No more reminders will be sent.',
  'Reference: {{reference}}',
  'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.',
  'Continue your reply',
  'Start the questionnaire',
  'Nothing to report?',
  'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.',
  'File a nil return',
  'Not taking part?',
  'Reason (optional)',
  'Decline to take part',
  'Send me no more reminders',
  'You will receive no more scheduled reminders for this survey.',
  'Some answers need attention:',
  'Currency',
  'Save draft',
  'Submit reply',
  'Your draft was saved.',
  'This link is not available',
  'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.',
  'This link was replaced',
  'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.',
];

const VALIDATION = [
  'this question must be answered',
  'choose one of the answers offered',
  'enter the amount in digits only',
  'the amount cannot be negative',
  'the amount is implausibly large',
  'choose the currency from the list',
  'choose the currency of the amount',
  'describe the activities under at least one priority theme, or answer "No" above',
  'at most {{count}} characters',
];

const QUESTIONNAIRE = [
  'Survey of crime prevention and criminal justice activities within the United Nations system',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.',
  'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?',
  'Yes',
  'No',
  'Describe each activity in the reporting period: what, where (country or region), with whom.',
  'Main partners (United Nations entities, intergovernmental and non-governmental organizations)',
  ...PRIORITY_THEMES.flatMap((theme) => [
    `Activities under priority theme ${theme.reference}: ${theme.title}`,
    `Budget for these activities (${theme.reference})`,
  ]),
];

const EMAILS = [
  'Dear {{name}},',
  'Secretariat of the Commission on Crime Prevention and Criminal Justice',
  'United Nations Office at Vienna',
  'Survey of crime prevention and criminal justice activities: reply by {{date}}',
  'Your new link to the survey (reply by {{date}})',
  'This message replaces the links sent to you earlier, which no longer work.',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.',
  'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:',
  'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.',
  'Reminder: survey closes on {{date}}',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.',
  'Your personal link:',
  'If your organization has already replied, please disregard this message.',
  'Reply received, reference {{reference}}',
  'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.',
  'Your organization declined to take part in this survey. No more reminders will be sent.',
  'Reason given: {{reason}}',
  'Your organization answered that it has nothing to report for this survey (nil return).',
  'A copy of the answers follows.',
  "The reply arrived after the survey's close and is recorded as late.",
  'Thank you for your contribution.',
];

export const SOURCE_STRINGS: readonly string[] = [...PAGES, ...VALIDATION, ...QUESTIONNAIRE, ...EMAILS];

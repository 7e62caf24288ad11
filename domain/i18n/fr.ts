import { PRIORITY_THEMES } from '../priority-themes';
import type { Catalogue } from './catalogue';

const THEMES: Record<string, [string, string]> = {
  a: [
    'Criminalité nationale et transnationale, criminalité organisée, criminalité économique, y compris le blanchiment d’argent, et rôle du droit pénal dans la protection de l’environnement',
    'VI 1 a)',
  ],
  b: ['Prévention du crime en milieu urbain, délinquance juvénile et criminalité violente', 'VI 1 b)'],
  c: [
    'Efficacité, équité et amélioration de la gestion et de l’administration de la justice pénale et des systèmes connexes',
    'VI 1 c)',
  ],
};

export const fr: Catalogue = {
  Survey: 'Enquête',
  Questionnaire: 'Questionnaire',
  Language: 'Langue',
  'Replying for {{organisation}}': 'Réponse au nom de : {{organisation}}',
  'Closes on {{date}}': 'Clôture le {{date}}',
  'Closed on {{date}}': 'Clôturée le {{date}}',
  'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.':
    'Merci. Votre organisation a déclaré le {{date}} n’avoir rien à signaler.',
  "Thank you. Your organization's reply was submitted on {{date}}.":
    'Merci. La réponse de votre organisation a été envoyée le {{date}}.',
  'It arrived after the close and is recorded as late.':
    'Elle est arrivée après la clôture et est enregistrée comme tardive.',
  'Your organization declined to take part on {{date}}. No more reminders will be sent.':
    'Votre organisation a décliné la participation le {{date}}. Aucun autre rappel ne sera envoyé.',
  'Reference: {{reference}}': 'Référence : {{reference}}',
  'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.':
    'L’enquête a été clôturée le {{date}}. Une réponse envoyée maintenant est encore acceptée et enregistrée comme tardive.',
  'Continue your reply': 'Poursuivre votre réponse',
  'Start the questionnaire': 'Commencer le questionnaire',
  'Nothing to report?': 'Rien à signaler ?',
  'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.':
    'Si votre organisation n’a mené aucune activité en matière de prévention du crime et de justice pénale pendant la période considérée, vous pouvez déclarer n’avoir rien à signaler au lieu de remplir le questionnaire.',
  'File a nil return': 'Déclarer n’avoir rien à signaler',
  'Not taking part?': 'Vous ne participez pas ?',
  'Reason (optional)': 'Motif (facultatif)',
  'Decline to take part': 'Décliner la participation',
  'Send me no more reminders': 'Ne plus m’envoyer de rappels',
  'You will receive no more scheduled reminders for this survey.':
    'Vous ne recevrez plus de rappels programmés pour cette enquête.',
  'Some answers need attention:': 'Certaines réponses sont à revoir :',
  Currency: 'Monnaie',
  'Save draft': 'Enregistrer le brouillon',
  'Submit reply': 'Envoyer la réponse',
  'Your draft was saved.': 'Votre brouillon a été enregistré.',
  'This link is not available': 'Ce lien n’est pas disponible',
  'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.':
    'Le lien a peut-être expiré, été remplacé ou été mal saisi. Si vous devez répondre à l’enquête, veuillez contacter le Secrétariat à l’adresse {{email}}.',
  'This link was replaced': 'Ce lien a été remplacé',
  'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.':
    'Un nouveau lien personnel vous a été envoyé le {{date}} et celui-ci ne fonctionne plus. Veuillez utiliser le lien du message le plus récent du Secrétariat. Si vous ne le trouvez pas, contactez le Secrétariat à l’adresse {{email}}.',
  'this question must be answered': 'il faut répondre à cette question',
  'choose one of the answers offered': 'choisissez l’une des réponses proposées',
  'enter the amount in digits only': 'saisissez le montant en chiffres uniquement',
  'the amount cannot be negative': 'le montant ne peut pas être négatif',
  'the amount is implausibly large': 'le montant est d’une ampleur invraisemblable',
  'choose the currency from the list': 'choisissez la monnaie dans la liste',
  'choose the currency of the amount': 'indiquez la monnaie du montant',
  'describe the activities under at least one priority theme, or answer "No" above':
    'décrivez les activités relevant d’au moins un thème prioritaire, ou répondez « Non » ci-dessus',
  'at most {{count}} characters': '{{count}} caractères au maximum',
  'Survey of crime prevention and criminal justice activities within the United Nations system':
    'Enquête sur les activités de prévention du crime et de justice pénale menées au sein du système des Nations Unies',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.':
    'Conformément à l’alinéa a) du paragraphe 10 de la section IV de la résolution 1992/22 du Conseil économique et social, le Secrétariat recense les activités menées dans le domaine de la prévention du crime et de la justice pénale au sein du système des Nations Unies. Vos réponses alimentent le rapport à la Commission sur les thèmes prioritaires et leurs incidences budgétaires.',
  'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?':
    'Votre organisation a-t-elle mené des activités de prévention du crime et de justice pénale pendant la période considérée ?',
  Yes: 'Oui',
  No: 'Non',
  'Describe each activity in the reporting period: what, where (country or region), with whom.':
    'Décrivez chaque activité de la période considérée : quoi, où (pays ou région), avec qui.',
  'Main partners (United Nations entities, intergovernmental and non-governmental organizations)':
    'Principaux partenaires (entités des Nations Unies, organisations intergouvernementales et non gouvernementales)',
  ...Object.fromEntries(
    PRIORITY_THEMES.flatMap((theme) => {
      const [title, reference] = THEMES[theme.code]!;
      return [
        [
          `Activities under priority theme ${theme.reference}: ${theme.title}`,
          `Activités relevant du thème prioritaire ${reference} : ${title}`,
        ],
        [`Budget for these activities (${theme.reference})`, `Budget de ces activités (${reference})`],
      ];
    }),
  ),
  'Dear {{name}},': 'Madame, Monsieur ({{name}}),',
  'Secretariat of the Commission on Crime Prevention and Criminal Justice':
    'Secrétariat de la Commission pour la prévention du crime et la justice pénale',
  'United Nations Office at Vienna': 'Office des Nations Unies à Vienne',
  'Survey of crime prevention and criminal justice activities: reply by {{date}}':
    'Enquête sur les activités de prévention du crime et de justice pénale : réponse attendue d’ici au {{date}}',
  'Your new link to the survey (reply by {{date}})': 'Votre nouveau lien vers l’enquête (réponse d’ici au {{date}})',
  'This message replaces the links sent to you earlier, which no longer work.':
    'Ce message remplace les liens qui vous ont été envoyés précédemment et qui ne fonctionnent plus.',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
    'Conformément à l’alinéa a) du paragraphe 10 de la section IV de la résolution 1992/22 du Conseil économique et social, le Secrétariat mène une enquête sur les activités de prévention du crime et de justice pénale au sein du système des Nations Unies, en vue de la {{number}}e session de la Commission pour la prévention du crime et la justice pénale.',
  'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:':
    'Nous vous prions de répondre au nom de {{organisation}} d’ici au {{date}}, au moyen de ce lien personnel :',
  'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.':
    'Ce lien vous est personnel : merci de ne pas le transférer. Vous pouvez enregistrer vos réponses et revenir avant la date limite.',
  'Reminder: survey closes on {{date}}': 'Rappel : l’enquête sera clôturée le {{date}}',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.':
    'Le Secrétariat n’a pas encore reçu la réponse de {{organisation}} à l’enquête sur les activités de prévention du crime et de justice pénale au sein du système des Nations Unies. L’enquête sera clôturée le {{date}}.',
  'Your personal link:': 'Votre lien personnel :',
  'If your organization has already replied, please disregard this message.':
    'Si votre organisation a déjà répondu, veuillez ne pas tenir compte de ce message.',
  'Reply received, reference {{reference}}': 'Réponse reçue, référence {{reference}}',
  'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.':
    'Le Secrétariat a reçu la réponse de {{organisation}} à l’enquête sur les activités de prévention du crime et de justice pénale au sein du système des Nations Unies. Référence : {{reference}}.',
  'Your organization declined to take part in this survey. No more reminders will be sent.':
    'Votre organisation a décliné la participation à cette enquête. Aucun autre rappel ne sera envoyé.',
  'Reason given: {{reason}}': 'Motif indiqué : {{reason}}',
  'Your organization answered that it has nothing to report for this survey (nil return).':
    'Votre organisation a déclaré n’avoir rien à signaler pour cette enquête.',
  'A copy of the answers follows.': 'Vous trouverez ci-dessous une copie des réponses.',
  "The reply arrived after the survey's close and is recorded as late.":
    'La réponse est arrivée après la clôture de l’enquête et est enregistrée comme tardive.',
  'Thank you for your contribution.': 'Nous vous remercions de votre contribution.',
  'Your reply has been reopened for amendment (reply by {{date}})':
    'Votre réponse a été rouverte pour modification (réponse d’ici au {{date}})',
  'The Secretariat has reopened the reply of {{organisation}} so that it can be amended, for this reason:':
    'Le Secrétariat a rouvert la réponse de {{organisation}} afin qu’elle puisse être modifiée, pour la raison suivante :',
  'Please review the answers and submit them again by {{date}}, using this personal link:':
    'Nous vous prions de revoir les réponses et de les soumettre à nouveau d’ici au {{date}}, au moyen de ce lien personnel :',
  'The Secretariat reopened this reply for amendment: {{reason}}':
    'Le Secrétariat a rouvert cette réponse pour modification : {{reason}}',
  'this amount is unusually large: please check it': 'ce montant est inhabituellement élevé : veuillez le vérifier',
  'this description is very short: please say what, where and with whom':
    'cette description est très courte : veuillez préciser quoi, où et avec qui',
  'no budget is given for these activities: confirm that there is none':
    'aucun budget n’est indiqué pour ces activités : confirmez qu’il n’y en a pas',
  'Please check these answers before submitting:': 'Veuillez vérifier ces réponses avant de soumettre :',
  'I have checked these answers and they are correct': 'J’ai vérifié ces réponses et elles sont exactes',
  'Saving…': 'Enregistrement…',
  'Draft saved at {{time}}': 'Brouillon enregistré à {{time}}',
  'Not saved: someone else changed this reply. Reload the page to see their changes.':
    'Non enregistré : une autre personne a modifié cette réponse. Rechargez la page pour voir ses modifications.',
  'Not saved: the connection failed. Your answers are still on this page.':
    'Non enregistré : la connexion a échoué. Vos réponses sont toujours sur cette page.',
  'Not saved yet: the service is briefly unavailable. Trying again shortly; your answers are still on this page.':
    'Pas encore enregistré : le service est momentanément indisponible. Nouvel essai sous peu ; vos réponses sont toujours sur cette page.',
  'Not saved: some answers need attention.': 'Non enregistré : certaines réponses doivent être corrigées.',
  'General questions': 'Questions générales',
  'Priority theme VI 1 (a)': 'Thème prioritaire VI 1 a)',
  'Priority theme VI 1 (b)': 'Thème prioritaire VI 1 b)',
  'Priority theme VI 1 (c)': 'Thème prioritaire VI 1 c)',
  'the whole questionnaire': 'l’ensemble du questionnaire',
  'You are helping {{organisation}} with: {{sections}}. {{name}} will submit the reply.':
    'Vous aidez {{organisation}} pour : {{sections}}. {{name}} soumettra la réponse.',
  'The link is on its way to your colleague.': 'Le lien est en cours d’envoi à votre collègue.',
  'Ask a colleague to help': 'Demander l’aide d’un collègue',
  'Give a colleague their own link to answer the whole questionnaire or some sections. You keep sight of their answers and submit the reply yourself.':
    'Donnez à un collègue son propre lien pour répondre à tout le questionnaire ou à certaines sections. Vous voyez ses réponses et soumettez vous-même la réponse.',
  'Colleagues helping with this reply': 'Collègues qui aident à cette réponse',
  '{{name}} ({{email}}): {{sections}}, until {{date}}': '{{name}} ({{email}}) : {{sections}}, jusqu’au {{date}}',
  'Withdraw the link': 'Retirer le lien',
  "Colleague's name": 'Nom du collègue',
  "Colleague's e-mail address": 'Adresse électronique du collègue',
  'Sections (none ticked: the whole questionnaire)': 'Sections (aucune cochée : tout le questionnaire)',
  'Link valid until': 'Lien valable jusqu’au',
  'Message to your colleague (optional)': 'Message à votre collègue (facultatif)',
  'Send the link': 'Envoyer le lien',
  '{{name}} asks for your help with a United Nations survey (until {{date}})':
    '{{name}} vous demande votre aide pour une enquête des Nations Unies (jusqu’au {{date}})',
  '{{name}} of {{organisation}} asks you to answer the following part of the survey “{{survey}}”: {{sections}}.':
    '{{name}}, de {{organisation}}, vous demande de répondre à la partie suivante de l’enquête « {{survey}} » : {{sections}}.',
  'Message from {{name}}:': 'Message de {{name}} :',
  'Your personal link, valid until {{date}}:': 'Votre lien personnel, valable jusqu’au {{date}} :',
  'Your answers are saved for {{name}}, who will submit the reply.':
    'Vos réponses sont enregistrées pour {{name}}, qui soumettra la réponse.',
  'enter a number in digits only': 'saisissez un nombre en chiffres uniquement',
  'enter a whole number': 'saisissez un nombre entier',
  'enter a number from {{min}} to {{max}}': 'saisissez un nombre compris entre {{min}} et {{max}}',
  'Supporting document (a report or work plan, if you have one)':
    'Document justificatif (un rapport ou un plan de travail, le cas échéant)',
  'attached file': 'fichier joint',
  'Accepted: {{kinds}}, up to {{size}} MB': 'Formats acceptés : {{kinds}}, jusqu’à {{size}} Mo',
  'Attach the file': 'Joindre le fichier',
  'Remove the file': 'Retirer le fichier',
  'Attached: {{name}} ({{size}} KB)': 'Fichier joint : {{name}} ({{size}} Ko)',
  'The file was attached.': 'Le fichier a été joint.',
  'the file is too large for this question': 'le fichier est trop volumineux pour cette question',
  'this kind of file is not accepted here': 'ce type de fichier n’est pas accepté ici',
  'the attached file is not valid: attach it again': 'le fichier joint n’est pas valide : joignez-le à nouveau',
  'choose a file to attach': 'choisissez un fichier à joindre',
  'That did not work': 'L’opération n’a pas abouti',
  'Request refused': 'Demande refusée',
  'Something went wrong': 'Une erreur s’est produite',
  'Please try again': 'Veuillez réessayer',
  'The service is briefly unavailable. Nothing was lost: please try again in a minute.':
    'Le service est momentanément indisponible. Rien n’a été perdu : veuillez réessayer dans une minute.',
  'The error was logged. Please try again.': 'L’erreur a été enregistrée. Veuillez réessayer.',
  Back: 'Retour',
  'The form has expired or was not sent from this site. Reload the page and try again.':
    'Le formulaire a expiré ou n’a pas été envoyé depuis ce site. Rechargez la page et réessayez.',
  'Open the questionnaire from your link first': 'Ouvrez d’abord le questionnaire à partir de votre lien',
  'This questionnaire has already been submitted': 'Ce questionnaire a déjà été soumis',
  'Someone else saved this questionnaire meanwhile; reload to see their changes':
    'Une autre personne a enregistré ce questionnaire entre-temps ; rechargez la page pour voir ses modifications',
  'This questionnaire has already been answered': 'Il a déjà été répondu à ce questionnaire',
  'The questionnaire has no such section; reload the page':
    'Le questionnaire ne comporte pas cette section ; rechargez la page',
  'That is your own address: give your colleague’s': 'C’est votre propre adresse : indiquez celle de votre collègue',
  'Give a date from today to the reply’s deadline':
    'Indiquez une date comprise entre aujourd’hui et la date limite de la réponse',
  'This reply has already been sent': 'Cette réponse a déjà été envoyée',
  'This question is not in the sections you were asked to answer':
    'Cette question ne fait pas partie des sections pour lesquelles votre aide a été demandée',
  'Only the colleague who asked for your help can do this': 'Seul le collègue qui a demandé votre aide peut le faire',
  'Some answers need attention': 'Certaines réponses sont à revoir',
  "give your colleague's name": 'indiquez le nom de votre collègue',
  "give your colleague's e-mail address": 'indiquez l’adresse électronique de votre collègue',
};

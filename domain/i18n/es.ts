import { PRIORITY_THEMES } from '../priority-themes';
import type { Catalogue } from './catalogue';

const THEMES: Record<string, [string, string]> = {
  a: [
    'Delincuencia nacional y transnacional, delincuencia organizada, delitos económicos, incluido el blanqueo de dinero, y función del derecho penal en la protección del medio ambiente',
    'VI 1 a)',
  ],
  b: ['Prevención del delito en las zonas urbanas, delincuencia juvenil y delincuencia violenta', 'VI 1 b)'],
  c: [
    'Eficiencia, equidad y mejora de la gestión y administración de la justicia penal y de los sistemas conexos',
    'VI 1 c)',
  ],
};

export const es: Catalogue = {
  Survey: 'Encuesta',
  Questionnaire: 'Cuestionario',
  Language: 'Idioma',
  'Replying for {{organisation}}': 'Respuesta en nombre de: {{organisation}}',
  'Closes on {{date}}': 'Se cierra el {{date}}',
  'Closed on {{date}}': 'Se cerró el {{date}}',
  'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.':
    'Gracias. Su organización declaró el {{date}} que no tiene nada que informar.',
  "Thank you. Your organization's reply was submitted on {{date}}.":
    'Gracias. La respuesta de su organización se envió el {{date}}.',
  'It arrived after the close and is recorded as late.': 'Llegó después del cierre y consta como tardía.',
  'Your organization declined to take part on {{date}}. No more reminders will be sent.':
    'Su organización declinó participar el {{date}}. No se enviarán más recordatorios.',
  'Reference: {{reference}}': 'Referencia: {{reference}}',
  'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.':
    'La encuesta se cerró el {{date}}. Una respuesta enviada ahora todavía se acepta y consta como tardía.',
  'Continue your reply': 'Continuar su respuesta',
  'Start the questionnaire': 'Comenzar el cuestionario',
  'Nothing to report?': '¿Nada que informar?',
  'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.':
    'Si su organización no realizó actividades de prevención del delito y justicia penal en el período que abarca el informe, puede declarar que no tiene nada que informar en lugar de responder el cuestionario.',
  'File a nil return': 'Declarar que no hay nada que informar',
  'Not taking part?': '¿No va a participar?',
  'Reason (optional)': 'Motivo (opcional)',
  'Decline to take part': 'Declinar la participación',
  'Send me no more reminders': 'No enviarme más recordatorios',
  'You will receive no more scheduled reminders for this survey.':
    'No recibirá más recordatorios programados para esta encuesta.',
  'Some answers need attention:': 'Algunas respuestas requieren atención:',
  Currency: 'Moneda',
  'Save draft': 'Guardar borrador',
  'Submit reply': 'Enviar respuesta',
  'Your draft was saved.': 'Se guardó su borrador.',
  'This link is not available': 'Este enlace no está disponible',
  'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.':
    'Es posible que el enlace haya caducado, se haya sustituido o se haya escrito mal. Si necesita responder a la encuesta, póngase en contacto con la Secretaría en {{email}}.',
  'This link was replaced': 'Este enlace se ha sustituido',
  'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.':
    'Se le envió un nuevo enlace personal el {{date}} y este ya no funciona. Utilice el enlace del mensaje más reciente de la Secretaría. Si no lo encuentra, póngase en contacto con la Secretaría en {{email}}.',
  'this question must be answered': 'hay que responder a esta pregunta',
  'choose one of the answers offered': 'elija una de las respuestas propuestas',
  'enter the amount in digits only': 'indique la cantidad solo con cifras',
  'the amount cannot be negative': 'la cantidad no puede ser negativa',
  'the amount is implausibly large': 'la cantidad es inverosímilmente grande',
  'choose the currency from the list': 'elija la moneda de la lista',
  'choose the currency of the amount': 'indique la moneda de la cantidad',
  'describe the activities under at least one priority theme, or answer "No" above':
    'describa las actividades de al menos un tema prioritario, o responda «No» más arriba',
  'at most {{count}} characters': 'como máximo {{count}} caracteres',
  'Survey of crime prevention and criminal justice activities within the United Nations system':
    'Encuesta sobre las actividades de prevención del delito y justicia penal en el sistema de las Naciones Unidas',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.':
    'De conformidad con la resolución 1992/22 del Consejo Económico y Social, sección IV, párrafo 10 a), la Secretaría examina las actividades realizadas en materia de prevención del delito y justicia penal en el sistema de las Naciones Unidas. Sus respuestas sirven de base para el informe a la Comisión sobre los temas prioritarios y sus consecuencias presupuestarias.',
  'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?':
    '¿Realizó su organización actividades de prevención del delito y justicia penal en el período que abarca el informe?',
  Yes: 'Sí',
  No: 'No',
  'Describe each activity in the reporting period: what, where (country or region), with whom.':
    'Describa cada actividad del período: qué, dónde (país o región), con quién.',
  'Main partners (United Nations entities, intergovernmental and non-governmental organizations)':
    'Principales asociados (entidades de las Naciones Unidas, organizaciones intergubernamentales y no gubernamentales)',
  ...Object.fromEntries(
    PRIORITY_THEMES.flatMap((theme) => {
      const [title, reference] = THEMES[theme.code]!;
      return [
        [
          `Activities under priority theme ${theme.reference}: ${theme.title}`,
          `Actividades del tema prioritario ${reference}: ${title}`,
        ],
        [`Budget for these activities (${theme.reference})`, `Presupuesto de estas actividades (${reference})`],
      ];
    }),
  ),
  'Dear {{name}},': 'Estimado/a {{name}}:',
  'Secretariat of the Commission on Crime Prevention and Criminal Justice':
    'Secretaría de la Comisión de Prevención del Delito y Justicia Penal',
  'United Nations Office at Vienna': 'Oficina de las Naciones Unidas en Viena',
  'Survey of crime prevention and criminal justice activities: reply by {{date}}':
    'Encuesta sobre las actividades de prevención del delito y justicia penal: respuesta antes del {{date}}',
  'Your new link to the survey (reply by {{date}})': 'Su nuevo enlace a la encuesta (respuesta antes del {{date}})',
  'This message replaces the links sent to you earlier, which no longer work.':
    'Este mensaje sustituye a los enlaces que se le enviaron anteriormente, que ya no funcionan.',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
    'De conformidad con la resolución 1992/22 del Consejo Económico y Social, sección IV, párrafo 10 a), la Secretaría realiza una encuesta sobre las actividades de prevención del delito y justicia penal en el sistema de las Naciones Unidas, como preparación del {{number}}º período de sesiones de la Comisión de Prevención del Delito y Justicia Penal.',
  'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:':
    'Le rogamos que responda en nombre de {{organisation}} antes del {{date}}, mediante este enlace personal:',
  'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.':
    'El enlace es personal: no lo reenvíe. Puede guardar sus respuestas y volver antes de la fecha límite.',
  'Reminder: survey closes on {{date}}': 'Recordatorio: la encuesta se cierra el {{date}}',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.':
    'Le recordamos que la Secretaría aún no ha recibido la respuesta de {{organisation}} a la encuesta sobre las actividades de prevención del delito y justicia penal en el sistema de las Naciones Unidas. La encuesta se cierra el {{date}}.',
  'Your personal link:': 'Su enlace personal:',
  'If your organization has already replied, please disregard this message.':
    'Si su organización ya ha respondido, no tenga en cuenta este mensaje.',
  'Reply received, reference {{reference}}': 'Respuesta recibida, referencia {{reference}}',
  'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.':
    'La Secretaría ha recibido la respuesta de {{organisation}} a la encuesta sobre las actividades de prevención del delito y justicia penal en el sistema de las Naciones Unidas. Referencia: {{reference}}.',
  'Your organization declined to take part in this survey. No more reminders will be sent.':
    'Su organización declinó participar en esta encuesta. No se enviarán más recordatorios.',
  'Reason given: {{reason}}': 'Motivo indicado: {{reason}}',
  'Your organization answered that it has nothing to report for this survey (nil return).':
    'Su organización declaró que no tiene nada que informar para esta encuesta.',
  'A copy of the answers follows.': 'A continuación figura una copia de las respuestas.',
  "The reply arrived after the survey's close and is recorded as late.":
    'La respuesta llegó después del cierre de la encuesta y consta como tardía.',
  'Thank you for your contribution.': 'Le agradecemos su contribución.',
  'Your reply has been reopened for amendment (reply by {{date}})':
    'Su respuesta se ha reabierto para su modificación (responda a más tardar el {{date}})',
  'The Secretariat has reopened the reply of {{organisation}} so that it can be amended, for this reason:':
    'La Secretaría ha reabierto la respuesta de {{organisation}} para que pueda modificarse, por el siguiente motivo:',
  'Please review the answers and submit them again by {{date}}, using this personal link:':
    'Le rogamos que revise las respuestas y las presente de nuevo a más tardar el {{date}}, mediante este enlace personal:',
  'The Secretariat reopened this reply for amendment: {{reason}}':
    'La Secretaría reabrió esta respuesta para su modificación: {{reason}}',
  'this amount is unusually large: please check it': 'este importe es inusualmente elevado: verifíquelo',
  'this description is very short: please say what, where and with whom':
    'esta descripción es muy breve: indique qué, dónde y con quién',
  'no budget is given for these activities: confirm that there is none':
    'no se indica presupuesto para estas actividades: confirme que no lo hay',
  'Please check these answers before submitting:': 'Verifique estas respuestas antes de enviar:',
  'I have checked these answers and they are correct': 'He verificado estas respuestas y son correctas',
  'Saving…': 'Guardando…',
  'Draft saved at {{time}}': 'Borrador guardado a las {{time}}',
  'Not saved: someone else changed this reply. Reload the page to see their changes.':
    'No se guardó: otra persona modificó esta respuesta. Vuelva a cargar la página para ver sus cambios.',
  'Not saved: the connection failed. Your answers are still on this page.':
    'No se guardó: falló la conexión. Sus respuestas siguen en esta página.',
  'Not saved yet: the service is briefly unavailable. Trying again shortly; your answers are still on this page.':
    'Aún no se ha guardado: el servicio no está disponible por un momento. Se volverá a intentar en breve; sus respuestas siguen en esta página.',
  'Not saved: some answers need attention.': 'No se guardó: algunas respuestas requieren atención.',
  'General questions': 'Preguntas generales',
  'Priority theme VI 1 (a)': 'Tema prioritario VI 1 a)',
  'Priority theme VI 1 (b)': 'Tema prioritario VI 1 b)',
  'Priority theme VI 1 (c)': 'Tema prioritario VI 1 c)',
  'the whole questionnaire': 'todo el cuestionario',
  'You are helping {{organisation}} with: {{sections}}. {{name}} will submit the reply.':
    'Usted ayuda a {{organisation}} con: {{sections}}. {{name}} enviará la respuesta.',
  'The link is on its way to your colleague.': 'El enlace se está enviando a su colega.',
  'Ask a colleague to help': 'Pedir ayuda a un colega',
  'Give a colleague their own link to answer the whole questionnaire or some sections. You keep sight of their answers and submit the reply yourself.':
    'Dé a un colega su propio enlace para responder a todo el cuestionario o a algunas secciones. Usted ve sus respuestas y envía la respuesta personalmente.',
  'Colleagues helping with this reply': 'Colegas que ayudan con esta respuesta',
  '{{name}} ({{email}}): {{sections}}, until {{date}}': '{{name}} ({{email}}): {{sections}}, hasta el {{date}}',
  'Withdraw the link': 'Retirar el enlace',
  "Colleague's name": 'Nombre del colega',
  "Colleague's e-mail address": 'Dirección de correo electrónico del colega',
  'Sections (none ticked: the whole questionnaire)': 'Secciones (ninguna marcada: todo el cuestionario)',
  'Link valid until': 'Enlace válido hasta el',
  'Message to your colleague (optional)': 'Mensaje para su colega (opcional)',
  'Send the link': 'Enviar el enlace',
  '{{name}} asks for your help with a United Nations survey (until {{date}})':
    '{{name}} le pide ayuda con una encuesta de las Naciones Unidas (hasta el {{date}})',
  '{{name}} of {{organisation}} asks you to answer the following part of the survey “{{survey}}”: {{sections}}.':
    '{{name}}, de {{organisation}}, le pide que responda a la siguiente parte de la encuesta «{{survey}}»: {{sections}}.',
  'Message from {{name}}:': 'Mensaje de {{name}}:',
  'Your personal link, valid until {{date}}:': 'Su enlace personal, válido hasta el {{date}}:',
  'Your answers are saved for {{name}}, who will submit the reply.':
    'Sus respuestas se guardan para {{name}}, que enviará la respuesta.',
  'enter a number in digits only': 'escriba un número solo con cifras',
  'enter a whole number': 'escriba un número entero',
  'enter a number from {{min}} to {{max}}': 'escriba un número entre {{min}} y {{max}}',
  'Supporting document (a report or work plan, if you have one)':
    'Documento justificativo (un informe o plan de trabajo, si lo tiene)',
  'attached file': 'archivo adjunto',
  'Accepted: {{kinds}}, up to {{size}} MB': 'Se aceptan: {{kinds}}, hasta {{size}} MB',
  'Attach the file': 'Adjuntar el archivo',
  'Remove the file': 'Quitar el archivo',
  'Attached: {{name}} ({{size}} KB)': 'Adjunto: {{name}} ({{size}} KB)',
  'The file was attached.': 'El archivo se adjuntó.',
  'the file is too large for this question': 'el archivo es demasiado grande para esta pregunta',
  'this kind of file is not accepted here': 'este tipo de archivo no se acepta aquí',
  'the attached file is not valid: attach it again': 'el archivo adjunto no es válido: adjúntelo de nuevo',
  'choose a file to attach': 'elija un archivo para adjuntar',
  'That did not work': 'No fue posible',
  'Request refused': 'Solicitud rechazada',
  'Something went wrong': 'Se produjo un error',
  'Please try again': 'Vuelva a intentarlo',
  'The service is briefly unavailable. Nothing was lost: please try again in a minute.':
    'El servicio no está disponible por un momento. No se ha perdido nada: vuelva a intentarlo dentro de un minuto.',
  'The error was logged. Please try again.': 'El error quedó registrado. Inténtelo de nuevo.',
  Back: 'Volver',
  'The form has expired or was not sent from this site. Reload the page and try again.':
    'El formulario caducó o no se envió desde este sitio. Vuelva a cargar la página e inténtelo de nuevo.',
  'Open the questionnaire from your link first': 'Abra primero el cuestionario desde su enlace',
  'This questionnaire has already been submitted': 'Este cuestionario ya se envió',
  'Someone else saved this questionnaire meanwhile; reload to see their changes':
    'Otra persona guardó este cuestionario entretanto; vuelva a cargar la página para ver sus cambios',
  'This questionnaire has already been answered': 'Este cuestionario ya se respondió',
  'The questionnaire has no such section; reload the page':
    'El cuestionario no tiene esa sección; vuelva a cargar la página',
  'That is your own address: give your colleague’s': 'Esa es su propia dirección: indique la de su colega',
  'Give a date from today to the reply’s deadline': 'Indique una fecha entre hoy y el plazo de la respuesta',
  'This reply has already been sent': 'Esta respuesta ya se envió',
  'This question is not in the sections you were asked to answer':
    'Esta pregunta no está en las secciones que se le pidió responder',
  'Only the colleague who asked for your help can do this': 'Solo el colega que le pidió ayuda puede hacerlo',
  'Some answers need attention': 'Algunas respuestas requieren atención',
  "give your colleague's name": 'indique el nombre de su colega',
  "give your colleague's e-mail address": 'indique la dirección de correo electrónico de su colega',
};

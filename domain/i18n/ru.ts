import { PRIORITY_THEMES } from '../priority-themes';
import type { Catalogue } from './catalogue';

const THEMES: Record<string, [string, string]> = {
  a: [
    'национальная и транснациональная преступность, организованная преступность, экономическая преступность, включая отмывание денег, и роль уголовного права в охране окружающей среды',
    'VI 1 a',
  ],
  b: [
    'предупреждение преступности в городских районах, преступность среди несовершеннолетних и насильственная преступность',
    'VI 1 b',
  ],
  c: [
    'эффективность, справедливость и совершенствование управления и отправления уголовного правосудия и смежных систем',
    'VI 1 c',
  ],
};

export const ru: Catalogue = {
  Survey: 'Обследование',
  Questionnaire: 'Вопросник',
  Language: 'Язык',
  'Replying for {{organisation}}': 'Ответ от имени: {{organisation}}',
  'Closes on {{date}}': 'Срок ответа: {{date}}',
  'Closed on {{date}}': 'Обследование закрыто {{date}}',
  'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.':
    'Спасибо. {{date}} ваша организация сообщила, что ей нечего сообщить.',
  "Thank you. Your organization's reply was submitted on {{date}}.":
    'Спасибо. Ответ вашей организации отправлен {{date}}.',
  'It arrived after the close and is recorded as late.': 'Он поступил после закрытия и зарегистрирован как поздний.',
  'Your organization declined to take part on {{date}}. No more reminders will be sent.':
    '{{date}} ваша организация отказалась от участия. Напоминания больше не будут направляться.',
  'Reference: {{reference}}': 'Номер: {{reference}}',
  'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.':
    'Обследование закрыто {{date}}. Отправленный сейчас ответ ещё принимается и регистрируется как поздний.',
  'Continue your reply': 'Продолжить ответ',
  'Start the questionnaire': 'Начать заполнение вопросника',
  'Nothing to report?': 'Нечего сообщить?',
  'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.':
    'Если ваша организация в отчётный период не осуществляла деятельности в области предупреждения преступности и уголовного правосудия, вместо заполнения вопросника вы можете сообщить, что сообщать нечего.',
  'File a nil return': 'Сообщить, что сообщать нечего',
  'Not taking part?': 'Не участвуете?',
  'Reason (optional)': 'Причина (необязательно)',
  'Decline to take part': 'Отказаться от участия',
  'Send me no more reminders': 'Больше не присылать напоминания',
  'You will receive no more scheduled reminders for this survey.':
    'Вы больше не будете получать плановые напоминания об этом обследовании.',
  'Some answers need attention:': 'Некоторые ответы требуют внимания:',
  Currency: 'Валюта',
  'Save draft': 'Сохранить черновик',
  'Submit reply': 'Отправить ответ',
  'Your draft was saved.': 'Черновик сохранён.',
  'This link is not available': 'Эта ссылка недоступна',
  'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.':
    'Возможно, срок действия ссылки истёк, она была заменена или набрана с ошибкой. Если вам нужно ответить на обследование, обратитесь в Секретариат по адресу {{email}}.',
  'This link was replaced': 'Эта ссылка заменена',
  'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.':
    '{{date}} вам была направлена новая персональная ссылка, и эта больше не действует. Воспользуйтесь ссылкой из последнего письма Секретариата. Если вы не можете его найти, обратитесь в Секретариат по адресу {{email}}.',
  'this question must be answered': 'необходимо ответить на этот вопрос',
  'choose one of the answers offered': 'выберите один из предложенных ответов',
  'enter the amount in digits only': 'укажите сумму только цифрами',
  'the amount cannot be negative': 'сумма не может быть отрицательной',
  'the amount is implausibly large': 'сумма неправдоподобно велика',
  'choose the currency from the list': 'выберите валюту из списка',
  'choose the currency of the amount': 'укажите валюту суммы',
  'describe the activities under at least one priority theme, or answer "No" above':
    'опишите деятельность хотя бы по одной приоритетной теме или ответьте «Нет» выше',
  'at most {{count}} characters': 'не более {{count}} знаков',
  'Survey of crime prevention and criminal justice activities within the United Nations system':
    'Обследование деятельности в области предупреждения преступности и уголовного правосудия в системе Организации Объединенных Наций',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.':
    'В соответствии с пунктом 10 (a) раздела IV резолюции 1992/22 Экономического и Социального Совета Секретариат проводит обследование деятельности в области предупреждения преступности и уголовного правосудия в системе Организации Объединенных Наций. Ваши ответы будут использованы в докладе Комиссии о приоритетных темах и их последствиях для бюджета.',
  'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?':
    'Осуществляла ли ваша организация в отчётный период деятельность в области предупреждения преступности и уголовного правосудия?',
  Yes: 'Да',
  No: 'Нет',
  'Describe each activity in the reporting period: what, where (country or region), with whom.':
    'Опишите каждое мероприятие отчётного периода: что, где (страна или регион), с кем.',
  'Main partners (United Nations entities, intergovernmental and non-governmental organizations)':
    'Основные партнёры (подразделения Организации Объединенных Наций, межправительственные и неправительственные организации)',
  ...Object.fromEntries(
    PRIORITY_THEMES.flatMap((theme) => {
      const [title, reference] = THEMES[theme.code]!;
      return [
        [
          `Activities under priority theme ${theme.reference}: ${theme.title}`,
          `Деятельность по приоритетной теме ${reference}: ${title}`,
        ],
        [`Budget for these activities (${theme.reference})`, `Бюджет этой деятельности (${reference})`],
      ];
    }),
  ),
  'Dear {{name}},': 'Уважаемый(ая) {{name}}!',
  'Secretariat of the Commission on Crime Prevention and Criminal Justice':
    'Секретариат Комиссии по предупреждению преступности и уголовному правосудию',
  'United Nations Office at Vienna': 'Отделение Организации Объединенных Наций в Вене',
  'Survey of crime prevention and criminal justice activities: reply by {{date}}':
    'Обследование деятельности в области предупреждения преступности и уголовного правосудия: ответ до {{date}}',
  'Your new link to the survey (reply by {{date}})': 'Ваша новая ссылка на обследование (ответ до {{date}})',
  'This message replaces the links sent to you earlier, which no longer work.':
    'Это сообщение заменяет ранее направленные вам ссылки, которые больше не действуют.',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
    'В соответствии с пунктом 10 (a) раздела IV резолюции 1992/22 Экономического и Социального Совета Секретариат проводит обследование деятельности в области предупреждения преступности и уголовного правосудия в системе Организации Объединенных Наций в рамках подготовки к {{number}}-й сессии Комиссии по предупреждению преступности и уголовному правосудию.',
  'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:':
    'Просим ответить от имени организации «{{organisation}}» до {{date}} по этой персональной ссылке:',
  'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.':
    'Ссылка предназначена лично вам: пожалуйста, не пересылайте её. Вы можете сохранить ответы и вернуться к ним до истечения срока.',
  'Reminder: survey closes on {{date}}': 'Напоминание: обследование закрывается {{date}}',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.':
    'Напоминаем, что Секретариат ещё не получил ответ организации «{{organisation}}» на обследование деятельности в области предупреждения преступности и уголовного правосудия в системе Организации Объединенных Наций. Обследование закрывается {{date}}.',
  'Your personal link:': 'Ваша персональная ссылка:',
  'If your organization has already replied, please disregard this message.':
    'Если ваша организация уже ответила, просьба не принимать это сообщение во внимание.',
  'Reply received, reference {{reference}}': 'Ответ получен, номер {{reference}}',
  'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.':
    'Секретариат получил ответ организации «{{organisation}}» на обследование деятельности в области предупреждения преступности и уголовного правосудия в системе Организации Объединенных Наций. Номер: {{reference}}.',
  'Your organization declined to take part in this survey. No more reminders will be sent.':
    'Ваша организация отказалась от участия в этом обследовании. Напоминания больше не будут направляться.',
  'Reason given: {{reason}}': 'Указанная причина: {{reason}}',
  'Your organization answered that it has nothing to report for this survey (nil return).':
    'Ваша организация сообщила, что по этому обследованию ей сообщить нечего.',
  'A copy of the answers follows.': 'Ниже приводится копия ответов.',
  "The reply arrived after the survey's close and is recorded as late.":
    'Ответ поступил после закрытия обследования и зарегистрирован как поздний.',
  'Thank you for your contribution.': 'Благодарим вас за участие.',
  'Your reply has been reopened for amendment (reply by {{date}})':
    'Ваш ответ открыт для внесения изменений (ответ до {{date}})',
  'The Secretariat has reopened the reply of {{organisation}} so that it can be amended, for this reason:':
    'Секретариат открыл ответ {{organisation}} для внесения изменений по следующей причине:',
  'Please review the answers and submit them again by {{date}}, using this personal link:':
    'Просим проверить ответы и повторно представить их до {{date}} по этой персональной ссылке:',
  'The Secretariat reopened this reply for amendment: {{reason}}':
    'Секретариат открыл этот ответ для внесения изменений: {{reason}}',
  'this amount is unusually large: please check it': 'эта сумма необычно велика: проверьте её',
  'this description is very short: please say what, where and with whom':
    'это описание слишком краткое: укажите, что, где и с кем',
  'no budget is given for these activities: confirm that there is none':
    'бюджет этих мероприятий не указан: подтвердите, что его нет',
  'Please check these answers before submitting:': 'Проверьте эти ответы перед отправкой:',
  'I have checked these answers and they are correct': 'Я проверил(а) эти ответы, они верны',
  'Saving…': 'Сохранение…',
  'Draft saved at {{time}}': 'Черновик сохранён в {{time}}',
  'Not saved: someone else changed this reply. Reload the page to see their changes.':
    'Не сохранено: этот ответ изменил другой пользователь. Перезагрузите страницу, чтобы увидеть изменения.',
  'Not saved: the connection failed. Your answers are still on this page.':
    'Не сохранено: сбой соединения. Ваши ответы остаются на этой странице.',
  'Not saved yet: the service is briefly unavailable. Trying again shortly; your answers are still on this page.':
    'Пока не сохранено: служба временно недоступна. Скоро будет повторная попытка; ваши ответы остаются на этой странице.',
  'Not saved: some answers need attention.': 'Не сохранено: некоторые ответы требуют исправления.',
  'General questions': 'Общие вопросы',
  'Priority theme VI 1 (a)': 'Приоритетная тема VI 1 a)',
  'Priority theme VI 1 (b)': 'Приоритетная тема VI 1 b)',
  'Priority theme VI 1 (c)': 'Приоритетная тема VI 1 c)',
  'the whole questionnaire': 'весь вопросник',
  'You are helping {{organisation}} with: {{sections}}. {{name}} will submit the reply.':
    'Вы помогаете {{organisation}} с разделами: {{sections}}. Ответ представит {{name}}.',
  'The link is on its way to your colleague.': 'Ссылка отправляется вашему коллеге.',
  'Ask a colleague to help': 'Попросить коллегу о помощи',
  'Give a colleague their own link to answer the whole questionnaire or some sections. You keep sight of their answers and submit the reply yourself.':
    'Дайте коллеге собственную ссылку, чтобы он ответил на весь вопросник или на отдельные разделы. Вы видите его ответы и сами представляете ответ.',
  'Colleagues helping with this reply': 'Коллеги, помогающие с этим ответом',
  '{{name}} ({{email}}): {{sections}}, until {{date}}': '{{name}} ({{email}}): {{sections}}, до {{date}}',
  'Withdraw the link': 'Отозвать ссылку',
  "Colleague's name": 'Имя коллеги',
  "Colleague's e-mail address": 'Адрес электронной почты коллеги',
  'Sections (none ticked: the whole questionnaire)': 'Разделы (если ничего не отмечено — весь вопросник)',
  'Link valid until': 'Ссылка действительна до',
  'Message to your colleague (optional)': 'Сообщение коллеге (необязательно)',
  'Send the link': 'Отправить ссылку',
  '{{name}} asks for your help with a United Nations survey (until {{date}})':
    '{{name}} просит вас помочь с обследованием Организации Объединенных Наций (до {{date}})',
  '{{name}} of {{organisation}} asks you to answer the following part of the survey “{{survey}}”: {{sections}}.':
    '{{name}} ({{organisation}}) просит вас ответить на следующую часть обследования «{{survey}}»: {{sections}}.',
  'Message from {{name}}:': 'Сообщение от {{name}}:',
  'Your personal link, valid until {{date}}:': 'Ваша персональная ссылка, действительная до {{date}}:',
  'Your answers are saved for {{name}}, who will submit the reply.':
    'Ваши ответы сохраняются для {{name}}, который представит ответ.',
  'enter a number in digits only': 'введите число только цифрами',
  'enter a whole number': 'введите целое число',
  'enter a number from {{min}} to {{max}}': 'введите число от {{min}} до {{max}}',
  'Supporting document (a report or work plan, if you have one)':
    'Подтверждающий документ (доклад или план работы, если имеется)',
  'attached file': 'прикреплённый файл',
  'Accepted: {{kinds}}, up to {{size}} MB': 'Допускаются: {{kinds}}, до {{size}} МБ',
  'Attach the file': 'Прикрепить файл',
  'Remove the file': 'Удалить файл',
  'Attached: {{name}} ({{size}} KB)': 'Прикреплено: {{name}} ({{size}} КБ)',
  'The file was attached.': 'Файл прикреплён.',
  'the file is too large for this question': 'файл слишком велик для этого вопроса',
  'this kind of file is not accepted here': 'файлы этого типа здесь не принимаются',
  'the attached file is not valid: attach it again': 'прикреплённый файл недействителен: прикрепите его снова',
  'choose a file to attach': 'выберите файл для прикрепления',
  'That did not work': 'Не получилось',
  'Request refused': 'Запрос отклонён',
  'Something went wrong': 'Произошла ошибка',
  'Please try again': 'Повторите попытку',
  'The service is briefly unavailable. Nothing was lost: please try again in a minute.':
    'Служба временно недоступна. Ничего не потеряно: повторите попытку через минуту.',
  'The error was logged. Please try again.': 'Ошибка зарегистрирована. Повторите попытку.',
  Back: 'Назад',
  'The form has expired or was not sent from this site. Reload the page and try again.':
    'Срок действия формы истёк или она отправлена не с этого сайта. Перезагрузите страницу и повторите попытку.',
  'Open the questionnaire from your link first': 'Сначала откройте вопросник по своей ссылке',
  'This questionnaire has already been submitted': 'Этот вопросник уже представлен',
  'Someone else saved this questionnaire meanwhile; reload to see their changes':
    'Тем временем этот вопросник сохранил другой пользователь; перезагрузите страницу, чтобы увидеть изменения',
  'This questionnaire has already been answered': 'На этот вопросник уже дан ответ',
  'The questionnaire has no such section; reload the page': 'В вопроснике нет такого раздела; перезагрузите страницу',
  'That is your own address: give your colleague’s': 'Это ваш собственный адрес: укажите адрес коллеги',
  'Give a date from today to the reply’s deadline': 'Укажите дату от сегодняшнего дня до срока ответа',
  'This reply has already been sent': 'Этот ответ уже отправлен',
  'This question is not in the sections you were asked to answer':
    'Этот вопрос не входит в разделы, на которые вас попросили ответить',
  'Only the colleague who asked for your help can do this':
    'Это может сделать только коллега, попросивший вас о помощи',
  'Some answers need attention': 'Некоторые ответы требуют внимания',
  "give your colleague's name": 'укажите имя коллеги',
  "give your colleague's e-mail address": 'укажите адрес электронной почты коллеги',
};

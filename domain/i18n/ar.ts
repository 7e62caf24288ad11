import { PRIORITY_THEMES } from '../priority-themes';
import type { Catalogue } from './catalogue';

const THEMES: Record<string, [string, string]> = {
  a: [
    'الجريمة الوطنية وعبر الوطنية، والجريمة المنظمة، والجريمة الاقتصادية، بما في ذلك غسل الأموال، ودور القانون الجنائي في حماية البيئة',
    'السادس 1 (أ)',
  ],
  b: ['منع الجريمة في المناطق الحضرية، وجنوح الأحداث، والإجرام العنيف', 'السادس 1 (ب)'],
  c: ['الكفاءة والإنصاف والتحسين في إدارة وتسيير العدالة الجنائية والنظم المتصلة بها', 'السادس 1 (ج)'],
};

export const ar: Catalogue = {
  Survey: 'الاستقصاء',
  Questionnaire: 'الاستبيان',
  Language: 'اللغة',
  'Replying for {{organisation}}': 'الرد باسم: {{organisation}}',
  'Closes on {{date}}': 'آخر موعد للرد: {{date}}',
  'Closed on {{date}}': 'أُغلق في {{date}}',
  'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.':
    'شكراً لكم. أفادت منظمتكم في {{date}} بأنه ليس لديها ما تبلغ عنه.',
  "Thank you. Your organization's reply was submitted on {{date}}.": 'شكراً لكم. أُرسل رد منظمتكم في {{date}}.',
  'It arrived after the close and is recorded as late.': 'وقد ورد بعد الإغلاق وسُجّل على أنه متأخر.',
  'Your organization declined to take part on {{date}}. No more reminders will be sent.':
    'اعتذرت منظمتكم عن المشاركة في {{date}}. ولن تُرسل أي تذكيرات أخرى.',
  'Reference: {{reference}}': 'الرقم المرجعي: {{reference}}',
  'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.':
    'أُغلق الاستقصاء في {{date}}. وما زال الرد المرسل الآن مقبولاً، ويُسجّل على أنه متأخر.',
  'Continue your reply': 'مواصلة الرد',
  'Start the questionnaire': 'بدء الاستبيان',
  'Nothing to report?': 'ليس لديكم ما تبلغون عنه؟',
  'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.':
    'إذا لم تضطلع منظمتكم بأي أنشطة في مجال منع الجريمة والعدالة الجنائية خلال الفترة المشمولة بالتقرير، يمكنكم الإفادة بأنه ليس لديكم ما تبلغون عنه بدلاً من الرد على الاستبيان.',
  'File a nil return': 'الإفادة بعدم وجود ما يُبلّغ عنه',
  'Not taking part?': 'لن تشاركوا؟',
  'Reason (optional)': 'السبب (اختياري)',
  'Decline to take part': 'الاعتذار عن المشاركة',
  'Send me no more reminders': 'عدم إرسال تذكيرات أخرى إليّ',
  'You will receive no more scheduled reminders for this survey.':
    'لن تتلقوا أي تذكيرات مجدولة أخرى بشأن هذا الاستقصاء.',
  'Some answers need attention:': 'بعض الإجابات تحتاج إلى مراجعة:',
  Currency: 'العملة',
  'Save draft': 'حفظ المسودة',
  'Submit reply': 'إرسال الرد',
  'Your draft was saved.': 'حُفظت مسودتكم.',
  'This link is not available': 'هذا الرابط غير متاح',
  'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.':
    'ربما انتهت صلاحية الرابط أو استُبدل أو كُتب بصورة خاطئة. إذا كنتم بحاجة إلى الرد على الاستقصاء، يرجى الاتصال بالأمانة على العنوان {{email}}.',
  'This link was replaced': 'استُبدل هذا الرابط',
  'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.':
    'أُرسل إليكم رابط شخصي جديد في {{date}}، ولم يعد هذا الرابط يعمل. يرجى استخدام الرابط الوارد في أحدث رسالة من الأمانة. وإذا تعذّر عليكم العثور عليها، يرجى الاتصال بالأمانة على العنوان {{email}}.',
  'this question must be answered': 'يجب الإجابة عن هذا السؤال',
  'choose one of the answers offered': 'اختاروا إحدى الإجابات المقترحة',
  'enter the amount in digits only': 'أدخلوا المبلغ بالأرقام فقط',
  'the amount cannot be negative': 'لا يمكن أن يكون المبلغ سالباً',
  'the amount is implausibly large': 'المبلغ كبير على نحو غير معقول',
  'choose the currency from the list': 'اختاروا العملة من القائمة',
  'choose the currency of the amount': 'حددوا عملة المبلغ',
  'describe the activities under at least one priority theme, or answer "No" above':
    'صِفوا الأنشطة المندرجة في موضوع ذي أولوية واحد على الأقل، أو أجيبوا بـ«لا» أعلاه',
  'at most {{count}} characters': '{{count}} حرفاً كحد أقصى',
  'Survey of crime prevention and criminal justice activities within the United Nations system':
    'استقصاء الأنشطة المتعلقة بمنع الجريمة والعدالة الجنائية داخل منظومة الأمم المتحدة',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.':
    'عملاً بالفقرة 10 (أ) من الفرع الرابع من قرار المجلس الاقتصادي والاجتماعي 1992/22، تجري الأمانة استقصاءً للأنشطة المضطلع بها في مجال منع الجريمة والعدالة الجنائية داخل منظومة الأمم المتحدة. وتُستخدم إجاباتكم في إعداد التقرير المقدم إلى اللجنة بشأن المواضيع ذات الأولوية وآثارها في الميزانية.',
  'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?':
    'هل اضطلعت منظمتكم بأنشطة في مجال منع الجريمة والعدالة الجنائية خلال الفترة المشمولة بالتقرير؟',
  Yes: 'نعم',
  No: 'لا',
  'Describe each activity in the reporting period: what, where (country or region), with whom.':
    'صِفوا كل نشاط خلال الفترة المشمولة بالتقرير: ماهيته، ومكانه (البلد أو المنطقة)، والشركاء فيه.',
  'Main partners (United Nations entities, intergovernmental and non-governmental organizations)':
    'الشركاء الرئيسيون (كيانات الأمم المتحدة والمنظمات الحكومية الدولية وغير الحكومية)',
  ...Object.fromEntries(
    PRIORITY_THEMES.flatMap((theme) => {
      const [title, reference] = THEMES[theme.code]!;
      return [
        [
          `Activities under priority theme ${theme.reference}: ${theme.title}`,
          `الأنشطة المندرجة في الموضوع ذي الأولوية ${reference}: ${title}`,
        ],
        [`Budget for these activities (${theme.reference})`, `ميزانية هذه الأنشطة (${reference})`],
      ];
    }),
  ),
  'Dear {{name}},': 'السيد/السيدة {{name}}،',
  'Secretariat of the Commission on Crime Prevention and Criminal Justice': 'أمانة لجنة منع الجريمة والعدالة الجنائية',
  'United Nations Office at Vienna': 'مكتب الأمم المتحدة في فيينا',
  'Survey of crime prevention and criminal justice activities: reply by {{date}}':
    'استقصاء أنشطة منع الجريمة والعدالة الجنائية: يرجى الرد بحلول {{date}}',
  'Your new link to the survey (reply by {{date}})': 'رابطكم الجديد إلى الاستقصاء (الرد بحلول {{date}})',
  'This message replaces the links sent to you earlier, which no longer work.':
    'تحل هذه الرسالة محل الروابط التي أُرسلت إليكم من قبل، والتي لم تعد تعمل.',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
    'عملاً بالفقرة 10 (أ) من الفرع الرابع من قرار المجلس الاقتصادي والاجتماعي 1992/22، تجري الأمانة استقصاءً للأنشطة المتعلقة بمنع الجريمة والعدالة الجنائية داخل منظومة الأمم المتحدة، تحضيراً للدورة {{number}} للجنة منع الجريمة والعدالة الجنائية.',
  'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:':
    'يرجى الرد باسم {{organisation}} بحلول {{date}}، باستخدام هذا الرابط الشخصي:',
  'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.':
    'هذا الرابط شخصي: يرجى عدم إعادة توجيهه. ويمكنكم حفظ إجاباتكم والعودة إليها قبل الموعد النهائي.',
  'Reminder: survey closes on {{date}}': 'تذكير: يُغلق الاستقصاء في {{date}}',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.':
    'نود أن نذكّركم بأن الأمانة لم تتلق بعد رد {{organisation}} على استقصاء الأنشطة المتعلقة بمنع الجريمة والعدالة الجنائية داخل منظومة الأمم المتحدة. ويُغلق الاستقصاء في {{date}}.',
  'Your personal link:': 'رابطكم الشخصي:',
  'If your organization has already replied, please disregard this message.':
    'إذا كانت منظمتكم قد ردّت بالفعل، يرجى تجاهل هذه الرسالة.',
  'Reply received, reference {{reference}}': 'تم استلام الرد، الرقم المرجعي {{reference}}',
  'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.':
    'تلقّت الأمانة رد {{organisation}} على استقصاء الأنشطة المتعلقة بمنع الجريمة والعدالة الجنائية داخل منظومة الأمم المتحدة. الرقم المرجعي: {{reference}}.',
  'Your organization declined to take part in this survey. No more reminders will be sent.':
    'اعتذرت منظمتكم عن المشاركة في هذا الاستقصاء. ولن تُرسل أي تذكيرات أخرى.',
  'Reason given: {{reason}}': 'السبب المذكور: {{reason}}',
  'Your organization answered that it has nothing to report for this survey (nil return).':
    'أفادت منظمتكم بأنه ليس لديها ما تبلغ عنه في هذا الاستقصاء.',
  'A copy of the answers follows.': 'وترد أدناه نسخة من الإجابات.',
  "The reply arrived after the survey's close and is recorded as late.":
    'ورد الرد بعد إغلاق الاستقصاء وسُجّل على أنه متأخر.',
  'Thank you for your contribution.': 'نشكركم على مساهمتكم.',
  'Your reply has been reopened for amendment (reply by {{date}})': 'أُعيد فتح ردكم لتعديله (يُرجى الرد بحلول {{date}})',
  'The Secretariat has reopened the reply of {{organisation}} so that it can be amended, for this reason:':
    'أعادت الأمانة فتح رد {{organisation}} لكي يتسنى تعديله، للسبب التالي:',
  'Please review the answers and submit them again by {{date}}, using this personal link:':
    'يُرجى مراجعة الإجابات وتقديمها من جديد بحلول {{date}}، باستخدام هذا الرابط الشخصي:',
  'The Secretariat reopened this reply for amendment: {{reason}}': 'أعادت الأمانة فتح هذا الرد لتعديله: {{reason}}',
  'this amount is unusually large: please check it': 'هذا المبلغ كبير على نحو غير معتاد: يُرجى التحقق منه',
  'this description is very short: please say what, where and with whom':
    'هذا الوصف قصير جدا: يُرجى بيان ماذا وأين ومع من',
  'no budget is given for these activities: confirm that there is none':
    'لم تُذكر ميزانية لهذه الأنشطة: يُرجى التأكيد على عدم وجودها',
  'Please check these answers before submitting:': 'يُرجى التحقق من هذه الإجابات قبل التقديم:',
  'I have checked these answers and they are correct': 'تحققتُ من هذه الإجابات وهي صحيحة',
  'Saving…': 'جارٍ الحفظ…',
  'Draft saved at {{time}}': 'حُفظت المسودة في الساعة {{time}}',
  'Not saved: someone else changed this reply. Reload the page to see their changes.':
    'لم يُحفظ: عدّل شخص آخر هذا الرد. أعد تحميل الصفحة للاطلاع على تعديلاته.',
  'Not saved: the connection failed. Your answers are still on this page.':
    'لم يُحفظ: تعذّر الاتصال. لا تزال إجاباتكم في هذه الصفحة.',
  'Not saved yet: the service is briefly unavailable. Trying again shortly; your answers are still on this page.':
    'لم يُحفظ بعد: الخدمة غير متاحة مؤقتا. ستُعاد المحاولة قريبا؛ ولا تزال إجاباتكم في هذه الصفحة.',
  'Not saved: some answers need attention.': 'لم يُحفظ: بعض الإجابات تحتاج إلى مراجعة.',
  'General questions': 'أسئلة عامة',
  'Priority theme VI 1 (a)': 'الموضوع ذو الأولوية VI 1 (أ)',
  'Priority theme VI 1 (b)': 'الموضوع ذو الأولوية VI 1 (ب)',
  'Priority theme VI 1 (c)': 'الموضوع ذو الأولوية VI 1 (ج)',
  'the whole questionnaire': 'الاستبيان بأكمله',
  'You are helping {{organisation}} with: {{sections}}. {{name}} will submit the reply.':
    'أنتم تساعدون {{organisation}} في: {{sections}}. سيقدّم {{name}} الرد.',
  'The link is on its way to your colleague.': 'يجري إرسال الرابط إلى زميلكم.',
  'Ask a colleague to help': 'اطلب المساعدة من زميل',
  'Give a colleague their own link to answer the whole questionnaire or some sections. You keep sight of their answers and submit the reply yourself.':
    'امنحوا زميلا رابطه الخاص للإجابة عن الاستبيان بأكمله أو عن بعض أقسامه. تطّلعون على إجاباته وتقدّمون الرد بأنفسكم.',
  'Colleagues helping with this reply': 'الزملاء الذين يساعدون في هذا الرد',
  '{{name}} ({{email}}): {{sections}}, until {{date}}': '{{name}} ({{email}}): {{sections}}، حتى {{date}}',
  'Withdraw the link': 'سحب الرابط',
  "Colleague's name": 'اسم الزميل',
  "Colleague's e-mail address": 'عنوان البريد الإلكتروني للزميل',
  'Sections (none ticked: the whole questionnaire)': 'الأقسام (إن لم يُحدَّد أي قسم: الاستبيان بأكمله)',
  'Link valid until': 'الرابط صالح حتى',
  'Message to your colleague (optional)': 'رسالة إلى زميلكم (اختياري)',
  'Send the link': 'إرسال الرابط',
  '{{name}} asks for your help with a United Nations survey (until {{date}})':
    'يطلب {{name}} مساعدتكم في استقصاء للأمم المتحدة (حتى {{date}})',
  '{{name}} of {{organisation}} asks you to answer the following part of the survey “{{survey}}”: {{sections}}.':
    'يطلب منكم {{name}} من {{organisation}} الإجابة عن الجزء التالي من استقصاء "{{survey}}": {{sections}}.',
  'Message from {{name}}:': 'رسالة من {{name}}:',
  'Your personal link, valid until {{date}}:': 'رابطكم الشخصي، الصالح حتى {{date}}:',
  'Your answers are saved for {{name}}, who will submit the reply.': 'تُحفظ إجاباتكم لدى {{name}}، الذي سيقدّم الرد.',
  'enter a number in digits only': 'أدخلوا رقما بالأرقام فقط',
  'enter a whole number': 'أدخلوا عددا صحيحا',
  'enter a number from {{min}} to {{max}}': 'أدخلوا رقما من {{min}} إلى {{max}}',
  'Supporting document (a report or work plan, if you have one)': 'وثيقة داعمة (تقرير أو خطة عمل، إن وُجدت)',
  'attached file': 'ملف مرفق',
  'Accepted: {{kinds}}, up to {{size}} MB': 'المقبول: {{kinds}}، حتى {{size}} ميغابايت',
  'Attach the file': 'إرفاق الملف',
  'Remove the file': 'إزالة الملف',
  'Attached: {{name}} ({{size}} KB)': 'مرفق: {{name}} ({{size}} كيلوبايت)',
  'The file was attached.': 'أُرفق الملف.',
  'the file is too large for this question': 'الملف أكبر من المسموح به لهذا السؤال',
  'this kind of file is not accepted here': 'هذا النوع من الملفات غير مقبول هنا',
  'the attached file is not valid: attach it again': 'الملف المرفق غير صالح: أرفقوه من جديد',
  'choose a file to attach': 'اختاروا ملفا لإرفاقه',
  'That did not work': 'لم تنجح العملية',
  'Request refused': 'رُفض الطلب',
  'Something went wrong': 'حدث خطأ',
  'Please try again': 'يرجى المحاولة مرة أخرى',
  'The service is briefly unavailable. Nothing was lost: please try again in a minute.':
    'الخدمة غير متاحة مؤقتا. لم يُفقد أي شيء: يرجى المحاولة مرة أخرى بعد دقيقة.',
  'The error was logged. Please try again.': 'سُجّل الخطأ. يُرجى المحاولة مرة أخرى.',
  Back: 'رجوع',
  'The form has expired or was not sent from this site. Reload the page and try again.':
    'انتهت صلاحية النموذج أو لم يُرسل من هذا الموقع. أعيدوا تحميل الصفحة وحاولوا مرة أخرى.',
  'Open the questionnaire from your link first': 'افتحوا الاستبيان أولا من رابطكم',
  'This questionnaire has already been submitted': 'سبق تقديم هذا الاستبيان',
  'Someone else saved this questionnaire meanwhile; reload to see their changes':
    'حفظ شخص آخر هذا الاستبيان في الأثناء؛ أعيدوا التحميل للاطلاع على تعديلاته',
  'This questionnaire has already been answered': 'سبقت الإجابة عن هذا الاستبيان',
  'The questionnaire has no such section; reload the page': 'لا يتضمن الاستبيان هذا القسم؛ أعيدوا تحميل الصفحة',
  'That is your own address: give your colleague’s': 'هذا عنوانكم أنتم: أدخلوا عنوان زميلكم',
  'Give a date from today to the reply’s deadline': 'أدخلوا تاريخا بين اليوم والموعد النهائي للرد',
  'This reply has already been sent': 'سبق إرسال هذا الرد',
  'This question is not in the sections you were asked to answer':
    'هذا السؤال ليس ضمن الأقسام التي طُلب منكم الإجابة عنها',
  'Only the colleague who asked for your help can do this': 'لا يمكن القيام بذلك إلا للزميل الذي طلب مساعدتكم',
  'Some answers need attention': 'بعض الإجابات تحتاج إلى مراجعة',
  "give your colleague's name": 'أدخلوا اسم زميلكم',
  "give your colleague's e-mail address": 'أدخلوا عنوان البريد الإلكتروني لزميلكم',
};

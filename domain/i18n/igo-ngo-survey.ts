/** Translations of the IGO/NGO survey (IV 10 (b)) and of the texts its form adds: the activity table, regions. */
import type { Catalogue } from './catalogue';

export const IGO_NGO_SOURCE: readonly string[] = [
  'Survey of activities of intergovernmental and non-governmental organizations on the priority themes',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.',
  'Did your organization carry out activities on the priority themes in the reporting period?',
  'Activities in the reporting period (one row per activity)',
  'Activity',
  'Priority theme',
  'Region',
  'Partners',
  'Budget',
  'From',
  'To',
  'Regions where your organization works through regional networks or offices',
  'Africa',
  'Americas',
  'Asia and the Pacific',
  'Europe',
  'Western Asia',
  'Global or interregional',
  'VI 1 (a)',
  'VI 1 (b)',
  'VI 1 (c)',
  'give the date as YYYY-MM-DD',
  'list at least one activity, or answer "No" above',
  'at most {{count}} rows',
  'Save the draft to get more blank rows.',
  'Row {{row}}',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.',
  'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.',
  'Survey of activities on the priority themes: reply by {{date}}',
];

export const IGO_NGO_TRANSLATIONS: Record<'ar' | 'zh' | 'fr' | 'ru' | 'es', Catalogue> = {
  fr: {
    'Survey of activities of intergovernmental and non-governmental organizations on the priority themes':
      'Enquête sur les activités des organisations intergouvernementales et non gouvernementales relatives aux thèmes prioritaires',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.':
      'Conformément à l’alinéa b) du paragraphe 10 de la section IV de la résolution 1992/22 du Conseil économique et social, le Secrétariat recense les activités relatives aux thèmes prioritaires menées par les organisations intergouvernementales et non gouvernementales concernées, y compris au niveau régional. Veuillez indiquer chaque activité de la période considérée sur une ligne distincte.',
    'Did your organization carry out activities on the priority themes in the reporting period?':
      'Votre organisation a-t-elle mené des activités relatives aux thèmes prioritaires pendant la période considérée ?',
    'Activities in the reporting period (one row per activity)':
      'Activités de la période considérée (une ligne par activité)',
    Activity: 'Activité',
    'Priority theme': 'Thème prioritaire',
    Region: 'Région',
    Partners: 'Partenaires',
    Budget: 'Budget',
    From: 'Du',
    To: 'Au',
    'Regions where your organization works through regional networks or offices':
      'Régions où votre organisation agit par l’intermédiaire de réseaux ou de bureaux régionaux',
    Africa: 'Afrique',
    Americas: 'Amériques',
    'Asia and the Pacific': 'Asie et Pacifique',
    Europe: 'Europe',
    'Western Asia': 'Asie occidentale',
    'Global or interregional': 'Mondial ou interrégional',
    'VI 1 (a)': 'VI 1 a)',
    'VI 1 (b)': 'VI 1 b)',
    'VI 1 (c)': 'VI 1 c)',
    'give the date as YYYY-MM-DD': 'indiquez la date sous la forme AAAA-MM-JJ',
    'list at least one activity, or answer "No" above': 'indiquez au moins une activité, ou répondez « Non » ci-dessus',
    'at most {{count}} rows': '{{count}} lignes au maximum',
    'Save the draft to get more blank rows.': 'Enregistrez le brouillon pour obtenir d’autres lignes vierges.',
    'Row {{row}}': 'Ligne {{row}}',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
      'Conformément à l’alinéa b) du paragraphe 10 de la section IV de la résolution 1992/22 du Conseil économique et social, le Secrétariat mène une enquête sur les activités relatives aux thèmes prioritaires menées par les organisations intergouvernementales et non gouvernementales, y compris au niveau régional, en vue de la {{number}}e session de la Commission pour la prévention du crime et la justice pénale.',
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.':
      'Le Secrétariat n’a pas encore reçu la réponse de {{organisation}} à l’enquête sur les activités des organisations intergouvernementales et non gouvernementales relatives aux thèmes prioritaires. L’enquête sera clôturée le {{date}}.',
    'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.':
      'Le Secrétariat a reçu la réponse de {{organisation}} à l’enquête sur les activités des organisations intergouvernementales et non gouvernementales relatives aux thèmes prioritaires. Référence : {{reference}}.',
    'Survey of activities on the priority themes: reply by {{date}}':
      'Enquête sur les activités relatives aux thèmes prioritaires : réponse attendue d’ici au {{date}}',
  },
  es: {
    'Survey of activities of intergovernmental and non-governmental organizations on the priority themes':
      'Encuesta sobre las actividades de las organizaciones intergubernamentales y no gubernamentales relativas a los temas prioritarios',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.':
      'De conformidad con la resolución 1992/22 del Consejo Económico y Social, sección IV, párrafo 10 b), la Secretaría examina las actividades relativas a los temas prioritarios realizadas por las organizaciones intergubernamentales y no gubernamentales pertinentes, incluidas las actividades a nivel regional. Indique cada actividad del período en una fila distinta.',
    'Did your organization carry out activities on the priority themes in the reporting period?':
      '¿Realizó su organización actividades relativas a los temas prioritarios en el período que abarca el informe?',
    'Activities in the reporting period (one row per activity)': 'Actividades del período (una fila por actividad)',
    Activity: 'Actividad',
    'Priority theme': 'Tema prioritario',
    Region: 'Región',
    Partners: 'Asociados',
    Budget: 'Presupuesto',
    From: 'Desde',
    To: 'Hasta',
    'Regions where your organization works through regional networks or offices':
      'Regiones en las que su organización actúa mediante redes u oficinas regionales',
    Africa: 'África',
    Americas: 'Américas',
    'Asia and the Pacific': 'Asia y el Pacífico',
    Europe: 'Europa',
    'Western Asia': 'Asia Occidental',
    'Global or interregional': 'Mundial o interregional',
    'VI 1 (a)': 'VI 1 a)',
    'VI 1 (b)': 'VI 1 b)',
    'VI 1 (c)': 'VI 1 c)',
    'give the date as YYYY-MM-DD': 'indique la fecha con el formato AAAA-MM-DD',
    'list at least one activity, or answer "No" above': 'indique al menos una actividad, o responda «No» más arriba',
    'at most {{count}} rows': 'como máximo {{count}} filas',
    'Save the draft to get more blank rows.': 'Guarde el borrador para obtener más filas en blanco.',
    'Row {{row}}': 'Fila {{row}}',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
      'De conformidad con la resolución 1992/22 del Consejo Económico y Social, sección IV, párrafo 10 b), la Secretaría realiza una encuesta sobre las actividades relativas a los temas prioritarios realizadas por las organizaciones intergubernamentales y no gubernamentales, incluso a nivel regional, como preparación del {{number}}º período de sesiones de la Comisión de Prevención del Delito y Justicia Penal.',
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.':
      'Le recordamos que la Secretaría aún no ha recibido la respuesta de {{organisation}} a la encuesta sobre las actividades de las organizaciones intergubernamentales y no gubernamentales relativas a los temas prioritarios. La encuesta se cierra el {{date}}.',
    'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.':
      'La Secretaría ha recibido la respuesta de {{organisation}} a la encuesta sobre las actividades de las organizaciones intergubernamentales y no gubernamentales relativas a los temas prioritarios. Referencia: {{reference}}.',
    'Survey of activities on the priority themes: reply by {{date}}':
      'Encuesta sobre las actividades relativas a los temas prioritarios: respuesta antes del {{date}}',
  },
  ru: {
    'Survey of activities of intergovernmental and non-governmental organizations on the priority themes':
      'Обследование деятельности межправительственных и неправительственных организаций по приоритетным темам',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.':
      'В соответствии с пунктом 10 (b) раздела IV резолюции 1992/22 Экономического и Социального Совета Секретариат проводит обследование деятельности соответствующих межправительственных и неправительственных организаций по приоритетным темам, включая деятельность на региональном уровне. Укажите каждое мероприятие отчётного периода в отдельной строке.',
    'Did your organization carry out activities on the priority themes in the reporting period?':
      'Осуществляла ли ваша организация в отчётный период деятельность по приоритетным темам?',
    'Activities in the reporting period (one row per activity)':
      'Деятельность в отчётный период (одна строка на мероприятие)',
    Activity: 'Мероприятие',
    'Priority theme': 'Приоритетная тема',
    Region: 'Регион',
    Partners: 'Партнёры',
    Budget: 'Бюджет',
    From: 'С',
    To: 'По',
    'Regions where your organization works through regional networks or offices':
      'Регионы, в которых ваша организация работает через региональные сети или отделения',
    Africa: 'Африка',
    Americas: 'Америка',
    'Asia and the Pacific': 'Азиатско-Тихоокеанский регион',
    Europe: 'Европа',
    'Western Asia': 'Западная Азия',
    'Global or interregional': 'Глобальный или межрегиональный уровень',
    'VI 1 (a)': 'VI 1 a',
    'VI 1 (b)': 'VI 1 b',
    'VI 1 (c)': 'VI 1 c',
    'give the date as YYYY-MM-DD': 'укажите дату в формате ГГГГ-ММ-ДД',
    'list at least one activity, or answer "No" above': 'укажите хотя бы одно мероприятие или ответьте «Нет» выше',
    'at most {{count}} rows': 'не более {{count}} строк',
    'Save the draft to get more blank rows.': 'Сохраните черновик, чтобы получить дополнительные пустые строки.',
    'Row {{row}}': 'Строка {{row}}',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
      'В соответствии с пунктом 10 (b) раздела IV резолюции 1992/22 Экономического и Социального Совета Секретариат проводит обследование деятельности межправительственных и неправительственных организаций по приоритетным темам, в том числе на региональном уровне, в рамках подготовки к {{number}}-й сессии Комиссии по предупреждению преступности и уголовному правосудию.',
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.':
      'Напоминаем, что Секретариат ещё не получил ответ организации «{{organisation}}» на обследование деятельности межправительственных и неправительственных организаций по приоритетным темам. Обследование закрывается {{date}}.',
    'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.':
      'Секретариат получил ответ организации «{{organisation}}» на обследование деятельности межправительственных и неправительственных организаций по приоритетным темам. Номер: {{reference}}.',
    'Survey of activities on the priority themes: reply by {{date}}':
      'Обследование деятельности по приоритетным темам: ответ до {{date}}',
  },
  ar: {
    'Survey of activities of intergovernmental and non-governmental organizations on the priority themes':
      'استقصاء أنشطة المنظمات الحكومية الدولية وغير الحكومية المتعلقة بالمواضيع ذات الأولوية',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.':
      'عملاً بالفقرة 10 (ب) من الفرع الرابع من قرار المجلس الاقتصادي والاجتماعي 1992/22، تجري الأمانة استقصاءً للأنشطة المتعلقة بالمواضيع ذات الأولوية التي تضطلع بها المنظمات الحكومية الدولية وغير الحكومية المعنية، بما في ذلك الأنشطة على الصعيد الإقليمي. يرجى إدراج كل نشاط من أنشطة الفترة المشمولة بالتقرير في صف مستقل.',
    'Did your organization carry out activities on the priority themes in the reporting period?':
      'هل اضطلعت منظمتكم بأنشطة تتعلق بالمواضيع ذات الأولوية خلال الفترة المشمولة بالتقرير؟',
    'Activities in the reporting period (one row per activity)': 'الأنشطة خلال الفترة المشمولة بالتقرير (صف لكل نشاط)',
    Activity: 'النشاط',
    'Priority theme': 'الموضوع ذو الأولوية',
    Region: 'المنطقة',
    Partners: 'الشركاء',
    Budget: 'الميزانية',
    From: 'من',
    To: 'إلى',
    'Regions where your organization works through regional networks or offices':
      'المناطق التي تعمل فيها منظمتكم من خلال شبكات أو مكاتب إقليمية',
    Africa: 'أفريقيا',
    Americas: 'الأمريكتان',
    'Asia and the Pacific': 'آسيا والمحيط الهادئ',
    Europe: 'أوروبا',
    'Western Asia': 'غرب آسيا',
    'Global or interregional': 'عالمي أو أقاليمي',
    'VI 1 (a)': 'السادس 1 (أ)',
    'VI 1 (b)': 'السادس 1 (ب)',
    'VI 1 (c)': 'السادس 1 (ج)',
    'give the date as YYYY-MM-DD': 'اكتبوا التاريخ بالصيغة YYYY-MM-DD',
    'list at least one activity, or answer "No" above': 'أدرجوا نشاطاً واحداً على الأقل، أو أجيبوا بـ«لا» أعلاه',
    'at most {{count}} rows': '{{count}} صفاً كحد أقصى',
    'Save the draft to get more blank rows.': 'احفظوا المسودة للحصول على مزيد من الصفوف الفارغة.',
    'Row {{row}}': 'الصف {{row}}',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
      'عملاً بالفقرة 10 (ب) من الفرع الرابع من قرار المجلس الاقتصادي والاجتماعي 1992/22، تجري الأمانة استقصاءً للأنشطة المتعلقة بالمواضيع ذات الأولوية التي تضطلع بها المنظمات الحكومية الدولية وغير الحكومية، بما في ذلك على الصعيد الإقليمي، تحضيراً للدورة {{number}} للجنة منع الجريمة والعدالة الجنائية.',
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.':
      'نود أن نذكّركم بأن الأمانة لم تتلق بعد رد {{organisation}} على استقصاء أنشطة المنظمات الحكومية الدولية وغير الحكومية المتعلقة بالمواضيع ذات الأولوية. ويُغلق الاستقصاء في {{date}}.',
    'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.':
      'تلقّت الأمانة رد {{organisation}} على استقصاء أنشطة المنظمات الحكومية الدولية وغير الحكومية المتعلقة بالمواضيع ذات الأولوية. الرقم المرجعي: {{reference}}.',
    'Survey of activities on the priority themes: reply by {{date}}':
      'استقصاء الأنشطة المتعلقة بالمواضيع ذات الأولوية: يرجى الرد بحلول {{date}}',
  },
  zh: {
    'Survey of activities of intergovernmental and non-governmental organizations on the priority themes':
      '政府间组织和非政府组织关于优先主题的活动调查',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat surveys the activities on the priority themes carried out by relevant intergovernmental and non-governmental organizations, including activities at the regional level. Please list each activity of the reporting period on its own row.':
      '根据经济及社会理事会第1992/22号决议第四节第10(b)段，秘书处对相关政府间组织和非政府组织就优先主题开展的活动（包括区域一级的活动）进行调查。请将报告期内的每项活动分行填写。',
    'Did your organization carry out activities on the priority themes in the reporting period?':
      '贵组织在报告期内是否开展了与优先主题有关的活动？',
    'Activities in the reporting period (one row per activity)': '报告期内的活动（每项活动一行）',
    Activity: '活动',
    'Priority theme': '优先主题',
    Region: '区域',
    Partners: '合作伙伴',
    Budget: '预算',
    From: '起',
    To: '止',
    'Regions where your organization works through regional networks or offices':
      '贵组织通过区域网络或办事处开展工作的区域',
    Africa: '非洲',
    Americas: '美洲',
    'Asia and the Pacific': '亚洲及太平洋',
    Europe: '欧洲',
    'Western Asia': '西亚',
    'Global or interregional': '全球或区域间',
    'VI 1 (a)': '第六节第1(a)段',
    'VI 1 (b)': '第六节第1(b)段',
    'VI 1 (c)': '第六节第1(c)段',
    'give the date as YYYY-MM-DD': '请按YYYY-MM-DD格式填写日期',
    'list at least one activity, or answer "No" above': '请至少列出一项活动，或在上方回答“否”',
    'at most {{count}} rows': '最多{{count}}行',
    'Save the draft to get more blank rows.': '保存草稿即可获得更多空白行。',
    'Row {{row}}': '第{{row}}行',
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (b), the Secretariat is conducting a survey of activities on the priority themes carried out by intergovernmental and non-governmental organizations, including at the regional level, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
      '根据经济及社会理事会第1992/22号决议第四节第10(b)段，秘书处正在对政府间组织和非政府组织就优先主题开展的活动（包括区域一级的活动）进行调查，为预防犯罪和刑事司法委员会第{{number}}届会议做准备。',
    'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. The survey closes on {{date}}.':
      '谨此提醒，秘书处尚未收到{{organisation}}对政府间组织和非政府组织关于优先主题的活动调查的答复。调查将于{{date}}截止。',
    'The Secretariat has received the reply of {{organisation}} to the survey of activities of intergovernmental and non-governmental organizations on the priority themes. Reference: {{reference}}.':
      '秘书处已收到{{organisation}}对政府间组织和非政府组织关于优先主题的活动调查的答复。编号：{{reference}}。',
    'Survey of activities on the priority themes: reply by {{date}}': '优先主题活动调查：请于{{date}}前答复',
  },
};

import { PRIORITY_THEMES } from '../priority-themes';
import type { Catalogue } from './catalogue';

const THEMES: Record<string, [string, string]> = {
  a: ['国家和跨国犯罪、有组织犯罪、经济犯罪，包括洗钱，以及刑法在保护环境方面的作用', '第六节第1(a)段'],
  b: ['城市地区的犯罪预防、少年犯罪和暴力犯罪', '第六节第1(b)段'],
  c: ['刑事司法及相关系统管理和行政的效率、公平和改进', '第六节第1(c)段'],
};

export const zh: Catalogue = {
  Survey: '调查',
  Questionnaire: '调查问卷',
  Language: '语言',
  'Replying for {{organisation}}': '代表{{organisation}}答复',
  'Closes on {{date}}': '截止日期：{{date}}',
  'Closed on {{date}}': '已于{{date}}截止',
  'Thank you. Your organization filed a nil return (nothing to report) on {{date}}.':
    '谢谢。贵组织已于{{date}}提交“无可报告事项”答复。',
  "Thank you. Your organization's reply was submitted on {{date}}.": '谢谢。贵组织的答复已于{{date}}提交。',
  'It arrived after the close and is recorded as late.': '该答复在截止后收到，记为逾期。',
  'Your organization declined to take part on {{date}}. No more reminders will be sent.':
    '贵组织已于{{date}}谢绝参加。今后不再发送提醒。',
  'Reference: {{reference}}': '编号：{{reference}}',
  'The survey closed on {{date}}. A reply sent now is still accepted, and recorded as late.':
    '调查已于{{date}}截止。现在发送的答复仍会被接受，但记为逾期。',
  'Continue your reply': '继续答复',
  'Start the questionnaire': '开始填写问卷',
  'Nothing to report?': '无可报告事项？',
  'If your organization carried out no activities in crime prevention and criminal justice in the reporting period, you can file a nil return instead of answering the questionnaire.':
    '如果贵组织在报告期内未开展任何预防犯罪和刑事司法活动，可提交“无可报告事项”答复，而无需填写问卷。',
  'File a nil return': '提交“无可报告事项”答复',
  'Not taking part?': '不参加？',
  'Reason (optional)': '原因（可选）',
  'Decline to take part': '谢绝参加',
  'Send me no more reminders': '不再向我发送提醒',
  'You will receive no more scheduled reminders for this survey.': '您将不再收到本次调查的定期提醒。',
  'Some answers need attention:': '部分答案需要修改：',
  Currency: '货币',
  'Save draft': '保存草稿',
  'Submit reply': '提交答复',
  'Your draft was saved.': '草稿已保存。',
  'This link is not available': '此链接不可用',
  'The link may have expired, been replaced or been mistyped. If you need to reply to the survey, please contact the Secretariat at {{email}}.':
    '该链接可能已过期、已被替换或输入有误。如需答复本调查，请通过{{email}}与秘书处联系。',
  'This link was replaced': '此链接已被替换',
  'A new personal link was sent to you on {{date}}, and this one no longer works. Please use the link in the most recent e-mail from the Secretariat. If you cannot find it, contact the Secretariat at {{email}}.':
    '已于{{date}}向您发送新的个人链接，此链接已失效。请使用秘书处最新电子邮件中的链接。如找不到该邮件，请通过{{email}}与秘书处联系。',
  'this question must be answered': '必须回答此问题',
  'choose one of the answers offered': '请选择所列答案之一',
  'enter the amount in digits only': '请仅用数字填写金额',
  'the amount cannot be negative': '金额不能为负数',
  'the amount is implausibly large': '金额大得不合常理',
  'choose the currency from the list': '请从列表中选择货币',
  'choose the currency of the amount': '请选择金额的货币',
  'describe the activities under at least one priority theme, or answer "No" above':
    '请至少说明一个优先主题下的活动，或在上方回答“否”',
  'at most {{count}} characters': '最多{{count}}个字符',
  'Survey of crime prevention and criminal justice activities within the United Nations system':
    '联合国系统内预防犯罪和刑事司法活动调查',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.':
    '根据经济及社会理事会第1992/22号决议第四节第10(a)段，秘书处对联合国系统内在预防犯罪和刑事司法领域开展的活动进行调查。您的答复将用于编写提交委员会的关于优先主题及其所涉预算问题的报告。',
  'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?':
    '贵组织在报告期内是否开展了预防犯罪和刑事司法活动？',
  Yes: '是',
  No: '否',
  'Describe each activity in the reporting period: what, where (country or region), with whom.':
    '请说明报告期内的每项活动：内容、地点（国家或区域）以及合作方。',
  'Main partners (United Nations entities, intergovernmental and non-governmental organizations)':
    '主要合作伙伴（联合国实体、政府间组织和非政府组织）',
  ...Object.fromEntries(
    PRIORITY_THEMES.flatMap((theme) => {
      const [title, reference] = THEMES[theme.code]!;
      return [
        [
          `Activities under priority theme ${theme.reference}: ${theme.title}`,
          `优先主题${reference}下的活动：${title}`,
        ],
        [`Budget for these activities (${theme.reference})`, `这些活动的预算（${reference}）`],
      ];
    }),
  ),
  'Dear {{name}},': '{{name}}：',
  'Secretariat of the Commission on Crime Prevention and Criminal Justice': '预防犯罪和刑事司法委员会秘书处',
  'United Nations Office at Vienna': '联合国维也纳办事处',
  'Survey of crime prevention and criminal justice activities: reply by {{date}}':
    '预防犯罪和刑事司法活动调查：请于{{date}}前答复',
  'Your new link to the survey (reply by {{date}})': '您的新调查链接（请于{{date}}前答复）',
  'This message replaces the links sent to you earlier, which no longer work.':
    '本邮件取代此前发送给您的链接，原链接已失效。',
  'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat is conducting a survey of activities in crime prevention and criminal justice within the United Nations system, in preparation for the {{session}} of the Commission on Crime Prevention and Criminal Justice.':
    '根据经济及社会理事会第1992/22号决议第四节第10(a)段，秘书处正在对联合国系统内的预防犯罪和刑事司法活动进行调查，为预防犯罪和刑事司法委员会第{{number}}届会议做准备。',
  'Please reply on behalf of {{organisation}} by {{date}}, using this personal link:':
    '请于{{date}}前通过以下个人链接代表{{organisation}}答复：',
  'The link is personal to you: please do not forward it. You can save your answers and come back before the deadline.':
    '此链接仅供您个人使用，请勿转发。您可以保存答案，并在截止日期前随时返回继续填写。',
  'Reminder: survey closes on {{date}}': '提醒：调查将于{{date}}截止',
  'This is a reminder that the Secretariat has not yet received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. The survey closes on {{date}}.':
    '谨此提醒，秘书处尚未收到{{organisation}}对联合国系统内预防犯罪和刑事司法活动调查的答复。调查将于{{date}}截止。',
  'Your personal link:': '您的个人链接：',
  'If your organization has already replied, please disregard this message.': '如贵组织已经答复，请忽略本邮件。',
  'Reply received, reference {{reference}}': '答复已收到，编号{{reference}}',
  'The Secretariat has received the reply of {{organisation}} to the survey of crime prevention and criminal justice activities within the United Nations system. Reference: {{reference}}.':
    '秘书处已收到{{organisation}}对联合国系统内预防犯罪和刑事司法活动调查的答复。编号：{{reference}}。',
  'Your organization declined to take part in this survey. No more reminders will be sent.':
    '贵组织已谢绝参加本次调查。今后不再发送提醒。',
  'Reason given: {{reason}}': '所述原因：{{reason}}',
  'Your organization answered that it has nothing to report for this survey (nil return).':
    '贵组织答复本次调查无可报告事项。',
  'A copy of the answers follows.': '答复副本如下。',
  "The reply arrived after the survey's close and is recorded as late.": '该答复在调查截止后收到，记为逾期。',
  'Thank you for your contribution.': '感谢您的贡献。',
  'Your reply has been reopened for amendment (reply by {{date}})': '贵方答复已重新开放以供修改（请于{{date}}前答复）',
  'The Secretariat has reopened the reply of {{organisation}} so that it can be amended, for this reason:':
    '秘书处已重新开放{{organisation}}的答复以便修改，原因如下：',
  'Please review the answers and submit them again by {{date}}, using this personal link:':
    '请审阅答复，并于{{date}}前通过以下个人链接重新提交：',
  'The Secretariat reopened this reply for amendment: {{reason}}': '秘书处已重新开放此答复以供修改：{{reason}}',
  'this amount is unusually large: please check it': '此金额异常之大：请核对',
  'this description is very short: please say what, where and with whom': '此说明过于简短：请说明内容、地点和合作方',
  'no budget is given for these activities: confirm that there is none': '未填写这些活动的预算：请确认没有预算',
  'Please check these answers before submitting:': '提交前请核对以下答复：',
  'I have checked these answers and they are correct': '我已核对这些答复，内容无误',
  'Saving…': '正在保存…',
  'Draft saved at {{time}}': '草稿已于{{time}}保存',
  'Not saved: someone else changed this reply. Reload the page to see their changes.':
    '未保存：其他人修改了此答复。请重新加载页面查看其修改。',
  'Not saved: the connection failed. Your answers are still on this page.': '未保存：连接失败。您的答复仍在本页上。',
  'Not saved yet: the service is briefly unavailable. Trying again shortly; your answers are still on this page.':
    '尚未保存：服务暂时不可用。稍后将重试；您的答复仍在本页上。',
  'Not saved: some answers need attention.': '未保存：部分答复需要修改。',
  'General questions': '一般性问题',
  'Priority theme VI 1 (a)': '优先主题 VI 1 (a)',
  'Priority theme VI 1 (b)': '优先主题 VI 1 (b)',
  'Priority theme VI 1 (c)': '优先主题 VI 1 (c)',
  'the whole questionnaire': '整份问卷',
  'You are helping {{organisation}} with: {{sections}}. {{name}} will submit the reply.':
    '您正在协助{{organisation}}填写：{{sections}}。答复将由{{name}}提交。',
  'The link is on its way to your colleague.': '链接正在发送给您的同事。',
  'Ask a colleague to help': '请同事协助',
  'Give a colleague their own link to answer the whole questionnaire or some sections. You keep sight of their answers and submit the reply yourself.':
    '为同事提供其个人链接，用于填写整份问卷或部分章节。您可查看其答复，并由您本人提交答复。',
  'Colleagues helping with this reply': '协助本答复的同事',
  '{{name}} ({{email}}): {{sections}}, until {{date}}': '{{name}}（{{email}}）：{{sections}}，截至{{date}}',
  'Withdraw the link': '撤回链接',
  "Colleague's name": '同事姓名',
  "Colleague's e-mail address": '同事的电子邮件地址',
  'Sections (none ticked: the whole questionnaire)': '章节（未勾选：整份问卷）',
  'Link valid until': '链接有效期至',
  'Message to your colleague (optional)': '给同事的留言（可选）',
  'Send the link': '发送链接',
  '{{name}} asks for your help with a United Nations survey (until {{date}})':
    '{{name}}请您协助一项联合国调查（截至{{date}}）',
  '{{name}} of {{organisation}} asks you to answer the following part of the survey “{{survey}}”: {{sections}}.':
    '{{organisation}}的{{name}}请您填写“{{survey}}”调查的以下部分：{{sections}}。',
  'Message from {{name}}:': '{{name}}的留言：',
  'Your personal link, valid until {{date}}:': '您的个人链接，有效期至{{date}}：',
  'Your answers are saved for {{name}}, who will submit the reply.': '您的答复将保存供{{name}}提交。',
  'enter a number in digits only': '请仅用数字填写',
  'enter a whole number': '请填写整数',
  'enter a number from {{min}} to {{max}}': '请填写{{min}}至{{max}}之间的数字',
  'Supporting document (a report or work plan, if you have one)': '证明文件（如有报告或工作计划）',
  'attached file': '附件',
  'Accepted: {{kinds}}, up to {{size}} MB': '接受格式：{{kinds}}，不超过{{size}} MB',
  'Attach the file': '附加文件',
  'Remove the file': '删除文件',
  'Attached: {{name}} ({{size}} KB)': '已附加：{{name}}（{{size}} KB）',
  'The file was attached.': '文件已附加。',
  'the file is too large for this question': '文件超出此问题的大小限制',
  'this kind of file is not accepted here': '此处不接受此类文件',
  'the attached file is not valid: attach it again': '附件无效：请重新附加',
  'choose a file to attach': '请选择要附加的文件',
  'That did not work': '操作未成功',
  'Request refused': '请求被拒绝',
  'Something went wrong': '出现错误',
  'Please try again': '请重试',
  'The service is briefly unavailable. Nothing was lost: please try again in a minute.':
    '服务暂时不可用。没有丢失任何内容：请一分钟后重试。',
  'The error was logged. Please try again.': '错误已记录。请重试。',
  Back: '返回',
  'The form has expired or was not sent from this site. Reload the page and try again.':
    '表单已过期或并非从本网站提交。请重新加载页面后重试。',
  'Open the questionnaire from your link first': '请先通过您的链接打开问卷',
  'This questionnaire has already been submitted': '此问卷已提交',
  'Someone else saved this questionnaire meanwhile; reload to see their changes':
    '其他人已同时保存此问卷；请重新加载页面查看其修改',
  'This questionnaire has already been answered': '此问卷已答复',
  'The questionnaire has no such section; reload the page': '问卷中没有此章节；请重新加载页面',
  'That is your own address: give your colleague’s': '这是您本人的地址：请填写同事的地址',
  'Give a date from today to the reply’s deadline': '请填写从今天到答复截止日期之间的日期',
  'This reply has already been sent': '此答复已发送',
  'This question is not in the sections you were asked to answer': '此问题不在请您填写的章节之内',
  'Only the colleague who asked for your help can do this': '只有请您协助的同事才能执行此操作',
  'Some answers need attention': '部分答复需要修改',
  "give your colleague's name": '请填写同事姓名',
  "give your colleague's e-mail address": '请填写同事的电子邮件地址',
};

/**
 * Questionnaires are data: a list of typed questions (declared once, in domain/questionnaire-model.ts) from which the
 * answer schemas are derived, so the form, the server-side validation and the report all read the same definition.
 * Answers are stored as codes and numbers.
 */
import { UnsafeTextError, safeInput, stripUnsafe } from './safe-text';
import { z } from 'zod';
import { CURRENCY_CODES } from './currencies';
import type { CurrencyCode } from './currencies';
import { en } from './i18n/en';
import { PRIORITY_THEMES } from './priority-themes';
import type {
  CellQuestion,
  FieldQuestion,
  MoneyQuestion,
  Question,
  Questionnaire,
  SubmitRule,
  TableQuestion,
} from './questionnaire-model';

export type {
  CellQuestion,
  ChoiceQuestion,
  DateQuestion,
  FieldQuestion,
  FileQuestion,
  MoneyQuestion,
  NumberQuestion,
  Question,
  Questionnaire,
  QuestionnaireSection,
  QuestionnaireTranslation,
  SubmitRule,
  TableQuestion,
  TextQuestion,
} from './questionnaire-model';

const themeQuestions: Question[] = PRIORITY_THEMES.flatMap((theme): Question[] => [
  {
    id: `theme_${theme.code}_description`,
    type: 'long-text',
    label: `Activities under priority theme ${theme.reference}: ${theme.title}`,
    help: 'Describe each activity in the reporting period: what, where (country or region), with whom.',
    maxLength: 4000,
  },
  {
    id: `theme_${theme.code}_budget`,
    type: 'money',
    currencies: CURRENCY_CODES,
    label: `Budget for these activities (${theme.reference})`,
    max: 10_000_000_000,
  },
]);

/** The survey of activities within the United Nations system (ECOSOC 1992/22 IV 10 (a)). */
export const SYSTEM_WIDE_QUESTIONNAIRE: Questionnaire = {
  id: 'system-wide-v1',
  title: 'Survey of crime prevention and criminal justice activities within the United Nations system',
  intro:
    'Pursuant to Economic and Social Council resolution 1992/22, section IV, paragraph 10 (a), the Secretariat surveys the activities carried out in the field of crime prevention and criminal justice within the United Nations system. Your answers feed the report to the Commission on the priority themes and their budget implications.',
  questions: [
    {
      id: 'activitiesCarriedOut',
      type: 'single-choice',
      label:
        'Did your organization carry out activities in crime prevention and criminal justice in the reporting period?',
      options: [
        { code: 'yes', label: 'Yes' },
        { code: 'no', label: 'No' },
      ],
      required: true,
    },
    ...themeQuestions,
    {
      id: 'partners',
      type: 'text',
      label: 'Main partners (United Nations entities, intergovernmental and non-governmental organizations)',
      maxLength: 500,
    },
  ],
  sections: [
    { id: 'general', title: 'General questions', questionIds: ['activitiesCarriedOut', 'partners'] },
    ...PRIORITY_THEMES.map((theme) => ({
      id: `theme_${theme.code}`,
      title: `Priority theme ${theme.reference}`,
      questionIds: [`theme_${theme.code}_description`, `theme_${theme.code}_budget`],
    })),
  ],
  submitRules: ['theme-described-when-active'],
};

/**
 * Version 2 of the system-wide survey: version 1 and, in its general section, a supporting document (a report or a
 * work plan) the respondent may attach. Cycles launched with version 1 keep it.
 */
export const SYSTEM_WIDE_QUESTIONNAIRE_V2: Questionnaire = {
  ...SYSTEM_WIDE_QUESTIONNAIRE,
  id: 'system-wide-v2',
  questions: [
    ...SYSTEM_WIDE_QUESTIONNAIRE.questions,
    {
      id: 'supportingDocument',
      type: 'file',
      label: 'Supporting document (a report or work plan, if you have one)',
      accept: ['pdf', 'docx'],
      maxBytes: 5 * 1024 * 1024,
    },
  ],
  sections: SYSTEM_WIDE_QUESTIONNAIRE.sections.map((section) =>
    section.id === 'general' ? { ...section, questionIds: [...section.questionIds, 'supportingDocument'] } : section,
  ),
};

/** The sections in questionnaire order, each with its questions. */
export function sectionsOf(questionnaire: Questionnaire, only?: readonly string[]) {
  return questionnaire.sections
    .filter((section) => !only || only.length === 0 || only.includes(section.id))
    .map((section) => ({
      ...section,
      questions: questionnaire.questions.filter((q) => section.questionIds.includes(q.id)),
    }));
}

/** The answer fields of some sections (a money question's currency included): what a colleague may write. */
export function answerFieldsOf(questionnaire: Questionnaire, sectionIds: readonly string[]): Set<string> {
  const fields = new Set<string>();
  for (const section of sectionsOf(questionnaire, sectionIds)) {
    for (const question of section.questions) {
      fields.add(question.id);
      if (question.type === 'money') fields.add(currencyField(question));
    }
  }
  return fields;
}

export type CellValue = string | number | undefined;
export type TableRow = Record<string, CellValue>;
export type AnswerValue = CellValue | string[] | TableRow[];
export type Answers = Record<string, AnswerValue>;

export const currencyField = (question: { id: string }) => `${question.id}_currency`;

/**
 * An answer as people read it: the label of a chosen code, an amount with its currency, the text; a table as one
 * line per row. `label` translates the labels of codes (identity by default).
 */
export function displayAnswer(
  question: Question,
  answers: Answers | TableRow,
  label: (text: string) => string = (text) => text,
  /** Names of the attached files, by attachment id. */
  fileNames: Record<string, string> = {},
): string {
  const value = answers[question.id];
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return '';
  const scalar = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  switch (question.type) {
    case 'single-choice':
      return label(question.options.find((o) => o.code === value)?.label ?? scalar(value));
    case 'multiple-choice':
      return (value as string[])
        .map((code) => label(question.options.find((o) => o.code === code)?.label ?? code))
        .join(', ');
    case 'money':
      return `${Number(value).toLocaleString('en-US')} ${scalar(answers[currencyField(question)]) || 'USD'}`;
    case 'file':
      return fileNames[scalar(value)] ?? label(en['respondent.attachedFile']);
    case 'table':
      return (value as TableRow[])
        .map(
          (row, i) =>
            `${i + 1}. ` +
            question.columns
              .map((column) => displayAnswer(column, row, label))
              .filter((text) => text !== '')
              .join('; '),
        )
        .join('\n');
    default:
      return scalar(value);
  }
}

/**
 * Free text, trimmed, without the characters that break Word documents and e-mails (domain/safe-text.ts). Entry
 * points have already refused lone surrogates with `safeInput`; this keeps the rule where documents are built too.
 */
export function sanitiseText(value: string): string {
  return stripUnsafe(value).trim();
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function cellSchema(question: FieldQuestion): z.ZodType<CellValue> {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      // An empty select ("") is no answer.
      return z.preprocess(
        (value) => (value === '' ? undefined : value),
        z
          .enum(question.options.map((option) => option.code) as [string, ...string[]], {
            error: `choose one of: ${question.options.map((o) => o.label).join(', ')}`,
          })
          .optional(),
      );
    case 'text':
    case 'long-text':
      return z
        .string()
        .transform(sanitiseText)
        .pipe(z.string().max(question.maxLength, `at most ${question.maxLength} characters`))
        .transform((value) => (value === '' ? undefined : value))
        .optional();
    case 'money':
      return z
        .union([z.number(), z.string()])
        .transform((value) => (typeof value === 'string' ? value.replace(/[\s,]/g, '') : value))
        .transform((value) => (value === '' ? undefined : Number(value)))
        .pipe(
          z
            .number({ error: 'enter the amount in digits only' })
            .nonnegative('the amount cannot be negative')
            .max(question.max, 'the amount is implausibly large')
            .optional(),
        )
        .optional();
    case 'number':
      return z
        .union([z.number(), z.string()])
        .transform((value) => (typeof value === 'string' ? value.replace(/[\s,]/g, '') : value))
        .transform((value) => (value === '' ? undefined : Number(value)))
        .pipe(
          z
            .number({ error: 'enter a number in digits only' })
            .refine((n) => question.decimals || Number.isInteger(n), 'enter a whole number')
            .refine(
              (n) => n >= question.min && n <= question.max,
              `enter a number from ${question.min} to ${question.max}`,
            )
            .optional(),
        )
        .optional();
    case 'file':
      // The id of an attachment stored for this reply (checked against the database by the service).
      return z
        .string()
        .trim()
        .transform((value) => (value === '' ? undefined : value))
        .pipe(z.uuid({ error: 'the attached file is not valid: attach it again' }).optional())
        .optional();
    case 'date':
      return z
        .string()
        .trim()
        .transform((value) => (value === '' ? undefined : value))
        .pipe(
          z
            .string()
            .refine(
              (value) =>
                ISO_DATE.test(value) && new Date(Date.parse(`${value}T00:00:00Z`)).toISOString().startsWith(value),
              'give the date as YYYY-MM-DD',
            )
            .optional(),
        )
        .optional();
  }
}

const currencySchema = (question: MoneyQuestion) =>
  z
    .enum(question.currencies as [CurrencyCode, ...CurrencyCode[]], { error: 'choose the currency from the list' })
    .optional();

/** The fields of one question (a money question also has its currency), keyed by answer field. */
function fieldsOf(question: FieldQuestion): [string, z.ZodType<CellValue | string[]>][] {
  if (question.type === 'multiple-choice') {
    const option = z.enum(question.options.map((o) => o.code) as [string, ...string[]], {
      error: 'choose one of the answers offered',
    });
    return [
      [
        question.id,
        z
          .union([z.string(), z.array(z.string())])
          .transform((v) => (Array.isArray(v) ? v : [v]).filter((code) => code !== ''))
          .pipe(z.array(option))
          .transform((codes) => (codes.length === 0 ? undefined : [...new Set(codes)]))
          .optional(),
      ],
    ];
  }
  const fields: [string, z.ZodType<CellValue | string[]>][] = [[question.id, cellSchema(question)]];
  if (question.type === 'money') fields.push([currencyField(question), currencySchema(question)]);
  return fields;
}

/** Without an amount, the currency the form always sends means nothing and is not kept. */
function dropLoneCurrencies(questions: FieldQuestion[], values: Record<string, unknown>): void {
  for (const question of questions) {
    if (question.type === 'money' && values[question.id] === undefined) delete values[currencyField(question)];
  }
}

/**
 * A form posts a table as flat fields ("activities.0.title"); rows are rebuilt from them, in order, before
 * validation. Input that already holds arrays (JSON) passes as it is.
 */
export function groupTableFields(questionnaire: Questionnaire, input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const flat = input as Record<string, unknown>;
  const grouped: Record<string, unknown> = { ...flat };
  for (const question of questionnaire.questions) {
    if (question.type !== 'table' || Array.isArray(flat[question.id])) continue;
    const rows = new Map<number, Record<string, unknown>>();
    for (const [key, value] of Object.entries(flat)) {
      const match = new RegExp(`^${question.id}\\.(\\d+)\\.([A-Za-z0-9_]+)$`).exec(key);
      if (!match) continue;
      delete grouped[key];
      const index = Number(match[1]);
      if (index >= question.maxRows + question.blankRows) continue;
      rows.set(index, { ...(rows.get(index) ?? {}), [match[2]!]: value });
    }
    grouped[question.id] = [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
  }
  return grouped;
}

/** A row with nothing typed in it (the currency selects always post a value) is not an answer. */
function isBlankRow(row: unknown): boolean {
  if (typeof row !== 'object' || row === null) return false;
  return Object.entries(row).every(([key, value]) => key.endsWith('_currency') || value === undefined || value === '');
}

function tableSchema(question: TableQuestion, mode: 'draft' | 'submit') {
  // On submission a required cell must be filled: checked per field, so every problem of every row is reported.
  const required = (column: CellQuestion, schema: z.ZodType<CellValue | string[]>) =>
    mode === 'submit' && column.required
      ? schema.refine((value) => value !== undefined, 'this question must be answered')
      : schema;
  const row = z
    .object(
      Object.fromEntries(
        question.columns.flatMap((column) =>
          fieldsOf(column).map(([key, schema]): [string, z.ZodType<CellValue | string[]>] => [
            key,
            key === column.id ? required(column, schema) : schema,
          ]),
        ),
      ),
    )
    .strip()
    .transform((values) => {
      dropLoneCurrencies(question.columns, values);
      return values as TableRow;
    })
    .superRefine((values, ctx) => {
      if (mode !== 'submit') return;
      for (const column of question.columns) {
        if (column.type === 'money' && values[column.id] !== undefined && !values[currencyField(column)])
          ctx.addIssue({ code: 'custom', path: [currencyField(column)], message: 'choose the currency of the amount' });
      }
    });
  return z
    .preprocess(
      (rows) =>
        Array.isArray(rows)
          ? rows
              .filter((r) => !isBlankRow(r))
              // Every column present, so an empty required cell is checked rather than skipped as absent.
              .map((r: Record<string, unknown>) => ({
                ...Object.fromEntries(question.columns.map((c) => [c.id, ''])),
                ...r,
              }))
          : rows,
      z.array(row).max(question.maxRows, `at most ${question.maxRows} rows`),
    )
    .transform((rows) => (rows.length === 0 ? undefined : rows))
    .optional();
}

/** Checks across questions, named by the questionnaires that use them. */
const SUBMIT_RULES: Record<SubmitRule, (answers: Answers) => { path: string; message: string } | undefined> = {
  'theme-described-when-active': (answers) => {
    const described = PRIORITY_THEMES.some((theme) => answers[`theme_${theme.code}_description`] !== undefined);
    return answers.activitiesCarriedOut === 'yes' && !described
      ? {
          path: `theme_${PRIORITY_THEMES[0].code}_description`,
          message: 'describe the activities under at least one priority theme, or answer "No" above',
        }
      : undefined;
  },
  'activity-listed-when-active': (answers) =>
    answers.activitiesCarriedOut === 'yes' && !Array.isArray(answers.activities)
      ? { path: 'activities', message: 'list at least one activity, or answer "No" above' }
      : undefined,
};

/**
 * The schema for saving a draft (every field optional, each still well-formed) or for submitting (required
 * questions answered, and the questionnaire's own cross-question rules).
 */
export function answersSchema(questionnaire: Questionnaire, mode: 'draft' | 'submit') {
  const shape = Object.fromEntries(
    questionnaire.questions.flatMap((q): [string, z.ZodType<AnswerValue>][] =>
      q.type === 'table' ? [[q.id, tableSchema(q, mode)]] : fieldsOf(q),
    ),
  );
  const base = z
    .object(shape)
    .strip()
    .transform((answers) => {
      dropLoneCurrencies(
        questionnaire.questions.filter((q): q is FieldQuestion => q.type !== 'table'),
        answers,
      );
      return answers;
    });
  if (mode === 'draft') return base;
  return base.superRefine((answers, ctx) => {
    for (const question of questionnaire.questions) {
      if (question.required && answers[question.id] === undefined) {
        ctx.addIssue({ code: 'custom', path: [question.id], message: 'this question must be answered' });
      }
      if (question.type === 'money' && answers[question.id] !== undefined && !answers[currencyField(question)]) {
        ctx.addIssue({ code: 'custom', path: [currencyField(question)], message: 'choose the currency of the amount' });
      }
    }
    for (const rule of questionnaire.submitRules) {
      const issue = SUBMIT_RULES[rule](answers);
      if (issue) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
    }
  });
}

export interface FieldError {
  field: string;
  message: string;
}

export type ValidationResult = { ok: true; answers: Answers } | { ok: false; errors: FieldError[] };

export function validateAnswers(
  questionnaire: Questionnaire,
  input: unknown,
  mode: 'draft' | 'submit',
): ValidationResult {
  let safe: unknown;
  try {
    // Answers come from outside: made safe before they are checked (domain/safe-text.ts).
    safe = safeInput(input);
  } catch (error) {
    if (!(error instanceof UnsafeTextError)) throw error;
    return { ok: false, errors: [{ field: error.field, message: error.fieldMessage }] };
  }
  const result = answersSchema(questionnaire, mode).safeParse(groupTableFields(questionnaire, safe));
  if (result.success) return { ok: true, answers: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  };
}

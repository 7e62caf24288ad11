/**
 * Questionnaires are data: a list of typed questions from which the answer schemas are derived, so the form, the
 * server-side validation and the report all read the same definition. Answers are stored as codes and numbers.
 */
import { z } from 'zod';
import { CURRENCY_CODES } from './currencies';
import type { CurrencyCode } from './currencies';
import { PRIORITY_THEMES } from './priority-themes';

interface QuestionBase {
  id: string;
  label: string;
  help?: string;
  required?: boolean;
}
export interface ChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  options: { code: string; label: string }[];
}
export interface TextQuestion extends QuestionBase {
  type: 'text' | 'long-text';
  maxLength: number;
}
/** An amount and its currency: answered as `<id>` (the amount) and `<id>_currency` (an ISO 4217 code). */
export interface MoneyQuestion extends QuestionBase {
  type: 'money';
  currencies: readonly CurrencyCode[];
  /** Upper bound of a plausible amount, in any currency. */
  max: number;
}
export type Question = ChoiceQuestion | TextQuestion | MoneyQuestion;

export interface Questionnaire {
  id: string;
  title: string;
  intro: string;
  questions: Question[];
}

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
};

export type Answers = Record<string, string | number | undefined>;

export const currencyField = (question: MoneyQuestion) => `${question.id}_currency`;

/** An answer as people read it: the label of a chosen code, an amount with its currency, or the text. */
export function displayAnswer(question: Question, answers: Answers): string {
  const value = answers[question.id];
  if (value === undefined) return '';
  if (question.type === 'single-choice') return question.options.find((o) => o.code === value)?.label ?? String(value);
  if (question.type === 'money')
    return `${Number(value).toLocaleString('en-US')} ${String(answers[currencyField(question)] ?? 'USD')}`;
  return String(value);
}

/** Control characters (except tab and newlines) break Word documents and e-mails; they are removed from free text. */
export function sanitiseText(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
}

function fieldSchema(question: Question): z.ZodType<string | number | undefined> {
  switch (question.type) {
    case 'single-choice':
      return z
        .enum(question.options.map((option) => option.code) as [string, ...string[]], {
          error: `choose one of: ${question.options.map((o) => o.label).join(', ')}`,
        })
        .optional();
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
  }
}

/**
 * The schema for saving a draft (every field optional, each still well-formed) or for submitting (required
 * questions answered, and at least one activity described when the organization reports activities).
 */
export function answersSchema(questionnaire: Questionnaire, mode: 'draft' | 'submit') {
  const shape = Object.fromEntries(
    questionnaire.questions.flatMap((q) => {
      const fields: [string, z.ZodType<string | number | undefined>][] = [[q.id, fieldSchema(q)]];
      if (q.type === 'money') {
        fields.push([
          currencyField(q),
          z
            .enum(q.currencies as [CurrencyCode, ...CurrencyCode[]], { error: 'choose the currency from the list' })
            .optional(),
        ]);
      }
      return fields;
    }),
  );
  // The form always sends a currency beside each amount; without an amount it means nothing and is not kept.
  const base = z
    .object(shape)
    .strip()
    .transform((answers) => {
      for (const question of questionnaire.questions) {
        if (question.type === 'money' && answers[question.id] === undefined) delete answers[currencyField(question)];
      }
      return answers;
    });
  if (mode === 'draft') return base;
  return base.superRefine((answers, ctx) => {
    for (const question of questionnaire.questions) {
      if (question.required && answers[question.id] === undefined) {
        ctx.addIssue({ code: 'custom', path: [question.id], message: 'this question must be answered' });
      }
    }
    for (const question of questionnaire.questions) {
      if (question.type === 'money' && answers[question.id] !== undefined && !answers[currencyField(question)]) {
        ctx.addIssue({ code: 'custom', path: [currencyField(question)], message: 'choose the currency of the amount' });
      }
    }
    const described = PRIORITY_THEMES.some((theme) => answers[`theme_${theme.code}_description`] !== undefined);
    if (answers.activitiesCarriedOut === 'yes' && !described) {
      ctx.addIssue({
        code: 'custom',
        path: [`theme_${PRIORITY_THEMES[0].code}_description`],
        message: 'describe the activities under at least one priority theme, or answer "No" above',
      });
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
  const result = answersSchema(questionnaire, mode).safeParse(input);
  if (result.success) return { ok: true, answers: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
  };
}

/**
 * The questionnaire model, declared once: the zod schema of every kind of question, of a section and of a version,
 * with the TypeScript types inferred from it. A stored or imported definition is checked against these schemas
 * (domain/questionnaire-schema.ts adds the rules across questions); the shipped versions, the form, the validation
 * and the report are written against the types. It imports nothing that reads the model, so any module may import it
 * without a cycle.
 */
import { z } from 'zod';
import { CURRENCY_CODES } from './currencies';
import { FILE_KIND_NAMES } from './file-kinds';
import type { FileKind } from './file-kinds';
import { LANGUAGES } from './i18n/languages';

const ZId = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and _ only, starting with a letter');
export const ZText = z.string().trim().min(1).max(4000);

const base = { id: ZId, label: ZText, help: ZText.optional(), required: z.boolean().optional() };

const ZChoiceQuestion = z.object({
  ...base,
  type: z.enum(['single-choice', 'multiple-choice']),
  options: z.array(z.object({ code: z.string().min(1).max(40), label: ZText })).min(2),
});
const ZDateQuestion = z.object({ ...base, type: z.literal('date') });
/** A count or other quantity (staff, participants, countries): digits only, within bounds. */
const ZNumberQuestion = z
  .object({
    ...base,
    type: z.literal('number'),
    min: z.number(),
    max: z.number(),
    /** Whole numbers only (the default). */
    decimals: z.boolean().optional(),
  })
  .refine((q) => q.min < q.max, 'min must be below max');
const ZTextQuestion = z.object({
  ...base,
  type: z.enum(['text', 'long-text']),
  maxLength: z.number().int().min(1).max(20_000),
});
/** An amount and its currency: answered as `<id>` (the amount) and `<id>_currency` (an ISO 4217 code). */
const ZMoneyQuestion = z.object({
  ...base,
  type: z.literal('money'),
  // Read-only, so a definition may offer the shipped list of currencies itself.
  currencies: z.array(z.enum(CURRENCY_CODES)).min(1).readonly(),
  /** Upper bound of a plausible amount, in any currency. */
  max: z.number().positive(),
});
/**
 * A file attached to the reply (a report, a work plan): answered by the id of the stored attachment. Held to 10 MB,
 * the web server's limit for any upload.
 */
const ZFileQuestion = z.object({
  ...base,
  type: z.literal('file'),
  accept: z.array(z.enum(FILE_KIND_NAMES as [FileKind, ...FileKind[]])).min(1),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024),
});
const ZCellQuestion = z.discriminatedUnion('type', [
  ZTextQuestion,
  ZChoiceQuestion,
  ZMoneyQuestion,
  ZDateQuestion,
  ZNumberQuestion,
]);
/** One row per item (e.g. per activity); each column is a question. Answered as a list of rows. */
const ZTableQuestion = z.object({
  ...base,
  type: z.literal('table'),
  columns: z.array(ZCellQuestion).min(1),
  maxRows: z.number().int().min(1).max(500),
  /** Blank rows the form offers for new entries. */
  blankRows: z.number().int().min(0).max(20),
});
const ZQuestion = z.discriminatedUnion('type', [
  ZTextQuestion,
  ZChoiceQuestion,
  ZMoneyQuestion,
  ZDateQuestion,
  ZNumberQuestion,
  ZFileQuestion,
  ZTableQuestion,
]);

/** A part of the questionnaire that can be delegated to a colleague on its own. */
const ZSection = z.object({ id: ZId, title: ZText, questionIds: z.array(ZId).min(1) });

/** Checks across questions on submission, by name (domain/questionnaire.ts, SUBMIT_RULES). */
const ZSubmitRule = z.enum(['theme-described-when-active', 'activity-listed-when-active']);

export const ZTranslation = z.object({
  text: ZText,
  /** Fingerprint (domain/i18n/fingerprint) of the English text translated. */
  source: z.string().regex(/^[0-9a-f]{8}$/, 'a fingerprint of 8 hex digits'),
});

export const ZQuestionnaireModel = z.object({
  /** Versioned: a changed questionnaire gets a new id, and replies keep the id they answered. */
  id: z.string().regex(/^[a-z0-9-]+-v\d+$/, 'an id like "system-wide-v2"'),
  title: ZText,
  intro: ZText,
  questions: z.array(ZQuestion).min(1),
  /** Every question in exactly one section, in the order of `questions`. */
  sections: z.array(ZSection).min(1),
  submitRules: z.array(ZSubmitRule),
  /**
   * Texts of this version the shared catalogues do not hold: language → text id (domain/i18n/questionnaire-texts)
   * → the translation and the fingerprint of the English it was translated from (stale when that English changed).
   */
  translations: z.partialRecord(z.enum(LANGUAGES), z.record(z.string(), ZTranslation)).optional(),
});

export type ChoiceQuestion = z.infer<typeof ZChoiceQuestion>;
export type DateQuestion = z.infer<typeof ZDateQuestion>;
export type NumberQuestion = z.infer<typeof ZNumberQuestion>;
export type TextQuestion = z.infer<typeof ZTextQuestion>;
export type MoneyQuestion = z.infer<typeof ZMoneyQuestion>;
export type FileQuestion = z.infer<typeof ZFileQuestion>;
export type TableQuestion = z.infer<typeof ZTableQuestion>;
export type Question = z.infer<typeof ZQuestion>;
export type CellQuestion = z.infer<typeof ZCellQuestion>;
/** A question answered by one field (or a money question's two): anything but a table. */
export type FieldQuestion = CellQuestion | FileQuestion;
export type QuestionnaireSection = z.infer<typeof ZSection>;
export type SubmitRule = z.infer<typeof ZSubmitRule>;
export type QuestionnaireTranslation = z.infer<typeof ZTranslation>;
export type Questionnaire = z.infer<typeof ZQuestionnaireModel>;

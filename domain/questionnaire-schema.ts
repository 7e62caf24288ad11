/**
 * The shape a stored questionnaire definition must have, checked whenever one is read from the database or
 * imported: a definition that does not parse is refused with the path of every problem, never half-used.
 */
import { UnsafeTextError, safeInput } from './safe-text';
import { z } from 'zod';
import { CURRENCY_CODES } from './currencies';
import { FILE_KIND_NAMES } from './file-kinds';
import type { FileKind } from './file-kinds';
import { LANGUAGES } from './i18n';
import { fingerprint } from './i18n/fingerprint';
import { questionnaireTextEntries } from './i18n/questionnaire-texts';
import type { Questionnaire, QuestionnaireTranslation } from './questionnaire';

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'letters, digits and _ only, starting with a letter');
const text = z.string().trim().min(1).max(4000);
const base = { id, label: text, help: text.optional(), required: z.boolean().optional() };
const options = z.array(z.object({ code: z.string().min(1).max(40), label: text })).min(2);

const ZTranslation = z.object({ text, source: z.string().regex(/^[0-9a-f]{8}$/, 'a fingerprint of 8 hex digits') });

const ZText = z.object({
  ...base,
  type: z.enum(['text', 'long-text']),
  maxLength: z.number().int().min(1).max(20_000),
});
const ZChoice = z.object({ ...base, type: z.enum(['single-choice', 'multiple-choice']), options });
const ZMoney = z.object({
  ...base,
  type: z.literal('money'),
  currencies: z.array(z.enum(CURRENCY_CODES)).min(1),
  max: z.number().positive(),
});
const ZDate = z.object({ ...base, type: z.literal('date') });
const ZNumber = z
  .object({ ...base, type: z.literal('number'), min: z.number(), max: z.number(), decimals: z.boolean().optional() })
  .refine((q) => q.min < q.max, 'min must be below max');
/** Attachments are held to 10 MB, the web server's limit for any upload. */
const ZFile = z.object({
  ...base,
  type: z.literal('file'),
  accept: z.array(z.enum(FILE_KIND_NAMES as [FileKind, ...FileKind[]])).min(1),
  maxBytes: z
    .number()
    .int()
    .min(1024)
    .max(10 * 1024 * 1024),
});
const ZCell = z.discriminatedUnion('type', [ZText, ZChoice, ZMoney, ZDate, ZNumber]);
const ZTable = z.object({
  ...base,
  type: z.literal('table'),
  columns: z.array(ZCell).min(1),
  maxRows: z.number().int().min(1).max(500),
  blankRows: z.number().int().min(0).max(20),
});
const ZQuestion = z.discriminatedUnion('type', [ZText, ZChoice, ZMoney, ZDate, ZNumber, ZFile, ZTable]);

export const ZQuestionnaire = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+-v\d+$/, 'an id like "system-wide-v2"'),
    title: text,
    intro: text,
    questions: z.array(ZQuestion).min(1),
    sections: z.array(z.object({ id, title: text, questionIds: z.array(id).min(1) })).min(1),
    submitRules: z.array(z.enum(['theme-described-when-active', 'activity-listed-when-active'])),
    /**
     * Texts of this version that the shared catalogues do not hold, by language and text id: the translation, or the
     * translation and the fingerprint of the English it was made from (as an exported version writes it).
     * Definitions stored before text ids were keyed by the English text itself; those still read (see below).
     */
    translations: z.partialRecord(z.enum(LANGUAGES), z.record(z.string(), z.union([text, ZTranslation]))).optional(),
  })
  .superRefine((q, ctx) => {
    const ids = q.questions.map((question) => question.id);
    const duplicate = ids.find((x, i) => ids.indexOf(x) !== i);
    if (duplicate)
      ctx.addIssue({ code: 'custom', path: ['questions'], message: `question ${duplicate} appears twice` });
    const placed = q.sections.flatMap((section) => section.questionIds);
    for (const question of ids)
      if (placed.filter((x) => x === question).length !== 1)
        ctx.addIssue({
          code: 'custom',
          path: ['sections'],
          message: `question ${question} must be in exactly one section`,
        });
    for (const question of placed)
      if (!ids.includes(question))
        ctx.addIssue({ code: 'custom', path: ['sections'], message: `section names an unknown question ${question}` });
  })
  .transform((q) => ({ ...q, translations: q.translations && byTextId(q as Questionnaire, q.translations) }));

/**
 * Every translation keyed by text id with the fingerprint of its English. A translation given without one was made
 * from this version's English; a key that is an English text rather than a text id (how definitions were stored
 * before) stands for every text id with that English. A key that names no text of the version is dropped: nothing
 * would show it, and the launch check reports the text it may have meant as missing.
 */
function byTextId(
  questionnaire: Questionnaire,
  translations: Partial<Record<string, Record<string, string | QuestionnaireTranslation>>>,
): Partial<Record<string, Record<string, QuestionnaireTranslation>>> {
  const entries = questionnaireTextEntries(questionnaire);
  const englishOf = new Map(entries.map((entry) => [entry.id, entry.text]));
  return Object.fromEntries(
    Object.entries(translations).map(([language, own]) => {
      const result: Record<string, QuestionnaireTranslation> = {};
      for (const [key, value] of Object.entries(own ?? {})) {
        const ids = englishOf.has(key) ? [key] : entries.filter((entry) => entry.text === key).map((e) => e.id);
        for (const id of ids)
          result[id] = typeof value === 'string' ? { text: value, source: fingerprint(englishOf.get(id)!) } : value;
      }
      return [language, result];
    }),
  );
}

export type QuestionnaireProblem = { path: string; message: string };

export function parseQuestionnaire(
  definition: unknown,
): { ok: true; questionnaire: Questionnaire } | { ok: false; problems: QuestionnaireProblem[] } {
  let safe: unknown;
  try {
    // A definition is imported from outside: its texts and translations are made safe first (domain/safe-text.ts).
    safe = safeInput(definition);
  } catch (error) {
    if (!(error instanceof UnsafeTextError)) throw error;
    return { ok: false, problems: [{ path: error.field, message: error.fieldMessage }] };
  }
  const parsed = ZQuestionnaire.safeParse(safe);
  if (parsed.success) return { ok: true, questionnaire: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  };
}

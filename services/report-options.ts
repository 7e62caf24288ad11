/**
 * The options section of the analysis report (IV 10 (c)): written by staff, kept in the database, so every compiled
 * version carries the latest text and a recompile never loses an edit.
 */
import { z } from 'zod';
import type { Db } from '../platform/database';
import { sanitiseText } from '../domain/questionnaire';
import { recordAudit } from './audit';
import { NotFoundError } from './errors';
import { getSessionByNumber } from './session-lookup';
import { parseOrThrow } from './safe-input';

export const MAX_OPTIONS = 12;

const money = z
  .union([z.number(), z.string()])
  .transform((value) => (typeof value === 'string' ? value.replace(/[\s,$]/g, '') : value))
  .transform((value) => (value === '' ? undefined : Number(value)))
  .pipe(
    z
      .number({ error: 'give the budget implication in US dollars, digits only' })
      .nonnegative('the budget implication cannot be negative')
      .max(1e12, 'the budget implication is implausibly large')
      .optional(),
  );

export const ZReportOption = z.object({
  position: z.coerce
    .number({ error: 'the option number must be a whole number' })
    .int()
    .min(1, 'options are numbered from 1')
    .max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`),
  title: z.string().transform(sanitiseText).pipe(z.string().min(3, 'give the option a title').max(200)),
  text: z
    .string()
    .transform(sanitiseText)
    .pipe(z.string().min(20, 'describe the option in at least 20 characters').max(4000, 'at most 4,000 characters')),
  budgetUsd: money.optional(),
});

export interface ReportOptionView {
  position: number;
  title: string;
  text: string;
  budgetUsd?: number;
  updatedBy: string;
  updatedAt: string;
}

export async function listReportOptions(db: Db, sessionId: string): Promise<ReportOptionView[]> {
  const rows = await db.reportOption.findMany({ where: { sessionId }, orderBy: { position: 'asc' } });
  return rows.map((r) => ({
    position: r.position,
    title: r.title,
    text: r.text,
    budgetUsd: r.budgetUsd === null ? undefined : Number(r.budgetUsd),
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Writes option N (creating or replacing it). Audited in the same transaction. */
export async function saveReportOption(db: Db, sessionNumber: number, input: unknown, actor: string): Promise<void> {
  const option = parseOrThrow(ZReportOption, input);
  const session = await getSessionByNumber(db, sessionNumber);
  await db.$transaction(async (tx) => {
    const data = {
      title: option.title,
      text: option.text,
      budgetUsd: option.budgetUsd ?? null,
      updatedBy: actor,
    };
    const saved = await tx.reportOption.upsert({
      where: { sessionId_position: { sessionId: session.id, position: option.position } },
      create: { sessionId: session.id, position: option.position, ...data },
      update: data,
    });
    await recordAudit(tx, {
      actor,
      action: 'report-option.save',
      entity: 'ReportOption',
      entityId: saved.id,
      details: { position: option.position, title: option.title, budgetUsd: option.budgetUsd ?? null },
    });
  });
}

export async function deleteReportOption(
  db: Db,
  sessionNumber: number,
  position: number,
  actor: string,
): Promise<void> {
  const session = await getSessionByNumber(db, sessionNumber);
  await db.$transaction(async (tx) => {
    const existing = await tx.reportOption.findUnique({
      where: { sessionId_position: { sessionId: session.id, position } },
    });
    if (!existing) throw new NotFoundError(`Session ${sessionNumber} has no option ${position}`);
    await tx.reportOption.delete({ where: { id: existing.id } });
    await recordAudit(tx, {
      actor,
      action: 'report-option.delete',
      entity: 'ReportOption',
      entityId: existing.id,
      details: { position, title: existing.title },
    });
  });
}

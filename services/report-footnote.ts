/**
 * The lateness footnote of a session's analysis report (domain/lateness.ts), the one writer of `ReportFootnote`. The
 * system drafts the footnote from the recorded plan; a coordinator or manager may replace the draft with their own
 * text (console or `prep report footnote`), stored once per session and audited, and may go back to the draft. The
 * report carries the footnote only when a date that binds it was missed; then it carries the edited text if there is
 * one, else the draft.
 */
import { z } from 'zod';
import { draftLatenessFootnote, lateSteps } from '../domain/lateness';
import type { LateStep, LatenessEntry } from '../domain/lateness';
import { stripUnsafe } from '../domain/safe-text';
import type { Db } from '../platform/database';
import { recordAudit } from './audit';
import { parseOrThrow } from './safe-input';
import { getSessionByNumber } from './session-lookup';
import { readSessionPlan } from './session-plan';

export const ZLatenessFootnote = z.object({
  text: z
    .string({ error: 'give the text of the footnote' })
    .transform((t) => t.replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(20, 'say why the report is late in at least 20 characters')
        .max(1500, 'a footnote holds at most 1,500 characters'),
    ),
});

export interface LatenessFootnoteView {
  /** The binding deadlines missed, as the record shows them at `at`. */
  late: LateStep[];
  /** What the system drafts from the record (undefined when nothing binding was missed). */
  drafted?: string;
  /** The text staff wrote instead of the draft, if any. */
  edited?: { text: string; editedBy: string; editedAt: string };
  /** What the report carries: the edited text, else the draft; nothing when nothing binding was missed. */
  text?: string;
}

/**
 * The footnote a report made at `at` carries, and what it is made from. `accepted` gives the reason recorded when a
 * deadline's breach was accepted, by deadline key (the plan's own `breachAcceptedReason` otherwise).
 */
export async function latenessFootnote(
  db: Db,
  sessionId: string,
  at = new Date(),
  accepted: Partial<Record<string, string>> = {},
): Promise<LatenessFootnoteView> {
  // A breach accepted when the session was moved (Deadline.breachAccepted*) gives its reason to the draft.
  const plan: LatenessEntry[] = (await readSessionPlan(db, sessionId)).map((entry) => ({
    ...entry,
    ...(entry.breachAccepted ? { breachAcceptedReason: entry.breachAccepted.reason } : {}),
  }));
  const late = lateSteps(plan, at, accepted);
  const drafted = draftLatenessFootnote(plan, at, accepted);
  const row = await db.reportFootnote.findUnique({ where: { sessionId } });
  const edited = row ? { text: row.text, editedBy: row.editedBy, editedAt: row.editedAt.toISOString() } : undefined;
  // Defence in depth: the edited text was made safe at entry; the draft holds recorded reasons, made safe here.
  const text = late.length > 0 ? stripUnsafe(edited?.text ?? drafted!) : undefined;
  return {
    late,
    ...(drafted ? { drafted: stripUnsafe(drafted) } : {}),
    ...(edited ? { edited } : {}),
    ...(text ? { text } : {}),
  };
}

/** Stores staff's text of the footnote in place of the draft (replacing an earlier edit). Audited. */
export async function saveLatenessFootnote(
  db: Db,
  sessionNumber: number,
  input: unknown,
  actor: string,
): Promise<LatenessFootnoteView> {
  const { text } = parseOrThrow(ZLatenessFootnote, input);
  const session = await getSessionByNumber(db, sessionNumber);
  await db.$transaction(async (tx) => {
    const saved = await tx.reportFootnote.upsert({
      where: { sessionId: session.id },
      create: { sessionId: session.id, text, editedBy: actor },
      update: { text, editedBy: actor },
    });
    await recordAudit(tx, {
      actor,
      action: 'report-footnote.save',
      entity: 'ReportFootnote',
      entityId: saved.id,
      details: { sessionNumber, text },
    });
  });
  return latenessFootnote(db, session.id);
}

/** Drops staff's text: the report carries the drafted footnote again. Audited; nothing to drop is no error. */
export async function resetLatenessFootnote(
  db: Db,
  sessionNumber: number,
  actor: string,
): Promise<LatenessFootnoteView> {
  const session = await getSessionByNumber(db, sessionNumber);
  await db.$transaction(async (tx) => {
    const row = await tx.reportFootnote.findUnique({ where: { sessionId: session.id } });
    if (!row) return;
    await tx.reportFootnote.delete({ where: { id: row.id } });
    await recordAudit(tx, {
      actor,
      action: 'report-footnote.reset',
      entity: 'ReportFootnote',
      entityId: row.id,
      details: { sessionNumber, replaced: row.text },
    });
  });
  return latenessFootnote(db, session.id);
}

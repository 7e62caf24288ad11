/**
 * The preview of a session's move: what the move would record and whom it would tell, computed exactly as the move
 * itself would (services/session-plan.ts decideMove) and written nowhere. The console and `prep session move
 * --dry-run` show it before anyone confirms.
 */
import type { MovedDeadline, PlannedDeadline } from '../domain/deadlines';
import type { ImpossibleDeadline, MoveChoice } from '../domain/move-plan';
import type { Db } from '../platform/database';
import { toldOfNewClose } from './cycles';
import { parseOrThrow } from './safe-input';
import { getSessionByNumber } from './session-lookup';
import { decideMove } from './session-plan';
import { ZSessionMove, moveRefusal } from './sessions';
import type { TSessionMove } from './sessions';

/** The respondents of one open survey whose close the move changes. */
export interface SurveyToTell {
  kind: 'SYSTEM_WIDE' | 'IGO_NGO';
  from: string;
  to: string;
  /** Organisations that will be e-mailed the new date, in their contact's language. */
  organisations: number;
  byLanguage: Record<string, number>;
  /** The first few, by name, for the coordinator to recognise. */
  names: string[];
}

export interface MoveOption {
  choice: MoveChoice;
  moved: MovedDeadline[];
  told: SurveyToTell[];
}

export interface MovePreview {
  number: number;
  from: { openingDate: string; closingDate: string };
  to: TSessionMove;
  moved: MovedDeadline[];
  impossible: ImpossibleDeadline[];
  choices: MoveChoice[];
  compressUnavailable?: string;
  applied?: MoveChoice;
  /** Who the move as asked would tell (nobody is told while a choice is still to make: see `options`). */
  told: SurveyToTell[];
  /** With a choice still to make: what each choice would move and whom it would tell. */
  options: MoveOption[];
  /** Why confirming as asked would be refused (a choice is still needed); undefined when it can be confirmed. */
  refusal?: string;
}

const NAMES_SHOWN = 8;

/** Who an open survey's respondents are that a plan's new close would tell, survey by survey. */
async function toldBy(db: Db, sessionId: string, plan: readonly PlannedDeadline[]): Promise<SurveyToTell[]> {
  const cycles = await db.surveyCycle.findMany({ where: { sessionId, status: 'OPEN' }, orderBy: { kind: 'asc' } });
  const told: SurveyToTell[] = [];
  for (const cycle of cycles) {
    const key = cycle.kind === 'IGO_NGO' ? 'igo-ngo-survey-close' : 'survey-close';
    const to = plan.find((d) => d.key === key)!.dueAt;
    if (to === cycle.closesAt.toISOString()) continue;
    const organisations = await db.organisation.findMany({
      where: toldOfNewClose(cycle, new Date(to)),
      select: {
        name: true,
        invitations: {
          where: { cycleId: cycle.id, revokedAt: null, contact: { bouncedAt: null } },
          select: { contact: { select: { language: true } } },
          orderBy: { createdAt: 'asc' },
          take: 1,
        },
      },
      orderBy: { name: 'asc' },
    });
    const byLanguage: Record<string, number> = {};
    for (const o of organisations) {
      const lang = o.invitations[0]?.contact.language ?? 'en';
      byLanguage[lang] = (byLanguage[lang] ?? 0) + 1;
    }
    told.push({
      kind: cycle.kind,
      from: cycle.closesAt.toISOString(),
      to,
      organisations: organisations.length,
      byLanguage,
      names: organisations.slice(0, NAMES_SHOWN).map((o) => o.name),
    });
  }
  return told;
}

export async function previewMove(
  db: Db,
  number: number,
  input: unknown,
  now: number = Date.now(),
): Promise<MovePreview> {
  const move = parseOrThrow(ZSessionMove, input);
  const session = await getSessionByNumber(db, number);
  const { decision } = await decideMove(db, session.id, move.openingDate, now, move.choice);
  // With a choice still to make, each choice is shown with its own dates and whom it would tell.
  const options: MoveOption[] = [];
  if (!decision.applied)
    for (const choice of decision.choices) {
      const { decision: option } = await decideMove(db, session.id, move.openingDate, now, choice);
      options.push({ choice, moved: option.moved, told: await toldBy(db, session.id, option.plan) });
    }
  const refusal = moveRefusal(decision, move.choice);
  return {
    number,
    from: { openingDate: session.openingDate, closingDate: session.closingDate },
    to: move,
    moved: decision.moved,
    impossible: decision.impossible,
    choices: decision.choices,
    ...(decision.compressUnavailable ? { compressUnavailable: decision.compressUnavailable } : {}),
    ...(decision.applied ? { applied: decision.applied } : {}),
    told: options.length ? [] : await toldBy(db, session.id, decision.plan),
    options,
    ...(refusal ? { refusal } : {}),
  };
}

/**
 * The lateness footnote of the analysis report. United Nations practice asks a document issued after a date that
 * binds it to say why, in a footnote on its symbol or title on the first page (E/CN.15/2002/3 explained its delay by
 * "the time required to receive and analyse all inputs from various United Nations entities and other
 * organizations"). The system drafts the footnote from the record: which deadlines of the recorded plan were missed,
 * and by how many days. Staff may edit it (services/report-footnote.ts); the draft stands until they do.
 *
 * The dates that bind the report: the surveys' closes (the report is compiled after them), its approval, and the
 * IV 11 deadline by which it reaches Governments. The planned dispatch is the Secretariat's own margin in front of
 * IV 11 and does not bind the document. A deadline binds as late when it was met after its date, was recorded as
 * missed, or is still open although its date has passed at the moment the document is made (`at`).
 */
import { unDate } from './symbols';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The deadlines that bind the report, in the order the footnote names them. */
export const BINDING_DEADLINES = [
  'survey-close',
  'igo-ngo-survey-close',
  'report-approval',
  'dispatch-deadline',
] as const;
export type BindingDeadline = (typeof BINDING_DEADLINES)[number];

/** A deadline of the recorded plan, as the drafting reads it (domain/deadlines PlanEntry). */
export interface LatenessEntry {
  key: string;
  dueAt: string;
  state: 'planned' | 'met' | 'missed' | 'skipped';
  doneAt?: string;
  /** The reason recorded when staff accepted the breach (Deadline.breachAcceptedReason), if the plan carries it. */
  breachAcceptedReason?: string;
}

export interface LateStep {
  key: BindingDeadline;
  dueAt: string;
  /** When it was done, if it was. */
  doneAt?: string;
  /** Whole days after its date: when done, until it was done; else until `at`. */
  daysLate: number;
  /** The reason recorded when the breach was accepted, if any. */
  acceptedReason?: string;
}

const day = (iso: string | Date) => unDate(new Date(iso));
const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/**
 * The binding deadlines that were (or, at `at`, are being) missed, each with its accepted reason: from `accepted`
 * (keyed by deadline) where given, else the entry's own `breachAcceptedReason`.
 */
export function lateSteps(
  plan: readonly LatenessEntry[],
  at: Date,
  accepted: Readonly<Partial<Record<string, string>>> = {},
): LateStep[] {
  const steps: LateStep[] = [];
  for (const key of BINDING_DEADLINES) {
    const entry = plan.find((e) => e.key === key);
    if (!entry || entry.state === 'skipped') continue;
    const due = Date.parse(entry.dueAt);
    const done = entry.doneAt ? Date.parse(entry.doneAt) : undefined;
    const until = done ?? (entry.state === 'met' ? due : at.getTime());
    const late = entry.state === 'missed' || until > due;
    if (!late) continue;
    const reason = (accepted[key] ?? entry.breachAcceptedReason)?.trim();
    steps.push({
      key,
      dueAt: entry.dueAt,
      ...(entry.doneAt ? { doneAt: entry.doneAt } : {}),
      daysLate: Math.max(1, Math.ceil((until - due) / DAY_MS)),
      ...(reason ? { acceptedReason: reason } : {}),
    });
  }
  return steps;
}

function clause(step: LateStep, at: Date): string {
  const reason = step.acceptedReason ? ` (${step.acceptedReason.replace(/[.\s]+$/, '')})` : '';
  switch (step.key) {
    case 'survey-close':
    case 'igo-ngo-survey-close': {
      const survey =
        step.key === 'survey-close'
          ? 'the survey of the United Nations system'
          : 'the survey of intergovernmental and non-governmental organizations';
      return step.doneAt
        ? `${survey} closed on ${day(step.doneAt)}, ${days(step.daysLate)} after its planned close (${day(step.dueAt)})${reason}`
        : `${survey}, planned to close on ${day(step.dueAt)}, had not closed ${days(step.daysLate)} later${reason}`;
    }
    case 'report-approval':
      return step.doneAt
        ? `the report was approved on ${day(step.doneAt)}, ${days(step.daysLate)} after the date set for its approval (${day(step.dueAt)})${reason}`
        : `the report was completed on ${day(at)}, ${days(step.daysLate)} after the date set for its approval (${day(step.dueAt)})${reason}`;
    case 'dispatch-deadline':
      return step.doneAt
        ? `it reached Governments on ${day(step.doneAt)}, ${days(step.daysLate)} after the date required by Economic and Social Council resolution 1992/22, section IV, paragraph 11 (${day(step.dueAt)}, sixty days before the opening of the session)${reason}`
        : `it reaches Governments after the date required by Economic and Social Council resolution 1992/22, section IV, paragraph 11 (${day(step.dueAt)}, sixty days before the opening of the session)${reason}`;
  }
}

/**
 * The footnote the system drafts from what was late, or undefined when nothing binding was. One sentence: what was
 * late, by how much, against which recorded date, each with its accepted reason where one was recorded.
 */
export function draftLatenessFootnote(
  plan: readonly LatenessEntry[],
  at: Date,
  accepted: Readonly<Partial<Record<string, string>>> = {},
): string | undefined {
  const steps = lateSteps(plan, at, accepted);
  if (steps.length === 0) return undefined;
  const clauses = steps.map((s) => clause(s, at));
  const joined = clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join('; ')}; and ${clauses.at(-1)}`;
  return `The present report is submitted late: ${joined}.`;
}

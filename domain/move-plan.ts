/**
 * What a move of a session does to its plan, decided before anything is written: the dates today's rules give for the
 * new opening, the deadlines those make impossible, and — when the move makes the plan impossible — the two ways a
 * coordinator may choose between (issue 11):
 *
 * - **compress**: the surveys close at the latest date that still meets the IV 11 date, the steps after them cut to
 *   their minimum margins (below); offered only while that close still lies ahead;
 * - **accept**: the surveys keep the dates respondents were given (never a close in the past), the steps after them
 *   keep their working margins counted forward from there, and the IV 11 breach is recorded with the reason given.
 *
 * A move never closes an open survey by putting its close in the past: with neither choice such a move is refused.
 */
import { DAY_MS } from './plan-rules';
import type { DeadlineKey, DeadlinePlan, MovedDeadline, PlanEntry, PlannedDeadline } from './deadlines';
import { DEADLINE_KEYS, movedDeadlines } from './deadlines';

/** The shortest time each step after the surveys' close may be cut to when a plan is compressed. */
export const MINIMUM_MARGIN_DAYS = { analysis: 7, approval: 3, dispatch: 1 } as const;
/** A survey that keeps its dates under "accept" but whose close has passed stays open at least this long. */
export const MINIMUM_SURVEY_DAYS_LEFT = 7;
/** The working margins of the normal plan (domain/deadlines.ts), used to count forward under "accept". */
const WORKING_MARGIN_DAYS = { analysis: 21, approval: 14, dispatch: 7, reminderLead: 7 } as const;

const SURVEY_CLOSES = ['survey-close', 'igo-ngo-survey-close'] as const satisfies readonly DeadlineKey[];

export type MoveChoice = 'compress' | 'accept';

/** A deadline the rules' plan for the new dates cannot keep. */
export interface ImpossibleDeadline {
  key: DeadlineKey;
  label: string;
  dueAt: string;
  why: string;
}

export interface MovePlan {
  /** The plan to record if the move is confirmed (with the choice, if one was made). */
  plan: PlannedDeadline[];
  moved: MovedDeadline[];
  impossible: ImpossibleDeadline[];
  /** The choices this move allows; empty when the rules' plan is possible and no choice is needed. */
  choices: MoveChoice[];
  /** Why compressing cannot help, when it is not offered although a choice is needed. */
  compressUnavailable?: string;
  /** The choice applied to `plan`, if any. */
  applied?: MoveChoice;
}

const iso = (instant: number) => new Date(instant).toISOString();
const day = (instant: string) => instant.slice(0, 10);
const days = (n: number) => n * DAY_MS;

/** The deadlines of the rules' plan that cannot be kept at `now`, among those still to do. */
function impossibleDeadlines(previous: readonly PlanEntry[], rules: DeadlinePlan, now: number): ImpossibleDeadline[] {
  const open = new Set(previous.filter((e) => e.state === 'planned').map((e) => e.key));
  const passed = (key: DeadlineKey) => open.has(key) && Date.parse(rules[key].dueAt) <= now;
  const found: ImpossibleDeadline[] = [];
  for (const key of SURVEY_CLOSES)
    if (passed(key))
      found.push({
        key,
        label: rules[key].label,
        dueAt: rules[key].dueAt,
        why: `the survey would close on ${day(rules[key].dueAt)}, which has passed`,
      });
  for (const key of ['report-approval', 'dispatch-target'] as const)
    if (passed(key))
      found.push({
        key,
        label: rules[key].label,
        dueAt: rules[key].dueAt,
        why: `${day(rules[key].dueAt)} has passed`,
      });
  if (passed('dispatch-deadline'))
    found.push({
      key: 'dispatch-deadline',
      label: rules['dispatch-deadline'].label,
      dueAt: rules['dispatch-deadline'].dueAt,
      why: `the sixty-day date (${day(rules['dispatch-deadline'].dueAt)}) has passed: the report cannot reach Governments on time`,
    });
  return found;
}

/** The compressed plan, or why there is none: the surveys close as late as the IV 11 date still allows. */
function compressed(rules: DeadlinePlan, now: number): { plan: DeadlinePlan } | { unavailable: string } {
  const deadline = Date.parse(rules['dispatch-deadline'].dueAt);
  const dispatch = deadline - days(MINIMUM_MARGIN_DAYS.dispatch);
  const approval = dispatch - days(MINIMUM_MARGIN_DAYS.approval);
  const close = approval - days(MINIMUM_MARGIN_DAYS.analysis);
  if (close <= now)
    return {
      unavailable:
        deadline <= now
          ? `the sixty-day date (${day(rules['dispatch-deadline'].dueAt)}) has passed`
          : `even with the shortest margins (analysis ${MINIMUM_MARGIN_DAYS.analysis} days, approval ${MINIMUM_MARGIN_DAYS.approval}, dispatch ${MINIMUM_MARGIN_DAYS.dispatch}) the surveys would have to close on ${day(iso(close))}, which has passed`,
    };
  const cite = (what: string) => `Compressed to meet the IV 11 date: ${what}`;
  const reminder = Math.max(close - days(WORKING_MARGIN_DAYS.reminderLead), now + (close - now) / 2);
  const entries: Partial<Record<DeadlineKey, [number, string]>> = {
    'dispatch-target': [dispatch, cite(`dispatch ${MINIMUM_MARGIN_DAYS.dispatch} day before the IV 11 deadline`)],
    'report-approval': [approval, cite(`approval ${MINIMUM_MARGIN_DAYS.approval} days before the dispatch`)],
    'survey-close': [close, cite(`analysis time cut to ${MINIMUM_MARGIN_DAYS.analysis} days (IV 10 (c))`)],
    'igo-ngo-survey-close': [close, cite(`analysis time cut to ${MINIMUM_MARGIN_DAYS.analysis} days (IV 10 (b), (c))`)],
    'survey-reminder': [reminder, cite('reminder before the compressed close')],
  };
  return { plan: withDates(rules, entries) };
}

/** The plan that keeps the surveys' dates: later steps keep their working margins, counted forward from the close. */
function keepingSurveyDates(previous: readonly PlanEntry[], rules: DeadlinePlan, now: number): DeadlinePlan {
  const was = (key: DeadlineKey) => previous.find((e) => e.key === key);
  const keptClose = (key: (typeof SURVEY_CLOSES)[number]) => {
    const before = was(key);
    const wanted = Math.max(Date.parse(rules[key].dueAt), before ? Date.parse(before.dueAt) : 0);
    return Math.max(wanted, now + days(MINIMUM_SURVEY_DAYS_LEFT));
  };
  const close = keptClose('survey-close');
  const igoNgoClose = keptClose('igo-ngo-survey-close');
  // Only a survey still open has dates to keep; once both have closed, the steps after them keep the rules' dates
  // (late ones stay late: that is the breach accepted).
  const stillOpen = (key: (typeof SURVEY_CLOSES)[number]) => was(key)?.state === 'planned';
  const lastClose = Math.max(
    stillOpen('survey-close') ? close : -Infinity,
    stillOpen('igo-ngo-survey-close') ? igoNgoClose : -Infinity,
  );
  const approval = Math.max(Date.parse(rules['report-approval'].dueAt), lastClose + days(WORKING_MARGIN_DAYS.analysis));
  const dispatch = Math.max(Date.parse(rules['dispatch-target'].dueAt), approval + days(WORKING_MARGIN_DAYS.approval));
  const reminder = Math.max(Date.parse(rules['survey-reminder'].dueAt), close - days(WORKING_MARGIN_DAYS.reminderLead));
  const kept = 'Kept by the coordinator (IV 11 breach accepted)';
  return withDates(rules, {
    'survey-close': [close, `${kept}: the survey keeps the close respondents were given`],
    'igo-ngo-survey-close': [igoNgoClose, `${kept}: the survey keeps the close respondents were given`],
    'survey-reminder': [reminder, `${kept}: reminder ${WORKING_MARGIN_DAYS.reminderLead} days before the kept close`],
    'report-approval': [approval, `${kept}: approval ${WORKING_MARGIN_DAYS.analysis} days after the kept close`],
    'dispatch-target': [dispatch, `${kept}: dispatch ${WORKING_MARGIN_DAYS.approval} days after approval`],
  });
}

/** The rules' plan with some dates replaced (a date equal to the rules' keeps the rules' citation). */
function withDates(rules: DeadlinePlan, dates: Partial<Record<DeadlineKey, [number, string]>>): DeadlinePlan {
  const plan = { ...rules };
  for (const key of DEADLINE_KEYS) {
    const date = dates[key];
    if (date && iso(date[0]) !== rules[key].dueAt) plan[key] = { ...rules[key], dueAt: iso(date[0]), rule: date[1] };
  }
  return plan;
}

/**
 * The plan a move gives at `now`: the rules' plan for the new opening when it is possible, otherwise the plan of the
 * choice made (or, with no choice yet, the rules' plan — for the preview — with the choices it allows). Deadlines
 * already done keep their dates (services/session-plan.ts records only those still planned).
 */
export function planMove(
  previous: readonly PlanEntry[],
  rules: DeadlinePlan,
  now: number,
  choice?: MoveChoice,
): MovePlan {
  const impossible = impossibleDeadlines(previous, rules, now);
  const asEntries = (plan: DeadlinePlan) => DEADLINE_KEYS.map((key) => plan[key]);
  if (impossible.length === 0)
    return { plan: asEntries(rules), moved: movedDeadlines(previous, rules, now), impossible, choices: [] };
  const compression = compressed(rules, now);
  const choices: MoveChoice[] = 'plan' in compression ? ['compress', 'accept'] : ['accept'];
  const compressUnavailable = 'unavailable' in compression ? compression.unavailable : undefined;
  let chosen: DeadlinePlan = rules;
  if (choice === 'compress' && 'plan' in compression) chosen = compression.plan;
  else if (choice === 'accept') chosen = keepingSurveyDates(previous, rules, now);
  const applied = chosen === rules ? undefined : choice;
  return {
    plan: asEntries(chosen),
    moved: movedDeadlines(previous, chosen, now),
    impossible,
    choices,
    ...(compressUnavailable ? { compressUnavailable } : {}),
    ...(applied ? { applied } : {}),
  };
}

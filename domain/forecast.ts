/**
 * The live forecast of a survey: how many replies to expect at the close, and whether the report will make the dates
 * of the recorded plan. Pure: the facts come from services/forecast.ts, which reads them from the one survey query.
 *
 * The method, in the words the dashboard uses:
 *
 * 1. **Recent pace.** Replies that count (domain/reply-states: a submission or a nil return) in the last
 *    `PACE_WINDOW_DAYS` days of the survey (or since its launch, if shorter), as replies a day, carried on to the
 *    close: `so far + pace × days left`. Before `MIN_PACE_DAYS` days have run there is no pace yet.
 * 2. **The previous cycle's curve.** The same kind of survey of the session before (the latest earlier session that
 *    ran it). At the same share of its run, the previous cycle had received a share of its replies; the rest came
 *    after that point. The same proportion of this cycle's invitees is expected to reply from here on:
 *    `so far + (previous replies after this point ÷ previous invitees) × invitees`.
 * 3. **Blend.** With both, the estimate weighs the pace by the share of the survey that has run and the previous curve
 *    by the share still to run: early on the previous cycle knows more, late the recent pace does. With one, that
 *    one; with neither (no pace yet and no previous cycle), no estimate: only the replies so far.
 *
 * The estimate is rounded to whole replies and kept between the replies so far and the organisations invited. A
 * closed survey is not forecast: its replies are the result.
 *
 * The dates: the survey takes replies until its close, then its grace window and every personal extension; the
 * report is compiled after that. If that end falls after the survey's recorded close, the steps after it are expected
 * to slip by as much (each needs the time the plan gives it), and a deadline is at risk when its slipped date passes
 * it. A deadline whose date has passed undone is overdue; a settled one says how it was settled.
 */
import { unDate } from './symbols';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The pace is the replies of the last this-many days (or since launch, if the survey is younger). */
export const PACE_WINDOW_DAYS = 14;
/** Before this many days of the survey have run, its pace says nothing yet. */
export const MIN_PACE_DAYS = 3;
/** Without a previous cycle, an expected response rate below this is a risk to report, once the pace is known. */
export const RISK_RATE_FLOOR = 50;
/** With a previous cycle, an expected response rate this many points below the previous cycle's is a risk. */
export const RISK_RATE_SHORTFALL = 20;

/** The replies of one survey cycle as they arrived. */
export interface ReplyCurve {
  invited: number;
  opensAt: string;
  closesAt: string;
  /** When each reply that counts arrived (any order). */
  repliedAt: readonly string[];
}

/** The previous cycle of the same kind, with the session it prepared. */
export interface PreviousCycle extends ReplyCurve {
  sessionNumber: number;
}

export type ForecastMethod = 'closed' | 'pace' | 'previous cycle' | 'blend' | 'none';

export interface ReplyForecast {
  invited: number;
  /** Replies that count, so far. */
  replies: number;
  closesAt: string;
  /** Replies expected at the close (whole replies, between `replies` and `invited`). */
  expected: number;
  /** `expected` as a whole percentage of those invited. */
  expectedRate: number;
  method: ForecastMethod;
  /** Share of the survey's run that has passed, 0 to 1. */
  elapsed: number;
  pace?: { days: number; replies: number; perDay: number; estimate: number };
  previous?: {
    sessionNumber: number;
    invited: number;
    replies: number;
    /** The previous cycle's final response rate, whole percent. */
    rate: number;
    /** Share of its invitees that replied after the same point of its run, whole percent. */
    laterRate: number;
    estimate: number;
  };
  /** Weight of the pace in a blend (the rest is the previous curve's). */
  paceWeight?: number;
  /** The basis of the estimate in one sentence, for staff. */
  basis: string;
}

const pct = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 100));
const day = (iso: string | number) => unDate(new Date(iso));
const perDayText = (n: number) => (n === 0 ? 'no replies a day' : `${n.toFixed(1)} replies a day`);

/** Replies expected at the close of `curve`, from its recent pace and the previous cycle's curve (see above). */
export function forecastReplies(curve: ReplyCurve, previous: PreviousCycle | undefined, now: Date): ReplyForecast {
  const opens = Date.parse(curve.opensAt);
  const closes = Date.parse(curve.closesAt);
  const at = now.getTime();
  const replies = curve.repliedAt.filter((r) => Date.parse(r) <= at).length;
  const base = { invited: curve.invited, replies, closesAt: curve.closesAt };
  const clamp = (n: number) => Math.min(curve.invited, Math.max(replies, Math.round(n)));
  const previousRate = previous ? pct(previous.repliedAt.length, previous.invited) : undefined;
  const lastCycle = previous ? `; last cycle (session ${previous.sessionNumber}) reached ${previousRate} %` : '';

  if (at >= closes) {
    return {
      ...base,
      expected: replies,
      expectedRate: pct(replies, curve.invited),
      method: 'closed',
      elapsed: 1,
      basis: `${replies} of ${curve.invited} replied by the close on ${day(closes)}${lastCycle}`,
    };
  }
  const elapsed = closes > opens ? Math.min(1, Math.max(0, (at - opens) / (closes - opens))) : 0;
  const daysLeft = (closes - at) / DAY_MS;
  const daysRun = Math.max(0, (at - opens) / DAY_MS);

  let pace: ReplyForecast['pace'];
  if (daysRun >= MIN_PACE_DAYS) {
    const days = Math.min(PACE_WINDOW_DAYS, daysRun);
    const from = at - days * DAY_MS;
    const inWindow = curve.repliedAt.filter((r) => Date.parse(r) > from && Date.parse(r) <= at).length;
    const perDay = inWindow / days;
    pace = { days: Math.round(days), replies: inWindow, perDay, estimate: clamp(replies + perDay * daysLeft) };
  }

  let fromPrevious: ReplyForecast['previous'];
  if (previous && previous.invited > 0) {
    const pOpens = Date.parse(previous.opensAt);
    const pCloses = Date.parse(previous.closesAt);
    const samePoint = pOpens + elapsed * (pCloses - pOpens);
    const later = previous.repliedAt.filter((r) => Date.parse(r) > samePoint).length;
    const laterShare = later / previous.invited;
    fromPrevious = {
      sessionNumber: previous.sessionNumber,
      invited: previous.invited,
      replies: previous.repliedAt.length,
      rate: previousRate!,
      laterRate: Math.round(laterShare * 100),
      estimate: clamp(replies + laterShare * curve.invited),
    };
  }

  const by = `${day(closes)}`;
  const paceText = pace ? `the last ${pace.days} days' pace of ${perDayText(pace.perDay)}` : undefined;
  const previousText = fromPrevious
    ? `the previous cycle's curve (${fromPrevious.laterRate} % of its invitees replied after this point of its run)`
    : undefined;

  if (pace && fromPrevious) {
    const paceWeight = elapsed;
    const expected = clamp(paceWeight * pace.estimate + (1 - paceWeight) * fromPrevious.estimate);
    return {
      ...base,
      expected,
      expectedRate: pct(expected, curve.invited),
      method: 'blend',
      elapsed,
      pace,
      previous: fromPrevious,
      paceWeight,
      basis:
        `${expected} of ${curve.invited} expected by ${by}, from ${paceText} (${pace.estimate}) and ${previousText} ` +
        `(${fromPrevious.estimate}), weighted ${Math.round(paceWeight * 100)} : ${100 - Math.round(paceWeight * 100)} ` +
        `by the share of the survey run${lastCycle}`,
    };
  }
  if (pace) {
    return {
      ...base,
      expected: pace.estimate,
      expectedRate: pct(pace.estimate, curve.invited),
      method: 'pace',
      elapsed,
      pace,
      basis: `${pace.estimate} of ${curve.invited} expected by ${by}, from ${paceText}; no earlier cycle to compare with`,
    };
  }
  if (fromPrevious) {
    return {
      ...base,
      expected: fromPrevious.estimate,
      expectedRate: pct(fromPrevious.estimate, curve.invited),
      method: 'previous cycle',
      elapsed,
      previous: fromPrevious,
      basis:
        `${fromPrevious.estimate} of ${curve.invited} expected by ${by}, from ${previousText}; ` +
        `too early for a pace (under ${MIN_PACE_DAYS} days run)${lastCycle}`,
    };
  }
  return {
    ...base,
    expected: replies,
    expectedRate: pct(replies, curve.invited),
    method: 'none',
    elapsed,
    basis:
      `${replies} of ${curve.invited} replied so far; no estimate for ${by} yet ` +
      `(under ${MIN_PACE_DAYS} days run and no earlier cycle to compare with)`,
  };
}

/** A deadline of the recorded plan (domain/deadlines PlanEntry, or any date that binds the report). */
export interface OutlookEntry {
  key: string;
  label: string;
  dueAt: string;
  state: 'planned' | 'met' | 'missed' | 'skipped';
  doneAt?: string;
}

export type OutlookState = 'met' | 'met late' | 'missed' | 'not needed' | 'on track' | 'at risk' | 'overdue';

export interface DateOutlook {
  key: string;
  label: string;
  dueAt: string;
  outlook: OutlookState;
  /** When the step is now expected, if that differs from its date. */
  expectedAt?: string;
  note?: string;
}

/** The steps after the surveys, in the order they follow one another; each slips when the surveys end late. */
const AFTER_SURVEYS = ['report-approval', 'dispatch-target', 'dispatch-deadline', 'documentation-submission'];
const SURVEY_CLOSES = ['survey-close', 'igo-ngo-survey-close'];

/**
 * Where each date of the plan stands: settled ones as settled; open ones overdue when their date has passed, at risk
 * when the end of the surveys (grace window and personal extensions included, `surveyEnds` keyed by close deadline)
 * pushes them past their date, else on track. The IV 11 deadline slips with the planned dispatch it follows.
 */
export function outlookDates(
  plan: readonly OutlookEntry[],
  surveyEnds: Readonly<Record<string, string | undefined>>,
  now: Date,
): DateOutlook[] {
  const at = now.getTime();
  const entry = (key: string) => plan.find((e) => e.key === key);
  // How late the surveys end against their recorded closes: the later steps need the time the plan gives them.
  let slip = 0;
  let slipNote: string | undefined;
  for (const key of SURVEY_CLOSES) {
    const close = entry(key);
    const end = surveyEnds[key];
    if (!close || close.state !== 'planned' || !end) continue;
    const late = Date.parse(end) - Date.parse(close.dueAt);
    if (late > slip) {
      slip = late;
      slipNote = `the survey takes replies until ${day(end)} (grace window and extensions), ${Math.ceil(late / DAY_MS)} day(s) after its close`;
    }
  }
  const dispatchTarget = entry('dispatch-target');
  return plan.map((e): DateOutlook => {
    const base = { key: e.key, label: e.label, dueAt: e.dueAt };
    if (e.state === 'skipped') return { ...base, outlook: 'not needed' };
    if (e.state === 'missed') return { ...base, outlook: 'missed', ...(e.doneAt ? { expectedAt: e.doneAt } : {}) };
    if (e.state === 'met') {
      const late = e.doneAt !== undefined && Date.parse(e.doneAt) > Date.parse(e.dueAt);
      return { ...base, outlook: late ? 'met late' : 'met', ...(e.doneAt ? { expectedAt: e.doneAt } : {}) };
    }
    const due = Date.parse(e.dueAt);
    if (at > due) return { ...base, outlook: 'overdue', note: `due ${day(due)}, not yet done` };
    if (slip > 0 && AFTER_SURVEYS.includes(e.key)) {
      // The IV 11 deadline is not a step: it holds if the slipped planned dispatch still falls before it.
      const expected =
        e.key === 'dispatch-deadline' && dispatchTarget && dispatchTarget.state === 'planned'
          ? Date.parse(dispatchTarget.dueAt) + slip
          : due + slip;
      const late = expected > due;
      return {
        ...base,
        outlook: late ? 'at risk' : 'on track',
        expectedAt: new Date(expected).toISOString(),
        note: late ? `${slipNote}: expected ${day(expected)}` : `${slipNote}: still expected by ${day(due)}`,
      };
    }
    if (SURVEY_CLOSES.includes(e.key) && surveyEnds[e.key] && Date.parse(surveyEnds[e.key]!) > due)
      return {
        ...base,
        outlook: 'on track',
        note: `closes ${day(due)}; late replies until ${day(surveyEnds[e.key]!)}`,
      };
    return { ...base, outlook: 'on track' };
  });
}

/** What the forecast of a session says: each open or closed survey's replies, and the dates of the plan. */
export interface SessionForecast {
  surveys: (ReplyForecast & { kind: string; survey: string })[];
  /** When each survey stops taking replies (keyed by its close deadline): close, grace window, extensions. */
  surveyEnds: Record<string, string | undefined>;
}

/**
 * Why the forecast puts the report at risk at `now`, or undefined. An escalation can send this before a fixed rung
 * of the ladder is reached. At risk: the IV 11 deadline (or the step before it) is expected to slip past its date or
 * is overdue; or an open survey is expected to close well short of the previous cycle's response rate (by
 * `RISK_RATE_SHORTFALL` points), or, with no previous cycle, below `RISK_RATE_FLOOR` % once its pace is known.
 */
export function forecastRisk(forecast: SessionForecast, plan: readonly OutlookEntry[], now: Date): string | undefined {
  const dates = outlookDates(plan, forecast.surveyEnds, now);
  const binding = ['dispatch-deadline', 'dispatch-target', 'report-approval'];
  for (const key of binding) {
    const d = dates.find((x) => x.key === key);
    if (d && (d.outlook === 'at risk' || d.outlook === 'overdue'))
      return `forecast: ${d.label.charAt(0).toLowerCase()}${d.label.slice(1)} (${day(d.dueAt)}) is ${d.outlook}${d.note ? `: ${d.note}` : ''}`;
  }
  for (const s of forecast.surveys) {
    if (s.method === 'closed' || s.method === 'none') continue;
    if (s.previous && s.expectedRate <= s.previous.rate - RISK_RATE_SHORTFALL)
      return `forecast: ${s.survey} is expected to close with ${s.expectedRate} % replies (${s.expected} of ${s.invited}), well short of the last cycle's ${s.previous.rate} %`;
    if (!s.previous && s.pace && s.expectedRate < RISK_RATE_FLOOR)
      return `forecast: ${s.survey} is expected to close with ${s.expectedRate} % replies (${s.expected} of ${s.invited}), under ${RISK_RATE_FLOOR} %`;
  }
  return undefined;
}

/**
 * The one query for where a survey's replies stand. Per survey cycle: one row per organisation invited (contact,
 * delivery, its reply state and marks from `domain/reply-states`), and the counts every surface shows: per state,
 * replies and the response rate, by organisation type, region and priority theme, and the burn-down series. The
 * console, the CLI, the dashboard, `prep status`, the report and its annex, and the weekly digest all read this, so
 * they show the same numbers for the same survey.
 */
import type { Prisma } from '@prisma/client';
import type { Db } from '../platform/database';
import { PRIORITY_THEMES } from '../domain/priority-themes';
import type { ThemeCode } from '../domain/priority-themes';
import type { Answers } from '../domain/questionnaire';
import { analyseReplies } from '../domain/report-analysis';
import type { ReportAnalysis, ReportRespondent } from '../domain/report-analysis';
import {
  REPLY_STATES,
  countsAsReply,
  feedsAnalysis,
  isIn,
  isReplyState,
  marksOf,
  progressOf,
  responseRate,
  surveyStanding,
} from '../domain/reply-states';
import type { ProgressState, ReplyMark, ReplyState } from '../domain/reply-states';
import { NotFoundError } from './errors';
import { SURVEY_NAMES } from '../domain/questionnaires';
import type { SurveyKind } from '../domain/questionnaires';
import { getSessionByNumber } from './session-lookup';
import { invitationDeliveries, sentReminderCounts } from './mail-ledger/messages';

/** Every state a respondent can be filtered by (kept under its former name for the console and the CLI). */
export const RESPONDENT_STATES = REPLY_STATES;

export interface CycleStatusRow {
  organisationId: string;
  code: string;
  organisation: string;
  type: string;
  region: string;
  /** The contact the invitation reached (the first that did not bounce; the last tried when all did). */
  contactId: string;
  contact: string;
  email: string;
  language: string;
  /** How far the organisation's reply got: exactly one. */
  state: ProgressState;
  /** What holds besides: a contact bounced, the reply was late, the deadline was extended. */
  marks: ReplyMark[];
  /** The invitation e-mail of the contact shown, from the mail ledger; `bounced` when that address refused it. */
  delivery: 'sent' | 'sending' | 'retrying' | 'failed' | 'uncertain' | 'bounced' | 'not sent';
  /** Addresses of the organisation that refused the invitation (SMTP 5xx). */
  bouncedEmails: string[];
  late: boolean;
  extendedUntil?: string;
  extensionReason?: string;
  remindersOptedOut: boolean;
  remindersSent: number;
  submittedAt?: string;
  /** The Secretariat reopened the reply for amendment. */
  reopened: boolean;
  /** The priority themes under which the report's analysis finds an activity of this organisation. */
  themes: ThemeCode[];
}

export interface CycleStatusFilter {
  state?: string;
  type?: string;
  region?: string;
  q?: string;
}

export interface RateBar {
  label: string;
  replied: number;
  outstanding: number;
}

export interface ThemeBar {
  code: ThemeCode;
  label: string;
  /** Activities reported under the theme: what the report's theme tables list and its chart stacks. */
  activities: number;
  /** Distinct organisations reporting them. */
  organisations: number;
}

/** Organisations invited against the replies as they arrived (each `repliedAt` one reply that counts). */
export interface ReplyProgress {
  opensAt: string;
  closesAt: string;
  invited: number;
  /** When each organisation's reply (submission or nil return) arrived, in order. */
  repliedAt: string[];
}

export interface SurveyCounts {
  kind: SurveyKind;
  survey: string;
  cycleId: string;
  status: 'OPEN' | 'CLOSED';
  /** Where the survey stands, in one sentence (open until, or closed on which day). */
  standing: string;
  closesAt: string;
  closedAt?: string;
  invited: number;
  /** Organisations in each state (progress states sum to `invited`; marks overlap them). */
  states: Record<ReplyState, number>;
  /** Organisations whose reply counts (see COUNTS_AS_REPLY), and that as a whole percentage of those invited. */
  replies: number;
  responseRate: number;
  byType: RateBar[];
  byRegion: RateBar[];
  byTheme: ThemeBar[];
  burnDown: ReplyProgress;
}

export interface SurveyStatus {
  counts: SurveyCounts;
  /** Every organisation invited, by name. */
  rows: CycleStatusRow[];
  /** The same organisations as the report reads them (answers only where the state feeds the analysis). */
  respondents: ReportRespondent[];
  analysis: ReportAnalysis;
}

/** One of the session's surveys: the system-wide survey (IV 10 (a)) unless the IGO/NGO survey (IV 10 (b)) is named. */
export async function cycleOfSession(db: Db, sessionNumber: number, kind: SurveyKind = 'SYSTEM_WIDE') {
  const session = await getSessionByNumber(db, sessionNumber);
  const cycle = await db.surveyCycle.findUnique({ where: { sessionId_kind: { sessionId: session.id, kind } } });
  if (!cycle) throw new NotFoundError(`Session ${sessionNumber} has no ${SURVEY_NAMES[kind]} yet`);
  return { session, cycle };
}

/**
 * The cycle of the session that surveys this organisation (each type of organisation is in one survey); when `kind`
 * is named, only that survey.
 */
export async function cycleOfOrganisation(db: Db, sessionNumber: number, organisationId: string, kind?: SurveyKind) {
  const session = await getSessionByNumber(db, sessionNumber);
  const invitation = await db.invitation.findFirst({
    where: { organisationId, cycle: { sessionId: session.id, ...(kind ? { kind } : {}) } },
    include: { cycle: true },
  });
  if (!invitation)
    throw new NotFoundError(
      kind
        ? `That organisation was not invited to the ${SURVEY_NAMES[kind]} of this session`
        : 'That organisation was not invited to a survey of this session',
    );
  return { session, cycle: invitation.cycle };
}

type Cycle = NonNullable<Awaited<ReturnType<Db['surveyCycle']['findUnique']>>>;

/** An invitation as the status reads it: with the organisation invited and the contact it went to. */
type SentInvitation = Prisma.InvitationGetPayload<{ include: { organisation: true; contact: true } }>;

/** What is stored about the cycle's invitations: the invitations, the replies and what the mail ledger sent. */
async function storedFacts(db: Db, cycle: Cycle) {
  const invitations: SentInvitation[] = await db.invitation.findMany({
    where: { cycleId: cycle.id },
    include: { organisation: true, contact: true },
    orderBy: [{ organisation: { name: 'asc' } }, { createdAt: 'asc' }],
  });
  const responses = new Map(
    (await db.response.findMany({ where: { cycleId: cycle.id } })).map((r) => [r.organisationId, r]),
  );
  // The invitation e-mail of each contact and the reminders each organisation was sent, from the mail ledger.
  const ledger = await invitationDeliveries(
    db,
    cycle.id,
    invitations.map((i) => i.contactId),
  );
  const remindersByOrganisation = await sentReminderCounts(db, cycle.id);

  const byOrganisation = new Map<string, SentInvitation[]>();
  for (const invitation of invitations)
    byOrganisation.set(invitation.organisationId, [
      ...(byOrganisation.get(invitation.organisationId) ?? []),
      invitation,
    ]);
  return { byOrganisation, responses, ledger, remindersByOrganisation };
}

/**
 * One organisation's reply, from every invitation it was sent (one per contact tried): its row, the respondent as
 * the report reads it, and when its reply arrived if it counts as one.
 */
function organisationReply(
  cycle: Cycle,
  tried: SentInvitation[],
  { responses, ledger, remindersByOrganisation }: Awaited<ReturnType<typeof storedFacts>>,
): { row: CycleStatusRow; respondent: ReportRespondent; repliedAt?: string } {
  const sent = (i: SentInvitation) => ledger.get(i.contactId) === 'SENT';
  // A contact counts as bounced here when its address refused this survey's invitation.
  const bounced = tried.filter((i) => i.contact.bouncedAt !== null && !sent(i));
  const shown = tried.find((i) => !bounced.includes(i)) ?? tried.at(-1)!;
  const organisation = shown.organisation;
  const response = responses.get(organisation.id);
  const facts = {
    response,
    invitationSent: tried.some(sent),
    bouncedContacts: bounced.length,
    started: tried.some((i) => i.startedAt !== null),
    extended: tried.some((i) => i.extendedUntil !== null),
  };
  const state = progressOf(facts);
  const extension = tried.find((i) => i.extendedUntil !== null);
  const ledgerStatus = ledger.get(shown.contactId);
  return {
    row: {
      organisationId: organisation.id,
      code: organisation.code,
      organisation: organisation.name,
      type: organisation.type,
      region: organisation.region,
      contactId: shown.contactId,
      contact: shown.contact.name,
      email: shown.contact.email,
      language: shown.contact.language,
      state,
      marks: marksOf(facts),
      delivery: bounced.includes(shown)
        ? 'bounced'
        : ((ledgerStatus?.toLowerCase() ?? 'not sent') as CycleStatusRow['delivery']),
      bouncedEmails: bounced.map((i) => i.contact.email),
      late: marksOf(facts).includes('late'),
      extendedUntil: extension?.extendedUntil?.toISOString(),
      extensionReason: extension?.extensionReason ?? undefined,
      remindersOptedOut: tried.some((i) => i.remindersOptedOutAt !== null),
      remindersSent: remindersByOrganisation.get(organisation.id) ?? 0,
      submittedAt: response?.submittedAt?.toISOString(),
      reopened: Boolean(response?.reopenedAt),
      themes: [],
    },
    respondent: {
      name: organisation.name,
      type: organisation.type,
      region: organisation.region,
      state,
      answers: feedsAnalysis(state) ? (response!.answers as Answers) : undefined,
      nilReturn: state === 'nil return',
      declined: state === 'declined',
    },
    repliedAt: countsAsReply(state) && response?.submittedAt ? response.submittedAt.toISOString() : undefined,
  };
}

/** The counts of the survey from its rows: per state, the response rate, by type, region and theme, the burn-down. */
function countsOf(
  cycle: Cycle,
  rows: CycleStatusRow[],
  analysis: ReportAnalysis,
  repliedAt: string[],
  now: Date,
): SurveyCounts {
  const states = Object.fromEntries(REPLY_STATES.map((s) => [s, rows.filter((r) => isIn(r, s)).length])) as Record<
    ReplyState,
    number
  >;
  const replies = rows.filter((r) => countsAsReply(r.state)).length;
  const group = (key: (r: CycleStatusRow) => string): RateBar[] => {
    const groups = new Map<string, CycleStatusRow[]>();
    rows.forEach((r) => groups.set(key(r), [...(groups.get(key(r)) ?? []), r]));
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, members]) => ({
        label,
        replied: members.filter((m) => countsAsReply(m.state)).length,
        outstanding: members.filter((m) => !countsAsReply(m.state)).length,
      }));
  };
  return {
    kind: cycle.kind,
    survey: SURVEY_NAMES[cycle.kind],
    cycleId: cycle.id,
    status: cycle.status,
    standing: surveyStanding(cycle, now),
    closesAt: cycle.closesAt.toISOString(),
    closedAt: cycle.closedAt?.toISOString(),
    invited: rows.length,
    states,
    replies,
    responseRate: responseRate(replies, rows.length),
    byType: group((r) => r.type),
    byRegion: group((r) => r.region),
    byTheme: analysis.themes.map((t) => ({
      code: t.code,
      label: PRIORITY_THEMES.find((p) => p.code === t.code)!.reference,
      activities: t.activities.length,
      organisations: t.organisations,
    })),
    burnDown: {
      opensAt: cycle.opensAt.toISOString(),
      closesAt: cycle.closesAt.toISOString(),
      invited: rows.length,
      repliedAt,
    },
  };
}

/** Every organisation invited to the cycle with its state, and the counts of the survey. */
export async function surveyStatus(db: Db, cycle: Cycle, now = new Date()): Promise<SurveyStatus> {
  const facts = await storedFacts(db, cycle);
  const replies = [...facts.byOrganisation.values()].map((tried) => organisationReply(cycle, tried, facts));
  const rows = replies.map((reply) => reply.row);
  const respondents = replies.map((reply) => reply.respondent);
  const repliedAt = replies.flatMap((reply) => (reply.repliedAt ? [reply.repliedAt] : [])).sort();
  const analysis = analyseReplies(respondents);
  for (const row of rows)
    row.themes = analysis.themes
      .filter((t) => t.activities.some((a) => a.organisation === row.organisation))
      .map((t) => t.code);
  return { counts: countsOf(cycle, rows, analysis, repliedAt, now), rows, respondents, analysis };
}

/** Every survey of the session (IV 10 (a) first, then (b)), each with its rows and counts. */
export async function sessionSurveys(db: Db, sessionId: string, now = new Date()): Promise<SurveyStatus[]> {
  const cycles = await db.surveyCycle.findMany({ where: { sessionId }, orderBy: { kind: 'asc' } });
  return Promise.all(cycles.map((cycle) => surveyStatus(db, cycle, now)));
}

/** Only the rows in `filter`: a state (progress state or mark), a type, a region, a search. */
export function filterRows(rows: CycleStatusRow[], filter: CycleStatusFilter): CycleStatusRow[] {
  const q = filter.q?.trim().toLowerCase();
  const state = isReplyState(filter.state) ? filter.state : undefined;
  return rows.filter(
    (r) =>
      (!filter.state || (state !== undefined && isIn(r, state))) &&
      (!filter.type || r.type === filter.type) &&
      (!filter.region || r.region === filter.region) &&
      (!q ||
        `${r.organisation} ${r.code} ${r.contact} ${r.email} ${r.bouncedEmails.join(' ')}`.toLowerCase().includes(q)),
  );
}

/** What coordinators see of one survey of a session: its rows (filtered) and its counts. */
export async function cycleStatus(
  db: Db,
  sessionNumber: number,
  filter: CycleStatusFilter = {},
  kind: SurveyKind = 'SYSTEM_WIDE',
) {
  const { session, cycle } = await cycleOfSession(db, sessionNumber, kind);
  const status = await surveyStatus(db, cycle);
  return { session, cycle, rows: filterRows(status.rows, filter), all: status.rows, counts: status.counts };
}

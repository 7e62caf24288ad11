/**
 * What coordinators see of a survey cycle: one row per organisation invited (contact, delivery, where its reply
 * stands), filtered and searched, with the response rate by organisation type, region and priority theme.
 */
import type { Db } from '../platform/database';
import { PRIORITY_THEMES } from '../domain/priority-themes';
import type { Answers } from '../domain/questionnaire';
import { NotFoundError } from './errors';
import { SURVEY_NAMES } from '../domain/questionnaires';
import type { SurveyKind } from '../domain/questionnaires';
import { getSessionByNumber } from './sessions';

export const RESPONDENT_STATES = [
  'invited',
  'delivered',
  'bounced',
  'opened',
  'in progress',
  'submitted',
  'nil return',
  'declined',
] as const;
export type RespondentState = (typeof RESPONDENT_STATES)[number];

export interface CycleStatusRow {
  organisationId: string;
  code: string;
  organisation: string;
  type: string;
  region: string;
  contactId: string;
  contact: string;
  email: string;
  language: string;
  state: RespondentState;
  delivery: 'sent' | 'sending' | 'retrying' | 'failed' | 'uncertain' | 'not sent';
  late: boolean;
  extendedUntil?: string;
  extensionReason?: string;
  remindersOptedOut: boolean;
  remindersSent: number;
  submittedAt?: string;
  /** The Secretariat reopened the reply for amendment. */
  reopened: boolean;
  themes: string[];
}

export interface CycleStatusFilter {
  state?: string;
  type?: string;
  region?: string;
  q?: string;
}

/** One of the session's surveys: the system-wide survey (IV 10 (a)) unless the IGO/NGO survey (IV 10 (b)) is named. */
export async function cycleOfSession(db: Db, sessionNumber: number, kind: SurveyKind = 'SYSTEM_WIDE') {
  const session = await getSessionByNumber(db, sessionNumber);
  const cycle = await db.surveyCycle.findUnique({ where: { sessionId_kind: { sessionId: session.id, kind } } });
  if (!cycle) throw new NotFoundError(`Session ${sessionNumber} has no ${SURVEY_NAMES[kind]} yet`);
  return { session, cycle };
}

/** The cycle of the session that surveys this organisation (each type of organisation is in one survey). */
export async function cycleOfOrganisation(db: Db, sessionNumber: number, organisationId: string) {
  const session = await getSessionByNumber(db, sessionNumber);
  const invitation = await db.invitation.findFirst({
    where: { organisationId, cycle: { sessionId: session.id } },
    include: { cycle: true },
  });
  if (!invitation) throw new NotFoundError('That organisation was not invited to a survey of this session');
  return { session, cycle: invitation.cycle };
}

export async function cycleStatus(
  db: Db,
  sessionNumber: number,
  filter: CycleStatusFilter = {},
  kind: SurveyKind = 'SYSTEM_WIDE',
) {
  const { session, cycle } = await cycleOfSession(db, sessionNumber, kind);
  const invitations = await db.invitation.findMany({
    where: { cycleId: cycle.id },
    include: { organisation: true, contact: true },
    orderBy: [{ organisation: { name: 'asc' } }, { createdAt: 'asc' }],
  });
  const responses = new Map(
    (await db.response.findMany({ where: { cycleId: cycle.id } })).map((r) => [r.organisationId, r]),
  );
  const emails = await db.emailMessage.findMany({
    where: { businessKey: { startsWith: `invitation:${cycle.id}:` } },
    select: { businessKey: true, status: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
  });
  const deliveryByContact = new Map<string, string>();
  for (const e of emails) deliveryByContact.set(e.businessKey.split(':')[2]!, e.status);
  const reminders = await db.emailMessage.findMany({
    where: { businessKey: { startsWith: `reminder:${cycle.id}:` }, status: 'SENT' },
    select: { businessKey: true },
  });
  const remindersByOrganisation = new Map<string, number>();
  for (const r of reminders) {
    const organisationId = r.businessKey.split(':')[2]!;
    remindersByOrganisation.set(organisationId, (remindersByOrganisation.get(organisationId) ?? 0) + 1);
  }

  // One row per organisation: the contact its invitation reached (the last one tried, after bounces).
  const byOrganisation = new Map<string, (typeof invitations)[number]>();
  for (const invitation of invitations) {
    const current = byOrganisation.get(invitation.organisationId);
    if (!current || (current.contact.bouncedAt && !invitation.contact.bouncedAt))
      byOrganisation.set(invitation.organisationId, invitation);
  }
  const rows = [...byOrganisation.values()].map((invitation): CycleStatusRow => {
    const response = responses.get(invitation.organisationId);
    const ledger = deliveryByContact.get(invitation.contactId);
    const delivery = (ledger?.toLowerCase() ?? 'not sent') as CycleStatusRow['delivery'];
    const state: RespondentState =
      response?.status === 'SUBMITTED'
        ? 'submitted'
        : response?.status === 'NIL_RETURN'
          ? 'nil return'
          : response?.status === 'DECLINED'
            ? 'declined'
            : response && response.version > 1
              ? 'in progress'
              : invitation.startedAt
                ? 'opened'
                : invitation.contact.bouncedAt
                  ? 'bounced'
                  : delivery === 'sent'
                    ? 'delivered'
                    : 'invited';
    const answers = (response?.status === 'SUBMITTED' ? response.answers : {}) as Answers;
    return {
      organisationId: invitation.organisationId,
      code: invitation.organisation.code,
      organisation: invitation.organisation.name,
      type: invitation.organisation.type,
      region: invitation.organisation.region,
      contactId: invitation.contactId,
      contact: invitation.contact.name,
      email: invitation.contact.email,
      language: invitation.contact.language,
      state,
      delivery,
      late: response?.late ?? false,
      extendedUntil: invitation.extendedUntil?.toISOString(),
      extensionReason: invitation.extensionReason ?? undefined,
      remindersOptedOut: invitation.remindersOptedOutAt !== null,
      remindersSent: remindersByOrganisation.get(invitation.organisationId) ?? 0,
      submittedAt: response?.submittedAt?.toISOString(),
      reopened: Boolean(response?.reopenedAt),
      themes: PRIORITY_THEMES.filter((t) => typeof answers[`theme_${t.code}_description`] === 'string').map(
        (t) => t.code,
      ),
    };
  });
  const q = filter.q?.trim().toLowerCase();
  const shown = rows.filter(
    (r) =>
      (!filter.state ||
        r.state === filter.state ||
        (filter.state === 'late' && r.late) ||
        (filter.state === 'extended' && r.extendedUntil !== undefined)) &&
      (!filter.type || r.type === filter.type) &&
      (!filter.region || r.region === filter.region) &&
      (!q || `${r.organisation} ${r.code} ${r.contact} ${r.email}`.toLowerCase().includes(q)),
  );
  return { session, cycle, rows: shown, all: rows, rates: responseRates(rows) };
}

const answered = (r: CycleStatusRow) => r.state === 'submitted' || r.state === 'nil return' || r.state === 'declined';

export interface RateBar {
  label: string;
  replied: number;
  outstanding: number;
}

/** Replies against invitations by organisation type and region, and organisations reporting under each theme. */
export function responseRates(rows: CycleStatusRow[]) {
  const group = (key: (r: CycleStatusRow) => string): RateBar[] => {
    const groups = new Map<string, CycleStatusRow[]>();
    rows.forEach((r) => groups.set(key(r), [...(groups.get(key(r)) ?? []), r]));
    return [...groups.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([label, members]) => ({
        label,
        replied: members.filter(answered).length,
        outstanding: members.filter((m) => !answered(m)).length,
      }));
  };
  return {
    total: { invited: rows.length, replied: rows.filter(answered).length },
    byType: group((r) => r.type),
    byRegion: group((r) => r.region),
    byTheme: PRIORITY_THEMES.map((t) => ({
      label: t.reference,
      replied: rows.filter((r) => r.themes.includes(t.code)).length,
      outstanding: 0,
    })),
  };
}

/** The one vocabulary of reply states: each state derived from the stored facts, and what counts as a reply. */
import {
  ANSWERED_STATUSES,
  PROGRESS_STATES,
  REPLY_STATES,
  REPLY_STATE_LABELS,
  REPLY_STATUSES,
  annexReplyLabel,
  countsAsReply,
  feedsAnalysis,
  isAnswered,
  isIn,
  marksOf,
  progressOf,
  responseRate,
  stopsReminders,
  surveyStanding,
} from '../../domain/reply-states';
import type { ReplyFacts } from '../../domain/reply-states';
import { analyseReplies } from '../../domain/report-analysis';

const none: ReplyFacts = { invitationSent: false, bouncedContacts: 0, started: false, extended: false };
const reply = (status: 'DRAFT' | 'SUBMITTED' | 'NIL_RETURN' | 'DECLINED', version = 2, late = false) => ({
  ...none,
  invitationSent: true,
  started: true,
  response: { status, version, late },
});

describe('reply states', () => {
  it('derives the furthest state a reply reached from what is stored', () => {
    expect(progressOf(none)).toBe('invited');
    expect(progressOf({ ...none, invitationSent: true })).toBe('delivered');
    expect(progressOf({ ...none, invitationSent: true, started: true })).toBe('opened');
    // A colleague's link starts the reply without the contact's "started": the draft row says it was opened.
    expect(progressOf({ ...none, invitationSent: true, response: { status: 'DRAFT', version: 1, late: false } })).toBe(
      'opened',
    );
    expect(progressOf(reply('DRAFT'))).toBe('in progress');
    expect(progressOf(reply('SUBMITTED'))).toBe('submitted');
    expect(progressOf(reply('NIL_RETURN'))).toBe('nil return');
    expect(progressOf(reply('DECLINED'))).toBe('declined');
  });

  it('keeps a bounce, a late reply and an extension as marks beside the state', () => {
    // The primary bounced and the alternate was reached: delivered, and bounced.
    const bounced = { ...none, invitationSent: true, bouncedContacts: 1 };
    expect(progressOf(bounced)).toBe('delivered');
    expect(marksOf(bounced)).toEqual(['bounced']);
    expect(isIn({ state: progressOf(bounced), marks: marksOf(bounced) }, 'bounced')).toBe(true);
    expect(isIn({ state: progressOf(bounced), marks: marksOf(bounced) }, 'delivered')).toBe(true);
    // Nobody could be reached.
    expect(progressOf({ ...none, bouncedContacts: 2 })).toBe('invited');
    expect(marksOf({ ...reply('SUBMITTED', 3, true), extended: true })).toEqual(['late', 'extended']);
    // A draft is never late: only an answer is.
    expect(marksOf(reply('DRAFT', 3, true))).toEqual([]);
  });

  it('counts submissions and nil returns as replies; a decline stops reminders but is not a reply', () => {
    expect(PROGRESS_STATES.filter(countsAsReply)).toEqual(['submitted', 'nil return']);
    expect(PROGRESS_STATES.filter(stopsReminders)).toEqual(['submitted', 'nil return', 'declined']);
    expect(PROGRESS_STATES.filter(feedsAnalysis)).toEqual(['submitted']);
    expect(REPLY_STATUSES).toEqual(['SUBMITTED', 'NIL_RETURN']);
    expect(ANSWERED_STATUSES).toEqual(['SUBMITTED', 'NIL_RETURN', 'DECLINED']);
    expect(isAnswered('DECLINED')).toBe(true);
    expect(isAnswered('DRAFT')).toBe(false);
    expect(responseRate(3, 13)).toBe(23);
    expect(responseRate(0, 0)).toBe(0);
  });

  it('names every state for staff, and each reply in the annex', () => {
    expect(REPLY_STATES).toHaveLength(10);
    for (const state of REPLY_STATES) expect(REPLY_STATE_LABELS[state]).toMatch(/^[A-Z]/);
    expect(annexReplyLabel('submitted')).toBe('Replied');
    expect(annexReplyLabel('submitted', true)).toBe('Replied: no activities');
    expect(annexReplyLabel('nil return')).toBe('Nil return');
    expect(annexReplyLabel('declined')).toBe('Declined');
    expect(annexReplyLabel('in progress')).toBe('No reply');
  });

  it('says on which day a survey closed, and never "closes" once it has', () => {
    const closesAt = new Date('2026-12-21T00:00:00Z');
    const now = new Date('2026-12-01T10:00:00Z');
    expect(surveyStanding({ status: 'OPEN', closesAt, closedAt: null, graceDays: 3 }, now)).toBe(
      'open, closes 2026-12-21 (replies accepted as late for 3 more day(s))',
    );
    expect(surveyStanding({ status: 'OPEN', closesAt, closedAt: null, graceDays: 0 }, now)).toBe(
      'open, closes 2026-12-21',
    );
    const early = surveyStanding(
      { status: 'CLOSED', closesAt, closedAt: new Date('2026-12-02T09:00:00Z'), graceDays: 3 },
      now,
    );
    expect(early).toBe('closed on 2026-12-02, early (the planned close was 2026-12-21)');
    expect(early).not.toContain('accepted as late');
    expect(
      surveyStanding({ status: 'CLOSED', closesAt, closedAt: new Date('2026-12-24T00:00:00Z'), graceDays: 3 }, now),
    ).toBe('closed on 2026-12-24');
    expect(
      surveyStanding({ status: 'OPEN', closesAt, closedAt: null, graceDays: 3 }, new Date('2026-12-22T00:00:00Z')),
    ).toBe('past its close on 2026-12-21; late replies accepted until 2026-12-24');
  });

  it('makes the report count what every other surface counts: a decline is listed, not a reply', () => {
    const analysis = analyseReplies([
      { name: 'A', type: 'UN_ENTITY', region: 'GLOBAL', answers: { activitiesCarriedOut: 'no' } },
      { name: 'B', type: 'UN_ENTITY', region: 'GLOBAL', answers: undefined, nilReturn: true },
      { name: 'C', type: 'NGO', region: 'AFRICA', answers: undefined, declined: true },
      { name: 'D', type: 'NGO', region: 'AFRICA', answers: undefined, state: 'in progress' },
    ]);
    expect(analysis).toMatchObject({ invited: 4, replied: 2, nilReturns: 1, declined: 1 });
    expect(analysis.repliedByCategory['igo-ngo']).toEqual({ invited: 2, replied: 0 });
  });
});

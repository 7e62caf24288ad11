import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { reminderSchedule } from '../domain/reminders';
import {
  closeCycleSignal,
  cycleQuery,
  deadlineExtendedSignal,
  delegatedSignal,
  reissueLinkSignal,
  remindNowSignal,
  rescheduleCycleSignal,
  responseReopenedSignal,
  submissionReceivedSignal,
} from './definitions';
import type { CycleView } from './definitions';

type Activities = ReturnType<typeof createActivities>;

/** Organisations per invitation or reminder activity: 10,000 respondents make 50 activities per round. */
const PAGE_SIZE = 200;
/** How long a page may wait for the mail server before the managers are alerted, unless the launch says otherwise. */
const DEFAULT_MAIL_ALERT_AFTER_MINUTES = 120;
/** Well under Temporal's warning threshold (10,240 events): the run continues as new before it. */
const HISTORY_EVENTS_BEFORE_CONTINUING = 4000;

const db = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});
// A page sends up to PAGE_SIZE messages at the mail server's pace; the heartbeat (after every few organisations)
// shows it is alive and where it is, so a page on a worker that died is taken up again within half a minute.
// Retries wait at most a minute: a page fails mostly because its worker died (it resumes where it was, so a retry
// costs little), and with a ten-minute ceiling a page killed a few times in a row sat idle long after the workers
// were back (the kills rehearsal drained in 138 s instead of 35 s). Mail-server trouble is handled inside the page
// and by the backlog alert, not by spacing the retries out.
const pages = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export interface SurveyCycleResult {
  invited: number;
  submitted: number;
  /** When the reminders went out; undefined if none were due (closed early, everyone answered, date passed). */
  remindedAt?: string;
  closedEarlyBy?: string;
  /** When the survey stopped taking replies on time: its close, or earlier. Late replies may follow until the end. */
  closeReachedAt?: string;
}

/**
 * What a signal asks for. Handlers only queue it; the main loop carries it out between its own steps, so a run can
 * hand its queue to the next one at any moment (no handler is ever left half-way through an activity).
 */
export type CycleRequest =
  | { kind: 'receipt'; organisationId: string; contactId: string }
  | { kind: 'remind-now'; round: number; organisationIds?: string[] }
  | { kind: 'reissue'; sequence: number; contactId: string; requestedBy: string }
  | { kind: 'reopen-notice'; organisationId: string; version: number }
  | { kind: 'delegation'; delegationId: string }
  /** The close moved (the `change`th time): everyone still to answer is told the new date. */
  | { kind: 'close-moved'; change: number; from: string; to: string }
  /** An early close ended this organisation's extension (the coordinator chose so): it is told. */
  | { kind: 'extension-ended'; organisationId: string; until: string };

/** What one run hands to the next when the history is long enough to continue as new. */
export interface CycleProgress {
  /** Requests received and not yet carried out, oldest first. */
  requests: CycleRequest[];
  phase: 'inviting' | 'open' | 'grace' | 'closed';
  /** Submissions counted when the cycle closed (a run that continues after the close reports them). */
  submittedAtClose?: number;
  /** Invitations resume after this organisation. */
  inviteAfter?: string;
  invited: number;
  undeliverable: number;
  remindersSent: number;
  submissions: number;
  /** Scheduled reminders already sent, by sequence number. */
  remindersDone: number[];
  remindNowRounds: number;
  reissues: number;
  launchedAt: number;
  remindedAt?: string;
  closeReachedAt?: string;
  closedBy?: string;
  /** The close last written to the database (links expire with it); a move differing from it is a change. */
  syncedCloseAt?: string;
  /** How many times the close has changed: numbers each change's notice. */
  closeChanges?: number;
}

export interface SurveyCycleInput {
  cycleId: string;
  closesAt: string;
  /** The single reminder when no schedule is given; skipped when it has already passed at launch. */
  reminderAt: string;
  /** Reminders this many days before the close (e.g. [21, 7, 2]); those already past at launch are skipped. */
  reminderDaysBefore?: number[];
  /** Set by the run that continued as new. */
  progress?: CycleProgress;
  /** Continue as new after this many history events (tests make it small). */
  historyEventsBeforeContinuing?: number;
  /** A page of invitations or reminders still not through after this long raises the e-mail alert. */
  mailAlertAfterMinutes?: number;
}

/**
 * One survey cycle (IV 10 (a) or (b)) at any scale: invitations and reminders go out one page of organisations per
 * activity, and the run continues as new (after its signal handlers finish) before its history grows long, so
 * 10,000 respondents and their replies stay far from Temporal's limits. Reminders go on the cycle's schedule to those
 * who have not answered; coordinators can remind now, have a personal link reissued and close early; the close moves
 * with the session; the final close comes after the grace window and every personal extension.
 */
export async function surveyCycleWorkflow(input: SurveyCycleInput): Promise<SurveyCycleResult> {
  const progress: CycleProgress = input.progress ?? {
    phase: 'inviting',
    requests: [],
    invited: 0,
    undeliverable: 0,
    remindersSent: 0,
    submissions: 0,
    remindersDone: [],
    remindNowRounds: 0,
    reissues: 0,
    launchedAt: Date.now(),
  };
  let closesAt = input.closesAt;
  let reminderAt = input.reminderAt;
  let pendingCloseUpdate: string | undefined;
  let extensions = 0;
  let everyoneAnswered = false;
  /** Submissions counted when the database was last asked whether anyone is still to answer. */
  let submissionsChecked = -1;
  const view: CycleView = {
    cycleId: input.cycleId,
    status: progress.phase === 'inviting' ? 'inviting' : progress.phase === 'closed' ? 'closed' : 'open',
    closesAt,
    invited: progress.invited,
    undeliverable: progress.undeliverable,
    submitted: progress.submissions,
    remindersSent: progress.remindersSent,
  };

  setHandler(cycleQuery, () => view);
  setHandler(submissionReceivedSignal, ({ organisationId, contactId }) => {
    progress.submissions += 1;
    view.submitted = progress.submissions;
    progress.requests.push({ kind: 'receipt', organisationId, contactId });
  });
  setHandler(remindNowSignal, ({ organisationIds }) => {
    progress.remindNowRounds += 1;
    progress.requests.push({ kind: 'remind-now', round: progress.remindNowRounds, organisationIds });
  });
  setHandler(reissueLinkSignal, ({ contactId, requestedBy }) => {
    progress.reissues += 1;
    progress.requests.push({ kind: 'reissue', sequence: progress.reissues, contactId, requestedBy });
  });
  setHandler(responseReopenedSignal, ({ organisationId, version }) => {
    progress.requests.push({ kind: 'reopen-notice', organisationId, version });
  });
  setHandler(delegatedSignal, ({ delegationId }) => {
    progress.requests.push({ kind: 'delegation', delegationId });
  });
  setHandler(closeCycleSignal, ({ closedBy, endedExtensions }) => {
    if (progress.closedBy !== undefined) return;
    progress.closedBy = closedBy;
    for (const ended of endedExtensions ?? []) progress.requests.push({ kind: 'extension-ended', ...ended });
  });
  setHandler(rescheduleCycleSignal, (moved) => {
    closesAt = moved.closesAt;
    reminderAt = moved.reminderAt;
    view.closesAt = closesAt;
    pendingCloseUpdate = closesAt;
  });
  setHandler(deadlineExtendedSignal, () => {
    extensions += 1;
  });

  /**
   * Waits for a page of e-mails. Pages retry through a mail server outage for as long as it lasts (nothing is
   * dropped); one still not through after the alert delay raises the e-mail alert on the managers' dashboard, which
   * is cleared when the page gets through.
   */
  async function throughMailServer<T>(page: Promise<T>): Promise<T> {
    let settled = false;
    page.then(
      () => (settled = true),
      () => (settled = true),
    );
    const alertAfterMs = (input.mailAlertAfterMinutes ?? DEFAULT_MAIL_ALERT_AFTER_MINUTES) * 60_000;
    if (await condition(() => settled, alertAfterMs)) return page;
    await db.raiseMailAlert({
      cycleId: input.cycleId,
      waitingSince: new Date(Date.now() - alertAfterMs).toISOString(),
    });
    const result = await page;
    await db.clearMailAlert({ cycleId: input.cycleId });
    return result;
  }

  async function remindAll(sequence: number, occasion: 'scheduled' | 'on-request', organisationIds?: string[]) {
    let after: string | undefined;
    do {
      const page = await throughMailServer(
        pages.remindOrganisationsPage({
          cycleId: input.cycleId,
          sequence,
          occasion,
          organisationIds,
          after,
          limit: PAGE_SIZE,
        }),
      );
      progress.remindersSent += page.sent;
      view.remindersSent = progress.remindersSent;
      after = page.next;
    } while (after !== undefined);
  }

  /** Tells everyone still to answer that the close moved, one page at a time. */
  async function noticeCloseMoved(change: { change: number; from: string; to: string }) {
    let after: string | undefined;
    do {
      const page = await throughMailServer(
        pages.noticeCloseMovedPage({ cycleId: input.cycleId, ...change, after, limit: PAGE_SIZE }),
      );
      after = page.next;
    } while (after !== undefined);
  }

  /** Carries out the queued requests in order; a request leaves the queue only once it is done. */
  async function serveRequests() {
    for (;;) {
      const request = progress.requests[0];
      if (request === undefined) return;
      if (historyIsLong()) await continueWithFreshHistory();
      if (request.kind === 'receipt')
        await mail.sendReceipt({
          cycleId: input.cycleId,
          organisationId: request.organisationId,
          contactId: request.contactId,
        });
      else if (request.kind === 'remind-now') await remindAll(request.round, 'on-request', request.organisationIds);
      else if (request.kind === 'close-moved') await noticeCloseMoved(request);
      else if (request.kind === 'extension-ended')
        await mail.sendExtensionEndedNotice({
          cycleId: input.cycleId,
          organisationId: request.organisationId,
          until: request.until,
        });
      else if (request.kind === 'delegation')
        await mail.sendDelegationInvite({ cycleId: input.cycleId, delegationId: request.delegationId });
      else if (request.kind === 'reopen-notice')
        await mail.sendReopenNotice({
          cycleId: input.cycleId,
          organisationId: request.organisationId,
          version: request.version,
        });
      else
        await mail.reissueLink({
          cycleId: input.cycleId,
          contactId: request.contactId,
          requestedBy: request.requestedBy,
          sequence: request.sequence,
        });
      progress.requests.shift();
    }
  }

  const historyLimit = input.historyEventsBeforeContinuing ?? HISTORY_EVENTS_BEFORE_CONTINUING;
  const historyIsLong = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit;
  const stop = () => progress.closedBy !== undefined || everyoneAnswered;
  /** Hands the cycle, with its queue of requests, to a fresh run. Handlers only queue, so none is left running. */
  const continueWithFreshHistory = async (): Promise<never> => {
    await condition(allHandlersFinished);
    return continueAsNew<typeof surveyCycleWorkflow>({ ...input, closesAt, reminderAt, progress });
  };
  // The reminders still to send, each counted back from the (movable) close; those past at launch are skipped.
  const reminderInstants = (): { sequence: number; at: number }[] => {
    const close = Date.parse(closesAt);
    const planned = input.reminderDaysBefore
      ? reminderSchedule(close, input.reminderDaysBefore).map((r) => ({ sequence: r.sequence, at: r.at }))
      : [{ sequence: 1, at: Date.parse(reminderAt) }];
    return planned.filter((r) => r.at > progress.launchedAt && !progress.remindersDone.includes(r.sequence));
  };
  // Links expire with the cycle: a moved close date is written through before waiting on it. A change is queued as
  // a notice to everyone still to answer (once per change), and reminders the move put in the past are not sent:
  // the notice tells them the date instead, so a move never sets off a burst of reminders.
  const syncCloseDate = async () => {
    while (pendingCloseUpdate !== undefined) {
      const moved = pendingCloseUpdate;
      pendingCloseUpdate = undefined;
      const from = progress.syncedCloseAt ?? input.closesAt;
      if (moved === from) continue;
      await db.moveSurveyClose({ cycleId: input.cycleId, closesAt: moved });
      progress.syncedCloseAt = moved;
      progress.closeChanges = (progress.closeChanges ?? 0) + 1;
      for (const r of reminderInstants()) if (r.at <= Date.now()) progress.remindersDone.push(r.sequence);
      if (progress.phase !== 'closed')
        progress.requests.push({ kind: 'close-moved', change: progress.closeChanges, from, to: moved });
    }
  };
  const queued = () => progress.requests.length > 0;
  /** New submissions may cover every invitation: worth asking the database. */
  const mayAllHaveAnswered = () =>
    progress.submissions !== submissionsChecked && progress.submissions >= progress.invited;
  /** Everyone invited has answered: asked of the database whenever the submissions could cover the invitations. */
  const checkEveryoneAnswered = async () => {
    if (progress.phase === 'inviting' || !mayAllHaveAnswered()) return;
    submissionsChecked = progress.submissions;
    everyoneAnswered = (await db.countUnanswered({ cycleId: input.cycleId })) === 0;
  };
  /** Waits until `at`, or until something needs attention first (false then). */
  const waitUntil = async (at: number): Promise<boolean> => {
    const remaining = at - Date.now();
    if (remaining <= 0) return true;
    const interrupted = await condition(
      () => stop() || pendingCloseUpdate !== undefined || historyIsLong() || mayAllHaveAnswered() || queued(),
      remaining,
    );
    return !interrupted;
  };

  while (progress.phase === 'inviting') {
    if (progress.closedBy !== undefined) break;
    const page = await throughMailServer(
      pages.inviteOrganisationsPage({
        cycleId: input.cycleId,
        after: progress.inviteAfter,
        limit: PAGE_SIZE,
      }),
    );
    progress.invited += page.invited;
    progress.undeliverable += page.undeliverable;
    view.invited = progress.invited;
    view.undeliverable = progress.undeliverable;
    progress.inviteAfter = page.next;
    await syncCloseDate();
    await serveRequests(); // receipts and requests wait at most one page
    if (page.next === undefined) break;
    if (historyIsLong()) await continueWithFreshHistory();
  }
  if (progress.phase === 'inviting') progress.phase = 'open';
  if (progress.phase !== 'closed') view.status = 'open';

  for (;;) {
    let reopened = false;
    while (progress.phase === 'open') {
      await serveRequests();
      await checkEveryoneAnswered();
      if (stop()) break;
      const next = reminderInstants()[0];
      const reached = await waitUntil(next ? next.at : Date.parse(closesAt));
      await syncCloseDate();
      await serveRequests();
      await checkEveryoneAnswered();
      if (stop()) break;
      if (historyIsLong()) await continueWithFreshHistory();
      if (!reached) continue; // something changed: look at the plan again
      if (!next) {
        progress.closeReachedAt = new Date().toISOString();
        progress.phase = 'grace';
        break;
      }
      progress.remindedAt = new Date().toISOString();
      await remindAll(next.sequence, 'scheduled');
      progress.remindersDone.push(next.sequence);
    }
    progress.closeReachedAt ??= new Date().toISOString();

    // After the close, replies are still accepted (and flagged late) through the grace window and until every personal
    // extension has run out; the cycle closes for good after the last of them. A move of the close into the future
    // meanwhile (the session moved back) opens the survey again: what a move closed, a move reopens.
    while (progress.phase === 'grace' && !stop()) {
      await serveRequests();
      const { until } = await db.finalCloseInstant({ cycleId: input.cycleId });
      if (Date.parse(until) <= Date.now()) break;
      const seen = extensions;
      await condition(
        () =>
          stop() ||
          extensions !== seen ||
          pendingCloseUpdate !== undefined ||
          historyIsLong() ||
          mayAllHaveAnswered() ||
          queued(),
        Date.parse(until) - Date.now(),
      );
      await syncCloseDate();
      if (Date.parse(closesAt) > Date.now() && !stop()) {
        progress.phase = 'open';
        progress.closeReachedAt = undefined;
        reopened = true;
        break;
      }
      await checkEveryoneAnswered();
      if (historyIsLong()) await continueWithFreshHistory();
    }
    if (!reopened) break;
  }

  // Closed early by the coordinator: new replies stop now, but the extensions granted before keep their links until
  // their own dates, unless the coordinator ended them too (those organisations are e-mailed first, from the queue):
  // a close never voids a promise without a word. The cycle closes for good after the last extension kept.
  if (progress.closedBy !== undefined && progress.phase !== 'closed') {
    for (;;) {
      await serveRequests();
      const { until } = await db.closeSurveyEarly({ cycleId: input.cycleId, closedBy: progress.closedBy });
      if (Date.parse(until) <= Date.now() || everyoneAnswered) break;
      await condition(() => historyIsLong() || mayAllHaveAnswered() || queued(), Date.parse(until) - Date.now());
      await checkEveryoneAnswered();
      if (historyIsLong()) await continueWithFreshHistory();
    }
  }

  if (progress.phase !== 'closed') {
    const closed = await db.closeSurveyCycle({ cycleId: input.cycleId, closedBy: progress.closedBy ?? 'deadline' });
    progress.submittedAtClose = closed.submitted;
    progress.phase = 'closed'; // a run that continues as new from here only sends what is queued
  }
  view.status = 'closed';
  await serveRequests(); // the last receipts
  return {
    invited: progress.invited,
    submitted: progress.submittedAtClose ?? 0,
    remindedAt: progress.remindedAt,
    closedEarlyBy: progress.closedBy,
    closeReachedAt: progress.closeReachedAt,
  };
}

import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  log,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { FailureType } from '../domain/failure-types';
import { reminderSchedule } from '../domain/reminders';
import { DeadlineClock } from './deadline-clock';
import {
  closeCycleSignal,
  cycleQuery,
  deadlineExtendedSignal,
  reissueLinkSignal,
  remindNowSignal,
  rescheduleCycleSignal,
  submissionReceivedSignal,
} from './definitions';
import type { CycleView } from './definitions';

type Activities = ReturnType<typeof createActivities>;

const DAY_MS = 24 * 60 * 60 * 1000;

const db = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface SurveyCycleInput {
  cycleId: string;
  closesAt: string;
  /** Skipped when it has already passed at launch. Used when no schedule is given (cycles started before schedules). */
  reminderAt: string;
  /** Reminders this many days before the close (e.g. [21, 7, 2]); those already past at launch are skipped. */
  reminderDaysBefore?: number[];
}

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
 * The first version of a survey cycle, kept unchanged for cycles started before `batchedSurveyCycleWorkflow` (which
 * new sessions start) and for the replay of their histories. One activity per invitation and reminder: fine for
 * the programme network, too long a history for thousands of respondents.
 *
 * One survey cycle (IV 10 (a)): invite every organisation through its first deliverable contact, remind the
 * organisations that have not submitted on the cycle's schedule, and close at the deadline (after the grace window
 * and every personal extension), when everyone has answered, or on request. The close and reminder instants move
 * when the session's dates change. Coordinators can remind now, extend one organisation's deadline, and have a
 * contact's link replaced.
 */
export async function surveyCycleWorkflow(input: SurveyCycleInput): Promise<SurveyCycleResult> {
  const submitted = new Set<string>();
  let closedBy: string | undefined;
  const clock = new DeadlineClock({ close: Date.parse(input.closesAt), reminder: Date.parse(input.reminderAt) });
  let pendingCloseUpdate: string | undefined;
  const view: CycleView = {
    cycleId: input.cycleId,
    status: 'inviting',
    closesAt: input.closesAt,
    invited: 0,
    undeliverable: 0,
    submitted: 0,
    remindersSent: 0,
  };
  setHandler(submissionReceivedSignal, async ({ organisationId, contactId }) => {
    submitted.add(organisationId);
    view.submitted = submitted.size;
    await mail.sendReceipt({ cycleId: input.cycleId, organisationId, contactId });
  });
  const invitedOrganisations: string[] = [];
  let remindNowRounds = 0;
  setHandler(remindNowSignal, async ({ organisationIds }) => {
    remindNowRounds += 1;
    const round = remindNowRounds;
    const wanted = organisationIds ? new Set(organisationIds) : undefined;
    const targets = invitedOrganisations.filter((id) => !submitted.has(id) && (!wanted || wanted.has(id)));
    for (const organisationId of targets) {
      const outcome = await mail.sendReminder({
        cycleId: input.cycleId,
        organisationId,
        sequence: round,
        occasion: 'on-request',
      });
      if (outcome === 'sent') view.remindersSent += 1;
    }
  });
  setHandler(closeCycleSignal, ({ closedBy: by }) => {
    closedBy ??= by;
  });
  setHandler(rescheduleCycleSignal, ({ closesAt, reminderAt }) => {
    clock.replace({ close: Date.parse(closesAt), reminder: Date.parse(reminderAt) });
    view.closesAt = closesAt;
    pendingCloseUpdate = closesAt;
  });
  setHandler(cycleQuery, () => view);
  let extensions = 0;
  setHandler(deadlineExtendedSignal, () => {
    extensions += 1;
  });
  let reissues = 0;
  setHandler(reissueLinkSignal, async ({ contactId, requestedBy }) => {
    reissues += 1;
    await mail.reissueLink({ cycleId: input.cycleId, contactId, requestedBy, sequence: reissues });
  });

  // A reminder whose date has already passed when the cycle starts is skipped, not sent at once.
  const reminderPlanned = clock.at('reminder') > Date.now();
  const invitees = await db.listInvitees({ cycleId: input.cycleId });
  for (const invitee of invitees) {
    if (closedBy !== undefined) break;
    if (await inviteFirstDeliverable(input.cycleId, invitee.contactIds)) {
      invitedOrganisations.push(invitee.organisationId);
      view.invited += 1;
    } else {
      view.undeliverable += 1;
    }
  }
  view.status = 'open';

  const everyoneAnswered = () => invitedOrganisations.every((id) => submitted.has(id));
  const stop = () => closedBy !== undefined || everyoneAnswered();
  // Links expire with the cycle: a moved close date is written through before waiting on it.
  const syncCloseDate = async () => {
    while (pendingCloseUpdate !== undefined) {
      const closesAt = pendingCloseUpdate;
      pendingCloseUpdate = undefined;
      await db.moveSurveyClose({ cycleId: input.cycleId, closesAt });
    }
  };

  let remindedAt: string | undefined;
  const remindNonRespondents = async (sequence: number) => {
    remindedAt = new Date().toISOString();
    for (const organisationId of invitedOrganisations.filter((id) => !submitted.has(id))) {
      const outcome = await mail.sendReminder({ cycleId: input.cycleId, organisationId, sequence });
      if (outcome === 'sent') view.remindersSent += 1;
    }
  };
  if (input.reminderDaysBefore) {
    // Each reminder waits for its own instant, counted back from the close (which can move).
    const launchedAt = Date.now();
    for (const reminder of reminderSchedule(clock.at('close'), input.reminderDaysBefore)) {
      if (reminder.at <= launchedAt) continue; // already past at launch: skipped, not sent at once
      const offset = -reminder.daysBefore * DAY_MS;
      let due = false;
      while (!stop()) {
        due = !(await clock.waitFor('close', () => stop() || pendingCloseUpdate !== undefined, offset));
        await syncCloseDate();
        if (due) break;
      }
      if (!due || stop()) break;
      await remindNonRespondents(reminder.sequence);
    }
  } else if (reminderPlanned) {
    let reminderDue = false;
    while (!stop()) {
      reminderDue = !(await clock.waitFor('reminder', () => stop() || pendingCloseUpdate !== undefined));
      await syncCloseDate();
      if (reminderDue) break;
    }
    if (reminderDue && !stop()) await remindNonRespondents(1);
  }
  for (;;) {
    const stopped = await clock.waitFor('close', () => stop() || pendingCloseUpdate !== undefined);
    await syncCloseDate();
    if (!stopped || stop()) break;
  }
  const closeReachedAt = new Date().toISOString();
  if (patched('grace-and-extensions')) {
    // After the close, replies are still accepted (and flagged late) through the grace window and until every
    // personal extension has run out; the cycle closes for good after the last of them.
    for (;;) {
      if (stop()) break;
      const { until } = await db.finalCloseInstant({ cycleId: input.cycleId });
      const remaining = Date.parse(until) - Date.now();
      if (remaining <= 0) break;
      const seen = extensions;
      await condition(() => stop() || extensions !== seen, remaining);
    }
  }

  const closed = await db.closeSurveyCycle({ cycleId: input.cycleId, closedBy: closedBy ?? 'deadline' });
  view.status = 'closed';
  await condition(allHandlersFinished); // receipts still being sent

  return { invited: view.invited, submitted: closed.submitted, remindedAt, closedEarlyBy: closedBy, closeReachedAt };
}

/** Tries the contacts in order (primary first); a permanent bounce moves on to the next one. */
async function inviteFirstDeliverable(cycleId: string, contactIds: string[]): Promise<boolean> {
  for (const contactId of contactIds) {
    try {
      await mail.sendInvitation({ cycleId, contactId });
      return true;
    } catch (error) {
      const type =
        error instanceof ActivityFailure && error.cause instanceof ApplicationFailure ? error.cause.type : undefined;
      if (type === FailureType.PermanentDeliveryFailure) continue;
      if (type === FailureType.DeliveryOutcomeUnknown) {
        // The message may have left before the worker died: count it as sent rather than risk a duplicate.
        log.warn('invitation outcome unknown, not resent', { cycleId, contactId });
        return true;
      }
      throw error;
    }
  }
  return false;
}

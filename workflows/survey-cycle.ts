import { ActivityFailure, ApplicationFailure, condition, log, proxyActivities, setHandler } from '@temporalio/workflow';
import type { createActivities } from '../activities';
import { FailureType } from '../domain/failure-types';
import { closeCycleSignal, cycleQuery, submissionReceivedSignal } from './definitions';
import type { CycleView } from './definitions';

type Activities = ReturnType<typeof createActivities>;

const db = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

export interface SurveyCycleInput {
  cycleId: string;
  closesAt: string;
  /** Skipped when it has already passed at launch. */
  reminderAt: string;
}

export interface SurveyCycleResult {
  invited: number;
  submitted: number;
  /** When the reminders went out; undefined if none were due (closed early, everyone answered, date passed). */
  remindedAt?: string;
  closedEarlyBy?: string;
}

/**
 * One survey cycle (IV 10 (a)): invite every organisation through its first deliverable contact, remind the
 * organisations that have not submitted, and close at the deadline, when everyone has answered, or on request.
 */
export async function surveyCycleWorkflow(input: SurveyCycleInput): Promise<SurveyCycleResult> {
  const submitted = new Set<string>();
  let closedBy: string | undefined;
  const view: CycleView = {
    cycleId: input.cycleId,
    status: 'inviting',
    closesAt: input.closesAt,
    invited: 0,
    undeliverable: 0,
    submittedOrganisationIds: [],
    remindersSent: 0,
  };
  setHandler(submissionReceivedSignal, ({ organisationId }) => {
    submitted.add(organisationId);
    view.submittedOrganisationIds = [...submitted];
  });
  setHandler(closeCycleSignal, ({ closedBy: by }) => {
    closedBy ??= by;
  });
  setHandler(cycleQuery, () => view);

  // A reminder whose date has already passed when the cycle starts is skipped, not sent at once.
  const reminderPlanned = Date.parse(input.reminderAt) > Date.now();
  const invitees = await db.listInvitees({ cycleId: input.cycleId });
  const invitedOrganisations: string[] = [];
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

  let remindedAt: string | undefined;
  if (reminderPlanned && !(await waitUntil(input.reminderAt, stop))) {
    remindedAt = new Date().toISOString();
    for (const organisationId of invitedOrganisations.filter((id) => !submitted.has(id))) {
      const outcome = await mail.sendReminder({ cycleId: input.cycleId, organisationId, sequence: 1 });
      if (outcome === 'sent') view.remindersSent += 1;
    }
  }
  await waitUntil(input.closesAt, stop);

  const closed = await db.closeSurveyCycle({ cycleId: input.cycleId, closedBy: closedBy ?? 'deadline' });
  view.status = 'closed';
  return { invited: view.invited, submitted: closed.submitted, remindedAt, closedEarlyBy: closedBy };
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

/** Waits until an instant or until `done()` holds; returns true if `done()` held first. */
async function waitUntil(instant: string, done: () => boolean): Promise<boolean> {
  const remaining = Date.parse(instant) - Date.now();
  if (remaining <= 0) return done();
  return condition(done, remaining);
}

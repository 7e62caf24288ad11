/**
 * The activities of a rehearsal: the same contract as the real ones, acting on an in-memory roster whose behaviour
 * (bounces, SMTP faults) comes from the rehearsal's parameters. Every call is stamped with the test server's clock,
 * so the timeline shows simulated dates, not the seconds the rehearsal took.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { createActivities } from '../../activities';
import { DEFAULT_LADDER } from '../../domain/escalation';
import { FailureType } from '../../domain/failure-types';
import { inMemoryFanOut } from './in-memory-fan-out';

type Activities = ReturnType<typeof createActivities>;

export interface SimulatedOrganisation {
  id: string;
  contacts: { id: string; bounces: boolean }[];
}

export interface TimelineEvent {
  at: number;
  what: string;
}

/** A reporting obligation of the rehearsed session: due on `dueAt`, met when staff submit it on `submitAt`. */
export interface SimulatedObligation {
  code: string;
  title: string;
  dueAt: string;
  dueRule: string;
  submitAt: number;
  status: 'OPEN' | 'MET' | 'BREACHED';
  metAt?: string;
}

export interface SimulationState {
  obligations: Map<string, SimulatedObligation>;
  organisations: SimulatedOrganisation[];
  governments: string[];
  submitted: Set<string>;
  timeline: TimelineEvent[];
  /** How many SMTP faults are still to be injected (each makes one attempt fail with a transient error). */
  smtpFaultsLeft: number;
  /** A mail server outage in simulated time: every message in it fails with a transient error. */
  smtpOutage?: { from: number; until: number };
  now: () => Promise<number>;
}

export function createSimulatedActivities(state: SimulationState): Activities {
  const note = async (what: string) => {
    state.timeline.push({ at: await state.now(), what });
  };
  const transientFault = async () => {
    const now = await state.now();
    const outage = state.smtpOutage && now >= state.smtpOutage.from && now < state.smtpOutage.until;
    if (!outage && state.smtpFaultsLeft <= 0) return;
    if (!outage) state.smtpFaultsLeft -= 1;
    throw ApplicationFailure.create({
      type: FailureType.TransientDeliveryFailure,
      message: 'simulated SMTP 421: service not available, try again later',
    });
  };
  // The simulated organisations answer the system-wide survey; the IGO/NGO survey is rehearsed empty.
  const invitees = (cycleId: string) =>
    cycleId === 'rehearsal-igo-ngo'
      ? []
      : state.organisations.map((o) => ({ organisationId: o.id, contactIds: o.contacts.map((c) => c.id) }));
  const sendInvitation: Activities['sendInvitation'] = async ({ contactId }) => {
    await transientFault();
    const contact = state.organisations.flatMap((o) => o.contacts).find((c) => c.id === contactId);
    if (contact?.bounces) {
      await note(`invitation to ${contactId} bounced (550)`);
      throw ApplicationFailure.create({
        type: FailureType.PermanentDeliveryFailure,
        nonRetryable: true,
        message: 'simulated 550',
      });
    }
    return 'sent';
  };
  const sendReminder: Activities['sendReminder'] = async ({ organisationId }) => {
    await transientFault();
    if (state.submitted.has(organisationId)) return 'already-submitted';
    await note(`reminder to ${organisationId}`);
    return 'sent';
  };
  return {
    settleDeadline: async ({ key, state: outcome }) => note(`deadline ${key}: ${outcome}`),
    openSurveyCycle: async ({ kind }) => {
      if (kind === 'IGO_NGO') return { cycleId: 'rehearsal-igo-ngo' };
      await note(`survey opened for ${state.organisations.length} organisations`);
      return { cycleId: 'rehearsal-cycle' };
    },
    moveSurveyClose: async ({ closesAt }) => note(`survey close moved to ${closesAt.slice(0, 10)}`),
    sendInvitation,
    sendReminder,
    sendCloseMovedNotice: async ({ organisationId }) => {
      await note(`close moved: notice to ${organisationId}`);
      return 'sent';
    },
    ...inMemoryFanOut({ organisationsOf: invitees, answered: state.submitted }, { sendInvitation, sendReminder }),
    sendReceipt: async ({ organisationId }) => {
      await note(`receipt to ${organisationId}`);
      return 'sent';
    },
    finalCloseInstant: async () => ({ until: new Date(await state.now()).toISOString() }),
    // Rehearsed respondents hold no extensions: an early close is final at once, and ends none.
    closeSurveyEarly: async () => ({ until: new Date(await state.now()).toISOString() }),
    sendExtensionEndedNotice: () => Promise.resolve('no-contact' as const),
    reissueLink: () => Promise.resolve('sent' as const),
    // Rehearsed respondents are never reopened.
    sendReopenNotice: () => Promise.resolve('not-reopened' as const),
    sendDelegationInvite: () => Promise.resolve('withdrawn' as const),
    closeSurveyCycle: async ({ cycleId, closedBy }) => {
      if (cycleId === 'rehearsal-igo-ngo') return { submitted: 0 };
      await note(`survey closed (${closedBy}) with ${state.submitted.size} of ${state.organisations.length} replies`);
      return { submitted: state.submitted.size };
    },
    compileProvisionalAgenda: async ({ version }) => {
      await note(`provisional agenda compiled (version ${version})`);
      return { documentId: `agenda-${version}`, symbol: 'E/CN.15/REHEARSAL/1', version, words: 2400 };
    },
    compileAnalysisReport: async ({ version }) => {
      await note('analysis report compiled');
      // Staff have written the options section by the time the survey closes.
      return { documentId: `report-${version}`, symbol: 'E/CN.15/REHEARSAL/2', version, words: 2400, options: 3 };
    },
    notifyManagers: async ({ reason, sequence }) => {
      await note(
        reason === 'report-ready'
          ? 'managers told the report awaits approval'
          : `approval overdue: reminder ${sequence}`,
      );
      return 1;
    },
    recordRejection: async ({ rejectedBy, comment }) => {
      await note(`report sent back by ${rejectedBy}: ${comment}`);
      return 1;
    },
    recordApproval: async ({ approvedBy }) => note(`report approved by ${approvedBy}`),
    escalate: async ({ checkpoint, level, workflowSaw }) => {
      // The rehearsal has no reply curve to forecast from: the forecast's rung stays silent.
      if (checkpoint === 'forecast') return { escalated: false as const };
      const reason = workflowSaw ?? 'the deadline is at risk';
      await note(`ESCALATION ${checkpoint} to ${level}: ${reason}`);
      return { escalated: true as const, reason, delivered: 1 };
    },
    listGovernments: () => Promise.resolve(state.governments),
    dispatchReport: async () => {
      await transientFault();
      return 'sent' as const;
    },
    raiseMailAlert: async ({ waitingSince }) =>
      note(`ALERT: e-mails waiting for the mail server since ${waitingSince}`),
    clearMailAlert: async () => note('e-mail alert cleared: the mail server took the waiting messages'),
    checkObligation: async ({ sessionObligationId }) => {
      const obligation = state.obligations.get(sessionObligationId)!;
      const now = await state.now();
      if (obligation.status !== 'MET' && now >= obligation.submitAt) {
        obligation.status = 'MET';
        obligation.metAt = new Date(obligation.submitAt).toISOString();
        await note(`obligation ${obligation.code} met (document submitted)`);
      }
      return { ...obligation, ladder: DEFAULT_LADDER };
    },
    recordObligationBreach: async ({ sessionObligationId }) => {
      const obligation = state.obligations.get(sessionObligationId)!;
      obligation.status = 'BREACHED';
      await note(`BREACH: obligation ${obligation.code} not met by ${obligation.dueAt.slice(0, 10)}`);
    },
    escalateObligation: async ({ sessionObligationId, checkpoint, level }) => {
      await note(
        `ESCALATION ${checkpoint} to ${level}: obligation ${state.obligations.get(sessionObligationId)!.code}`,
      );
      return 1;
    },
    sendWeeklyDigest: () => Promise.resolve({ overdue: 0, missed: 0, upcoming: 0, delivered: 0 }),
    sendChiefDigest: () => Promise.resolve({ mode: 'daily' as const, sessions: 0, delivered: 0 }),
    compileDispatchProof: async () => {
      await note(`report dispatched to ${state.governments.length} Governments; proof of dispatch compiled`);
      return { documentId: 'proof', symbol: 'PROOF/E/CN.15/REHEARSAL/2', version: 1, words: 2400 };
    },
  };
}

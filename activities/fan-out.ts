/**
 * Invitations and reminders for a whole cycle, one page of organisations per activity. A cycle of 10,000
 * respondents then costs its workflow a few dozen history events instead of tens of thousands, and no contact
 * list ever enters a workflow payload. Each page walks organisations in id order and heartbeats its position, so a
 * retried attempt resumes after the last organisation it finished; every message keeps its own ledger key, so a
 * resumed page never sends one twice.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import { FailureType } from '../domain/failure-types';
import { ANSWERED_STATUSES } from '../domain/reply-states';
import type { Prisma } from '@prisma/client';
import type { ActivityDeps } from './deps';
import type { invitationActivities } from './invitations';
import { MESSAGE_RETRIES, withTransientRetries } from './mail/transient-retry';
import { surveyedBy, toldOfNewClose } from '../services/cycles';

type Messages = ReturnType<typeof invitationActivities>;

/** Organisations of a page handled at once: the pooled SMTP transport keeps up to five connections open. */
export const CONCURRENT_ORGANISATIONS = 4;

/** Consecutive slices of `size`: each is handled at once, and the page's position moves after the whole slice. */
function slices<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

export interface PageProgress {
  /** The last organisation finished, in id order; the next page starts after it. */
  after?: string;
  done: number;
}

export interface InvitationPage {
  /** Organisations whose invitation went out (or may have: an unknown outcome is not resent). */
  invited: number;
  /** Organisations none of whose contacts could be reached. */
  undeliverable: number;
  /** Where the next page starts; absent when this was the last one. */
  next?: string;
}

export interface ReminderPage {
  sent: number;
  next?: string;
}

interface InvitationProgress extends PageProgress {
  invited: number;
  undeliverable: number;
}

/** Where an earlier attempt of this activity stopped (Temporal hands back its last heartbeat). */
function resumedProgress<T extends PageProgress>(initial: T): T {
  const details: unknown = Context.current().info.heartbeatDetails;
  return details && typeof details === 'object' ? { ...initial, ...(details as Partial<T>) } : initial;
}

function failureType(error: unknown): string | undefined {
  return error instanceof ApplicationFailure ? (error.type ?? undefined) : undefined;
}

export function fanOutActivities({ db }: ActivityDeps, messages: Messages) {
  /**
   * Sends one message to each organisation of a page (`where`, in id order), a slice at a time, heartbeating the
   * position so a retried attempt resumes after the last organisation it finished.
   */
  async function messagePage(
    input: { after?: string; limit: number },
    where: Prisma.OrganisationWhereInput,
    send: (organisationId: string) => Promise<string>,
  ): Promise<ReminderPage> {
    const progress = resumedProgress<PageProgress & { sent: number }>({ after: input.after, done: 0, sent: 0 });
    const organisations = await db.organisation.findMany({
      where,
      select: { id: true },
      orderBy: { id: 'asc' },
      take: input.limit,
    });
    const left = organisations.filter(({ id }) => !progress.after || id > progress.after);
    for (const slice of slices(left, CONCURRENT_ORGANISATIONS)) {
      const onWait = () => Context.current().heartbeat(progress);
      const outcomes = await Promise.all(
        slice.map(({ id }) => withTransientRetries(() => send(id), { ...MESSAGE_RETRIES, onWait })),
      );
      progress.sent += outcomes.filter((o) => o === 'sent').length;
      progress.after = slice.at(-1)?.id;
      progress.done += slice.length;
      Context.current().heartbeat(progress);
    }
    return {
      sent: progress.sent,
      next: organisations.length === input.limit ? organisations.at(-1)?.id : undefined,
    };
  }

  return {
    /**
     * Invites one page of the cycle's organisations, each through its first deliverable contact (primary first): a
     * permanent bounce marks that contact and moves on to the next one.
     */
    async inviteOrganisationsPage(input: { cycleId: string; after?: string; limit: number }): Promise<InvitationPage> {
      const cycle = await db.surveyCycle.findUniqueOrThrow({ where: { id: input.cycleId } });
      const progress = resumedProgress<InvitationProgress>({
        after: input.after,
        done: 0,
        invited: 0,
        undeliverable: 0,
      });
      const organisations = await db.organisation.findMany({
        where: { ...surveyedBy(cycle), ...(input.after ? { id: { gt: input.after } } : {}) },
        select: { id: true },
        orderBy: { id: 'asc' },
        take: input.limit,
      });
      // Organisations finished by an earlier attempt are skipped.
      const left = organisations.filter(({ id }) => !progress.after || id > progress.after);
      for (const slice of slices(left, CONCURRENT_ORGANISATIONS)) {
        const keepAlive = () => Context.current().heartbeat(progress);
        const reached = await Promise.all(slice.map(({ id }) => inviteFirstDeliverable(input.cycleId, id, keepAlive)));
        progress.invited += reached.filter(Boolean).length;
        progress.undeliverable += reached.filter((r) => !r).length;
        progress.after = slice.at(-1)?.id;
        progress.done += slice.length;
        Context.current().heartbeat(progress);
      }
      return {
        invited: progress.invited,
        undeliverable: progress.undeliverable,
        next: organisations.length === input.limit ? organisations.at(-1)?.id : undefined,
      };
    },

    /**
     * Reminds one page of the organisations that were invited and have not answered. Whether an organisation has
     * answered is read here, at sending time, so one that submits just before its reminder does not get it.
     */
    async remindOrganisationsPage(input: {
      cycleId: string;
      sequence: number;
      occasion?: 'scheduled' | 'on-request';
      /** Only these organisations (a coordinator's selection); every non-respondent otherwise. */
      organisationIds?: string[];
      after?: string;
      limit: number;
    }): Promise<ReminderPage> {
      return messagePage(
        input,
        {
          ...(input.after || input.organisationIds ? { id: { gt: input.after, in: input.organisationIds } } : {}),
          invitations: { some: { cycleId: input.cycleId } },
          responses: { none: { cycleId: input.cycleId, status: { in: [...ANSWERED_STATUSES] } } },
        },
        (organisationId) =>
          messages.sendReminder({
            cycleId: input.cycleId,
            organisationId,
            sequence: input.sequence,
            occasion: input.occasion,
          }),
      );
    },

    /**
     * Tells one page of organisations that the cycle's close moved from `from` to `to` (services/cycles.ts
     * toldOfNewClose says who: the same rule as the move's preview), resuming after the last one done.
     */
    async noticeCloseMovedPage(input: {
      cycleId: string;
      change: number;
      from: string;
      to: string;
      after?: string;
      limit: number;
    }): Promise<ReminderPage> {
      return messagePage(
        input,
        {
          ...toldOfNewClose({ id: input.cycleId, closesAt: new Date(input.from) }, new Date(input.to)),
          ...(input.after ? { id: { gt: input.after } } : {}),
        },
        (organisationId) =>
          messages.sendCloseMovedNotice({
            cycleId: input.cycleId,
            organisationId,
            change: input.change,
            from: input.from,
            to: input.to,
          }),
      );
    },

    /** How many invited organisations have not answered yet (0: the cycle may close early). */
    async countUnanswered({ cycleId }: { cycleId: string }): Promise<number> {
      return db.organisation.count({
        where: {
          invitations: { some: { cycleId, contact: { bouncedAt: null } } },
          responses: { none: { cycleId, status: { in: [...ANSWERED_STATUSES] } } },
        },
      });
    },
  };

  async function inviteFirstDeliverable(cycleId: string, organisationId: string, onWait: () => void): Promise<boolean> {
    // Read afresh: a contact that bounced in an earlier attempt is left out, and its alternate is next.
    const contacts = await db.contact.findMany({
      where: { organisationId, bouncedAt: null },
      orderBy: [{ role: 'asc' }, { email: 'asc' }],
      select: { id: true },
    });
    for (const contact of contacts) {
      try {
        await withTransientRetries(() => messages.sendInvitation({ cycleId, contactId: contact.id }), {
          ...MESSAGE_RETRIES,
          onWait,
        });
        return true;
      } catch (error) {
        const type = failureType(error);
        if (type === FailureType.PermanentDeliveryFailure) continue;
        // The message may have left before a worker died: counted as sent rather than risk a duplicate.
        if (type === FailureType.DeliveryOutcomeUnknown) return true;
        throw error;
      }
    }
    return false;
  }
}

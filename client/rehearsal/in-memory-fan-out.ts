/**
 * The page activities of a survey cycle (`activities/fan-out.ts`) over an in-memory roster, for rehearsals and
 * workflow tests: organisations in id order, each invited through its first contact that does not bounce, and
 * reminded (and told of a moved close) while it has not answered.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { createActivities } from '../../activities';
import { FailureType } from '../../domain/failure-types';

type Activities = ReturnType<typeof createActivities>;

export interface InMemoryRoster {
  /** Organisations surveyed by each cycle, with their contacts in the order they are tried. */
  organisationsOf(cycleId: string): { organisationId: string; contactIds: string[] }[];
  /** Organisations that have submitted, returned nil or declined. */
  answered: Set<string>;
}

type FanOut = Pick<
  Activities,
  'inviteOrganisationsPage' | 'remindOrganisationsPage' | 'noticeCloseMovedPage' | 'countUnanswered'
>;

export function inMemoryFanOut(
  roster: InMemoryRoster,
  send: Pick<Activities, 'sendInvitation' | 'sendReminder'> & Partial<Pick<Activities, 'sendCloseMovedNotice'>>,
): FanOut {
  const invited = new Map<string, Set<string>>();
  const invitedIn = (cycleId: string) => invited.get(cycleId) ?? invited.set(cycleId, new Set()).get(cycleId)!;
  const page = <T>(items: T[], id: (item: T) => string, after: string | undefined, limit: number) => {
    const sorted = [...items].sort((a, b) => id(a).localeCompare(id(b)));
    const rest = after === undefined ? sorted : sorted.filter((item) => id(item).localeCompare(after) > 0);
    const taken = rest.slice(0, limit);
    const last = taken.at(-1);
    return { taken, next: last !== undefined && rest.length > limit ? id(last) : undefined };
  };
  return {
    async inviteOrganisationsPage({ cycleId, after, limit }) {
      const { taken, next } = page(roster.organisationsOf(cycleId), (o) => o.organisationId, after, limit);
      let reached = 0;
      for (const organisation of taken) {
        for (const contactId of organisation.contactIds) {
          try {
            await send.sendInvitation({ cycleId, contactId });
            invitedIn(cycleId).add(organisation.organisationId);
            reached += 1;
            break;
          } catch (error) {
            if (error instanceof ApplicationFailure && error.type === FailureType.PermanentDeliveryFailure) continue;
            throw error;
          }
        }
      }
      return { invited: reached, undeliverable: taken.length - reached, next };
    },
    async remindOrganisationsPage({ cycleId, sequence, occasion, organisationIds, after, limit }) {
      const wanted = organisationIds ? new Set(organisationIds) : undefined;
      const due = [...invitedIn(cycleId)].filter((id) => !roster.answered.has(id) && (!wanted || wanted.has(id)));
      const { taken, next } = page(due, (id) => id, after, limit);
      let sent = 0;
      for (const organisationId of taken) {
        if ((await send.sendReminder({ cycleId, organisationId, sequence, occasion })) === 'sent') sent += 1;
      }
      return { sent, next };
    },
    async noticeCloseMovedPage({ cycleId, change, from, to, after, limit }) {
      const due = [...invitedIn(cycleId)].filter((id) => !roster.answered.has(id));
      const { taken, next } = page(due, (id) => id, after, limit);
      let sent = 0;
      for (const organisationId of taken) {
        const outcome = send.sendCloseMovedNotice
          ? await send.sendCloseMovedNotice({ cycleId, organisationId, change, from, to })
          : 'sent';
        if (outcome === 'sent') sent += 1;
      }
      return { sent, next };
    },
    countUnanswered({ cycleId }) {
      return Promise.resolve([...invitedIn(cycleId)].filter((id) => !roster.answered.has(id)).length);
    },
  };
}

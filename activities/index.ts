/** All activities, built from their dependencies (worker/ is the composition root). */
import type { ActivityDeps } from './deps';
import { digestActivities } from './digest';
import { dispatchActivities } from './dispatch';
import { escalationActivities } from './escalation';
import { fanOutActivities } from './fan-out';
import { invitationActivities } from './invitations';
import { mailAlertActivities } from './mail-alert';
import { obligationActivities } from './obligations';
import { planActivities } from './plan';
import { reportActivities } from './report';
import { surveyActivities } from './survey';

export type { ActivityDeps } from './deps';

export function createActivities(deps: ActivityDeps) {
  const invitations = invitationActivities(deps);
  return {
    ...planActivities(deps),
    ...surveyActivities(deps),
    ...invitations,
    ...fanOutActivities(deps, invitations),
    ...reportActivities(deps),
    ...dispatchActivities(deps),
    ...escalationActivities(deps),
    ...obligationActivities(deps),
    ...digestActivities(deps),
    ...mailAlertActivities(deps),
  };
}

/** `ApplicationFailure.type` values that cross the workflow/activity boundary. */
export const FailureType = {
  /** SMTP 5xx: the address will not accept mail; retrying cannot help. */
  PermanentDeliveryFailure: 'PermanentDeliveryFailure',
  /** SMTP 4xx, a dropped connection or an unreachable server: the same message may be sent again later. */
  TransientDeliveryFailure: 'TransientDeliveryFailure',
  /** An earlier attempt may have handed the message to SMTP before the worker died; sending again could duplicate it. */
  DeliveryOutcomeUnknown: 'DeliveryOutcomeUnknown',
  /** The session or cycle named in an input does not exist. */
  NotFound: 'NotFound',
  /** The request contradicts the current state (e.g. approving a report version that is not pending). */
  InvalidState: 'InvalidState',
  /** A generated document failed its read-back by a strict XML parser: it is never stored as approvable or sent. */
  UnreadableDocument: 'UnreadableDocument',
  /**
   * The workflow was started for another database than the one the worker serves (or carries no database identity):
   * acting would mix two databases' data, so the activity refuses before it starts (ARCHITECTURE.md, "Workflow
   * identity").
   */
  WrongDatabase: 'WrongDatabase',
} as const;
export type TFailureType = (typeof FailureType)[keyof typeof FailureType];

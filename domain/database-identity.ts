/**
 * How a workflow says which database it was started for: the database's identity (its `DatabaseIdentity` row, a
 * uuid) travels in a Temporal header from the client that starts it, through the workflow, to every activity, child
 * workflow and continued run; the worker compares it with its own before an activity acts (ARCHITECTURE.md,
 * "Workflow identity"). The identity is a random uuid, never the connection string: a refusal names no host, user or
 * password.
 */

/** The header's name. Its value is the identity as a JSON string payload. */
export const DATABASE_IDENTITY_HEADER = 'commission-prep-database';

/** Why an activity refuses: the databases named by their identities only. */
export function wrongDatabaseMessage(startedFor: string | undefined, served: string): string {
  return startedFor === undefined
    ? `This workflow carries no database identity (it was started before workflows carried one, or by a client that ` +
        `does not set it); this worker serves database ${served}: it will not act on data it cannot tell is its own`
    : `This workflow was started for database ${startedFor}; this worker serves database ${served}: ` +
        `it will not act on another database's data`;
}

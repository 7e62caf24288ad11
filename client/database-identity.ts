/**
 * The client side of workflow identity: every workflow this client starts (directly, with a signal, with an update,
 * or from a schedule) carries the identity of the database the client serves, in a header the workflow hands on to
 * its activities, children and continued runs (workflows/database-identity.ts), and the worker checks
 * (worker/database-identity.ts). ARCHITECTURE.md, "Workflow identity".
 */
import { Client } from '@temporalio/client';
import type {
  ClientInterceptors,
  Connection,
  ScheduleClientInterceptor,
  WorkflowClientInterceptor,
} from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { Headers } from '@temporalio/common';
import { DATABASE_IDENTITY_HEADER } from '../domain/database-identity';

function withIdentity(headers: Headers, databaseId: string): Headers {
  return { ...headers, [DATABASE_IDENTITY_HEADER]: defaultPayloadConverter.toPayload(databaseId) };
}

export function databaseIdentityInterceptors(databaseId: string): ClientInterceptors {
  const workflow: WorkflowClientInterceptor = {
    startWithDetails: (input, next) => next({ ...input, headers: withIdentity(input.headers, databaseId) }),
    signalWithStart: (input, next) => next({ ...input, headers: withIdentity(input.headers, databaseId) }),
    startUpdateWithStart: (input, next) =>
      next({ ...input, workflowStartHeaders: withIdentity(input.workflowStartHeaders, databaseId) }),
  };
  // A schedule's headers become those of every workflow it starts (the weekly digest).
  const schedule: ScheduleClientInterceptor = {
    create: (input, next) => next({ ...input, headers: withIdentity(input.headers, databaseId) }),
  };
  // Starts, signals and updates become spans of the caller's trace, carried to the workflow in its headers (a no-op
  // while the process does not trace).
  return { workflow: [workflow, new OpenTelemetryWorkflowClientInterceptor()], schedule: [schedule] };
}

/** A client over `connection` whose workflows are started for the database `databaseId`. */
export function clientForDatabase(connection: Connection, namespace: string, databaseId: string): Client {
  return new Client({ connection, namespace, interceptors: databaseIdentityInterceptors(databaseId) });
}

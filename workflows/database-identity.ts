/**
 * Workflow interceptors (registered by the worker, worker/create-worker.ts): the database identity the workflow was
 * started with (a header, set by the client: client/database-identity.ts) goes, unchanged, with every activity, local
 * activity, child workflow and continued run it starts, so the worker can refuse to act for another database
 * (worker/database-identity.ts). ARCHITECTURE.md, "Workflow identity". No command is added or removed: histories
 * replay the same with or without these interceptors.
 */
import type { Headers, WorkflowInterceptors } from '@temporalio/workflow';
import { DATABASE_IDENTITY_HEADER } from '../domain/database-identity';

/** Called by the SDK once per workflow execution, so `startedFor` belongs to one workflow only. */
export const interceptors = (): WorkflowInterceptors => {
  let startedFor: Headers[string] | undefined;
  // A workflow started without the header hands on none: the worker refuses it then, which is the point.
  const handOn = (headers: Headers): Headers =>
    startedFor === undefined ? headers : { ...headers, [DATABASE_IDENTITY_HEADER]: startedFor };
  return {
    inbound: [
      {
        execute: (input, next) => {
          startedFor = input.headers[DATABASE_IDENTITY_HEADER];
          return next(input);
        },
      },
    ],
    outbound: [
      {
        scheduleActivity: (input, next) => next({ ...input, headers: handOn(input.headers) }),
        scheduleLocalActivity: (input, next) => next({ ...input, headers: handOn(input.headers) }),
        startChildWorkflowExecution: (input, next) => next({ ...input, headers: handOn(input.headers) }),
        continueAsNew: (input, next) => next({ ...input, headers: handOn(input.headers) }),
      },
    ],
  };
};

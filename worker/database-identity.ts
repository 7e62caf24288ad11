/**
 * The worker side of workflow identity: before any activity acts, the database identity its workflow carries (a
 * header: client/database-identity.ts, workflows/database-identity.ts) must be the one of the database this worker
 * serves. Otherwise the activity fails, not retryably, with a message that names both identities and nothing else
 * (ARCHITECTURE.md, "Workflow identity"): retrying cannot make another database's session this one's.
 */
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import type { Headers } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { DATABASE_IDENTITY_HEADER, wrongDatabaseMessage } from '../domain/database-identity';
import { FailureType } from '../domain/failure-types';

function startedFor(headers: Headers): string | undefined {
  const payload = headers[DATABASE_IDENTITY_HEADER];
  if (payload === undefined) return undefined;
  try {
    const value: unknown = defaultPayloadConverter.fromPayload(payload);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined; // unreadable: as good as none
  }
}

export function databaseIdentityCheck(served: string): ActivityInterceptorsFactory {
  return () => ({
    inbound: {
      execute: (input, next) => {
        const carried = startedFor(input.headers);
        if (carried !== served)
          throw ApplicationFailure.nonRetryable(wrongDatabaseMessage(carried, served), FailureType.WrongDatabase);
        return next(input);
      },
    },
  });
}

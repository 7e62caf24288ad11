/** A Temporal client of a test server that starts workflows for the given database, as the web server and `prep` do. */
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { clientForDatabase } from '../../client/database-identity';
import type { Db } from '../../platform/database';
import { readDatabaseIdentity } from '../../platform/database-identity';

export async function clientForTestDatabase(env: TestWorkflowEnvironment, db: Db): Promise<Client> {
  return clientForDatabase(env.connection, env.namespace ?? 'default', await readDatabaseIdentity(db));
}

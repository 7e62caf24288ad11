/**
 * The Temporal client, configured from the environment (address, namespace, TLS or API key for Temporal Cloud), for
 * the database whose identity it is given: the workflows it starts carry that identity (client/database-identity.ts).
 */
import { Connection } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import type { AppConfig } from '../platform/config';
import { clientForDatabase } from './database-identity';

export async function connectTemporalClient(config: AppConfig['temporal'], databaseId: string): Promise<Client> {
  const connection = await Connection.connect({
    address: config.address,
    tls: config.tls || config.apiKey ? {} : undefined,
    apiKey: config.apiKey,
  });
  return clientForDatabase(connection, config.namespace, databaseId);
}

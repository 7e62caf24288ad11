/** The Temporal client, configured from the environment (address, namespace, TLS or API key for Temporal Cloud). */
import { Client, Connection } from '@temporalio/client';
import type { AppConfig } from '../platform/config';

export async function connectTemporalClient(config: AppConfig['temporal']): Promise<Client> {
  const connection = await Connection.connect({
    address: config.address,
    tls: config.tls || config.apiKey ? {} : undefined,
    apiKey: config.apiKey,
  });
  return new Client({ connection, namespace: config.namespace });
}

/** What every command group of `prep` is given: lazily opened connections, and where to print. */
import { databaseUrlOf, loadConfig } from '../../platform/config';
import { createPrismaClient } from '../../platform/database';
import type { Db } from '../../platform/database';
import { readDatabaseIdentity } from '../../platform/database-identity';
import type { PreparationClientDeps } from '../preparation';
import { connectTemporalClient } from '../temporal-connection';

export interface Runtime {
  deps(): Promise<PreparationClientDeps>;
  db(): Db;
  close(): Promise<void>;
}

export type Out = (line: string) => void;

/** Connections are opened lazily: `prep --help` and bad arguments need neither the database nor Temporal. */
export function createRuntime(): Runtime {
  const config = loadConfig();
  let db: Db | undefined;
  let deps: PreparationClientDeps | undefined;
  return {
    db: () => (db ??= createPrismaClient(databaseUrlOf(config))),
    async deps() {
      const database = this.db();
      deps ??= {
        db: database,
        // What `prep` starts is started for the database it reads (ARCHITECTURE.md, "Workflow identity").
        temporal: await connectTemporalClient(config.temporal, await readDatabaseIdentity(database)),
        taskQueue: config.temporal.taskQueue,
        mailAlertAfterMinutes: config.mail.alertAfterMinutes,
        remindNowWindowMinutes: config.mail.remindNowWindowMinutes,
      };
      return deps;
    },
    async close() {
      await deps?.temporal.connection.close();
      await db?.$disconnect();
    },
  };
}

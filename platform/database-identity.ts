/**
 * The identity of the database this process serves: the one `DatabaseIdentity` row its migration made. The client
 * and the worker read it once at start; workflows carry it and the worker compares it before any activity acts
 * (ARCHITECTURE.md, "Workflow identity").
 */
import type { Db } from './database';

export async function readDatabaseIdentity(db: Db): Promise<string> {
  const row = await db.databaseIdentity.findFirst({ select: { id: true } });
  // Only a database whose migrations have not all run has none; its data is not ready to be acted on either.
  if (!row) throw new Error('The database has no identity yet: apply the migrations first (npm start applies them)');
  return row.id;
}

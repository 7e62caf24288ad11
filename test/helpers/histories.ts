/**
 * Replay fixtures: with UPDATE_HISTORIES=1, a workflow test keeps its run's history under test/histories as binary
 * protobuf (as the SDK keeps its own: exact, and independent of JSON field-name conventions).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';

export const HISTORIES_DIR = path.join(__dirname, '..', 'histories');

export async function saveHistory(
  name: string,
  handle: { fetchHistory(): Promise<temporal.api.history.v1.IHistory> },
): Promise<void> {
  if (process.env.UPDATE_HISTORIES !== '1') return;
  const file = path.join(HISTORIES_DIR, `${name}.bin`);
  // A committed history is the record of a workflow version that may still be running: never replaced. A new
  // version of a workflow saves its runs under new names.
  if (existsSync(file) && process.env.UPDATE_HISTORIES_REPLACE !== name) return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(file, temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish());
}

/**
 * Replay fixtures: with UPDATE_HISTORIES=1 (set by `npm run histories:record`), a workflow test keeps its run's
 * history as binary protobuf (as the SDK keeps its own: exact, and independent of JSON field-name conventions) in the
 * history set of the release being prepared, test/histories/<next>/ (workflows/versioning.json). The sets of released
 * versions are frozen: nothing here writes to them (docs/workflow-versioning.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { HISTORIES_ROOT, loadRegister } from './workflow-versioning';

/** The history set recorded from today's code. */
export function nextHistoriesDir(): string {
  return path.join(HISTORIES_ROOT, loadRegister().next);
}

/** `name` is `<workflow prefix>-<scenario>` (see the prefixes in test/replay/replay.test.ts). */
export async function saveHistory(
  name: string,
  handle: { fetchHistory(): Promise<temporal.api.history.v1.IHistory> },
): Promise<void> {
  if (process.env.UPDATE_HISTORIES !== '1') return;
  const dir = nextHistoriesDir();
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, `${name}.bin`),
    temporal.api.history.v1.History.encode(await handle.fetchHistory()).finish(),
  );
}

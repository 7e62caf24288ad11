/**
 * Determinism gate: committed histories of earlier runs must replay against the current workflow code. A change that
 * alters the command sequence of running workflows fails here and needs `patched()`. Regenerate fixtures only for a
 * new workflow version: `UPDATE_HISTORIES=1 npx jest test/workflows`, then commit them beside the old ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../helpers/histories';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const HISTORIES = HISTORIES_DIR;
const WORKFLOW_TYPE_BY_PREFIX: Record<string, string> = {
  'session-preparation': 'sessionPreparationWorkflow',
  'survey-cycle': 'surveyCycleWorkflow',
  'weekly-digest': 'weeklyDigestWorkflow',
  'obligation-deadline': 'obligationDeadlineWorkflow',
};

describe('replay of committed workflow histories', () => {
  const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.bin'));
  const load = (file: string) => temporal.api.history.v1.History.decode(readFileSync(path.join(HISTORIES, file)));

  it('has fixtures for every workflow', () => {
    for (const prefix of Object.keys(WORKFLOW_TYPE_BY_PREFIX)) {
      expect(files.some((f) => f.startsWith(prefix))).toBe(true);
    }
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = load(file);
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history),
    ).resolves.toBeUndefined();
  });

  it('detects a workflow whose commands no longer match its history', async () => {
    const history = load('survey-cycle-full-chain.bin');
    // A history whose first activity differs from what the code schedules (as after an incompatible change) is refused.
    const firstActivity = history.events.find((e) => e.activityTaskScheduledEventAttributes)!;
    firstActivity.activityTaskScheduledEventAttributes!.activityType = { name: 'renamedActivity' };
    await expect(
      Worker.runReplayHistory({ workflowsPath: require.resolve('../../workflows') }, history),
    ).rejects.toMatchObject({
      name: 'DeterminismViolationError',
    });
  });
});

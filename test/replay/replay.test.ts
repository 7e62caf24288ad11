/**
 * Determinism gate and versioning policy (docs/workflow-versioning.md): every committed history of the release being
 * prepared and of every release still supported (workflows/versioning.json) replays against today's workflow code; a
 * workflow type without a history, a history set no release owns, or a patch id the register does not account for
 * fails here. Record the set of the release being prepared with `npm run histories:record`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import type { WorkflowBundleWithSourceMap } from '@temporalio/worker';
import * as workflows from '../../workflows';
import { quietTemporalLogs } from '../helpers/temporal';
import {
  HISTORIES_ROOT,
  checkPolicy,
  findWorkflowPatchCalls,
  listHistorySets,
  loadRegister,
  prefixOf,
} from '../helpers/workflow-versioning';

quietTemporalLogs();

/** History file prefix → the workflow type its runs are of. */
const WORKFLOW_TYPE_BY_PREFIX: Record<string, string> = {
  'session-preparation': 'sessionPreparationWorkflow',
  'survey-cycle': 'surveyCycleWorkflow',
  'weekly-digest': 'weeklyDigestWorkflow',
  'chief-digest': 'chiefDigestWorkflow',
  'obligation-deadline': 'obligationDeadlineWorkflow',
};

const register = loadRegister();
const histories = listHistorySets();
const replayed = [register.next, ...register.supported].flatMap((release) =>
  (histories.sets.get(release) ?? []).map((file) => path.join(release, file)),
);
const load = (file: string) => temporal.api.history.v1.History.decode(readFileSync(path.join(HISTORIES_ROOT, file)));
const exportedWorkflowTypes = Object.entries(workflows)
  .filter(([, value]) => typeof value === 'function')
  .map(([name]) => name)
  .sort();

describe('the workflow versioning policy', () => {
  it('holds: register, patch calls in workflows/ and history sets agree', () => {
    expect(
      checkPolicy({
        register,
        calls: findWorkflowPatchCalls(),
        histories,
        workflowTypes: exportedWorkflowTypes,
        prefixes: WORKFLOW_TYPE_BY_PREFIX,
      }),
    ).toEqual([]);
  });

  it.each(replayed)('%s is a run of the workflow type its name says', (file) => {
    const started = load(file).events[0]?.workflowExecutionStartedEventAttributes;
    const prefix = prefixOf(path.basename(file), WORKFLOW_TYPE_BY_PREFIX);
    expect(started?.workflowType?.name).toBe(prefix && WORKFLOW_TYPE_BY_PREFIX[prefix]);
  });
});

describe('replay of committed workflow histories', () => {
  // One bundle of today's code for every replay (bundling per history took most of this file's time).
  let bundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows') });
  });

  it('has histories to replay', () => {
    expect(replayed.length).toBeGreaterThan(0);
  });

  it.each(replayed)('replays %s without nondeterminism', async (file) => {
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, load(file))).resolves.toBeUndefined();
  });

  it('detects a workflow whose commands no longer match its history', async () => {
    const history = load(path.join(register.next, 'survey-cycle-full-chain.bin'));
    // A history whose first activity differs from what the code schedules (as after an incompatible change) is refused.
    const firstActivity = history.events.find((e) => e.activityTaskScheduledEventAttributes)!;
    firstActivity.activityTaskScheduledEventAttributes!.activityType = { name: 'renamedActivity' };
    await expect(Worker.runReplayHistory({ workflowBundle: bundle }, history)).rejects.toMatchObject({
      name: 'DeterminismViolationError',
    });
  });
});

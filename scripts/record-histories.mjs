#!/usr/bin/env node
// `npm run histories:record`: records the history set of the release being prepared (workflows/versioning.json,
// `next`) afresh from the workflow tests, then runs the replay gate. The set is cleared first, so a scenario renamed
// or dropped leaves no stale file behind. Released sets are frozen (docs/workflow-versioning.md): once `next` is
// tagged, this refuses until the register names the following release.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { next } = JSON.parse(readFileSync(path.join(root, 'workflows', 'versioning.json'), 'utf8'));
if (!/^v\d+\.\d+\.\d+$/.test(next)) {
  console.error(`histories: workflows/versioning.json names no release to record ("next": ${JSON.stringify(next)})`);
  process.exit(1);
}

const tagged = spawnSync('git', ['rev-parse', '--quiet', '--verify', `refs/tags/${next}`], { cwd: root });
if (tagged.status === 0) {
  console.error(
    `histories: ${next} is tagged, so its histories are frozen. Add ${next} to "supported" and set "next" to the ` +
      'release being prepared in workflows/versioning.json, then record again.',
  );
  process.exit(1);
}

// Every workflow test that keeps histories records them; a new one is picked up without editing this list.
const workflowTests = readdirSync(path.join(root, 'test', 'workflows'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => path.join('test', 'workflows', f))
  .filter((f) => readFileSync(path.join(root, f), 'utf8').includes('saveHistory('))
  .sort();

function jest(args, extraEnv = {}) {
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'jest'), ['--runInBand', ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  if (result.status !== 0) {
    console.error(`histories: jest ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const dir = path.join(root, 'test', 'histories', next);
console.log(`histories: recording test/histories/${next}/ from ${workflowTests.join(', ')}`);
rmSync(dir, { recursive: true, force: true });
jest(workflowTests, { UPDATE_HISTORIES: '1' });
console.log(`histories: ${readdirSync(dir).length} histories recorded; replaying every supported set`);
jest(['test/replay']);

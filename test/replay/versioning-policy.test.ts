/**
 * The versioning policy's checks on made-up registers, code and history sets: each rule of
 * docs/workflow-versioning.md is shown to fail when broken, so the gate in replay.test.ts can fail.
 */
import {
  checkPolicy,
  compareReleases,
  findPatchCalls,
  parseRegister,
  type PatchCall,
  type PolicyInput,
  type VersioningRegister,
} from '../helpers/workflow-versioning';

const prefixes = { 'session-preparation': 'sessionPreparationWorkflow', 'survey-cycle': 'surveyCycleWorkflow' };
const fullSet = ['session-preparation-full-chain.bin', 'survey-cycle-full-chain.bin'];

/** After v1.0.0 shipped: v1.1.0 in preparation, v1.0.0's runs still open. */
function afterFirstRelease(overrides: Partial<VersioningRegister> = {}, calls: PatchCall[] = []): PolicyInput {
  return {
    register: { next: 'v1.1.0', supported: ['v1.0.0'], patches: [], retired: [], ...overrides },
    calls,
    histories: {
      loose: [],
      sets: new Map([
        ['v1.1.0', fullSet],
        ['v1.0.0', fullSet],
      ]),
    },
    workflowTypes: ['sessionPreparationWorkflow', 'surveyCycleWorkflow'],
    prefixes,
  };
}

const call = (kind: PatchCall['kind'], id: string | undefined): PatchCall => ({
  kind,
  id,
  where: 'workflows/session-preparation.ts:1',
});
const patch = (id: string, extra: Partial<VersioningRegister['patches'][number]> = {}) => ({
  id,
  addedIn: 'v1.1.0',
  state: 'patched' as const,
  change: 'a new step',
  ...extra,
});

describe('the versioning policy checks', () => {
  it('accept the pre-release baseline: one history set, no patch', () => {
    const input = afterFirstRelease({ next: 'v1.0.0', supported: [] });
    input.histories.sets.delete('v1.1.0');
    input.histories.sets.set('v1.0.0', fullSet);
    expect(checkPolicy(input)).toEqual([]);
  });

  it('refuse any patch before the first tag', () => {
    const input = afterFirstRelease(
      { next: 'v1.0.0', supported: [], patches: [patch('early', { addedIn: 'v1.0.0' })] },
      [call('patched', 'early')],
    );
    input.histories.sets.delete('v1.1.0');
    expect(checkPolicy(input)).toEqual([
      expect.stringMatching(/before the first tag \(v1\.0\.0\) workflows\/ holds no/),
    ]);
  });

  it('accept a registered patch guarding runs of a supported release', () => {
    expect(checkPolicy(afterFirstRelease({ patches: [patch('new-step')] }, [call('patched', 'new-step')]))).toEqual([]);
  });

  it('refuse a patch id the register does not list, and a registered id the code no longer calls', () => {
    expect(checkPolicy(afterFirstRelease({}, [call('patched', 'unlisted')]))).toEqual([
      'workflows/session-preparation.ts:1: patch unlisted is not in workflows/versioning.json',
    ]);
    expect(checkPolicy(afterFirstRelease({ patches: [patch('gone')] }))).toEqual([
      'patch gone is registered but workflows/ no longer calls it: move it to retired',
    ]);
  });

  it('refuse a patch id that is not a string literal', () => {
    expect(checkPolicy(afterFirstRelease({}, [call('patched', undefined)]))).toEqual([
      'workflows/session-preparation.ts:1: patched() needs a string literal id',
    ]);
  });

  it('refuse code and register that disagree on the state of a patch', () => {
    const input = afterFirstRelease(
      {
        next: 'v1.2.0',
        supported: ['v1.1.0', 'v1.0.0'],
        patches: [patch('step', { state: 'deprecated', deprecatedIn: 'v1.2.0' })],
      },
      [call('patched', 'step')],
    );
    input.histories.sets.set('v1.2.0', fullSet);
    expect(checkPolicy(input)).toEqual([
      "workflows/session-preparation.ts:1: patched('step') but the register says deprecated",
    ]);
  });

  it('ask for deprecation once every supported release has the patch, and for removal once all deprecate it', () => {
    const later = (register: Partial<VersioningRegister>, calls: PatchCall[]) => {
      const input = afterFirstRelease({ next: 'v1.3.0', supported: ['v1.2.0', 'v1.1.0'], ...register }, calls);
      input.histories.sets = new Map(['v1.3.0', 'v1.2.0', 'v1.1.0'].map((r) => [r, fullSet]));
      return checkPolicy(input);
    };
    expect(later({ patches: [patch('step')] }, [call('patched', 'step')])).toEqual([
      'patch step: every supported release has it; replace patched() by deprecatePatch() (state deprecated)',
    ]);
    expect(
      later({ patches: [patch('step', { state: 'deprecated', deprecatedIn: 'v1.2.0' })] }, [
        call('deprecatePatch', 'step'),
      ]),
    ).toEqual([]);
    expect(
      later({ supported: ['v1.2.0'], patches: [patch('step', { state: 'deprecated', deprecatedIn: 'v1.2.0' })] }, [
        call('deprecatePatch', 'step'),
      ]).filter((p) => !p.includes('v1.1.0/')),
    ).toEqual(['patch step: every supported release has deprecatePatch(); remove it (move to retired)']);
  });

  it('refuse a retired id used again', () => {
    expect(
      checkPolicy(
        afterFirstRelease({ retired: [{ id: 'old-step', removedIn: 'v1.0.0' }] }, [call('patched', 'old-step')]),
      ),
    ).toEqual(['workflows/session-preparation.ts:1: patch id old-step is retired and may not be used again']);
  });

  it('refuse a workflow type without a history, a missing set and a set no release owns', () => {
    const input = afterFirstRelease();
    input.histories.sets.set('v1.1.0', ['session-preparation-full-chain.bin']);
    input.histories.sets.delete('v1.0.0');
    input.histories.sets.set('v0.9.0', fullSet);
    input.histories.loose = ['stray.bin'];
    expect(checkPolicy(input).sort()).toEqual(
      [
        'test/histories/v1.0.0/ is missing (release v1.0.0 is replayed)',
        'test/histories/v0.9.0/ belongs to no supported release: delete it or list it in the register',
        'test/histories/stray.bin is outside a release folder',
        'workflow type surveyCycleWorkflow has no committed history in test/histories/v1.1.0/',
      ].sort(),
    );
  });

  it('refuse a workflow type without a prefix and a prefix for a type that is gone', () => {
    const input = afterFirstRelease();
    input.workflowTypes = ['sessionPreparationWorkflow', 'weeklyDigestWorkflow'];
    expect(checkPolicy(input).sort()).toEqual([
      'history prefix survey-cycle names surveyCycleWorkflow, which is not exported',
      'workflow type weeklyDigestWorkflow has no history prefix',
    ]);
  });
});

describe('finding patch calls', () => {
  it('finds calls by the parser, not by text: comments and strings do not count', () => {
    const source = [
      "import { patched, deprecatePatch } from '@temporalio/workflow';",
      "// patched('in-a-comment') is not a call",
      'const text = "deprecatePatch(\'in-a-string\')";',
      "if (patched('new-step')) {}",
      'workflow.deprecatePatch("old-step");',
      'patched(id);',
    ].join('\n');
    expect(findPatchCalls('workflows/x.ts', source)).toEqual([
      { kind: 'patched', id: 'new-step', where: 'workflows/x.ts:4' },
      { kind: 'deprecatePatch', id: 'old-step', where: 'workflows/x.ts:5' },
      { kind: 'patched', id: undefined, where: 'workflows/x.ts:6' },
    ]);
  });
});

describe('the register', () => {
  it('orders releases by number, not by text', () => {
    expect(compareReleases('v1.10.0', 'v1.9.3')).toBeGreaterThan(0);
    expect(compareReleases('v1.0.0', 'v1.0.0')).toBe(0);
  });

  it('refuses a release name that is not a tag and an unknown field', () => {
    expect(() => parseRegister({ next: '1.0', supported: [], patches: [], retired: [] })).toThrow(/vMAJOR/);
    expect(() => parseRegister({ next: 'v1.0.0', supported: [], patches: [], retired: [], extra: 1 })).toThrow();
  });
});

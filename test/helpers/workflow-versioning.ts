/**
 * The workflow versioning policy (docs/workflow-versioning.md) as checks: the register `workflows/versioning.json`,
 * the patch calls found in `workflows/`, and the committed history sets must agree. Pure functions over what was read,
 * so that test/replay/versioning-policy.test.ts can show each rule failing on a made-up case.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';

export const REPO_ROOT = path.join(__dirname, '..', '..');
export const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');
export const REGISTER_FILE = path.join(WORKFLOWS_DIR, 'versioning.json');
export const HISTORIES_ROOT = path.join(REPO_ROOT, 'test', 'histories');

/** A release tag: only tagged builds are deployed, and each names its own history set. */
const RELEASE = /^v(\d+)\.(\d+)\.(\d+)$/;
const release = z.string().regex(RELEASE, 'a release is named vMAJOR.MINOR.PATCH');
const patchId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a patch id is kebab-case');

const registerSchema = z.strictObject({
  $comment: z.string().optional(),
  next: release,
  supported: z.array(release),
  patches: z.array(
    z.strictObject({
      id: patchId,
      /** The release whose code first called `patched(id)`. */
      addedIn: release,
      state: z.enum(['patched', 'deprecated']),
      /** The release whose code replaced `patched(id)` by `deprecatePatch(id)`. */
      deprecatedIn: release.optional(),
      /** What changed, in a sentence. */
      change: z.string().min(1),
    }),
  ),
  retired: z.array(z.strictObject({ id: patchId, removedIn: release, note: z.string().optional() })),
});

export type VersioningRegister = z.infer<typeof registerSchema>;

export function parseRegister(json: unknown): VersioningRegister {
  return registerSchema.parse(json);
}

export function loadRegister(file = REGISTER_FILE): VersioningRegister {
  return parseRegister(JSON.parse(readFileSync(file, 'utf8')));
}

/** Negative when `a` is the older release. */
export function compareReleases(a: string, b: string): number {
  const parse = (r: string) => {
    const m = RELEASE.exec(r);
    if (!m) throw new Error(`Not a release: ${r}`);
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

export interface PatchCall {
  kind: 'patched' | 'deprecatePatch';
  /** Undefined when the argument is not a string literal (the register could not be checked against it). */
  id: string | undefined;
  where: string;
}

/** Every `patched(…)` and `deprecatePatch(…)` call in a source text, found by the TypeScript parser (not by grep). */
export function findPatchCalls(fileName: string, source: string): PatchCall[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const calls: PatchCall[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : undefined;
      if (name === 'patched' || name === 'deprecatePatch') {
        const [arg] = node.arguments;
        const line = file.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        calls.push({
          kind: name,
          id: arg && ts.isStringLiteralLike(arg) ? arg.text : undefined,
          where: `${fileName}:${line}`,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return calls;
}

/** The patch calls of every TypeScript file under `workflows/`. */
export function findWorkflowPatchCalls(dir = WORKFLOWS_DIR): PatchCall[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .flatMap((f) => findPatchCalls(path.join('workflows', f), readFileSync(path.join(dir, f), 'utf8')));
}

/** The committed history sets: one folder per release, each holding `<workflow prefix>-<scenario>.bin` files. */
export function listHistorySets(root = HISTORIES_ROOT): { loose: string[]; sets: Map<string, string[]> } {
  const entries = readdirSync(root, { withFileTypes: true });
  const sets = new Map<string, string[]>();
  for (const entry of entries.filter((e) => e.isDirectory())) {
    sets.set(
      entry.name,
      readdirSync(path.join(root, entry.name))
        .filter((f) => f.endsWith('.bin'))
        .sort(),
    );
  }
  return { loose: entries.filter((e) => e.isFile()).map((e) => e.name), sets };
}

export interface PolicyInput {
  register: VersioningRegister;
  calls: PatchCall[];
  /** Folders under test/histories and the files at its top level. */
  histories: { loose: string[]; sets: Map<string, string[]> };
  /** The workflow types `workflows/index.ts` exports. */
  workflowTypes: string[];
  /** History file prefix → workflow type (test/replay/replay.test.ts). */
  prefixes: Record<string, string>;
}

/** The prefix of a history file name that names its workflow type (the longest that matches). */
export function prefixOf(file: string, prefixes: Record<string, string>): string | undefined {
  return Object.keys(prefixes)
    .filter((p) => file.startsWith(`${p}-`))
    .sort((a, b) => b.length - a.length)[0];
}

/** Every way the code, the register and the history sets break the policy; empty when they agree. */
export function checkPolicy({ register, calls, histories, workflowTypes, prefixes }: PolicyInput): string[] {
  const problems: string[] = [];
  const { next, supported } = register;
  const oldestSupported = [...supported].sort(compareReleases)[0];

  // Releases and their history sets.
  for (const r of supported) {
    if (compareReleases(r, next) >= 0) problems.push(`supported release ${r} is not older than next (${next})`);
  }
  if (new Set(supported).size !== supported.length) problems.push('a supported release is listed twice');
  const expectedSets = [next, ...supported];
  for (const r of expectedSets) {
    if (!histories.sets.has(r)) problems.push(`test/histories/${r}/ is missing (release ${r} is replayed)`);
  }
  for (const dir of histories.sets.keys()) {
    if (!expectedSets.includes(dir))
      problems.push(`test/histories/${dir}/ belongs to no supported release: delete it or list it in the register`);
  }
  for (const file of histories.loose) {
    problems.push(`test/histories/${file} is outside a release folder`);
  }

  // Workflow types and history names.
  for (const type of workflowTypes) {
    if (!Object.values(prefixes).includes(type)) problems.push(`workflow type ${type} has no history prefix`);
    const prefix = Object.keys(prefixes).find((p) => prefixes[p] === type);
    const files = histories.sets.get(next) ?? [];
    if (prefix && !files.some((f) => prefixOf(f, prefixes) === prefix))
      problems.push(`workflow type ${type} has no committed history in test/histories/${next}/`);
  }
  for (const [prefix, type] of Object.entries(prefixes)) {
    if (!workflowTypes.includes(type)) problems.push(`history prefix ${prefix} names ${type}, which is not exported`);
  }
  for (const [dir, files] of histories.sets) {
    for (const file of files) {
      if (!prefixOf(file, prefixes)) problems.push(`test/histories/${dir}/${file} names no known workflow type`);
    }
  }

  // Patches: literal ids, each in the register in the state the code shows, at the right time in its life.
  const byId = new Map<string, PatchCall[]>();
  for (const call of calls) {
    if (call.id === undefined) {
      problems.push(`${call.where}: ${call.kind}() needs a string literal id`);
      continue;
    }
    byId.set(call.id, [...(byId.get(call.id) ?? []), call]);
  }
  const retired = new Set(register.retired.map((r) => r.id));
  const registered = new Set<string>();
  for (const patch of register.patches) {
    if (registered.has(patch.id)) problems.push(`patch ${patch.id} is registered twice`);
    registered.add(patch.id);
    if (retired.has(patch.id)) problems.push(`patch ${patch.id} is retired: choose a new id`);
    const found = byId.get(patch.id) ?? [];
    if (found.length === 0) {
      problems.push(`patch ${patch.id} is registered but workflows/ no longer calls it: move it to retired`);
      continue;
    }
    const wanted = patch.state === 'patched' ? 'patched' : 'deprecatePatch';
    for (const call of found.filter((c) => c.kind !== wanted)) {
      problems.push(`${call.where}: ${call.kind}('${patch.id}') but the register says ${patch.state}`);
    }
    if (compareReleases(patch.addedIn, next) > 0) problems.push(`patch ${patch.id} is added in a release after next`);
    // A patch guards runs started on code without it: some supported release must predate it.
    if (
      patch.state === 'patched' &&
      oldestSupported !== undefined &&
      compareReleases(oldestSupported, patch.addedIn) >= 0
    )
      problems.push(
        `patch ${patch.id}: every supported release has it; replace patched() by deprecatePatch() (state deprecated)`,
      );
    if (patch.state === 'deprecated') {
      if (!patch.deprecatedIn) problems.push(`patch ${patch.id} is deprecated but names no deprecatedIn release`);
      else {
        if (compareReleases(patch.deprecatedIn, patch.addedIn) <= 0)
          problems.push(`patch ${patch.id} is deprecated no later than it was added`);
        if (compareReleases(patch.deprecatedIn, next) > 0)
          problems.push(`patch ${patch.id} is deprecated in a release after next`);
        if (oldestSupported !== undefined && compareReleases(oldestSupported, patch.deprecatedIn) >= 0)
          problems.push(`patch ${patch.id}: every supported release has deprecatePatch(); remove it (move to retired)`);
      }
    } else if (patch.deprecatedIn) problems.push(`patch ${patch.id} names deprecatedIn but is not deprecated`);
  }
  // The first release is the baseline: nothing ran before it, so there is nothing for a patch to keep.
  if (oldestSupported === undefined && calls.length > 0)
    problems.push(
      `no release is supported yet: before the first tag (${next}) workflows/ holds no patched()/deprecatePatch()`,
    );
  for (const [id, found] of byId) {
    if (retired.has(id)) problems.push(`${found[0]!.where}: patch id ${id} is retired and may not be used again`);
    else if (!registered.has(id)) problems.push(`${found[0]!.where}: patch ${id} is not in workflows/versioning.json`);
  }
  return problems;
}

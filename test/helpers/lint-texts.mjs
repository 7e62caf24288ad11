/**
 * Lints snippets as files of the repository, with its eslint.config.mjs, and prints each one's messages as JSON.
 * Its own process because ESLint loads its configuration with a dynamic import(), which Jest's module sandbox refuses.
 * Reads `[{ code, filePath }]` on stdin.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';

const snippets = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { code, filePath } of snippets) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push(result.messages.map(({ ruleId, message, line }) => ({ ruleId, message, line })));
}
process.stdout.write(JSON.stringify(results));

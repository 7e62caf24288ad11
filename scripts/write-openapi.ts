/**
 * Writes docs/openapi.json: the OpenAPI document of /api/v1 as the web server generates it from the operations'
 * schemas. Nothing is connected: the server is built and described only. The contract test fails while the
 * committed document differs from what the code generates (`npm run openapi:write`, then commit).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApiDocument } from '../web/openapi-document';

async function main(): Promise<void> {
  const target = path.resolve(__dirname, '..', 'docs', 'openapi.json');
  writeFileSync(target, await openApiDocument(mkdtempSync(path.join(os.tmpdir(), 'cp-openapi-'))));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}

void main();

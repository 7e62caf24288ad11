/**
 * The HTTP interface for other systems (issue 14, item 4): the OpenAPI document the server generates is valid, is the
 * one committed (docs/openapi.json), and every documented operation answers as documented — with a token holding its
 * scope, and refused without a token, with a revoked one, or with one lacking the scope.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { issueApiToken, revokeApiToken } from '../../services/api-tokens';
import { createSession } from '../../services/sessions';
import { HttpSession } from '../helpers/http';
import { startStack } from '../helpers/stack';
import type { Stack } from '../helpers/stack';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const DAY = 24 * 3600 * 1000;
const COMMITTED = path.resolve(__dirname, '../../docs/openapi.json');

interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: 'path' | 'query'; schema: { enum?: string[]; default?: string } }[];
  responses: Record<string, { content?: Record<string, { schema: object }> }>;
}
type Document = { paths: Record<string, Record<string, Operation>> };

describe('the HTTP interface for other systems', () => {
  let stack: Stack;
  let document: Document;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack('api-contract-test');
    const opening = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
    const closing = new Date(Date.now() + 204 * DAY).toISOString().slice(0, 10);
    await createSession(
      stack.database.db,
      { number: 52, openingDate: opening, closingDate: closing, venue: 'Vienna' },
      'test',
    );
    const coordinator = new HttpSession(stack.baseUrl);
    await coordinator.login('coordinator@example.org', 'coordinator-demo');
    expect((await coordinator.submit('/console', '/console/sessions/52/launch')).status).toBe(302);
    const db = stack.database.db;
    tokens.all = (await issueApiToken(db, { name: 'all', scopes: ['status:read', 'exports:read'] }, 'test')).token;
    tokens.status = (await issueApiToken(db, { name: 'status', scopes: ['status:read'] }, 'test')).token;
    tokens.exports = (await issueApiToken(db, { name: 'exports', scopes: ['exports:read'] }, 'test')).token;
    const revoked = await issueApiToken(db, { name: 'revoked', scopes: ['status:read', 'exports:read'] }, 'test');
    await revokeApiToken(db, revoked.id, 'test');
    tokens.revoked = revoked.token;
  });

  afterAll(() => stack?.close());

  it('serves a valid OpenAPI document, the one committed in docs/openapi.json', async () => {
    const served = await fetch(`${stack.baseUrl}/api/v1/openapi.json`);
    expect(served.status).toBe(200);
    const text = `${JSON.stringify(await served.json(), null, 2)}\n`;
    document = JSON.parse(text) as Document;
    const result = await validate(JSON.parse(text) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    // The committed copy is what the code generates; after a change: `npm run openapi:write` and commit.
    expect(readFileSync(COMMITTED, 'utf8')).toBe(text);
    expect(Object.keys(document.paths).length).toBeGreaterThanOrEqual(4);
  });

  /** Every documented operation, with the values its parameters take in this test. */
  const operations = () =>
    Object.entries(document.paths).flatMap(([template, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        let url = template;
        const query = new URLSearchParams();
        for (const parameter of operation.parameters ?? []) {
          const value = parameter.name === 'number' ? '52' : (parameter.schema.default ?? parameter.schema.enum?.[0]);
          if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, String(value));
          else if (value !== undefined) query.set(parameter.name, String(value));
        }
        return { method: method.toUpperCase(), url: `${url}${query.size ? `?${query.toString()}` : ''}`, operation };
      }),
    );

  const call = (url: string, token?: string) =>
    fetch(`${stack.baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('answers every documented operation as documented, to a token with its scope', async () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const checked: string[] = [];
    for (const { method, url, operation } of operations()) {
      expect(method).toBe('GET');
      const response = await call(url, tokens.all);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!;
      const documented = operation.responses['200']!.content!;
      expect({ url, type, documented: Object.keys(documented) }).toEqual(
        expect.objectContaining({ documented: expect.arrayContaining([type]) }),
      );
      if (type === 'application/json') {
        const body: unknown = await response.json();
        const valid = ajv.validate(documented[type]!.schema, body);
        expect({ url, errors: valid ? null : ajv.errors }).toEqual({ url, errors: null });
      } else {
        expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
      }
      checked.push(operation.operationId);
    }
    expect(checked.sort()).toEqual(['exportRoster', 'getPreparation', 'listSessions', 'listSurveyCounts']);
  });

  it('refuses every operation without a token, with a revoked one, or with one lacking its scope', async () => {
    for (const { url, operation } of operations()) {
      expect(operation.security).toEqual([{ apiToken: [] }, { staffLogin: [] }]);
      const anonymous = await call(url);
      expect({ url, status: anonymous.status, auth: anonymous.headers.get('www-authenticate') }).toEqual({
        url,
        status: 401,
        auth: 'Bearer',
      });
      expect((await call(url, tokens.revoked)).status).toBe(401);
      const lacking = operation.operationId === 'exportRoster' ? tokens.status : tokens.exports;
      const refused = await call(url, lacking);
      expect({ url, status: refused.status }).toEqual({ url, status: 403 });
      expect(await refused.json()).toMatchObject({ error: 'forbidden' });
    }
  });

  it('answers a malformed parameter with a 400 in JSON that says what is wrong', async () => {
    const refused = await call('/api/v1/sessions/abc/preparation', tokens.all);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/number/);
    expect((await call('/api/v1/sessions/9999/surveys', tokens.all)).status).toBe(404);
  });

  it('records when a token was last used, and never stores the token itself', async () => {
    const rows = await stack.database.db.apiToken.findMany();
    expect(rows.find((r) => r.name === 'all')?.lastUsedAt).toBeInstanceOf(Date);
    const stored = JSON.stringify(rows);
    for (const token of Object.values(tokens)) expect(stored).not.toContain(token);
  });
});

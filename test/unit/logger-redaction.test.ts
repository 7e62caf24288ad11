import { PassThrough } from 'node:stream';
import { createLogger, redactTokens } from '../../platform/logger';

const TOKEN = 'D_Ojem-RlgPY2oZHQaPlpjrxw9_28RNcOjD-b_8-Mw8';

describe('no personal-link token in a log line', () => {
  it('redacts a token in every spelling of its path, and bare', () => {
    for (const text of [
      `Route GET:/r/${TOKEN}/ not found`,
      `Route GET:/r/${TOKEN}/start not found`,
      `'//r//${TOKEN}%zz' is not a valid url component`,
      `GET /R/${TOKEN}`,
      `GET /r%2F${TOKEN}`,
      `token ${TOKEN} in a message`,
    ]) {
      expect(redactTokens(text)).not.toContain(TOKEN);
    }
  });

  it('keeps what is not a token: UUIDs, SHA-256 digests, long words', () => {
    const kept = `session 9c06a1b2-3c4d-4e5f-8a9b-0c1d2e3f4a5b digest ${'ab'.repeat(32)} ${'a'.repeat(43)}`;
    expect(redactTokens(kept)).toBe(kept);
  });

  it('redacts the whole serialized line, whatever field holds the token', async () => {
    const sink = new PassThrough();
    const lines: string[] = [];
    sink.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const logger = createLogger('info', 'test', sink);
    logger.info(`Route GET:/r/${TOKEN}/ not found`);
    logger.error({ err: new Error(`bad url /r/${TOKEN}%zz`) }, 'framework error');
    logger.info({ detail: { url: `/r/${TOKEN}` } }, 'nested');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(3);
    expect(lines.filter((line) => line.includes(TOKEN))).toEqual([]);
  });

  it('redacts an API token, whose prefix joins the run of token characters', () => {
    const apiToken = `cpt_${TOKEN}`;
    expect(redactTokens(`GET /api/v1/sessions?access_token=${apiToken}`)).toBe(
      'GET /api/v1/sessions?access_token=cpt_[redacted]',
    );
  });
});

import { hashAccessToken, looksLikeAccessToken, newAccessToken } from '../../services/tokens';

describe('personal-link tokens', () => {
  it('carry 256 bits from the CSPRNG (at least 128 required), never repeat, and are stored as SHA-256 only', () => {
    const tokens = Array.from({ length: 10_000 }, newAccessToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 100)) {
      expect(looksLikeAccessToken(token)).toBe(true);
      // 43 base64url characters hold 258 bits; the 32 bytes behind them are 256.
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
    // Every bit position varies across tokens (a stuck bit would shrink the space).
    const bits = new Array<number>(256).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, 'base64url');
      for (let i = 0; i < 256; i += 1) bits[i]! += (bytes[i >> 3]! >> (i & 7)) & 1;
    }
    // Each bit is set in about half the tokens: 5,000 ± 5 standard deviations (50).
    expect(Math.min(...bits)).toBeGreaterThan(4750);
    expect(Math.max(...bits)).toBeLessThan(5250);
    expect(hashAccessToken(tokens[0]!)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashAccessToken(tokens[0]!)).not.toContain(tokens[0]!);
  });
});

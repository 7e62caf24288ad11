import { UnsafeTextError, loneSurrogatePosition, safeInput, safeText, stripUnsafe } from '../../domain/safe-text';

/** Every code point XML 1.0's Char production allows (https://www.w3.org/TR/xml/#NT-Char). */
function xmlChar(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  );
}

describe('text from outside (domain/safe-text)', () => {
  it('removes every character XML 1.0 cannot hold, and keeps tab, line feed and carriage return', () => {
    let all = '';
    let xmlChars = 0;
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      all += String.fromCodePoint(cp);
      if (xmlChar(cp)) xmlChars += 1;
    }
    const kept = stripUnsafe(all);
    let keptChars = 0;
    for (const char of kept) {
      if (!xmlChar(char.codePointAt(0)!)) throw new Error(`kept U+${char.codePointAt(0)!.toString(16)}`);
      keptChars += 1;
    }
    for (const char of ['\t', '\n', '\r', ' ', 'a', '\u00e9', '\u4e2d', '\u0639', '\u{1F1FA}'])
      expect(kept).toContain(char);
    // Every XML character is kept except the avoided ones counted here: the rule removes no real text.
    expect(xmlChars - keptChars).toBe(33 + 32 + 2 * 16 + 5 + 4); // DEL+C1, U+FDD0–FDEF, plane noncharacters, bidi controls
  });

  it.each([
    ['U+FFFE', 'a\uFFFEb', 'ab'],
    ['U+FFFF', 'a\uFFFFb', 'ab'],
    ['NUL, BEL, VT, FF, ESC', 'a\u0000b\u0007c\u000Bd\u000Ce\u001Bf', 'abcdef'],
    ['DEL and C1 controls', 'a\u007Fb\u0085c\u009Fd', 'abcd'],
    ['noncharacters of other planes', 'a\uFDD0b\u{1FFFE}c\u{10FFFF}d', 'abcd'],
    ['tab and newlines kept', 'a\tb\nc\r\nd', 'a\tb\nc\r\nd'],
  ])('%s', (_what, input, output) => {
    expect(safeText(input)).toBe(output);
  });

  it('neutralises bidirectional embeddings, overrides and isolates, and keeps the direction marks', () => {
    expect(safeText('invoice\u202Eexe.pdf')).toBe('invoiceexe.pdf');
    expect(safeText('\u202Aa\u202Bb\u202Cc\u202Dd\u2066e\u2067f\u2068g\u2069')).toBe('abcdefg');
    // LRM, RLM and ALM place neutrals next to Arabic or Hebrew text; they cannot reverse a run of letters.
    expect(safeText('\u0627\u0644\u0639\u062F\u062F 5\u200F.')).toBe('\u0627\u0644\u0639\u062F\u062F 5\u200F.');
    expect(safeText('a\u200Eb\u061Cc')).toBe('a\u200Eb\u061Cc');
  });

  it('keeps surrogate pairs and refuses a lone surrogate, saying where it is', () => {
    expect(safeText('🇺🇳 ok')).toBe('🇺🇳 ok');
    expect(loneSurrogatePosition('ab\uD800c')).toBe(3);
    expect(loneSurrogatePosition('😀x\uDC00')).toBe(3); // the emoji counts as one character
    expect(loneSurrogatePosition('\uD83D')).toBe(1);
    expect(loneSurrogatePosition('😀')).toBeUndefined();
    expect(() => safeText('ab\uD800c', ['reason'])).toThrow('reason contains an invalid character at position 3');
    expect(stripUnsafe('ab\uD800c\uDFFF')).toBe('abc');
  });

  it('makes a whole input safe, keys and nested values included, and names the path of a lone surrogate', () => {
    const date = new Date(0);
    expect(
      safeInput({ a: 'x\uFFFE', list: ['\u202Ey', 3, true, null], nested: { 'k\uFFFF': 'v' }, date, n: 1 }),
    ).toEqual({ a: 'x', list: ['y', 3, true, null], nested: { k: 'v' }, date, n: 1 });
    let error: unknown;
    try {
      safeInput({ rows: [{ name: 'ok' }, { name: 'bad\uDBFF' }] });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsafeTextError);
    expect(error).toMatchObject({ field: 'rows.1.name', position: 4 });
    expect((error as UnsafeTextError).message).toBe('rows.1.name contains an invalid character at position 4');
  });
});

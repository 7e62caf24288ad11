/**
 * The one rule for text that comes from outside (respondents, uploaded files, roster and questionnaire imports,
 * staff forms, the CLI): it is made safe where it enters, before it is validated or stored, so that whatever is
 * stored can go into a Word document, an e-mail or the database as it is.
 *
 * - Removed: every character XML 1.0 cannot hold (its Char production allows only tab, LF, CR, U+0020–U+D7FF,
 *   U+E000–U+FFFD and U+10000–U+10FFFF, so C0 controls and U+FFFE/U+FFFF go), and the characters XML 1.0 §2.2 asks
 *   documents to avoid: DEL and the C1 controls (U+007F–U+009F) and the noncharacters (U+FDD0–U+FDEF and the last
 *   two code points of every plane). None of them is text anyone writes; they arrive by copy and paste or by mistake.
 *   A U+FFFE in one answer made a whole report unreadable.
 * - Neutralised (removed): the bidirectional embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069.
 *   They reorder the characters after them until the end of the paragraph, so one of them in a file name or a
 *   table cell can show "invoice\u202Eexe.pdf" as "invoicefdp.exe". Arabic text, one of the six languages, reads
 *   right to left without them: the Unicode bidirectional algorithm orders it from the letters themselves.
 * - Kept: the marks U+200E (left-to-right), U+200F (right-to-left) and U+061C (Arabic letter mark). They are
 *   zero-width letters of one direction: they only decide on which side a neighbouring space, digit or punctuation
 *   falls, they cannot reverse a run of letters, and Arabic and Hebrew writers use them to place a full stop or a
 *   number correctly, so removing them would damage real text without closing any hole.
 * - Refused: a lone surrogate (half of a UTF-16 pair, which a JSON body can carry as "\ud800"). It is not a
 *   character at all, cannot be written as UTF-8, and guessing what was meant would change the text silently; the
 *   sender is told where it is (`UnsafeTextError`), and nothing is written.
 */

// eslint-disable-next-line no-control-regex
const NOT_XML_OR_DISCOURAGED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\p{Noncharacter_Code_Point}/gu;
const BIDI_EMBEDDINGS_OVERRIDES_ISOLATES = /[\u202A-\u202E\u2066-\u2069]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A lone surrogate in text from outside: where it is (field path, and its position counted in characters from 1). */
export class UnsafeTextError extends Error {
  constructor(
    readonly path: readonly (string | number)[],
    readonly position: number,
  ) {
    super(`${path.length > 0 ? path.join('.') : 'the text'} contains an invalid character at position ${position}`);
    this.name = 'UnsafeTextError';
  }

  /** What to tell the sender about the field, without the field's name (forms show it beside the field). */
  get fieldMessage(): string {
    return `contains an invalid character at position ${this.position}`;
  }

  get field(): string {
    return this.path.join('.');
  }
}

/** The position (from 1, in characters as people count them) of the first lone surrogate, if any. */
export function loneSurrogatePosition(value: string): number | undefined {
  LONE_SURROGATE.lastIndex = 0;
  const found = LONE_SURROGATE.exec(value);
  if (!found) return undefined;
  return [...value.slice(0, found.index)].length + 1;
}

/**
 * The rule without the refusal: forbidden characters and bidirectional controls removed, lone surrogates dropped.
 * For text that is already inside (defence in depth where documents are built); text entering goes through
 * `safeText` or `safeInput`, which refuse a lone surrogate instead.
 */
export function stripUnsafe(value: string): string {
  return value
    .replace(LONE_SURROGATE, '')
    .replace(NOT_XML_OR_DISCOURAGED, '')
    .replace(BIDI_EMBEDDINGS_OVERRIDES_ISOLATES, '');
}

/** Text from outside, made safe; throws `UnsafeTextError` for a lone surrogate. */
export function safeText(value: string, path: readonly (string | number)[] = []): string {
  const position = loneSurrogatePosition(value);
  if (position !== undefined) throw new UnsafeTextError(path, position);
  return stripUnsafe(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/**
 * A whole input from outside (a form or JSON body, CLI options, an imported definition): every string in it, keys
 * included, through `safeText`, at any depth of plain objects and arrays. Other values (numbers, dates, buffers,
 * uploaded-file objects) are returned as they are. Throws `UnsafeTextError` naming the path of the first lone
 * surrogate.
 */
export function safeInput<T>(value: T, path: readonly (string | number)[] = []): T {
  if (typeof value === 'string') return safeText(value, path) as T;
  if (Array.isArray(value)) return value.map((item, i) => safeInput(item as unknown, [...path, i])) as T;
  if (isPlainObject(value)) {
    const entries = Object.entries(value).map(([key, item]) => [safeText(key, path), safeInput(item, [...path, key])]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}

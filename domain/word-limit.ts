/** Secretariat documents are limited to 8,500 words (footnotes and headings included); longer ones need a waiver. */
export const SECRETARIAT_WORD_LIMIT = 8500;

export function wordLimitWarning(words: number): string | undefined {
  return words > SECRETARIAT_WORD_LIMIT
    ? `${words.toLocaleString('en-US')} words: over the ${SECRETARIAT_WORD_LIMIT.toLocaleString('en-US')}-word limit for Secretariat documents; shorten it or request a waiver`
    : undefined;
}

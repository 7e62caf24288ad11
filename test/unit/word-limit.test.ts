import { Document, Packer, Paragraph } from 'docx';
import { countWords } from '../../activities/documents/word-count';
import { wordLimitWarning } from '../../domain/word-limit';

describe('word limit of Secretariat documents', () => {
  it('warns only above 8,500 words', () => {
    expect(wordLimitWarning(8500)).toBeUndefined();
    expect(wordLimitWarning(8501)).toBe(
      '8,501 words: over the 8,500-word limit for Secretariat documents; shorten it or request a waiver',
    );
  });

  it('counts the words of a generated .docx, ignoring punctuation-only tokens', async () => {
    const doc = new Document({
      sections: [{ children: [new Paragraph('One two three.'), new Paragraph('Four – five, 6')] }],
    });
    expect(await countWords(await Packer.toBuffer(doc))).toBe(6);
  });
});

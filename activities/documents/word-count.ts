/**
 * The word count of a generated document as the UN counts it: every word of the body, headings, tables, headers and
 * footnotes (the limit itself is in domain/word-limit.ts).
 */
import JSZip from 'jszip';

export async function countWords(docx: Buffer): Promise<number> {
  const zip = await JSZip.loadAsync(docx);
  const parts = Object.keys(zip.files).filter((name) =>
    /^word\/(document|footnotes|header\d*|footer\d*)\.xml$/.test(name),
  );
  let words = 0;
  for (const part of parts) {
    const xml = (await zip.file(part)?.async('string')) ?? '';
    const text = xml
      .replace(/<\/w:p>/g, ' ')
      .replace(/<w:tab\/>/g, ' ')
      .replace(/<[^>]+>/g, '');
    words += text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  }
  return words;
}

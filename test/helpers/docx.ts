/** Reads a .docx back for assertions: the visible text of the body, headers and footnotes, and its images. */
import JSZip from 'jszip';

export async function docxText(
  buffer: Buffer,
): Promise<{ body: string; headers: string; footnotes: string; images: Buffer[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const text = async (name: string) => {
    const xml = (await zip.file(name)?.async('string')) ?? '';
    return xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'");
  };
  const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  return {
    body: await text('word/document.xml'),
    headers: (await Promise.all(headerNames.map(text))).join('\n'),
    footnotes: await text('word/footnotes.xml'),
    images: await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.startsWith('word/media/'))
        .sort()
        .map((n) => zip.file(n)!.async('nodebuffer')),
    ),
  };
}

/**
 * The kinds of file a respondent may attach, each known by its extension and by the first bytes of its content:
 * both must agree, so a renamed executable is not taken for a PDF.
 */
import { stripUnsafe } from './safe-text';

export const FILE_KINDS = {
  pdf: { label: 'PDF', extensions: ['.pdf'], mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: {
    label: 'Word',
    extensions: ['.docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  xlsx: {
    label: 'Excel',
    extensions: ['.xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  png: { label: 'PNG', extensions: ['.png'], mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47] },
  jpeg: { label: 'JPEG', extensions: ['.jpg', '.jpeg'], mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
} as const;

export type FileKind = keyof typeof FILE_KINDS;
export const FILE_KIND_NAMES = Object.keys(FILE_KINDS) as FileKind[];

/** The kind of the file among `accepted`, when its name and its first bytes agree; undefined otherwise. */
export function detectFileKind(
  fileName: string,
  head: Uint8Array,
  accepted: readonly FileKind[],
): FileKind | undefined {
  const lower = fileName.toLowerCase();
  return accepted.find((kind) => {
    const { extensions, magic } = FILE_KINDS[kind];
    return extensions.some((ext) => lower.endsWith(ext)) && magic.every((byte, i) => head[i] === byte);
  });
}

/**
 * A file name safe to show and to put in a header: no folders, no control characters, no bidirectional overrides
 * ("invoice\u202Eexe.pdf" would show as "invoicefdp.exe"), at most 200 characters.
 */
export function safeFileName(fileName: string): string {
  const base = stripUnsafe(fileName).split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001F\u007F"<>|:*?]/g, '').trim();
  return (clean || 'attachment').slice(-200);
}

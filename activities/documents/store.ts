/**
 * Where generated documents live: the .docx in the storage folder, a Document row per (session, kind, version), and
 * symbols allocated once per document in the Commission's yearly series (the agenda is number 1).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentKind } from '../../domain/document-kinds';
import type { TDocumentKind } from '../../domain/document-kinds';
import { documentSymbol } from '../../domain/symbols';
import type { Db } from '../../platform/database';
import { recordCompiledDocument } from '../../services/documents';
import { countWords } from './word-count';
import { assertReadable } from './read-back';

const AGENDA_SERIAL = 1;

export interface StoredDocument {
  documentId: string;
  symbol: string;
  version: number;
  /** Counted the UN way (body, headings, tables, headers, footnotes). */
  words: number;
  /** For the analysis report: how many staff-written options this version carries. */
  options?: number;
  /** For the analysis report: the lateness footnote this version carries, if it is late. */
  latenessFootnote?: string;
}

export interface DocumentContents {
  options?: number;
  /** For the analysis report: the lateness footnote this version carries, if it is late. */
  latenessFootnote?: string;
}

/** The version an earlier attempt stored, if its file is still there (compiles are retried by Temporal). */
export async function findStored(
  db: Db,
  sessionId: string,
  kind: TDocumentKind,
  version: number,
): Promise<StoredDocument | undefined> {
  const row = await db.document.findUnique({ where: { sessionId_kind_version: { sessionId, kind, version } } });
  if (!row || !existsSync(row.filePath)) return undefined;
  return {
    documentId: row.id,
    symbol: row.symbol,
    version: row.version,
    words: await countWords(readFileSync(row.filePath)),
    ...(row.contents as DocumentContents),
  };
}

/**
 * The document's symbol: the one an earlier version already carries, or the next free serial of the year. The
 * provisional agenda takes serial 1 when it is free (one regular session a year); a unique index backs it.
 */
export async function symbolFor(
  db: Db,
  prefix: string,
  year: number,
  sessionId: string,
  kind: TDocumentKind,
): Promise<string> {
  const earlier = await db.document.findFirst({ where: { sessionId, kind }, select: { symbol: true } });
  if (earlier) return earlier.symbol;
  const taken = await db.document.findMany({
    where: { symbol: { startsWith: `${prefix}/${year}/` } },
    select: { symbol: true },
    distinct: ['symbol'],
  });
  const serials = taken.map((d) => Number(d.symbol.split('/').pop())).filter(Number.isFinite);
  if (kind === DocumentKind.ProvisionalAgenda && !serials.includes(AGENDA_SERIAL))
    return documentSymbol(prefix, year, AGENDA_SERIAL);
  return documentSymbol(prefix, year, Math.max(AGENDA_SERIAL, ...serials) + 1);
}

/** The symbol of the session's provisional agenda, as reports cite it in their agenda-item footnote. */
export async function agendaSymbolOf(db: Db, prefix: string, year: number, sessionId: string): Promise<string> {
  const agenda = await db.document.findFirst({
    where: { sessionId, kind: DocumentKind.ProvisionalAgenda },
    select: { symbol: true },
  });
  return agenda?.symbol ?? documentSymbol(prefix, year, AGENDA_SERIAL);
}

export async function storeDocument(
  db: Db,
  storageDir: string,
  doc: {
    sessionId: string;
    kind: TDocumentKind;
    symbol: string;
    version: number;
    title: string;
    buffer: Buffer;
    contents?: DocumentContents;
  },
): Promise<StoredDocument> {
  await assertReadable(doc.buffer, `${doc.symbol} (version ${doc.version})`);
  mkdirSync(storageDir, { recursive: true });
  const filePath = path.join(storageDir, `${doc.symbol.replace(/[^A-Za-z0-9]+/g, '_')}-v${doc.version}.docx`);
  writeFileSync(filePath, doc.buffer);
  const sha256 = createHash('sha256').update(doc.buffer).digest('hex');
  const row = await recordCompiledDocument(db, {
    sessionId: doc.sessionId,
    kind: doc.kind,
    symbol: doc.symbol,
    version: doc.version,
    title: doc.title,
    filePath,
    sha256,
    contents: { ...doc.contents },
  });
  return {
    documentId: row.id,
    symbol: row.symbol,
    version: row.version,
    words: await countWords(doc.buffer),
    ...doc.contents,
  };
}

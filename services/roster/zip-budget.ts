/**
 * What a workbook (a zip) may unpack to before anyone unpacks it: a 1 MB zip bomb used to take 1.1 GB of memory in
 * the Excel reader. Every entry is inflated here as a stream and counted, so a header that understates a size cannot
 * get past either (yauzl also refuses an entry that inflates to more than it declares).
 */
import yauzl from 'yauzl';
import { InvalidInputError } from '../errors';

/** A roster of every organisation the Commission surveys is well under a megabyte unpacked; this leaves ample room. */
export const XLSX_UNPACKED = { bytes: 60 * 1024 * 1024, entries: 500 } as const;

export async function checkUnpackedSize(buffer: Buffer): Promise<void> {
  const tooLarge = () =>
    new InvalidInputError(
      `The workbook unpacks to more than ${XLSX_UNPACKED.bytes / 1024 / 1024} MB: save only the roster's sheet and import it again`,
    );
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true });
  } catch {
    throw new InvalidInputError('The file cannot be read as an Excel workbook (.xlsx)');
  }
  if (zip.entryCount > XLSX_UNPACKED.entries) throw tooLarge();
  let total = 0;
  try {
    for (let entry = await nextEntry(zip); entry; entry = await nextEntry(zip)) {
      if (total + entry.uncompressedSize > XLSX_UNPACKED.bytes) throw tooLarge();
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) {
        total += (chunk as Buffer).length;
        if (total > XLSX_UNPACKED.bytes) {
          stream.destroy();
          throw tooLarge();
        }
      }
    }
  } catch (error) {
    if (error instanceof InvalidInputError) throw error;
    throw new InvalidInputError('The file cannot be read as an Excel workbook (.xlsx)');
  } finally {
    zip.close();
  }
}

/** The next entry of the central directory, or undefined at its end (yauzl's lazy reading, as a promise). */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(undefined));
    const onError = (error: Error) => (cleanup(), reject(error));
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

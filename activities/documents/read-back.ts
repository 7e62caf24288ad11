/**
 * Every generated document is read back by an independent, strict parser before it is stored (and so before anyone
 * can approve it) and again before it is attached to a dispatch: an unreadable file never reaches a Government. One
 * character XML 1.0 cannot hold (U+FFFE in an answer) once made the approved report open neither in LibreOffice nor
 * in python-docx. saxes enforces XML 1.0 well-formedness, its character ranges included; jszip reads the package.
 */
import { ApplicationFailure } from '@temporalio/activity';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { FailureType } from '../../domain/failure-types';

/** The first problem of each unreadable part of a .docx package; empty when every part parses. */
export async function unreadableParts(buffer: Buffer): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer);
  } catch (error) {
    return [`the package is not a readable zip (${(error as Error).message})`];
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/i.test(f.name));
  if (!parts.some((p) => p.name === 'word/document.xml')) return ['the package has no word/document.xml'];
  const problems: string[] = [];
  for (const part of parts) {
    const problem = xmlProblem(await part.async('string'));
    if (problem) problems.push(`${part.name}: ${problem}`);
  }
  return problems;
}

function xmlProblem(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let first: string | undefined;
  parser.on('error', (error) => {
    first ??= error.message;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    first ??= (error as Error).message;
  }
  return first;
}

/** Refuses (non-retryable: the same inputs give the same file) a document that does not read back. */
export async function assertReadable(buffer: Buffer, what: string): Promise<void> {
  const problems = await unreadableParts(buffer);
  if (problems.length > 0)
    throw ApplicationFailure.create({
      type: FailureType.UnreadableDocument,
      nonRetryable: true,
      message: `${what} does not read back as XML and is neither stored nor sent: ${problems.slice(0, 3).join('; ')}`,
    });
}

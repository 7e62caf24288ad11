/**
 * Files attached to answers. A file is checked whole before anything is written (its size against the question's
 * limit, its name and first bytes against the kinds the question accepts, the reply's state and what the reply may
 * still store, REPLY_STORAGE); the bytes are then stored once under the
 * data folder by their SHA-256, and the answer takes the attachment's id in one audited transaction. A failed
 * upload changes nothing else in the reply.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FILE_KINDS, detectFileKind, safeFileName } from '../domain/file-kinds';
import { answerFieldsOf } from '../domain/questionnaire';
import type { Answers, FileQuestion } from '../domain/questionnaire';
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from './errors';
import { actorOf } from './respondent-access';
import type { RespondentAccess } from './respondent-access';

export const ATTACHMENT_MESSAGES = {
  tooLarge: 'the file is too large for this question',
  wrongKind: 'this kind of file is not accepted here',
  invalid: 'the attached file is not valid: attach it again',
  missing: 'choose a file to attach',
  storageFull: 'this reply holds as many files as it may: remove one before attaching another',
} as const;

/** What one reply may store, whoever attaches (a link holder cannot fill the disk). */
export const REPLY_STORAGE = { files: 40, bytes: 100 * 1024 * 1024 } as const;

/**
 * Refuses before anything is written: the reply must be a draft (409, as the save would), and the file must fit in
 * what the reply may still store.
 */
async function checkRoomFor(db: Db, access: RespondentAccess, questionId: string, size: number): Promise<void> {
  const where = { cycleId: access.cycleId, organisationId: access.organisation.id };
  const response = await db.response.findUnique({ where: { cycleId_organisationId: where } });
  if (!response) throw new ConflictError('Open the questionnaire from your link first');
  if (response.status !== 'DRAFT') throw new ConflictError('This questionnaire has already been submitted');
  const stored = await db.attachment.aggregate({ where, _count: true, _sum: { size: true } });
  if (stored._count >= REPLY_STORAGE.files || (stored._sum.size ?? 0) + size > REPLY_STORAGE.bytes)
    throw new InvalidInputError('The file was not attached', [
      { field: questionId, message: ATTACHMENT_MESSAGES.storageFull },
    ]);
}

function fileQuestion(access: RespondentAccess, questionId: string): FileQuestion {
  const question = access.questionnaire.questions.find((q) => q.id === questionId);
  if (question?.type !== 'file') throw new NotFoundError('This question takes no file');
  const { delegation } = access;
  if (delegation && delegation.sectionIds.length > 0) {
    if (!answerFieldsOf(access.questionnaire, delegation.sectionIds).has(questionId))
      throw new ForbiddenError('This question is not in the sections you were asked to answer');
  }
  return question;
}

/** Sets one answer of the draft, read and written in one transaction (a concurrent save makes it retry once). */
async function setAnswer(
  tx: DbTransaction,
  access: RespondentAccess,
  questionId: string,
  value: string | undefined,
): Promise<void> {
  const where = { cycleId_organisationId: { cycleId: access.cycleId, organisationId: access.organisation.id } };
  const response = await tx.response.findUnique({ where });
  if (!response) throw new ConflictError('Open the questionnaire from your link first');
  if (response.status !== 'DRAFT') throw new ConflictError('This questionnaire has already been submitted');
  const answers = { ...(response.answers as Answers) };
  if (value === undefined) delete answers[questionId];
  else answers[questionId] = value;
  const updated = await tx.response.updateMany({
    where: { id: response.id, version: response.version },
    data: { answers, version: { increment: 1 } },
  });
  if (updated.count === 0)
    throw new ConflictError('Someone else saved this questionnaire meanwhile; reload to see their changes');
}

export async function attachFile(
  db: Db,
  access: RespondentAccess,
  attachmentsDir: string,
  questionId: string,
  file: { fileName: string; buffer: Buffer } | undefined,
): Promise<{ attachmentId: string }> {
  const question = fileQuestion(access, questionId);
  const problem = (message: string) =>
    new InvalidInputError('The file was not attached', [{ field: questionId, message }]);
  if (!file || file.buffer.length === 0) throw problem(ATTACHMENT_MESSAGES.missing);
  if (file.buffer.length > question.maxBytes) throw problem(ATTACHMENT_MESSAGES.tooLarge);
  const fileName = safeFileName(file.fileName);
  const kind = detectFileKind(fileName, file.buffer.subarray(0, 8), question.accept);
  if (!kind) throw problem(ATTACHMENT_MESSAGES.wrongKind);
  await checkRoomFor(db, access, questionId, file.buffer.length);
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  // Stored before the row that points at it; the same bytes uploaded twice are one file.
  await mkdir(attachmentsDir, { recursive: true });
  await writeFile(path.join(attachmentsDir, sha256), file.buffer, { flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  });
  return db.$transaction(async (tx) => {
    const attachment = await tx.attachment.create({
      data: {
        cycleId: access.cycleId,
        organisationId: access.organisation.id,
        questionId,
        fileName,
        contentType: FILE_KINDS[kind].mime,
        size: file.buffer.length,
        sha256,
        uploadedBy: actorOf(access),
      },
    });
    await setAnswer(tx, access, questionId, attachment.id);
    await recordAudit(tx, {
      actor: actorOf(access),
      action: 'response.attach',
      entity: 'Response',
      entityId: `${access.cycleId}:${access.organisation.id}`,
      details: { questionId, kind, size: file.buffer.length },
    });
    return { attachmentId: attachment.id };
  });
}

/** Takes the file off the answer (the stored file stays with the versions that cite it). */
export async function removeFile(db: Db, access: RespondentAccess, questionId: string): Promise<void> {
  fileQuestion(access, questionId);
  await db.$transaction(async (tx) => {
    await setAnswer(tx, access, questionId, undefined);
    await recordAudit(tx, {
      actor: actorOf(access),
      action: 'response.detach',
      entity: 'Response',
      entityId: `${access.cycleId}:${access.organisation.id}`,
      details: { questionId },
    });
  });
}

/**
 * The answers' attachment ids that are not this reply's own files for that question: a form cannot cite another
 * organisation's file.
 */
export async function foreignAttachments(
  db: Db | DbTransaction,
  access: RespondentAccess,
  answers: Answers,
): Promise<{ field: string; message: string }[]> {
  const cited = access.questionnaire.questions
    .filter((q) => q.type === 'file' && typeof answers[q.id] === 'string')
    .map((q) => ({ questionId: q.id, id: answers[q.id] as string }));
  if (cited.length === 0) return [];
  const own = await db.attachment.findMany({
    where: { id: { in: cited.map((c) => c.id) }, cycleId: access.cycleId, organisationId: access.organisation.id },
  });
  return cited
    .filter((c) => !own.some((a) => a.id === c.id && a.questionId === c.questionId))
    .map((c) => ({ field: c.questionId, message: ATTACHMENT_MESSAGES.invalid }));
}

/** A reply's files by id: name and size in KB, for showing answers. */
export async function attachmentsOf(
  db: Db,
  cycleId: string,
  organisationId: string,
): Promise<Record<string, { name: string; kb: number }>> {
  const rows = await db.attachment.findMany({ where: { cycleId, organisationId } });
  return Object.fromEntries(rows.map((r) => [r.id, { name: r.fileName, kb: Math.max(1, Math.round(r.size / 1024)) }]));
}

/** A reply's file names by id (what `displayAnswer` shows for a file question). */
export async function attachmentNames(
  db: Db,
  cycleId: string,
  organisationId: string,
): Promise<Record<string, string>> {
  const files = await attachmentsOf(db, cycleId, organisationId);
  return Object.fromEntries(Object.entries(files).map(([id, file]) => [id, file.name]));
}

/** A stored file for the Secretariat to download. */
export async function readAttachment(db: Db, attachmentsDir: string, id: string) {
  const row = await db.attachment.findUnique({ where: { id } });
  if (!row) throw new NotFoundError('No such file');
  return { ...row, buffer: await readFile(path.join(attachmentsDir, row.sha256)) };
}

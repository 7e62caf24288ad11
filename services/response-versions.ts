/**
 * Submitted replies are kept version by version: each submission (or nil return, or decline) is copied when it is
 * made, so a reply the Secretariat reopens and the respondent amends still shows what was first submitted, and the
 * differences between versions.
 */
import { z } from 'zod';
import { diffAnswers } from '../domain/answer-diff';
import type { AnswerChange } from '../domain/answer-diff';
import type { Answers } from '../domain/questionnaire';
import { sanitiseText } from '../domain/questionnaire';
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError } from './errors';
import { attachmentsOf } from './attachments';
import { questionnaireOfCycle } from './questionnaires';
import { parseOrThrow } from './safe-input';

/** Copies the reply as it stands now (just submitted) into its versions. Inside the submitting transaction. */
export async function keepSubmittedVersion(
  tx: DbTransaction,
  where: { cycleId: string; organisationId: string },
  submittedBy: string,
): Promise<void> {
  const response = await tx.response.findUniqueOrThrow({ where: { cycleId_organisationId: where } });
  await tx.responseVersion.create({
    data: {
      responseId: response.id,
      version: response.version,
      status: response.status,
      answers: response.answers ?? {},
      language: response.language,
      late: response.late,
      declineReason: response.declineReason,
      submittedAt: response.submittedAt ?? new Date(),
      submittedBy,
    },
  });
}

const ZReopen = z.object({
  reason: z
    .string({ error: 'give the reason for reopening (the respondent reads it)' })
    .transform(sanitiseText)
    .pipe(
      z
        .string()
        .min(3, 'give the reason for reopening (the respondent reads it)')
        .max(1000, 'at most 1,000 characters'),
    ),
});

export interface Reopened {
  cycleWorkflowId: string;
  organisationId: string;
  version: number;
}

/**
 * The Secretariat reopens a submitted reply so the respondent can amend it: back to a draft with its answers, the
 * submitted version kept. Only while the survey is open (the respondent's link works only then). Audited.
 */
export async function reopenResponse(
  db: Db,
  target: { cycleId: string; organisationId: string },
  input: unknown,
  actor: string,
): Promise<Reopened> {
  const { reason } = parseOrThrow(ZReopen, input);
  return db.$transaction(async (tx) => {
    const response = await tx.response.findUnique({
      where: { cycleId_organisationId: target },
      include: { cycle: true },
    });
    if (!response) throw new NotFoundError('That organisation has not replied to this survey');
    if (response.cycle.status !== 'OPEN')
      throw new ConflictError('The survey is closed: a reply can be reopened only while the survey is open');
    if (response.status === 'DRAFT') throw new ConflictError('This reply is already open for editing');
    const updated = await tx.response.updateMany({
      where: { id: response.id, version: response.version },
      data: {
        status: 'DRAFT',
        submittedAt: null,
        version: { increment: 1 },
        reopenedAt: new Date(),
        reopenedBy: actor,
        reopenReason: reason,
      },
    });
    if (updated.count === 0) throw new ConflictError('The reply changed meanwhile; reload and try again');
    await recordAudit(tx, {
      actor,
      action: 'response.reopen',
      entity: 'Response',
      entityId: `${target.cycleId}:${target.organisationId}`,
      details: { reason, submittedVersion: response.version },
    });
    return {
      cycleWorkflowId: response.cycle.workflowId,
      organisationId: target.organisationId,
      version: response.version + 1,
    };
  });
}

export interface ReplyHistory {
  organisation: { id: string; name: string };
  /** Every file attached to the reply, in any version. */
  files: { id: string; name: string; kb: number }[];
  status: string;
  reopened?: { at: Date; by: string; reason: string };
  versions: {
    version: number;
    status: string;
    submittedAt: Date;
    submittedBy: string;
    late: boolean;
    /** Against the previous submitted version (the first: against an empty reply). */
    changes: AnswerChange[];
  }[];
  /** The draft being amended, against the last submitted version; absent unless the reply is reopened. */
  pendingChanges?: AnswerChange[];
}

export async function replyHistory(db: Db, target: { cycleId: string; organisationId: string }): Promise<ReplyHistory> {
  const response = await db.response.findUnique({
    where: { cycleId_organisationId: target },
    include: { cycle: true, organisation: true, versions: { orderBy: { version: 'asc' } } },
  });
  if (!response) throw new NotFoundError('That organisation has not replied to this survey');
  const questionnaire = await questionnaireOfCycle(db, response.cycle);
  const files = await attachmentsOf(db, target.cycleId, target.organisationId);
  const fileNames = Object.fromEntries(Object.entries(files).map(([id, f]) => [id, `${f.name} (${f.kb} KB)`]));
  let previous: Answers = {};
  const versions = response.versions.map((v) => {
    const answers = v.answers as Answers;
    const changes = diffAnswers(questionnaire, previous, answers, fileNames);
    previous = answers;
    return {
      version: v.version,
      status: v.status,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy,
      late: v.late,
      changes,
    };
  });
  return {
    organisation: { id: response.organisation.id, name: response.organisation.name },
    files: Object.entries(files).map(([id, f]) => ({ id, ...f })),
    status: response.status,
    reopened:
      response.reopenedAt && response.reopenedBy && response.reopenReason
        ? { at: response.reopenedAt, by: response.reopenedBy, reason: response.reopenReason }
        : undefined,
    versions,
    pendingChanges:
      response.status === 'DRAFT' && versions.length > 0
        ? diffAnswers(questionnaire, previous, response.answers as Answers, fileNames)
        : undefined,
  };
}

/**
 * A survey cycle's life in the database: opened once per (session, survey), its close moved with the session, closed
 * for good, and the e-mail alert (F3) raised and cleared. Each change is audited in its own transaction; every write
 * is conditional, so a retried activity changes nothing twice.
 */
import { SURVEYED_TYPES } from '../domain/questionnaires';
import type { Db, DbTransaction } from '../platform/database';
import { recordAudit } from './audit';
import { currentQuestionnaire } from './questionnaires';
import { ANSWERED_STATUSES, REPLY_STATUSES } from '../domain/reply-states';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The organisations a cycle surveys: those of its types, within its roster selection if it has one. */
export function surveyedBy(cycle: { kind: 'SYSTEM_WIDE' | 'IGO_NGO'; selection: string[] }) {
  return {
    type: { in: [...SURVEYED_TYPES[cycle.kind]] },
    ...(cycle.selection.length > 0 ? { code: { in: cycle.selection } } : {}),
  };
}

/**
 * The organisations to tell that a cycle's close moves to `closesAt`: invited and reached, not yet answered, and not
 * holding a personal extension that runs past both the old and the new close (their date does not change). The move
 * preview counts them and the cycle's notice pages e-mail them, with this one rule.
 */
export function toldOfNewClose(cycle: { id: string; closesAt: Date }, closesAt: Date) {
  const later = closesAt > cycle.closesAt ? closesAt : cycle.closesAt;
  return {
    invitations: {
      some: {
        cycleId: cycle.id,
        revokedAt: null,
        contact: { bouncedAt: null },
        OR: [{ extendedUntil: null }, { extendedUntil: { lt: later } }],
      },
    },
    responses: { none: { cycleId: cycle.id, status: { in: [...ANSWERED_STATUSES] } } },
  };
}

export interface OpenCycleInput {
  sessionId: string;
  closesAt: string;
  workflowId: string;
  /** The system-wide survey (IV 10 (a)) unless named. */
  kind?: 'SYSTEM_WIDE' | 'IGO_NGO';
  /** The reminder schedule and grace window chosen at launch (the defaults of the table otherwise). */
  reminderDaysBefore?: number[];
  graceDays?: number;
  /** The roster selection (organisation codes); absent: every organisation of the survey's types. */
  organisationCodes?: string[];
}

/** Creates one of the session's survey cycles (IV 10 (a) or (b)), or returns the one a previous attempt created. */
export async function openSurveyCycle(db: Db, input: OpenCycleInput): Promise<{ cycleId: string }> {
  return db.$transaction(async (tx) => {
    const kind = input.kind ?? 'SYSTEM_WIDE';
    const existing = await tx.surveyCycle.findUnique({
      where: { sessionId_kind: { sessionId: input.sessionId, kind } },
    });
    if (existing) return { cycleId: existing.id };
    // The cycle asks the questionnaire version current at launch, whatever versions come later.
    const { id: questionnaireId } = await currentQuestionnaire(tx, kind);
    const cycle = await tx.surveyCycle.create({
      data: {
        sessionId: input.sessionId,
        kind,
        questionnaireId,
        opensAt: new Date(),
        closesAt: new Date(input.closesAt),
        workflowId: input.workflowId,
        ...(input.reminderDaysBefore ? { reminderDaysBefore: input.reminderDaysBefore } : {}),
        ...(input.graceDays !== undefined ? { graceDays: input.graceDays } : {}),
        ...(input.organisationCodes ? { selection: input.organisationCodes } : {}),
      },
    });
    await recordAudit(tx, {
      actor: 'workflow',
      action: 'cycle.open',
      entity: 'SurveyCycle',
      entityId: cycle.id,
      details: { closesAt: input.closesAt },
    });
    return { cycleId: cycle.id };
  });
}

/**
 * The session moved: the survey closes on the new date, and the personal links expire with it. Returns the close it
 * had before when it changed (nothing when the cycle has closed or the date is the same, as on a retry).
 */
export async function moveSurveyClose(
  db: Db,
  { cycleId, closesAt }: { cycleId: string; closesAt: string },
): Promise<{ movedFrom?: string }> {
  return db.$transaction(async (tx) => {
    const cycle = await tx.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
    const moved = await tx.surveyCycle.updateMany({
      where: { id: cycleId, status: 'OPEN', closesAt: { not: new Date(closesAt) } },
      data: { closesAt: new Date(closesAt) },
    });
    if (moved.count === 0) return {};
    await tx.invitation.updateMany({
      where: { cycleId, revokedAt: null },
      data: { expiresAt: new Date(closesAt) },
    });
    await recordAudit(tx, {
      actor: 'workflow',
      action: 'cycle.move-close',
      entity: 'SurveyCycle',
      entityId: cycleId,
      details: { from: cycle.closesAt.toISOString(), closesAt },
    });
    return { movedFrom: cycle.closesAt.toISOString() };
  });
}

/** An extension an early close leaves running: the organisation's link stays open until its own date. */
export interface KeptExtension {
  organisationId: string;
  organisation: string;
  until: string;
}

/**
 * The extensions still running at `at`, one per organisation: an early close keeps them open until their dates, and
 * the cycle closes for good after the last of them.
 */
export async function extensionsRunning(db: Db | DbTransaction, cycleId: string, at: Date): Promise<KeptExtension[]> {
  const invitations = await db.invitation.findMany({
    where: { cycleId, revokedAt: null, extendedUntil: { gt: at } },
    select: { organisationId: true, extendedUntil: true, organisation: { select: { name: true } } },
    orderBy: [{ extendedUntil: 'asc' }, { organisation: { name: 'asc' } }],
  });
  const byOrganisation = new Map<string, KeptExtension>();
  for (const i of invitations)
    byOrganisation.set(i.organisationId, {
      organisationId: i.organisationId,
      organisation: i.organisation.name,
      until: i.extendedUntil!.toISOString(),
    });
  return [...byOrganisation.values()];
}

/**
 * The coordinator closes the survey before its date: from now on a link works only for an organisation whose
 * extension was granted before and runs later (services/responses.ts reads `closedEarlyAt`), so a close never voids
 * what was promised. The coordinator may instead end those extensions too (`endExtensions`): each ends now, the date
 * it had promised kept in the audit event, and the cycle e-mails those organisations. Idempotent: the first close
 * keeps its moment and its choice. Returns that moment and the extensions kept or ended.
 */
export async function closeSurveyEarly(
  db: Db,
  { cycleId, closedBy, endExtensions = false }: { cycleId: string; closedBy: string; endExtensions?: boolean },
  now = new Date(),
): Promise<{ closedEarlyAt: string; keptExtensions: KeptExtension[]; endedExtensions: KeptExtension[] }> {
  return db.$transaction(async (tx) => {
    const closed = await tx.surveyCycle.updateMany({
      where: { id: cycleId, status: 'OPEN', closedEarlyAt: null },
      data: { closedEarlyAt: now },
    });
    if (closed.count === 0) {
      const cycle = await tx.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
      const at = cycle.closedEarlyAt ?? cycle.closedAt ?? now;
      return {
        closedEarlyAt: at.toISOString(),
        keptExtensions: await extensionsRunning(tx, cycleId, at),
        endedExtensions: [],
      };
    }
    const running = await extensionsRunning(tx, cycleId, now);
    if (endExtensions && running.length > 0)
      await tx.invitation.updateMany({
        where: { cycleId, revokedAt: null, extendedUntil: { gt: now } },
        data: { extendedUntil: now },
      });
    const [keptExtensions, endedExtensions] = endExtensions ? [[], running] : [running, []];
    await recordAudit(tx, {
      actor: closedBy,
      action: 'cycle.close-early',
      entity: 'SurveyCycle',
      entityId: cycleId,
      details: {
        keptExtensions: keptExtensions.map((k) => ({ organisationId: k.organisationId, until: k.until })),
        endedExtensions: endedExtensions.map((k) => ({ organisationId: k.organisationId, until: k.until })),
      },
    });
    return { closedEarlyAt: now.toISOString(), keptExtensions, endedExtensions };
  });
}

/**
 * When the cycle may close for good: the close plus the grace window, or, after an early close, that moment; in
 * either case the latest personal extension if it runs later. Read afresh each time, so an extension granted
 * meanwhile counts.
 */
export async function finalCloseInstant(db: Db, cycleId: string): Promise<Date> {
  const cycle = await db.surveyCycle.findUniqueOrThrow({ where: { id: cycleId } });
  const latest = await db.invitation.aggregate({
    where: { cycleId, revokedAt: null },
    _max: { extendedUntil: true },
  });
  const ordinary = cycle.closedEarlyAt?.getTime() ?? cycle.closesAt.getTime() + cycle.graceDays * DAY_MS;
  return new Date(Math.max(ordinary, latest._max.extendedUntil?.getTime() ?? 0));
}

/** Closes the cycle (links stop working) and counts the submissions. Idempotent. */
export async function closeSurveyCycle(
  db: Db,
  { cycleId, closedBy }: { cycleId: string; closedBy: string },
): Promise<{ submitted: number }> {
  return db.$transaction(async (tx) => {
    const closed = await tx.surveyCycle.updateMany({
      where: { id: cycleId, status: 'OPEN' },
      data: { status: 'CLOSED', closedAt: new Date() },
    });
    if (closed.count > 0)
      await recordAudit(tx, { actor: closedBy, action: 'cycle.close', entity: 'SurveyCycle', entityId: cycleId });
    // Replies that count (domain/reply-states COUNTS_AS_REPLY): submissions and nil returns, not declines.
    const submitted = await tx.response.count({ where: { cycleId, status: { in: REPLY_STATUSES } } });
    return { submitted };
  });
}

/**
 * Raises the cycle's e-mail alert. Idempotent: a retried or repeated raise keeps the first moment and writes one
 * audit event. Says whether this call raised it, and how many e-mails wait for the mail server.
 */
export async function raiseMailAlert(
  db: Db,
  { cycleId, waitingSince }: { cycleId: string; waitingSince: string },
): Promise<{ raised: false } | { raised: true; retrying: number }> {
  return db.$transaction(async (tx) => {
    const raised = await tx.surveyCycle.updateMany({
      where: { id: cycleId, mailAlertSince: null },
      data: { mailAlertSince: new Date(waitingSince) },
    });
    if (raised.count === 0) return { raised: false as const };
    const backlog = await tx.emailMessage.count({ where: { status: 'RETRYING' } });
    await recordAudit(tx, {
      actor: 'workflow',
      action: 'mail.alert-raised',
      entity: 'SurveyCycle',
      entityId: cycleId,
      details: { waitingSince, retrying: backlog },
    });
    return { raised: true as const, retrying: backlog };
  });
}

export async function clearMailAlert(db: Db, { cycleId }: { cycleId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const cleared = await tx.surveyCycle.updateMany({
      where: { id: cycleId, mailAlertSince: { not: null } },
      data: { mailAlertSince: null },
    });
    if (cleared.count === 0) return;
    await recordAudit(tx, {
      actor: 'workflow',
      action: 'mail.alert-cleared',
      entity: 'SurveyCycle',
      entityId: cycleId,
    });
  });
}

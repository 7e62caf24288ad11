/**
 * Everything one respondent request needs to know about a personal link, read in a single SQL statement: the token,
 * its invitation, cycle, organisation and contact, the delegation it belongs to (if any) and the organisation's
 * reply (if started).
 *
 * Written in SQL rather than through Prisma's model API because it runs on every autosave: profiling the autosave
 * bench showed Prisma's query compiler spending more time building the two queries this replaces than PostgreSQL
 * spent answering them (docs/reliability.md, "Autosave under load").
 */
import { Prisma } from '@prisma/client';
import type { CycleStatus, ResponseStatus, SurveyKind } from '@prisma/client';
import type { Db } from '../platform/database';

export interface AccessRow {
  tokenRevokedAt: Date | null;
  invitationId: string;
  invitationExpiresAt: Date;
  invitationRevokedAt: Date | null;
  extendedUntil: Date | null;
  remindersOptedOutAt: Date | null;
  cycleId: string;
  cycleKind: SurveyKind;
  cycleStatus: CycleStatus;
  cycleClosedAt: Date | null;
  closedEarlyAt: Date | null;
  graceDays: number;
  cycleWorkflowId: string;
  questionnaireId: string | null;
  organisationId: string;
  organisationName: string;
  contactId: string;
  contactName: string;
  contactEmail: string;
  contactLanguage: string;
  delegationId: string | null;
  delegateName: string | null;
  delegationSectionIds: string[] | null;
  delegationExpiresAt: Date | null;
  delegationRevokedAt: Date | null;
  responseStatus: ResponseStatus | null;
  answers: unknown;
  responseVersion: number | null;
  submittedAt: Date | null;
  late: boolean | null;
  declineReason: string | null;
  reopenReason: string | null;
}

export async function readAccessRow(db: Db, tokenHash: string): Promise<AccessRow | undefined> {
  const rows = await db.$queryRaw<AccessRow[]>(Prisma.sql`
    SELECT t."revokedAt" AS "tokenRevokedAt",
           i.id AS "invitationId", i."expiresAt" AS "invitationExpiresAt", i."revokedAt" AS "invitationRevokedAt",
           i."extendedUntil", i."remindersOptedOutAt",
           c.id AS "cycleId", c.kind::text AS "cycleKind", c.status::text AS "cycleStatus", c."graceDays",
           c."closedAt" AS "cycleClosedAt", c."closedEarlyAt",
           c."workflowId" AS "cycleWorkflowId", c."questionnaireId",
           o.id AS "organisationId", o.name AS "organisationName",
           p.id AS "contactId", p.name AS "contactName", p.email AS "contactEmail", p.language AS "contactLanguage",
           d.id AS "delegationId", d."delegateName", d."sectionIds" AS "delegationSectionIds",
           d."expiresAt" AS "delegationExpiresAt", d."revokedAt" AS "delegationRevokedAt",
           r.status::text AS "responseStatus", r.answers, r.version AS "responseVersion", r."submittedAt", r.late,
           r."declineReason", r."reopenReason"
      FROM "AccessToken" t
      JOIN "Invitation" i ON i.id = t."invitationId"
      JOIN "SurveyCycle" c ON c.id = i."cycleId"
      JOIN "Organisation" o ON o.id = i."organisationId"
      JOIN "Contact" p ON p.id = i."contactId"
      LEFT JOIN "Delegation" d ON d.id = t."delegationId"
      LEFT JOIN "Response" r ON r."cycleId" = i."cycleId" AND r."organisationId" = i."organisationId"
     WHERE t."tokenHash" = ${tokenHash}`);
  return rows[0];
}

/**
 * An open survey cycle on a bench database: a session, the real activities (mail to the bench SMTP sink), N
 * synthetic organisations and an invitation for each, as the fan-out would have left them. A fixture at volumes no
 * product path creates at once: like `prisma/seed/`, it writes the tables directly (ARCHITECTURE.md).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { createActivities } from '../activities';
import { LedgerMailer } from '../activities/mail/ledger-mailer';
import { RateLimiter } from '../activities/mail/rate-limiter';
import type { Db } from '../platform/database';
import { hashAccessToken, newAccessToken } from '../services/tokens';
import { createSession } from '../services/sessions';
import type { BenchInfrastructure } from './infrastructure';
import { addSyntheticOrganisations } from './roster';

const DAY = 24 * 3600 * 1000;

export interface BenchCycle {
  activities: ReturnType<typeof createActivities>;
  sessionId: string;
  cycleId: string;
  invitations: { id: string; organisationId: string; contactId: string }[];
}

export async function openBenchCycle(
  infra: BenchInfrastructure,
  db: Db,
  options: { sessionNumber: number; organisations: number },
): Promise<BenchCycle> {
  await addSyntheticOrganisations(db, options.organisations);
  const opening = new Date(Date.now() + 240 * DAY).toISOString().slice(0, 10);
  const closing = new Date(Date.now() + 244 * DAY).toISOString().slice(0, 10);
  const session = await createSession(
    db,
    { number: options.sessionNumber, openingDate: opening, closingDate: closing, venue: 'Vienna' },
    'bench',
  );
  const activities = createActivities({
    db,
    mailer: new LedgerMailer({
      db,
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: infra.smtpPort, ignoreTLS: true }),
      from: 'bench@example.org',
      messageIdDomain: 'bench.example.org',
      limiter: new RateLimiter(1000),
    }),
    storageDir: mkdtempSync(path.join(os.tmpdir(), 'cp-bench-docs-')),
    publicBaseUrl: 'http://bench.test',
    chiefEmail: 'chief@example.org',
  });
  // Called directly, outside a worker: openSurveyCycle does not heartbeat.
  const { cycleId } = await activities.openSurveyCycle({
    sessionId: session.id,
    closesAt: new Date(Date.now() + 100 * DAY).toISOString(),
    workflowId: `bench-cycle-${options.sessionNumber}`,
  });
  const organisations = await db.organisation.findMany({
    where: { code: { startsWith: 'BENCH-' } },
    select: { id: true, contacts: { select: { id: true } } },
  });
  for (let start = 0; start < organisations.length; start += 1000) {
    await db.invitation.createMany({
      data: organisations.slice(start, start + 1000).map((o) => ({
        cycleId,
        organisationId: o.id,
        contactId: o.contacts[0]!.id,
        expiresAt: new Date(Date.now() + 100 * DAY),
      })),
    });
  }
  const invitations = await db.invitation.findMany({
    where: { cycleId },
    select: { id: true, organisationId: true, contactId: true },
  });
  return { activities, sessionId: session.id, cycleId, invitations };
}

/** A personal link for each invitation, as the invitation e-mails would have issued them: the raw tokens, in order. */
export async function issueBenchLinks(db: Db, cycle: Pick<BenchCycle, 'cycleId' | 'invitations'>): Promise<string[]> {
  const tokens = cycle.invitations.map(() => newAccessToken());
  await db.accessToken.createMany({
    data: cycle.invitations.map((invitation, i) => ({
      invitationId: invitation.id,
      emailKey: `bench:${cycle.cycleId}:${i}`,
      tokenHash: hashAccessToken(tokens[i]!),
    })),
  });
  return tokens;
}

/** Revokes the links of these raw tokens, as a reissue would have. */
export async function revokeBenchLinks(db: Db, tokens: string[]): Promise<void> {
  await db.accessToken.updateMany({
    where: { tokenHash: { in: tokens.map(hashAccessToken) } },
    data: { revokedAt: new Date() },
  });
}

/** Puts these invitations past their expiry, as a closed survey would leave their links. */
export async function expireBenchInvitations(db: Db, invitationIds: string[]): Promise<void> {
  await db.invitation.updateMany({
    where: { id: { in: invitationIds } },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
}

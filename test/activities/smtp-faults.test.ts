/**
 * F3, F4 and L2 against a misbehaving SMTP server (real SMTP conversations, real PostgreSQL): 30 % of RCPT and DATA
 * commands answered 4xx, 5 % of connections dropped, 5 % of answers slowed — every deliverable invitation accepted
 * exactly once and none marked bounced; a 5xx tried once and the alternate used; a relay that throttles above its
 * rate sees no rejection once the mailer is paced below it (and, as the control, rejections when it is not).
 */
import type { Prisma } from '@prisma/client';
import { MockActivityEnvironment } from '@temporalio/testing';
import nodemailer from 'nodemailer';
import { LedgerMailer } from '../../activities/mail/ledger-mailer';
import { RateLimiter } from '../../activities/mail/rate-limiter';
import type { InvitationPage } from '../../activities/fan-out';
import { startFaultInjectingSmtp } from '../../harness/fault-injecting-smtp';
import type { FaultInjectingSmtp, SmtpFaults } from '../../harness/fault-injecting-smtp';
import { addSyntheticOrganisations } from '../../harness/roster';
import type { Db } from '../../platform/database';
import { createActivityFixture } from '../helpers/activity-fixture';
import type { ActivityFixture } from '../helpers/activity-fixture';
import { quietTemporalLogs } from '../helpers/temporal';

quietTemporalLogs();

const SURVEYED: Prisma.OrganisationWhereInput = { type: { in: ['UN_ENTITY', 'SPECIALIZED_AGENCY', 'INSTITUTE'] } };

/** The production transport (pooled) to the misbehaving server, paced at `perSecond`. */
function mailerTo(smtp: FaultInjectingSmtp, perSecond: number) {
  return (db: Db) =>
    new LedgerMailer({
      db,
      transport: nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, ignoreTLS: true, pool: true }),
      from: 'CCPCJ Secretariat <ccpcj-secretariat@example.org>',
      messageIdDomain: 'faults.example.org',
      limiter: new RateLimiter(perSecond),
    });
}

/**
 * Runs the cycle's invitation page as Temporal would: a failed attempt is retried with the heartbeat it last
 * recorded, until one completes. Returns the page and how many attempts it took.
 */
async function invitePageUntilDone(fixture: ActivityFixture, limit: number) {
  let heartbeat: unknown;
  for (let attempt = 1; attempt <= 30; attempt += 1) {
    const env = new MockActivityEnvironment({ heartbeatDetails: heartbeat, attempt });
    env.on('heartbeat', (details: unknown) => {
      heartbeat = details;
    });
    try {
      const page: InvitationPage = await env.run(fixture.activities.inviteOrganisationsPage, {
        cycleId: fixture.cycleId,
        limit,
      });
      return { page, attempts: attempt };
    } catch {
      // retried, as the activity's retry policy would
    }
  }
  throw new Error('the page never completed in 30 attempts');
}

async function withFaultySmtp(faults: SmtpFaults, perSecond: number, number: number) {
  const smtp = await startFaultInjectingSmtp(faults);
  const fixture = await createActivityFixture(
    { number, opening: '2031-05-12', closing: '2031-05-16', surveyCloses: '2031-01-30T00:00:00.000Z' },
    mailerTo(smtp, perSecond),
  );
  return { smtp, fixture };
}

describe('a page of 100 invitations through an SMTP server answering 4xx to 30 % of commands, dropping 5 % of connections', () => {
  let smtp: FaultInjectingSmtp;
  let fixture: ActivityFixture;
  let bouncing: { organisationId: string; primaryId: string; alternateId: string };

  beforeAll(async () => {
    ({ smtp, fixture } = await withFaultySmtp(
      {
        transientRate: 0.3,
        dropRate: 0.05,
        slowRate: 0.05,
        latencyMs: 400,
        rejectRecipients: /@bounce\.example\.org$/,
        seed: 7,
      },
      1000,
      61,
    ));
    const { db } = fixture.database;
    // A full page: the seeded UN-system bodies and enough synthetic ones to make 100 organisations.
    await addSyntheticOrganisations(db, 100 - (await db.organisation.count({ where: SURVEYED })));
    const organisation = await db.organisation.findFirstOrThrow({ where: SURVEYED, orderBy: { code: 'asc' } });
    await db.contact.deleteMany({ where: { organisationId: organisation.id, role: 'ALTERNATE' } });
    const primary = await db.contact.findFirstOrThrow({ where: { organisationId: organisation.id, role: 'PRIMARY' } });
    await db.contact.update({ where: { id: primary.id }, data: { email: 'focal.point@bounce.example.org' } });
    const alternate = await db.contact.create({
      data: { organisationId: organisation.id, name: 'Alternate', email: 'alternate@example.org', role: 'ALTERNATE' },
    });
    bouncing = { organisationId: organisation.id, primaryId: primary.id, alternateId: alternate.id };
  });

  afterAll(async () => {
    await fixture.close();
    await smtp.close();
  });

  it('delivers every deliverable invitation exactly once, marks none bounced, and keeps attempts bounded', async () => {
    const { db } = fixture.database;
    const surveyed = await db.organisation.count({ where: SURVEYED });
    const { page, attempts } = await invitePageUntilDone(fixture, surveyed);

    expect(page).toMatchObject({ invited: surveyed, undeliverable: 0 });
    expect(smtp.counts.transient).toBeGreaterThan(0);
    expect(smtp.counts.dropped).toBeGreaterThan(0);
    const ledger = await db.emailMessage.findMany({ where: { kind: 'invitation' } });
    const sent = ledger.filter((m) => m.status === 'SENT');
    expect(sent).toHaveLength(surveyed);
    // The server accepted each of them once, under the Message-ID the ledger holds for its key.
    const acceptedIds = smtp.accepted.map((m) => m.messageId);
    expect(new Set(acceptedIds).size).toBe(acceptedIds.length);
    expect(acceptedIds.sort()).toEqual(sent.map((m) => m.messageId).sort());
    // Only the address that answers 5xx is bounced; transient trouble bounces no one.
    const bounced = await db.contact.findMany({ where: { bouncedAt: { not: null } }, select: { id: true } });
    expect(bounced.map((c) => c.id)).toEqual([bouncing.primaryId]);
    expect(Math.max(...ledger.map((m) => m.attempts))).toBeLessThanOrEqual(attempts * 6);
    console.info(
      `F3: ${surveyed} invitations in ${attempts} page attempt(s); the server answered ${smtp.counts.transient} ` +
        `commands with 4xx, dropped ${smtp.counts.dropped} connections, slowed ${smtp.counts.slowed} answers; ` +
        `at most ${Math.max(...ledger.map((m) => m.attempts))} attempts for one message`,
    );
  });

  it('tries a 5xx address exactly once, then reaches the alternate', async () => {
    const { db } = fixture.database;
    expect(smtp.counts.rejected).toBe(1);
    const failed = await db.emailMessage.findMany({ where: { toAddress: 'focal.point@bounce.example.org' } });
    expect(failed.map((m) => [m.status, m.attempts])).toEqual([['FAILED', 1]]);
    const alternate = await db.emailMessage.findMany({ where: { toAddress: 'alternate@example.org' } });
    expect(alternate.map((m) => m.status)).toEqual(['SENT']);
    expect(smtp.accepted.filter((m) => m.to.includes('alternate@example.org'))).toHaveLength(1);
  });
});

describe('a relay that throttles above 10 messages a second (421 4.7.0)', () => {
  const throttle = { messages: 10, windowMs: 1000 };

  async function inviteEveryone(perSecond: number, number: number) {
    const { smtp, fixture } = await withFaultySmtp({ throttle }, perSecond, number);
    try {
      const surveyed = await fixture.database.db.organisation.count({ where: SURVEYED });
      const started = Date.now();
      const { page } = await invitePageUntilDone(fixture, surveyed);
      const failed = await fixture.database.db.emailMessage.count({ where: { status: 'FAILED' } });
      return { page, surveyed, failed, throttled: smtp.counts.throttled, seconds: (Date.now() - started) / 1000 };
    } finally {
      await fixture.close();
      await smtp.close();
    }
  }

  it('sees no throttling rejection once the mailer is paced below the limit, and loses nothing either way', async () => {
    const paced = await inviteEveryone(8, 62);
    const unpaced = await inviteEveryone(1000, 63);
    console.info(
      `L2: paced at 8/s: ${paced.throttled} rejections, ${paced.seconds.toFixed(1)} s; ` +
        `unpaced: ${unpaced.throttled} rejections, ${unpaced.seconds.toFixed(1)} s`,
    );
    expect(paced.throttled).toBe(0);
    // The control run shows the server does throttle: the same test would catch a mailer that is not paced.
    expect(unpaced.throttled).toBeGreaterThan(0);
    for (const run of [paced, unpaced]) {
      expect(run.page).toMatchObject({ invited: run.surveyed, undeliverable: 0 });
      expect(run.failed).toBe(0);
    }
  });
});
